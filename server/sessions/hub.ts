// The session hub: every room of this process, the WebSocket endpoint, the pacing timer, and the
// HTTP side (POST /api/sessions). One process serves a class comfortably (docs/TEAMS.md has the
// measured limits); a room lives in exactly one process.
//
// Isolation: each message is handled inside a try/catch scoped to its connection, and a room's
// state is touched only by its own messages and its own pacing step, so one room's bad input or
// bug answers that connection with an error and never reaches another room.
import type { IncomingMessage, ServerResponse, Server } from 'node:http';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { createRun, type PlayerRole } from '../../src/game/index.ts';
import {
  CLOSE_BAD_TOKEN,
  createSessionSchema,
  issuePath,
  issueReason,
  parseClientMessage,
  PROTOCOL_VERSION,
  WS_PATH,
  type ClientMessage,
  type CreateSessionResponse,
  type ErrorCode,
  type SeatRole,
} from '../../src/net/protocol.ts';
import type { Db } from '../db.ts';
import { HttpError, readBody, sendError, sendJson } from '../http.ts';
import { LevelCache } from './levelCache.ts';
import { TokenBucket, WindowCounter } from './limits.ts';
import { MAX_SEATS, Room, type Conn, type Seat } from './room.ts';
import { newRoomCode, newToken, tokenHash } from './secrets.ts';
import { SessionStore } from './store.ts';
import { errorText } from './text.ts';
import { replayJob, sessionEndJob } from '../verifyJob.ts';
import type { VerifyPool } from '../verifyPool.ts';

export interface SessionHubOptions {
  db: Db;
  levelsDir: string;
  /** Extra origins allowed to open the WebSocket (the server's own host always is). */
  allowedOrigins?: readonly string[];
  /** Base URL of join links (behind a proxy); else from the request's Host header. */
  publicUrl?: string;
  /** Take the client IP from X-Forwarded-For (only behind your own proxy). */
  trustProxy?: boolean;
  /** Pacing timer period, ms (default 200). */
  paceMs?: number;
  /** A room nobody is connected to for this long is ended (default 120 min). */
  idleMs?: number;
  maxRooms?: number;
  /** Failed joins/resumes per IP per 10 minutes (default 20). */
  joinFailuresPerIp?: number;
  /** Sessions created per IP per hour (default 30). */
  sessionsPerIpHour?: number;
  /** Per-connection token bucket: burst and messages per second (default 20 and 10). */
  messageBurst?: number;
  messagesPerSecond?: number;
  /**
   * Every this many ms, log one `session-stats {…}` line (JSON): rooms, connections, command
   * handling time and pacing work p50/p99, event-loop delay p99. Off when absent (the bench uses it).
   */
  statsMs?: number;
  /**
   * Where a session's final run is made and verified, and where restart recovery replays logs:
   * the app's worker pool (server/verifyPool.ts). Without it, on the event loop.
   */
  verifier?: Pick<VerifyPool, 'sessionEnd' | 'replay'>;
  /** Wall clock for pacing and limits (tests pin it); defaults to Date.now. */
  wallNow?: () => number;
  log?: (message: string) => void;
}

/** Largest frame ws accepts; above MAX_MESSAGE_BYTES we still read it so we can answer. */
export const WS_MAX_PAYLOAD = 64 * 1024;
/** A connection that is still over its rate after this many refused messages is closed. */
const FLOOD_CLOSE_AFTER = 200;
/** Ended rooms stay in memory this long so reconnecting clients learn the outcome. */
const ENDED_GRACE_MS = 10 * 60_000;
const SWEEP_MS = 30_000;
/** Longest stretch of pacing work before the event loop gets a turn (commands, sockets). */
const PACE_SLICE_MS = 4;

interface Connection extends Conn {
  ws: WebSocket;
  ip: string;
  bucket: TokenBucket;
  refusedInARow: number;
  lastRateErrorWall: number;
  alive: boolean;
}

export class SessionHub {
  readonly rooms = new Map<string, Room>();
  private readonly byToken = new Map<string, { room: Room; seatId: string }>();
  private readonly store: SessionStore;
  private readonly levels: LevelCache;
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly joinFailures: WindowCounter;
  private readonly creations: WindowCounter;
  private readonly wallNow: () => number;
  private readonly log: (message: string) => void;
  private paceTimer: ReturnType<typeof setInterval> | undefined;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private loopDelay: IntervalHistogram | undefined;
  /** Durations (ms) since the last stats line: command handling, pacing work per pass. */
  private readonly cmdMs: number[] = [];
  private readonly paceMs: number[] = [];

  constructor(private readonly options: SessionHubOptions) {
    this.store = new SessionStore(options.db);
    this.levels = new LevelCache(options.levelsDir);
    this.wallNow = options.wallNow ?? Date.now;
    this.log = options.log ?? ((m) => console.log(m));
    this.joinFailures = new WindowCounter(options.joinFailuresPerIp ?? 20, 10 * 60_000);
    this.creations = new WindowCounter(options.sessionsPerIpHour ?? 30, 60 * 60_000);
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: WS_MAX_PAYLOAD,
      // Compression costs memory per connection and invites compression bombs; frames are small.
      perMessageDeflate: false,
    });
    this.verifier = options.verifier ?? {
      sessionEnd: (input) => Promise.resolve(sessionEndJob(input)),
      replay: (input) => Promise.resolve(replayJob(input)),
    };
    this.ready = this.recover().then(
      () => void (this.recovered = true),
      (e: unknown) => {
        this.recovered = true;
        this.log(`restart recovery failed: ${(e as Error).stack ?? String(e)}`);
      },
    );
  }

  private readonly verifier: NonNullable<SessionHubOptions['verifier']>;
  /** Resolves once restart recovery has rebuilt every room it could (connections wait for it). */
  readonly ready: Promise<void>;
  private recovered = false;

  // ------------------------------------------------------------ lifecycle

  /** Hooks the WebSocket endpoint into the HTTP server and starts the timers. */
  attach(server: Server): void {
    server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    server.on('close', () => this.stop());
    this.paceTimer = setInterval(() => this.paceAll(), this.options.paceMs ?? 200);
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_MS);
    // Protocol-level pings find dead TCP connections the OS has not reported.
    this.pingTimer = setInterval(() => {
      for (const c of this.connections) {
        if (!c.alive) {
          c.ws.terminate();
          continue;
        }
        c.alive = false;
        c.ws.ping();
      }
    }, 30_000);
    for (const t of [this.paceTimer, this.sweepTimer, this.pingTimer]) t.unref();
    if (this.options.statsMs) {
      this.loopDelay = monitorEventLoopDelay({ resolution: 10 });
      this.loopDelay.enable();
      this.statsTimer = setInterval(() => this.logStats(), this.options.statsMs);
      this.statsTimer.unref();
    }
  }

  private logStats(): void {
    const q = (xs: number[], p: number) => {
      if (xs.length === 0) return 0;
      const sorted = [...xs].sort((a, b) => a - b);
      return (
        Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 100) / 100
      );
    };
    const d = this.loopDelay!;
    this.log(
      `session-stats ${JSON.stringify({
        rooms: this.rooms.size,
        connections: this.connections.size,
        commands: this.cmdMs.length,
        cmdMsP50: q(this.cmdMs, 0.5),
        cmdMsP99: q(this.cmdMs, 0.99),
        paceWorkMsP50: q(this.paceMs, 0.5),
        paceWorkMsP99: q(this.paceMs, 0.99),
        loopDelayMsP50: Math.round(d.percentile(50) / 1e4) / 100,
        loopDelayMsP99: Math.round(d.percentile(99) / 1e4) / 100,
        loopDelayMsMax: Math.round(d.max / 1e4) / 100,
      })}`,
    );
    this.cmdMs.length = 0;
    this.paceMs.length = 0;
    d.reset();
  }

  stop(): void {
    this.stopped = true;
    for (const t of [this.paceTimer, this.sweepTimer, this.pingTimer, this.statsTimer])
      if (t) clearInterval(t);
    this.paceTimer = this.sweepTimer = this.pingTimer = this.statsTimer = undefined;
    this.loopDelay?.disable();
    this.saveClocks();
    for (const c of this.connections) c.ws.terminate();
    this.wss.close();
  }

  /**
   * Restart recovery: every room not ended is rebuilt from SQLite by replaying its log to the
   * stored engine time. Clients reconnect by themselves and resume their seats.
   */
  private async recover(): Promise<void> {
    // The replays run in parallel on the worker pool; each room is rebuilt as its replay returns.
    await Promise.all(
      this.store.loadLive().map(async ({ session, seats, log }) => {
        try {
          await this.rebuild(session, seats, log);
        } catch (e) {
          this.log(`room ${session.code}: cannot be rebuilt: ${(e as Error).message}`);
        }
      }),
    );
  }

  private async rebuild(
    session: ReturnType<SessionStore['loadLive']>[number]['session'],
    seats: ReturnType<SessionStore['loadLive']>[number]['seats'],
    log: ReturnType<SessionStore['loadLive']>[number]['log'],
  ): Promise<void> {
    const lv = this.levels.get(session.levelId);
    if (!lv.ok || lv.sha256 !== session.levelSha256) {
      this.log(
        `room ${session.code}: cannot be rebuilt (${lv.ok ? 'the level file changed' : lv.message}); ended`,
      );
      this.store.end(session.id, session.nowMs, null, 'level-changed');
      return;
    }
    // Never stop short of a logged command (the stored time is written with each of them).
    const untilMs = Math.max(session.nowMs, (log.at(-1)?.tick ?? 0) * 1000);
    const replay = await this.verifier.replay({
      level: lv.level,
      seed: session.seed,
      log: log.map((e) => ({ tick: e.tick, role: e.role, type: e.type, args: e.args })),
      untilMs,
    });
    if (!replay.ok) {
      this.log(
        `room ${session.code}: its log does not replay (command #${replay.index}: ${replay.code}); ended`,
      );
      this.store.end(session.id, session.nowMs, null, 'replay-failed');
      return;
    }
    const wall = this.wallNow();
    const lastSeq = new Map<string, number>();
    for (const e of log) lastSeq.set(e.seat, Math.max(lastSeq.get(e.seat) ?? 0, e.clientSeq));
    const room = this.makeRoom(
      {
        id: session.id,
        code: session.code,
        level: lv.level,
        levelSha256: lv.sha256,
        seed: session.seed,
        roles: session.roles,
        state: session.state,
        run: { ...replay.run, level: lv.level },
        seats: seats.map((s) => ({
          id: s.seat,
          kind: s.kind,
          name: s.name,
          role: s.role,
          tokenHash: s.tokenHash,
          removed: s.removed,
          conn: undefined,
          lastClientSeq: lastSeq.get(s.seat) ?? 0,
        })),
        log,
        runId: session.runId,
      },
      wall,
    );
    this.log(`room ${room.code}: rebuilt at tick ${room.run.state.tick} (${log.length} commands)`);
  }

  private makeRoom(init: ConstructorParameters<typeof Room>[0], wall: number): Room {
    const room = new Room(
      init,
      this.store,
      {
        revoke: (hash) => this.byToken.delete(hash),
        log: (m) => this.log(m),
        finish: (input) => this.verifier.sessionEnd(input),
      },
      wall,
    );
    this.rooms.set(room.code, room);
    for (const s of room.seats.values())
      if (!s.removed) this.byToken.set(s.tokenHash, { room, seatId: s.id });
    return room;
  }

  // ------------------------------------------------------------ HTTP: POST /api/sessions

  /** Answers /api/sessions; returns false for other paths. */
  async handleHttp(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path !== '/api/sessions') return false;
    try {
      if (req.method !== 'POST') {
        sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${path}`, {
          allow: 'POST',
        });
        return true;
      }
      const ip = this.clientIp(req);
      const wall = this.wallNow();
      if (!this.creations.allowed(ip, wall))
        throw new HttpError(
          429,
          'RATE_LIMITED',
          'too many sessions created from this address; try again later',
        );
      const body = (await readBody(req, 4096)).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch (e) {
        throw new HttpError(
          400,
          'MALFORMED_JSON',
          `request body is not valid JSON: ${(e as Error).message}`,
        );
      }
      const parsed = createSessionSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issuePath(issue.path) || 'body';
        throw new HttpError(400, 'BAD_SESSION', `${field}: ${issueReason(issue)}`);
      }
      const { level: levelId, roles } = parsed.data;
      if (new Set(roles).size !== roles.length)
        throw new HttpError(400, 'BAD_SESSION', 'roles: each role at most once');
      const lv = this.levels.get(levelId);
      if (!lv.ok) throw new HttpError(lv.code === 'UNKNOWN_LEVEL' ? 422 : 500, lv.code, lv.message);
      if (this.liveRoomCount() >= (this.options.maxRooms ?? 500))
        throw new HttpError(
          503,
          'TOO_MANY_ROOMS',
          'this server runs as many rooms as it can; try later',
        );
      this.creations.record(ip, wall);
      const seed = parsed.data.seed ?? randomSeed();
      const created = this.createRoom(
        levelId,
        lv.level,
        lv.sha256,
        seed,
        roles as SeatRole[],
        wall,
      );
      const joinPath = `/?join=${created.code}`;
      // Behind a trusted TLS proxy the request itself is plain HTTP; the proxy says what it was.
      const proto =
        this.options.trustProxy && req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
      const base =
        this.options.publicUrl?.replace(/\/+$/, '') ??
        `${proto}://${req.headers.host ?? 'localhost'}`;
      const answer: CreateSessionResponse = {
        code: created.code,
        facilitatorToken: created.token,
        joinUrl: `${base}${joinPath}`,
        joinPath,
        wsPath: WS_PATH,
        level: levelId,
        seed,
        roles: roles as SeatRole[],
      };
      sendJson(res, 201, answer);
    } catch (e) {
      if (e instanceof HttpError) sendError(res, e.status, e.code, e.message);
      else {
        this.log(`POST /api/sessions: ${(e as Error).stack ?? String(e)}`);
        sendError(res, 500, 'INTERNAL', 'internal error; no session was created');
      }
    }
    return true;
  }

  /** Creates a room in the lobby with its facilitator seat; returns its code and the facilitator token. */
  createRoom(
    levelId: string,
    level: import('../../src/game/index.ts').Level,
    levelSha256: string,
    seed: number,
    roles: SeatRole[],
    wall = this.wallNow(),
  ): { code: string; token: string; room: Room } {
    let code = newRoomCode();
    while (this.rooms.has(code) || this.store.codeTaken(code)) code = newRoomCode();
    const token = newToken();
    const hash = tokenHash(token);
    const run = createRun(level, seed);
    const id = this.store.createSession(
      { code, levelId, levelSha256, seed, roles },
      run.state.engine.tMs,
      { seat: 's1', name: 'facilitator', tokenHash: hash },
    );
    const room = this.makeRoom(
      {
        id,
        code,
        level,
        levelSha256,
        seed,
        roles,
        state: 'lobby',
        run,
        seats: [
          {
            id: 's1',
            kind: 'facilitator',
            name: 'facilitator',
            role: 'facilitator' as PlayerRole,
            tokenHash: hash,
            removed: false,
            conn: undefined,
            lastClientSeq: 0,
          },
        ],
        log: [],
        runId: null,
      },
      wall,
    );
    this.log(`room ${code}: created (${levelId}, seed ${seed}, roles ${roles.join(',')})`);
    return { code, token, room };
  }

  private liveRoomCount(): number {
    let n = 0;
    for (const r of this.rooms.values()) if (r.state !== 'ended') n++;
    return n;
  }

  // ------------------------------------------------------------ WebSocket

  private clientIp(req: IncomingMessage): string {
    if (this.options.trustProxy) {
      const fwd = req.headers['x-forwarded-for'];
      const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
      if (first) return first;
    }
    return req.socket.remoteAddress ?? 'unknown';
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
    const path = (req.url ?? '/').split('?')[0];
    if (path !== WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!this.originAllowed(req)) {
      this.log(`ws: refused origin ${JSON.stringify(req.headers.origin)}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // Right after a restart the rooms are still being rebuilt: a seat resuming now must find
    // its room, so the upgrade waits for recovery instead of being refused.
    if (!this.recovered) {
      void this.ready.then(() => {
        if (!socket.destroyed && !this.stopped)
          this.wss.handleUpgrade(req, socket, head, (ws) => this.connection(ws, req));
      });
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connection(ws, req));
  }

  private connection(ws: WebSocket, req: IncomingMessage): void {
    const wall = this.wallNow();
    const conn: Connection = {
      ws,
      ip: this.clientIp(req),
      bucket: new TokenBucket(
        this.options.messageBurst ?? 20,
        this.options.messagesPerSecond ?? 10,
        wall,
      ),
      refusedInARow: 0,
      lastRateErrorWall: 0,
      alive: true,
      seat: undefined,
      room: undefined,
      send: (text) => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      },
      close: (code, reason) => ws.close(code, reason),
    };
    this.connections.add(conn);
    ws.on('pong', () => (conn.alive = true));
    ws.on('message', (data, isBinary) => this.message(conn, data, isBinary));
    ws.on('close', () => {
      this.connections.delete(conn);
      conn.room?.detach(conn, this.wallNow());
    });
    // ws reports oversized frames (past WS_MAX_PAYLOAD) and protocol errors here, then closes.
    ws.on('error', () => undefined);
  }

  private sendError(
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
        conn.refusedInARow++;
        if (conn.refusedInARow >= FLOOD_CLOSE_AFTER) {
          conn.ws.close(1008, 'rate limit');
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
      conn.refusedInARow = 0;
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
      const m = parsed.message;
      if (conn.room && conn.seat) {
        if (m.t !== 'cmd' || !this.loopDelay) return conn.room.handle(conn, m, wall);
        const t0 = performance.now();
        conn.room.handle(conn, m, wall);
        if (this.cmdMs.length < 100_000) this.cmdMs.push(performance.now() - t0);
        return;
      }
      this.handshake(conn, m, wall);
    } catch (e) {
      // A bug handling one message answers that connection; the process and other rooms go on.
      this.log(`ws: internal error handling a message: ${(e as Error).stack ?? String(e)}`);
      this.sendError(conn, 'INTERNAL');
    }
  }

  private handshake(conn: Connection, m: ClientMessage, wall: number): void {
    if (m.t === 'ping') return conn.send(JSON.stringify({ t: 'pong', id: m.id }));
    if (m.t !== 'join' && m.t !== 'resume')
      return this.sendError(conn, 'NOT_JOINED', `${m.t} before join or resume`, { field: 't' });
    if (m.v !== PROTOCOL_VERSION)
      return this.sendError(
        conn,
        'UNSUPPORTED_VERSION',
        `v: ${m.v}; this server speaks ${PROTOCOL_VERSION}`,
        { field: 'v' },
      );
    if (!this.joinFailures.allowed(conn.ip, wall))
      return this.sendError(conn, 'RATE_LIMITED', 'too many failed joins from this address');
    if (m.t === 'resume') {
      const found = this.byToken.get(tokenHash(m.token));
      const seat = found?.room.seats.get(found.seatId);
      if (!found || !seat || seat.removed) {
        this.joinFailures.record(conn.ip, wall);
        this.sendError(conn, 'BAD_TOKEN', undefined, { field: 'token' });
        conn.ws.close(CLOSE_BAD_TOKEN, 'bad token');
        return;
      }
      found.room.attach(conn, seat, undefined, wall);
      return;
    }
    const room = this.rooms.get(m.room);
    if (!room) {
      this.joinFailures.record(conn.ip, wall);
      return this.sendError(conn, 'UNKNOWN_ROOM', `room: ${m.room}`, { field: 'room' });
    }
    if (room.state === 'ended')
      return this.sendError(conn, 'ROOM_ENDED', undefined, { field: 'room' });
    if (room.seats.size >= MAX_SEATS) return this.sendError(conn, 'ROOM_FULL');
    const token = newToken();
    const seat: Seat = {
      id: room.nextSeatId(),
      kind: m.as,
      name: m.name.normalize('NFC').trim(),
      role: null,
      tokenHash: tokenHash(token),
      removed: false,
      conn: undefined,
      lastClientSeq: 0,
    };
    this.store.addSeat(room.id, {
      seat: seat.id,
      kind: seat.kind,
      name: seat.name,
      role: null,
      tokenHash: seat.tokenHash,
      removed: false,
    });
    room.seats.set(seat.id, seat);
    this.byToken.set(seat.tokenHash, { room, seatId: seat.id });
    room.attach(conn, seat, token, wall);
  }

  // ------------------------------------------------------------ timers

  /** A pass over the rooms that has not finished yet (the next timer tick then skips). */
  private pacing = false;
  private stopped = false;

  /**
   * The pacing step for every room, then one batched write of the clocks that moved. The pass
   * yields to the event loop every PACE_SLICE_MS, so with hundreds of rooms a command arriving
   * mid-pass waits for one slice, not for the whole pass.
   */
  paceAll(): void {
    if (this.pacing || this.stopped) return;
    this.pacing = true;
    const rooms = [...this.rooms.values()];
    let i = 0;
    let work = 0;
    const slice = () => {
      if (this.stopped) return;
      const started = performance.now();
      const wall = this.wallNow();
      const batch: Room[] = [];
      while (i < rooms.length && performance.now() - started < PACE_SLICE_MS) {
        const room = rooms[i++]!;
        if (this.rooms.get(room.code) !== room) continue;
        try {
          room.advance(wall);
          batch.push(room);
        } catch (e) {
          this.log(`room ${room.code}: pacing failed: ${(e as Error).stack ?? String(e)}`);
        }
      }
      // The slice's clocks are written before they are broadcast (like commands): a restart
      // gives back the clock the clients last saw, not one from an earlier pass.
      this.persistClocks(batch);
      for (const room of batch) {
        try {
          if (room.announce(wall)) room.end('finished', wall);
        } catch (e) {
          this.log(`room ${room.code}: pacing failed: ${(e as Error).stack ?? String(e)}`);
        }
      }
      work += performance.now() - started;
      if (i < rooms.length) {
        setImmediate(slice);
        return;
      }
      if (this.loopDelay && this.paceMs.length < 100_000) this.paceMs.push(work);
      this.pacing = false;
    };
    slice();
  }

  /** Writes the engine time of every room whose clock moved (on stop). */
  private saveClocks(): void {
    this.persistClocks(this.rooms.values());
  }

  /** Writes, in one transaction, the engine time of those of `rooms` whose clock moved. */
  private persistClocks(rooms: Iterable<Room>): void {
    const moved: { id: number; nowMs: number }[] = [];
    const marked: Room[] = [];
    for (const r of rooms) {
      if (r.state === 'ended' || r.ms === r.persistedMs) continue;
      moved.push({ id: r.id, nowMs: r.ms });
      marked.push(r);
    }
    try {
      this.store.saveNow(moved);
      for (const r of marked) r.persistedMs = r.ms;
    } catch (e) {
      // A full disk must not stop the class: the clocks go on and are written when it can.
      this.store.noteError(e);
      this.log(`saving room clocks failed: ${(e as Error).message}`);
    }
  }

  /** Expires idle rooms and forgets ended ones after their grace period. */
  sweep(): void {
    const wall = this.wallNow();
    const idleMs = this.options.idleMs ?? 120 * 60_000;
    for (const room of [...this.rooms.values()]) {
      try {
        const nobody = room.connectedCount() === 0;
        if (room.state !== 'ended' && nobody && wall - room.lastActiveWall >= idleMs)
          room.end('idle', wall);
        if (room.state === 'ended' && nobody && wall - (room.endedWall ?? wall) >= ENDED_GRACE_MS)
          this.forget(room);
      } catch (e) {
        this.log(`room ${room.code}: sweep failed: ${(e as Error).message}`);
      }
    }
    this.joinFailures.sweep(wall);
    this.creations.sweep(wall);
  }

  private forget(room: Room): void {
    this.rooms.delete(room.code);
    for (const s of room.seats.values()) this.byToken.delete(s.tokenHash);
  }
}

function randomSeed(): number {
  // Not security-relevant: any uint32 seeds a fresh day.
  return Math.floor(Math.random() * 0x100000000) >>> 0;
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
