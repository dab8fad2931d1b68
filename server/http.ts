// Small HTTP helpers for the JSON API: bounded body reading and uniform JSON answers, so a bad
// request never reaches the handlers as an exception and never takes the process down.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers (Retry-After with a 429 or 503). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'cache-control': 'no-store',
      ...headers,
    })
    .end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

/**
 * Reads the whole body up to `limit` bytes. A declared content-length over the limit is refused
 * before reading; a body that grows past it is refused as soon as it does (413), and the rest is
 * drained rather than buffered so the client still gets the answer.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () =>
      new HttpError(
        413,
        'PAYLOAD_TOO_LARGE',
        `request body is larger than the limit of ${limit} bytes`,
      );
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      failed = true;
      reject(tooLarge());
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped so the client can see the 413, but a client
      // that keeps streaming far beyond it is cut off.
      if (failed) {
        if (size > limit * 4) req.destroy();
        return;
      }
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) {
        failed = true;
        reject(new HttpError(400, 'BAD_REQUEST', `request body could not be read: ${err.message}`));
      }
    });
  });
}

/** Parses a JSON body, naming the problem (position and reason) when it is not JSON. */
export function parseJsonBody(body: Buffer, expected = 'a run file'): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '')
    throw new HttpError(
      400,
      'MALFORMED_JSON',
      `request body is empty; expected ${expected} (JSON)`,
    );
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(
      400,
      'MALFORMED_JSON',
      `request body is not valid JSON: ${(e as Error).message}`,
    );
  }
}
