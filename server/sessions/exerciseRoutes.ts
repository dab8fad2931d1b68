// HTTP side of exercises (docs/TEAMS.md "Exercises", docs/PROTOCOL.md "Exercises"): one
// controller creating and watching several team rooms that play the same level and seed.
//
//   POST /api/exercises                  → 201 { code, controllerToken, rooms: [...] }
//   GET  /api/exercises/<code>           → each room's state   (Authorization: Bearer <token>)
//   POST /api/exercises/<code>/actions   → start/pause/resume/end all, one inject to all, a bot
//
// Limits: an exercise of N rooms counts as N sessions in the per-address creation window
// (SESSIONS_PER_IP_HOUR) and as N live rooms against ROOMS_PER_IP, so an exercise cannot be used
// to get around the session limits; it is refused whole (429 naming how many rooms are left)
// rather than created in part. The controller token is shown once and stored as SHA-256; it is
// compared in constant time. Every controller action reaches a room through the room's own
// command path (Room.submit), so it is checked and logged like the facilitator's.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  commandRoles,
  levelSpan,
  runScore,
  tickToClock,
  type Level,
  type PlayerRole,
} from '../../src/game';
import {
  createExerciseSchema,
  exerciseActionSchema,
  type CreateExerciseResponse,
  type ExerciseAction,
  type ExerciseActionResult,
  type ExerciseRoomStatus,
  type ExerciseStatus,
  type HistoricalBaseline,
  type RoomWarning,
} from '../../src/net/exerciseProtocol.ts';
import { issuePath, issueReason, type SeatRole } from '../../src/net/protocol.ts';
import type { RoutesHost } from './routes.ts';
import { clientProto } from '../clientAddress.ts';
import { HttpError, parseJsonBody, readBody, sendError, sendJson } from '../http.ts';
import type { GhostInput, GhostOutcome } from '../verifyJob.ts';
import type { WindowCounter } from './limits.ts';
import { DEFAULT_ROOMS_PER_IP, trustedHops, type SessionHubOptions } from './options.ts';
import { DESYNC_WARN_MS, type Room } from './room.ts';
import { newRoomCode, newToken, tokenHash } from './secrets.ts';
import type { SessionStore, StoredExercise } from './store.ts';

/** Seconds a client is told to wait when an address has its most live rooms. */
const ROOMS_PER_IP_RETRY_S = 300;
/** An inject waiting for an answer longer than this (sim s) is a warning on the console. */
const UNANSWERED_WARN_S = 600;
/** Last actions listed per room. */
const LAST_ACTIONS = 5;

/** What the exercise routes need of the hub: the session routes' host, and the rooms themselves. */
export interface ExerciseHost extends RoutesHost {
  readonly store: SessionStore;
  readonly rooms: ReadonlyMap<string, Room>;
  readonly verifier: { ghost(input: GhostInput): Promise<GhostOutcome> };
  /** Restart recovery: until it is done, a room not yet rebuilt would look ended or empty. */
  readonly ready: Promise<void>;
}

/** The roles a level lets someone play: those its commands name (the facilitator aside). */
export function levelRoles(level: Level): SeatRole[] {
  const roles = new Set<string>();
  for (const type of Object.keys(level.commands))
    for (const r of commandRoles(level, type) ?? []) roles.add(r);
  roles.delete('facilitator');
  return [...roles] as SeatRole[];
}

export class ExerciseRoutes {
  /** The historical baseline per exercise id: computed once, on a worker. */
  private readonly history = new Map<number, HistoricalBaseline | 'pending'>();

  constructor(
    private readonly options: SessionHubOptions,
    private readonly host: ExerciseHost,
    private readonly creations: WindowCounter,
  ) {}

  /** Answers /api/exercises…; returns false for other paths. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path !== '/api/exercises' && !path.startsWith('/api/exercises/')) return false;
    try {
      if (path === '/api/exercises') {
        if (req.method !== 'POST') throw notAllowed(req, path, 'POST');
        sendJson(res, 201, await this.create(req));
        return true;
      }
      const m = /^\/api\/exercises\/([^/]+)(\/actions)?$/.exec(path);
      if (!m) throw new HttpError(404, 'NOT_FOUND', `unknown API path ${path}`);
      const exercise = this.authorise(req, decodeURIComponent(m[1]!));
      await this.host.ready;
      if (m[2]) {
        if (req.method !== 'POST') throw notAllowed(req, path, 'POST');
        sendJson(res, 200, await this.act(req, exercise));
      } else {
        if (req.method !== 'GET') throw notAllowed(req, path, 'GET');
        const url = new URL(req.url ?? '/', 'http://x');
        sendJson(res, 200, this.status(exercise, url.searchParams.get('history') === '1'));
      }
    } catch (e) {
      if (e instanceof HttpError) sendError(res, e.status, e.code, e.message, e.headers);
      else {
        this.host.log(`${req.method} ${path}: ${(e as Error).stack ?? String(e)}`);
        sendError(res, 500, 'INTERNAL', 'internal error');
      }
    }
    return true;
  }

  // ------------------------------------------------------------ creating

  private async create(req: IncomingMessage): Promise<CreateExerciseResponse> {
    const ip = this.host.clientIp(req);
    const wall = this.host.wallNow();
    const json = await readJson(req, 4096);
    const parsed = createExerciseSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path =
        issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      throw new HttpError(
        400,
        'BAD_EXERCISE',
        `${issuePath(path) || 'body'}: ${issueReason(issue)}`,
      );
    }
    const { level: levelId, roles, teams, name } = parsed.data;
    if (new Set(roles).size !== roles.length)
      throw new HttpError(400, 'BAD_EXERCISE', 'roles: each role at most once');
    const bots = parsed.data.bots ?? {};
    for (const role of Object.keys(bots))
      if (!roles.includes(role as SeatRole))
        throw new HttpError(
          400,
          'BAD_EXERCISE',
          `bots.${role}: "${role}" is not one of the exercise's roles (${roles.join(', ')})`,
        );
    const lv = this.host.levels.get(levelId);
    if (!lv.ok) throw new HttpError(lv.code === 'UNKNOWN_LEVEL' ? 422 : 500, lv.code, lv.message);
    const known = levelRoles(lv.level);
    const unknown = roles.find((r) => !known.includes(r));
    if (unknown)
      throw new HttpError(
        400,
        'BAD_EXERCISE',
        `roles: "${unknown}" has nothing to do in level ${levelId} (its roles: ${known.join(', ')})`,
      );
    // Limits, each refusing the whole exercise: N rooms are N sessions and N live rooms.
    const left = this.creations.remaining(ip, wall);
    if (left < teams) {
      const s = left > 0 ? ROOMS_PER_IP_RETRY_S : this.creations.retryAfterS(ip, wall);
      throw new HttpError(
        429,
        'RATE_LIMITED',
        `teams: this address may create ${left} more session${left === 1 ? '' : 's'} this hour and an exercise of ${teams} teams needs ${teams}; try again in ${s} s or with fewer teams`,
        { 'retry-after': String(s) },
      );
    }
    const cap = this.options.roomsPerIp ?? DEFAULT_ROOMS_PER_IP;
    const live = this.host.liveRoomsOf(ip);
    if (live + teams > cap)
      throw new HttpError(
        429,
        'RATE_LIMITED',
        `teams: this address already runs ${live} live rooms and may run ${cap}; an exercise of ${teams} teams does not fit; end some first`,
        { 'retry-after': String(ROOMS_PER_IP_RETRY_S) },
      );
    if (this.host.liveRoomCount() + teams > (this.options.maxRooms ?? 500))
      throw new HttpError(
        503,
        'TOO_MANY_ROOMS',
        'this server runs as many rooms as it can; try later',
        { 'retry-after': String(ROOMS_PER_IP_RETRY_S) },
      );
    const seed = parsed.data.seed ?? randomSeed();
    const controllerToken = newToken();
    let code = newRoomCode();
    while (this.host.store.exerciseCodeTaken(code)) code = newRoomCode();
    const base =
      this.options.publicUrl?.replace(/\/+$/, '') ??
      `${clientProto(req, trustedHops(this.options))}://${req.headers.host ?? 'localhost'}`;
    // The exercise and all its rooms in one transaction: a failure leaves none of them.
    const rooms = this.host.store.transaction(() => {
      const ex = this.host.store.createExercise({
        code,
        name,
        levelId,
        seed,
        roles,
        controllerHash: tokenHash(controllerToken),
      });
      return Array.from({ length: teams }, (_, i) => {
        const r = this.host.createRoom(levelId, lv.level, lv.sha256, seed, roles, wall, ip, {
          id: ex.id,
          team: i + 1,
          bots,
        });
        return { code: r.code, facilitatorToken: r.token, joinUrl: `${base}/?join=${r.code}` };
      });
    });
    for (let i = 0; i < teams; i++) this.creations.record(ip, wall);
    this.host.log(`exercise ${code}: created (${levelId}, seed ${seed}, ${teams} teams)`);
    return { code, controllerToken, name, level: levelId, seed, roles, rooms };
  }

  // ------------------------------------------------------------ the controller

  /** The exercise behind a code, if the request carries its controller token (401/404 otherwise). */
  private authorise(req: IncomingMessage, code: string): StoredExercise {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header);
    if (!m)
      throw new HttpError(
        401,
        'UNAUTHORIZED',
        'authorization: expected "Bearer <controllerToken>" (the token POST /api/exercises answered)',
        { 'www-authenticate': 'Bearer' },
      );
    const ex = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/.test(code)
      ? this.host.store.exercise(code)
      : undefined;
    if (!ex) throw new HttpError(404, 'UNKNOWN_EXERCISE', `no exercise with code ${code}`);
    const given = Buffer.from(tokenHash(m[1]!), 'hex');
    const stored = Buffer.from(ex.controllerHash, 'hex');
    if (given.length !== stored.length || !timingSafeEqual(given, stored))
      throw new HttpError(401, 'UNAUTHORIZED', 'authorization: wrong controller token', {
        'www-authenticate': 'Bearer',
      });
    return ex;
  }

  private async act(req: IncomingMessage, ex: StoredExercise): Promise<ExerciseActionResult> {
    const json = await readJson(req, 8192);
    const parsed = exerciseActionSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path =
        issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      throw new HttpError(400, 'BAD_ACTION', `${issuePath(path) || 'body'}: ${issueReason(issue)}`);
    }
    const action = parsed.data;
    const wall = this.host.wallNow();
    const rows = this.host.store.exerciseRooms(ex.id);
    if (action.action === 'bot' && !rows.some((r) => r.code === action.room))
      throw new HttpError(
        404,
        'UNKNOWN_ROOM',
        `room: ${action.room} is not a room of exercise ${ex.code}`,
      );
    const results: ExerciseActionResult['rooms'] = [];
    for (const row of rows) {
      if (action.action === 'bot' && row.code !== action.room) continue;
      const room = this.host.rooms.get(row.code);
      if (!room || room.state === 'ended') {
        results.push({
          room: row.code,
          ok: false,
          error: { code: 'ROOM_ENDED', message: 'the session has ended' },
        });
        continue;
      }
      try {
        results.push({ room: row.code, ...this.apply(room, action, wall) });
      } catch (e) {
        // One room's failure (a full disk) answers for that room; the others still get the action.
        this.host.log(
          `exercise ${ex.code}: ${action.action} in ${row.code} failed: ${(e as Error).message}`,
        );
        results.push({
          room: row.code,
          ok: false,
          error: { code: 'INTERNAL', message: (e as Error).message },
        });
      }
    }
    this.host.log(
      `exercise ${ex.code}: ${action.action} → ${results.filter((r) => r.ok).length}/${results.length} rooms`,
    );
    return { action: action.action, rooms: results };
  }

  private apply(
    room: Room,
    action: ExerciseAction,
    wall: number,
  ): { ok: boolean; error?: { code: string; message: string } } {
    const refused = (code: string, message: string) => ({ ok: false, error: { code, message } });
    if (room.ending) return refused('ENDING', 'the session is being ended');
    switch (action.action) {
      case 'start':
        if (room.state !== 'lobby') return refused('FORBIDDEN', 'the session has already started');
        room.startNow(wall);
        return { ok: true };
      case 'end':
        room.end('facilitator', wall);
        return { ok: true };
      case 'bot': {
        const r = room.setBot(action.role, action.bot);
        return r ? refused(r.code, r.detail) : { ok: true };
      }
      case 'pause':
      case 'resume':
      case 'inject': {
        if (room.state !== 'running') return refused('NOT_RUNNING', 'the session has not started');
        const [type, args]: [string, Record<string, unknown>] =
          action.action === 'inject'
            ? ['inject.custom', { to: action.to, text: action.text }]
            : [action.action === 'pause' ? 'clock.pause' : 'clock.resume', {}];
        const r = room.submit('facilitator', type, args, { kind: 'exercise' });
        return r.ok ? { ok: true } : refused(r.code, JSON.stringify(r.params));
      }
    }
  }

  // ------------------------------------------------------------ status

  private status(ex: StoredExercise, wantHistory: boolean): ExerciseStatus {
    const rows = this.host.store.exerciseRooms(ex.id);
    const rooms = rows.map((row): ExerciseRoomStatus => {
      const room = this.host.rooms.get(row.code);
      if (room) return roomStatus(room, row.team, this.host.wallNow(), row);
      // Forgotten after its grace period: what the database keeps.
      const parts = row.partsJson ? (JSON.parse(row.partsJson) as Record<string, number>) : {};
      return {
        code: row.code,
        team: row.team,
        state: row.state,
        ms: row.nowMs,
        tick: Math.floor(row.nowMs / 1000),
        paused: true,
        players: { connected: 0, seats: 0 },
        roles: ex.roles.map((role) => ({ role, holder: null })),
        outage: { outage: false, subscribersOnlinePct: NaN, dnsSuccessPct: NaN },
        curve: [],
        score: { total: row.scoreTotal ?? 0, parts },
        keyTimes: {},
        lastActions: [],
        warnings: [],
        runId: row.runId,
      };
    });
    const allEnded = rows.length > 0 && rows.every((r) => r.state === 'ended');
    const lv = this.host.levels.get(ex.levelId);
    const span = lv.ok ? levelSpan(lv.level) : { start: 0, end: 0 };
    return {
      code: ex.code,
      name: ex.name,
      level: ex.levelId,
      seed: ex.seed,
      roles: ex.roles,
      createdAt: ex.createdAt,
      span,
      rooms,
      historical: this.baseline(ex, wantHistory || allEnded),
    };
  }

  /** The historical baseline if computed; starts it on a worker when asked and not started. */
  private baseline(ex: StoredExercise, start: boolean): HistoricalBaseline | null {
    const h = this.history.get(ex.id);
    if (h && h !== 'pending') return h;
    if (h === 'pending' || !start) return null;
    const lv = this.host.levels.get(ex.levelId);
    if (!lv.ok) return null;
    this.history.set(ex.id, 'pending');
    this.host.verifier.ghost({ level: lv.level, seed: ex.seed }).then(
      (g) => {
        this.history.set(ex.id, {
          score: { total: g.score.total, parts: { ...g.score.parts } },
          keyTimes: g.keyTimes,
        });
      },
      (e: unknown) => {
        this.history.delete(ex.id);
        this.host.log(
          `exercise ${ex.code}: the historical baseline failed: ${(e as Error).message}`,
        );
      },
    );
    return null;
  }
}

/** One live room as the console sees it. */
export function roomStatus(
  room: Room,
  team: number,
  wall: number,
  row?: { scoreTotal: number | null; partsJson: string | null },
): ExerciseRoomStatus {
  const s = room.run.state;
  const m = s.engine.m;
  const seats = [...room.seats.values()].filter((x) => !x.removed);
  const holder = (role: SeatRole) => seats.find((x) => x.role === role);
  const stored =
    room.state === 'ended' && row?.partsJson
      ? { total: row.scoreTotal ?? 0, parts: JSON.parse(row.partsJson) as Record<string, number> }
      : undefined;
  const score =
    stored ??
    (() => {
      const sc = runScore(room.run);
      return { total: sc.total, parts: { ...sc.parts } as Record<string, number> };
    })();
  const warnings: RoomWarning[] = [];
  const now = s.tick;
  for (const i of s.injects)
    if (i.status === 'active' && i.firedTick !== null && now - i.firedTick >= UNANSWERED_WARN_S)
      warnings.push({ kind: 'unanswered', detail: `${i.id} since ${tickToClock(i.firedTick)}` });
  for (const c of s.customInjects ?? [])
    if (c.status === 'active' && now - c.firedTick >= UNANSWERED_WARN_S)
      warnings.push({ kind: 'unanswered', detail: `${c.id} since ${tickToClock(c.firedTick)}` });
  for (const [seat, d] of room.desyncs)
    if (wall - d.wall <= DESYNC_WARN_MS)
      warnings.push({ kind: 'desync', detail: `${d.name} (${seat}) at ${tickToClock(d.tick)}` });
  if (room.state === 'running')
    for (const role of room.roles)
      if (!holder(role) && !room.bots.has(role)) warnings.push({ kind: 'nobody', detail: role });
  const lastRefused = room.refused.at(-1);
  if (lastRefused && now - lastRefused.tick <= UNANSWERED_WARN_S)
    warnings.push({
      kind: 'refused',
      detail: `${lastRefused.sender} ${lastRefused.type} (${lastRefused.code}) at ${tickToClock(lastRefused.tick)}`,
    });
  return {
    code: room.code,
    team,
    state: room.state,
    ms: room.ms,
    tick: Math.floor(room.ms / 1000),
    paused: s.clock.paused || room.state !== 'running',
    players: {
      connected: seats.filter((x) => x.kind === 'player' && x.conn).length,
      seats: seats.length,
    },
    roles: room.roles.map((role) => {
      const bot = room.bots.get(role);
      const h = holder(role);
      return { role, holder: h ? h.name : bot ? `bot:${bot}` : null, ...(bot ? { bot } : {}) };
    }),
    outage: {
      outage: s.engine.flags.outage,
      subscribersOnlinePct: Math.round(m.subscribersOnlinePct * 10) / 10,
      dnsSuccessPct: Math.round(m.dnsSuccessPct * 10) / 10,
    },
    curve: room.curve,
    score,
    keyTimes: { ...s.flags } as Record<string, number>,
    lastActions: room.log.slice(-LAST_ACTIONS).map((e) => ({
      seq: e.seq,
      tick: e.tick,
      role: e.role as PlayerRole,
      type: e.type,
      by: e.bot ? `bot:${e.bot}` : (room.seats.get(e.seat)?.name ?? e.seat),
      ...(e.bot ? { bot: e.bot } : {}),
    })),
    warnings,
    runId: room.runId,
  };
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  return parseJsonBody(await readBody(req, limit), 'an exercise request');
}

function notAllowed(req: IncomingMessage, path: string, allow: string): HttpError {
  return new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${path}`, {
    allow,
  });
}

function randomSeed(): number {
  // Not security-relevant: any uint32 seeds a fresh day.
  return Math.floor(Math.random() * 0x100000000) >>> 0;
}
