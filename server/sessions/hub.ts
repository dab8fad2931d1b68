// The session hub: every room of this process and the wiring of its parts — the connection gate
// (origin, limits, handshake timeouts: gate.ts), joining and resuming (handshake.ts), the HTTP
// route that creates rooms (routes.ts), the pacer (pacer.ts) and restart recovery (recovery.ts).
// One process serves a class comfortably (docs/TEAMS.md has the measured limits); a room lives in
// exactly one process.
//
// Isolation: each message is handled inside a try/catch scoped to its connection, and a room's
// state is touched only by its own messages and its own pacing step, so one room's bad input or
// bug answers that connection with an error and never reaches another room.
import type { IncomingMessage, ServerResponse, Server } from 'node:http';
import { createRun, type Level, type PlayerRole } from '../../src/game';
import type { BotKind, SeatRole } from '../../src/net/protocol.ts';
import { ExerciseRoutes } from './exerciseRoutes.ts';
import { ConnectionGate, type Connection } from './gate.ts';
import { Handshake } from './handshake.ts';
import { LevelCache } from './levelCache.ts';
import type { SessionHubOptions } from './options.ts';
import { Pacer } from './pacer.ts';
import { recoverRooms } from './recovery.ts';
import { Room, type RoomInit } from './room.ts';
import { SessionRoutes } from './routes.ts';
import { newRoomCode, newToken, tokenHash } from './secrets.ts';
import { SessionStore } from './store.ts';
import { ReviewStore } from './reviewStore.ts';
import { ReviewRoutes } from './reviewRoutes.ts';
import { ghostJob, replayJob, sessionEndJob } from '../verifyJob.ts';

export type { SessionHubOptions } from './options.ts';

/** Ended rooms stay in memory this long so reconnecting clients learn the outcome. */
const ENDED_GRACE_MS = 10 * 60_000;
const SWEEP_MS = 30_000;
/** How often the join slow lane is looked at. */
const SLOW_LANE_TICK_MS = 250;

export class SessionHub {
  readonly rooms = new Map<string, Room>();
  private readonly byToken = new Map<string, { room: Room; seatId: string }>();
  /** The address that created each live room (in memory only), for the per-address room cap. */
  private readonly creators = new Map<string, string>();
  readonly store: SessionStore;
  /** Feedback and improvement plans of sessions (their review; reviewRoutes.ts serves them). */
  readonly reviews: ReviewStore;
  private readonly reviewRoutes: ReviewRoutes;
  readonly levels: LevelCache;
  readonly gate: ConnectionGate;
  readonly handshake: Handshake;
  readonly pacer: Pacer;
  private readonly routes: SessionRoutes;
  private readonly exercises: ExerciseRoutes;
  readonly wallNow: () => number;
  readonly log: (message: string) => void;
  readonly verifier: NonNullable<SessionHubOptions['verifier']>;
  /** Resolves once restart recovery has rebuilt every room it could (connections wait for it). */
  readonly ready: Promise<void>;
  private recovered = false;
  private timers: ReturnType<typeof setInterval>[] = [];

  constructor(private readonly options: SessionHubOptions) {
    this.store = new SessionStore(options.db);
    this.reviews = new ReviewStore(options.db);
    this.reviewRoutes = new ReviewRoutes(this.reviews, {
      room: (code) => this.rooms.get(code),
      log: (m) => this.log(m),
    });
    this.levels = new LevelCache(options.levelsDir);
    this.wallNow = options.wallNow ?? Date.now;
    this.log = options.log ?? ((m) => console.log(m));
    this.verifier = options.verifier ?? {
      sessionEnd: (input) => Promise.resolve(sessionEndJob(input)),
      replay: (input) => Promise.resolve(replayJob(input)),
      ghost: (input) => Promise.resolve(ghostJob(input)),
    };
    this.gate = new ConnectionGate(
      options,
      {
        handshake: (conn, m, wall) => this.handshake.handle(conn, m, wall),
        seated: (conn, m, wall) =>
          m.t === 'cmd'
            ? this.pacer.timeCommand(() => conn.room!.handle(conn, m, wall))
            : conn.room!.handle(conn, m, wall),
        closed: (conn, wall) => {
          this.handshake.closed(conn);
          conn.room?.detach(conn, wall);
        },
        recovering: () => (this.recovered ? undefined : this.ready),
      },
      this.wallNow,
    );
    this.handshake = new Handshake(options, {
      rooms: this.rooms,
      byToken: this.byToken,
      store: this.store,
      sendError: (conn, code, detail, extra) => this.gate.sendError(conn, code, detail, extra),
    });
    this.pacer = new Pacer({
      rooms: this.rooms,
      store: this.store,
      wallNow: this.wallNow,
      log: this.log,
      connectionCount: () => this.gate.connections.size,
    });
    this.routes = new SessionRoutes(options, this);
    this.exercises = new ExerciseRoutes(options, this, this.routes.creations);
    this.ready = this.recover().then(
      () => void (this.recovered = true),
      (e: unknown) => {
        this.recovered = true;
        this.log(`restart recovery failed: ${(e as Error).stack ?? String(e)}`);
      },
    );
  }

  /** Open WebSocket connections (the e2e test drops one through this). */
  get connections(): ReadonlySet<Connection> {
    return this.gate.connections;
  }

  // ------------------------------------------------------------ lifecycle

  /** Hooks the WebSocket endpoint into the HTTP server and starts the timers. */
  attach(server: Server): void {
    this.gate.attach(server);
    server.on('close', () => this.stop());
    const every = (ms: number, f: () => void) => {
      const t = setInterval(f, ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.options.paceMs ?? 200, () => this.pacer.paceAll());
    every(SWEEP_MS, () => this.sweep());
    every(30_000, () => this.gate.pingAll());
    every(SLOW_LANE_TICK_MS, () => this.handshake.releaseDue(this.wallNow()));
    if (this.options.statsMs) {
      this.pacer.startStats();
      every(this.options.statsMs, () => this.pacer.logStats());
    }
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.pacer.stop();
    this.gate.stop();
  }

  private recover(): Promise<void> {
    return recoverRooms(this);
  }

  makeRoom(init: RoomInit, wall: number): Room {
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
    room.reviews = this.reviews;
    this.rooms.set(room.code, room);
    for (const s of room.seats.values())
      if (!s.removed) this.byToken.set(s.tokenHash, { room, seatId: s.id });
    return room;
  }

  // ------------------------------------------------------------ rooms

  /** Answers /api/sessions, a session's review (/api/sessions/<code>/…) and /api/exercises; false for other paths. */
  async handleHttp(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    return (
      (await this.reviewRoutes.handle(req, res, path)) ||
      (await this.routes.handle(req, res, path)) ||
      this.exercises.handle(req, res, path)
    );
  }

  clientIp(req: IncomingMessage): string {
    return this.gate.clientIp(req);
  }

  /** Creates a room in the lobby with its facilitator seat; returns its code and the facilitator token. */
  createRoom(
    levelId: string,
    level: Level,
    levelSha256: string,
    seed: number,
    roles: SeatRole[],
    wall = this.wallNow(),
    creatorIp?: string,
    exercise?: { id: number; team: number; bots?: Partial<Record<SeatRole, BotKind>> },
  ): { code: string; token: string; room: Room } {
    let code = newRoomCode();
    while (this.rooms.has(code) || this.store.codeTaken(code)) code = newRoomCode();
    const token = newToken();
    const hash = tokenHash(token);
    const run = createRun(level, seed);
    const id = this.store.createSession(
      { code, levelId, levelSha256, seed, roles, exerciseId: exercise?.id, team: exercise?.team },
      run.state.engine.tMs,
      { seat: 's1', name: 'facilitator', tokenHash: hash },
    );
    const facilitator = {
      id: 's1',
      kind: 'facilitator' as const,
      name: 'facilitator',
      role: 'facilitator' as PlayerRole,
      tokenHash: hash,
      removed: false,
      conn: undefined,
      lastClientSeq: 0,
    };
    const room = this.makeRoom(
      {
        ...{ id, code, level, levelSha256, seed, roles, run, seats: [facilitator] },
        ...{ state: 'lobby' as const, log: [], runId: null },
        ...{ exerciseId: exercise?.id ?? null, team: exercise?.team ?? null },
      },
      wall,
    );
    if (exercise?.bots) {
      for (const [role, kind] of Object.entries(exercise.bots) as [SeatRole, BotKind][])
        room.setBot(role, kind);
    }
    if (creatorIp !== undefined) this.creators.set(code, creatorIp);
    this.log(`room ${code}: created (${levelId}, seed ${seed}, roles ${roles.join(',')})`);
    return { code, token, room };
  }

  liveRoomCount(): number {
    let n = 0;
    for (const r of this.rooms.values()) if (r.state !== 'ended') n++;
    return n;
  }

  liveRoomsOf(ip: string): number {
    let n = 0;
    for (const [code, by] of this.creators)
      if (by === ip && this.rooms.get(code)?.state !== 'ended') n++;
    return n;
  }

  // ------------------------------------------------------------ sweeping

  /** Expires idle rooms and forgets ended ones after their grace period. */
  sweep(): void {
    const wall = this.wallNow();
    const idleMs = this.options.idleMs ?? 120 * 60_000;
    for (const room of [...this.rooms.values()]) {
      try {
        const nobody = room.connectedCount() === 0;
        if (room.state !== 'ended' && nobody && wall - room.lastActiveWall >= idleMs)
          room.end('idle', wall);
        if (room.state === 'ended') this.creators.delete(room.code);
        if (room.state === 'ended' && nobody && wall - (room.endedWall ?? wall) >= ENDED_GRACE_MS)
          this.forget(room);
      } catch (e) {
        this.log(`room ${room.code}: sweep failed: ${(e as Error).message}`);
      }
    }
    this.handshake.sweep(wall);
    this.routes.creations.sweep(wall);
  }

  private forget(room: Room): void {
    this.rooms.delete(room.code);
    this.creators.delete(room.code);
    for (const s of room.seats.values()) this.byToken.delete(s.tokenHash);
  }
}
