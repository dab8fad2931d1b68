// Helpers for the server-hardening tests: WebSocket and HTTP clients that can act as several
// addresses (Linux routes all of 127.0.0.0/8 to loopback, so binding 127.0.0.2, 127.0.0.3 …
// with `localAddress` looks like distinct clients to the server) and send any headers.
import { request } from 'node:http';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../../src/net/protocol';
import { waitFor } from './sessionsHelpers';

export interface TestSocket {
  ws: WebSocket;
  frames: ServerMessage[];
  /** The close code once closed. */
  closeCode: () => number | undefined;
  send: (m: Record<string, unknown>) => void;
  /** Waits for a frame of type `t` beyond the first `after` frames. */
  frame: (t: string, after?: number) => Promise<ServerMessage>;
}

/** Opens a WebSocket from `localAddress`; rejects with the HTTP status when the upgrade is refused. */
export function openSocket(
  url: string,
  options: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<TestSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { localAddress: options.localAddress, headers: options.headers });
    const frames: ServerMessage[] = [];
    let code: number | undefined;
    ws.on('message', (d) => frames.push(JSON.parse(d.toString()) as ServerMessage));
    ws.on('close', (c) => (code = c));
    ws.on('unexpected-response', (_req, res) =>
      reject(
        Object.assign(new Error(`upgrade refused: ${res.statusCode}`), {
          status: res.statusCode,
          retryAfter: res.headers['retry-after'],
        }),
      ),
    );
    ws.on('error', (e) => reject(e));
    ws.once('open', () =>
      resolve({
        ws,
        frames,
        closeCode: () => code,
        send: (m) => ws.send(JSON.stringify(m)),
        frame: async (t, after = 0) => {
          const find = () => frames.slice(after).find((f) => f.t === t);
          await waitFor(`a ${t} frame`, () => find() !== undefined, 10_000);
          return find()!;
        },
      }),
    );
  });
}

/** The refusal of an upgrade that should not open: its status and Retry-After. */
export async function refusedUpgrade(
  url: string,
  options: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; retryAfter: string | undefined }> {
  try {
    const s = await openSocket(url, options);
    s.ws.close();
    return { status: 101, retryAfter: undefined };
  } catch (e) {
    const err = e as { status?: number; retryAfter?: string };
    return { status: err.status ?? 0, retryAfter: err.retryAfter };
  }
}

/** One HTTP request from `localAddress` with any headers and body. */
export function httpRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    localAddress?: string;
  } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.localAddress,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const join = (room: string, name = 'x') => ({ t: 'join', v: 1, room, name, as: 'player' });
