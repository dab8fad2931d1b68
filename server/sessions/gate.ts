// The connection gate: everything between a TCP connection and a seated WebSocket. It checks the
// path and Origin, caps open connections per address, closes connections that do not join in
// time, rate-limits messages per connection (closing a sustained flood), parses each frame and
// hands it on: to the room once seated, else to the handshake. Nothing here knows rooms' rules.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  parseClientMessage,
  WS_PATH,
  type ClientMessage,
  type ErrorCode,
} from '../../src/net/protocol.ts';
import { clientAddress } from '../clientAddress.ts';
import { FloodMeter, TokenBucket } from './limits.ts';
import {
  DEFAULT_CONNECTIONS_PER_IP,
  DEFAULT_JOIN_TIMEOUT_MS,
  trustedHops,
  type SessionHubOptions,
} from './options.ts';
import type { Conn } from './room.ts';
import { errorText } from './text.ts';

/** Largest frame ws accepts; above MAX_MESSAGE_BYTES we still read it so we can answer. */
export const WS_MAX_PAYLOAD = 64 * 1024;
/** Close code for a connection that keeps flooding (docs/PROTOCOL.md). */
export const CLOSE_FLOOD = 1008;
/** Close code for a connection that did not join or resume in time. */
export const CLOSE_JOIN_TIMEOUT = 4008;

export interface Connection extends Conn {
  ws: WebSocket;
  ip: string;
  bucket: TokenBucket;
  flood: FloodMeter;
  lastRateErrorWall: number;
  alive: boolean;
  /** Waiting in the join slow lane: the join timeout does not apply. */
  queued: boolean;
}

export interface GateHandlers {
  /** A valid message from a connection that holds no seat yet. */
  handshake(conn: Connection, m: ClientMessage, wall: number): void;
  /** A valid message from a seated connection. */
  seated(conn: Connection, m: ClientMessage, wall: number): void;
  closed(conn: Connection, wall: number): void;
  /** While restart recovery is still rebuilding rooms: resolves when it is done. */
  recovering(): Promise<void> | undefined;
}

export class ConnectionGate {
  readonly connections = new Set<Connection>();
  private readonly perIp = new Map<string, number>();
  private readonly wss: WebSocketServer;
  private readonly hops: number;
  private readonly log: (message: string) => void;
  private stopped = false;

  constructor(
    private readonly options: SessionHubOptions,
    private readonly handlers: GateHandlers,
    private readonly wallNow: () => number,
  ) {
    this.hops = trustedHops(options);
    this.log = options.log ?? ((m) => console.log(m));
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: WS_MAX_PAYLOAD,
      // Compression costs memory per connection and invites compression bombs; frames are small.
      perMessageDeflate: false,
    });
  }

  attach(server: Server): void {
    server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
  }

  clientIp(req: IncomingMessage): string {
    return clientAddress(req, this.hops);
  }

  /** Same host as the request, or listed in allowedOrigins / publicUrl. No Origin: not a browser. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return false;
    }
    if (host === req.headers.host) return true;
    const normal = origin.replace(/\/+$/, '').toLowerCase();
    const allowed = [
      ...(this.options.allowedOrigins ?? []),
      ...(this.options.publicUrl ? [this.options.publicUrl] : []),
    ];
    return allowed.some((a) => {
      try {
        return new URL(a).origin.toLowerCase() === normal;
      } catch {
        return false;
      }
    });
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A socket error before or during the handshake (reset, EPIPE) must not be unhandled.
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '/').split('?')[0];
    if (path !== WS_PATH) return refuse(socket, '404 Not Found');
    if (!this.originAllowed(req)) {
      this.log(`ws: refused origin ${JSON.stringify(req.headers.origin)}`);
      return refuse(socket, '403 Forbidden');
    }
    const ip = this.clientIp(req);
    if ((this.perIp.get(ip) ?? 0) >= (this.options.connectionsPerIp ?? DEFAULT_CONNECTIONS_PER_IP))
      return refuse(socket, '429 Too Many Requests', 'Retry-After: 10\r\n');
    // Right after a restart the rooms are still being rebuilt: a seat resuming now must find
    // its room, so the upgrade waits for recovery instead of being refused.
    const recovering = this.handlers.recovering();
    if (recovering) {
      void recovering.then(() => {
        if (!socket.destroyed && !this.stopped)
          this.wss.handleUpgrade(req, socket, head, (ws) => this.connection(ws, ip));
      });
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connection(ws, ip));
  }

  private connection(ws: WebSocket, ip: string): void {
    const wall = this.wallNow();
    const conn: Connection = {
      ws,
      ip,
      bucket: new TokenBucket(
        this.options.messageBurst ?? 20,
        this.options.messagesPerSecond ?? 10,
        wall,
      ),
      flood: new FloodMeter(wall),
      lastRateErrorWall: 0,
      alive: true,
      queued: false,
      seat: undefined,
      room: undefined,
      send: (text) => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      },
      close: (code, reason) => ws.close(code, reason),
    };
    this.connections.add(conn);
    this.perIp.set(ip, (this.perIp.get(ip) ?? 0) + 1);
    // Unjoined connections hold a descriptor and memory for nothing: they get a few seconds, and
    // a join waiting in the slow lane gets the same again once it has been answered.
    const timeoutMs = this.options.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS;
    let joinTimer: ReturnType<typeof setTimeout>;
    const checkJoined = () => {
      if (conn.seat) return;
      if (!conn.queued) return ws.close(CLOSE_JOIN_TIMEOUT, 'join timeout');
      joinTimer = setTimeout(checkJoined, timeoutMs);
      joinTimer.unref();
    };
    joinTimer = setTimeout(checkJoined, timeoutMs);
    joinTimer.unref();
    ws.on('pong', () => (conn.alive = true));
    ws.on('message', (data, isBinary) => this.message(conn, data, isBinary));
    ws.on('close', () => {
      clearTimeout(joinTimer);
      this.connections.delete(conn);
      const left = (this.perIp.get(ip) ?? 1) - 1;
      if (left > 0) this.perIp.set(ip, left);
      else this.perIp.delete(ip);
      this.handlers.closed(conn, this.wallNow());
    });
    // ws reports oversized frames (past WS_MAX_PAYLOAD) and protocol errors here, then closes.
    ws.on('error', () => undefined);
  }

  sendError(
    conn: Connection,
    code: ErrorCode,
    detail?: string,
    extra: { field?: string; clientSeq?: number } = {},
  ): void {
    conn.send(JSON.stringify({ t: 'error', code, text: errorText(code, detail), ...extra }));
  }

  private message(conn: Connection, data: RawData, isBinary: boolean): void {
    const wall = this.wallNow();
    try {
      if (!conn.bucket.take(wall)) {
        if (conn.flood.refused(wall)) {
          conn.ws.close(CLOSE_FLOOD, 'rate limit');
          return;
        }
        // A dropped command is answered, naming it, so the client knows it was refused (never
        // more frames than were sent, and a flood is closed above). Other messages get one error
        // frame per second at most: answering every flood message would amplify it.
        const small = !isBinary && Buffer.isBuffer(data) && data.length <= 2048;
        const clientSeq = small ? clientSeqOf(rawText(data)) : undefined;
        if (clientSeq !== undefined)
          return this.sendError(
            conn,
            'RATE_LIMITED',
            'more than the allowed messages per second; this command was not applied',
            { clientSeq },
          );
        if (wall - conn.lastRateErrorWall >= 1000) {
          conn.lastRateErrorWall = wall;
          this.sendError(
            conn,
            'RATE_LIMITED',
            'more than the allowed messages per second; dropped',
          );
        }
        return;
      }
      if (isBinary) return this.sendError(conn, 'BAD_JSON', 'binary frames are not accepted');
      const text = rawText(data);
      const parsed = parseClientMessage(text);
      if (!parsed.ok) {
        const clientSeq = clientSeqOf(text);
        return this.sendError(conn, parsed.code, parsed.detail, {
          ...(parsed.field ? { field: parsed.field } : {}),
          ...(clientSeq !== undefined ? { clientSeq } : {}),
        });
      }
      if (conn.room && conn.seat) this.handlers.seated(conn, parsed.message, wall);
      else this.handlers.handshake(conn, parsed.message, wall);
    } catch (e) {
      // A bug handling one message answers that connection; the process and other rooms go on.
      this.log(`ws: internal error handling a message: ${(e as Error).stack ?? String(e)}`);
      this.sendError(conn, 'INTERNAL');
    }
  }

  /** Protocol-level pings find dead TCP connections the OS has not reported. */
  pingAll(): void {
    for (const c of this.connections) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }

  stop(): void {
    this.stopped = true;
    for (const c of this.connections) c.ws.terminate();
    this.wss.close();
  }
}

function refuse(socket: Duplex, status: string, headers = ''): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n${headers}Content-Length: 0\r\n\r\n`);
}

function rawText(data: RawData): string {
  return Array.isArray(data)
    ? Buffer.concat(data).toString('utf8')
    : Buffer.from(data as ArrayBuffer).toString('utf8');
}

/** The clientSeq of a `cmd` (refused or invalid), when it can be read, so the client can match the error. */
function clientSeqOf(text: string): number | undefined {
  if (text.length > 20_000) return undefined;
  try {
    const j = JSON.parse(text) as { t?: unknown; clientSeq?: unknown };
    return j && j.t === 'cmd' && Number.isSafeInteger(j.clientSeq)
      ? (j.clientSeq as number)
      : undefined;
  } catch {
    return undefined;
  }
}
