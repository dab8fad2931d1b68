// Verified scores (docs/PROTOCOL.md): POST /api/runs re-simulates a run file against the server's
// copy of its level and stores it only if every hash and the score match; GET lists a level's
// verified runs best first and returns a stored run file. The server never trusts a posted score.
//
// Verification is a full replay (~0.3 s of CPU for a 34-hour run). It runs wherever `verify` says
// (the app passes the worker pool, server/verifyPool.ts, so it never blocks the event loop); by
// default in-thread. Because each POST costs that much CPU, POSTs are rate-limited per client IP
// (a token bucket, see SubmitLimiter) before the body is even read, and a run already stored (same
// level, seed and command log: server/runKey.ts) is answered without verifying it again.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { canonicalJson, parseRunFile, type Level, type RunFile } from '../src/game';
import { noteStorageError, type Db } from './db.ts';
import { HttpError, parseJsonBody, readBody, sendError, sendJson } from './http.ts';
import type { LevelStore } from './levels.ts';
import { clientAddress } from './clientAddress.ts';
import { runKey } from './runKey.ts';
import { verifyInThread, type VerifyOutcome } from './verifyJob.ts';
import { QueueFullError } from './verifyPool.ts';

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
export const PLAYER_NAME_MAX = 40;
/**
 * Longest free-text fields of a posted run file (characters), beyond what the run-file schema
 * bounds: the versions and the level id are informational or looked up, never simulated, so a
 * long one can only be a stuffed one. `players` is at most one entry per role (solo included).
 */
export const RUN_FIELD_LIMITS = {
  gameVersion: 32,
  engineVersion: 32,
  'level.id': 64,
  players: 7,
} as const;
const LIST_LIMIT_DEFAULT = 50;
const LIST_LIMIT_MAX = 200;

export interface RateLimit {
  /** Submissions one address may make at once (a full bucket). */
  burst: number;
  /** Sustained submissions per minute per address (the refill rate). */
  perMinute: number;
}

/**
 * Default: a classroom behind one NAT address may all submit as the exercise ends (30 at once),
 * then one every 5 s — at ~0.3 s of CPU per verification, about 6 % of a core per address.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 30, perMinute: 12 };
/** Addresses tracked at most; beyond it, idle (refilled) buckets are forgotten first. */
const MAX_TRACKED_ADDRESSES = 10_000;

/**
 * Token bucket per client address: `burst` tokens, refilled at `perMinute`; a POST takes one.
 * Time comes from `clock` (ms) so tests drive it without waiting.
 */
export class SubmitLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number,
  ) {}

  /** Takes a token for `address`: `{ ok: true }`, or how many seconds until the next one. */
  take(address: string): { ok: true } | { ok: false; retryAfterS: number } {
    const now = this.clock();
    const perMs = this.limit.perMinute / 60_000;
    const b = this.buckets.get(address);
    const tokens = b
      ? Math.min(this.limit.burst, b.tokens + Math.max(0, now - b.at) * perMs)
      : this.limit.burst;
    if (tokens < 1) {
      this.buckets.set(address, { tokens, at: now });
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    }
    this.buckets.set(address, { tokens: tokens - 1, at: now });
    if (this.buckets.size > MAX_TRACKED_ADDRESSES) this.forgetIdle(now);
    return { ok: true };
  }

  /**
   * Drops buckets that have refilled completely (forgetting them changes nothing); if a flood of
   * fresh addresses still exceeds the bound, the longest-tracked go too — they get a full bucket
   * back, a leniency that keeps memory bounded.
   */
  private forgetIdle(now: number): void {
    const perMs = this.limit.perMinute / 60_000;
    for (const [k, v] of this.buckets)
      if (v.tokens + (now - v.at) * perMs >= this.limit.burst) this.buckets.delete(k);
    for (const k of this.buckets.keys()) {
      if (this.buckets.size <= MAX_TRACKED_ADDRESSES) break;
      this.buckets.delete(k);
    }
  }

  get tracked(): number {
    return this.buckets.size;
  }
}

export interface RunsApiOptions {
  db: Db;
  levels: LevelStore;
  maxBodyBytes?: number;
  /** Clock for `date` (tests pin it). */
  now?: () => Date;
  /** POST /api/runs per client IP (default DEFAULT_RATE_LIMIT); `false` turns it off. */
  rateLimit?: RateLimit | false;
  /** Monotonic clock for the rate limit, ms (tests drive it). */
  clockMs?: () => number;
  /** Proxy hops of our own in front of the server (TRUST_PROXY): whose address the limit keys on. */
  trustProxy?: number;
  /**
   * Re-simulates a parsed run file (default: on this thread). The app passes its worker pool;
   * a pool that is full rejects with a QueueFullError, answered 503 with Retry-After.
   */
  verify?: (file: RunFile, level: Level) => Promise<VerifyOutcome>;
}

export interface RunSummary {
  id: number;
  player: string | null;
  score: number;
  parts: Record<string, number>;
  seed: number;
  date: string;
}

interface RunRow {
  id: number;
  player: string | null;
  score_total: number;
  parts_json: string;
  seed: number;
  created_at: string;
}

/** A display name: trimmed, at most PLAYER_NAME_MAX characters, no control characters. Stored as text, never markup. */
export function checkPlayerName(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string')
    throw new HttpError(400, 'BAD_PLAYER', 'player: expected a string');
  const name = value.normalize('NFC').trim();
  if (name === '') return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name))
    throw new HttpError(400, 'BAD_PLAYER', 'player: control characters are not allowed');
  if ([...name].length > PLAYER_NAME_MAX)
    throw new HttpError(400, 'BAD_PLAYER', `player: at most ${PLAYER_NAME_MAX} characters`);
  return name;
}

/** Refuses (400, naming the field) a free-text field longer than RUN_FIELD_LIMITS allows. */
export function checkRunFieldLengths(file: Record<string, unknown>): void {
  const tooLong = (field: string, length: number, max: number, unit: string) =>
    new HttpError(400, 'FIELD_TOO_LONG', `${field}: at most ${max} ${unit}, got ${length}`);
  const text = (field: keyof typeof RUN_FIELD_LIMITS, value: unknown) => {
    if (typeof value === 'string' && value.length > RUN_FIELD_LIMITS[field])
      throw tooLong(field, value.length, RUN_FIELD_LIMITS[field], 'characters');
  };
  text('gameVersion', file.gameVersion);
  text('engineVersion', file.engineVersion);
  const level = file.level as Record<string, unknown> | null | undefined;
  if (level && typeof level === 'object') text('level.id', level.id);
  if (Array.isArray(file.players) && file.players.length > RUN_FIELD_LIMITS.players)
    throw tooLong('players', file.players.length, RUN_FIELD_LIMITS.players, 'entries');
}

/** Whether a stored run file claims exactly the result `run` claims. */
function sameResult(storedJson: string, run: RunFile): boolean {
  const theirs = (JSON.parse(storedJson) as RunFile).result;
  return canonicalJson(theirs) === canonicalJson(run.result);
}

function toSummary(r: RunRow): RunSummary {
  return {
    id: r.id,
    player: r.player,
    score: r.score_total,
    parts: JSON.parse(r.parts_json) as Record<string, number>,
    seed: r.seed,
    date: r.created_at,
  };
}

/** The runs table as the API uses it: prepared once, named by what they do. */
function runsStatements(db: Db) {
  const insert = db.prepare(
    `INSERT INTO runs (level_id, level_sha256, seed, player, score_total, parts_json, final_hash, file_sha256, run_json, game_version, created_at, run_key)
     VALUES (@level_id, @level_sha256, @seed, @player, @score_total, @parts_json, @final_hash, @file_sha256, @run_json, @game_version, @created_at, @run_key)`,
  );
  // The oldest row of a run: an older server may have stored copies, the first one stands.
  const byKey = db.prepare(
    'SELECT id, player, score_total, parts_json, seed, created_at, run_json FROM runs WHERE run_key = ? ORDER BY id LIMIT 1',
  );
  const list = db.prepare(
    `SELECT id, player, score_total, parts_json, seed, created_at FROM runs
     WHERE level_id = ? ORDER BY score_total DESC, id ASC LIMIT ? OFFSET ?`,
  );
  const one = db.prepare('SELECT run_json FROM runs WHERE id = ?');
  return {
    insert: (row: Record<string, unknown>) => Number(insert.run(row).lastInsertRowid),
    byKey: (key: string) => byKey.get(key) as (RunRow & { run_json: string }) | undefined,
    list: (level: string, limit: number, offset: number) =>
      list.all(level, limit, offset) as RunRow[],
    one: (id: number) => one.get(id) as { run_json: string } | undefined,
  };
}

/**
 * The body of a submission read and checked before any simulation: a JSON object that is a run
 * file of this version, finished, with a display name beside it. Throws HttpError with the field.
 */
async function readSubmission(
  req: IncomingMessage,
  query: URLSearchParams,
  maxBody: number,
): Promise<{ player: string | null; run: RunFile }> {
  const json = parseJsonBody(await readBody(req, maxBody));
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new HttpError(400, 'MALFORMED_JSON', 'request body: expected a JSON object (a run file)');
  // `player` rides along with the run file (or in the query); it is not part of the run file.
  const { player: bodyPlayer, ...file } = json as Record<string, unknown>;
  const player = checkPlayerName(bodyPlayer ?? query.get('player') ?? undefined);
  checkRunFieldLengths(file);
  const parsed = parseRunFile(file);
  if (!parsed.ok) {
    const unsupported = parsed.errors[0]!.includes('unsupported version');
    throw new HttpError(422, unsupported ? 'UNSUPPORTED_VERSION' : 'MALFORMED', parsed.errors[0]!);
  }
  const run = parsed.value;
  if (!run.result.ended)
    throw new HttpError(
      422,
      'RUN_NOT_FINISHED',
      `result.ended: the run was saved at tick ${run.result.endTick} before the level's end; only finished runs are scored`,
    );
  return { player, run };
}

type RunsStatements = ReturnType<typeof runsStatements>;
type Verify = NonNullable<RunsApiOptions['verify']>;

/** What a POST needs, resolved once from the options. */
interface SubmitContext {
  runs: RunsStatements;
  levels: LevelStore;
  maxBody: number;
  now: () => Date;
  /** Our own proxy hops in front of the server: whose address the limit keys on. */
  hops: number;
  limiter: SubmitLimiter | undefined;
  verify: Verify;
}

function submitContext(options: RunsApiOptions, runs: RunsStatements): SubmitContext {
  return {
    runs,
    levels: options.levels,
    maxBody: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    now: options.now ?? (() => new Date()),
    hops: options.trustProxy ?? 0,
    limiter:
      options.rateLimit === false
        ? undefined
        : new SubmitLimiter(
            options.rateLimit ?? DEFAULT_RATE_LIMIT,
            options.clockMs ?? (() => performance.now()),
          ),
    verify: options.verify ?? verifyInThread,
  };
}

type Verified = { outcome: VerifyOutcome & { ok: true }; timing: Record<string, string> };

/** Re-simulates the run (on the pool); answers and returns undefined when it does not hold. */
async function verifyRun(
  verify: Verify,
  res: ServerResponse,
  run: RunFile,
  level: Level,
): Promise<Verified | undefined> {
  let verified: VerifyOutcome;
  try {
    verified = await verify(run, level);
  } catch (e) {
    // Every worker busy and the queue full: a class submitting at once, or a flood. The run is
    // not lost; the client tries again later (Retry-After is the queue's expected drain time).
    if (e instanceof QueueFullError) {
      sendError(res, 503, 'BUSY', e.message, {
        'retry-after': String(e.retryAfterS),
        connection: 'close',
      });
      return undefined;
    }
    throw e;
  }
  const timing = { 'server-timing': `verify;dur=${verified.verifyMs.toFixed(1)}` };
  if (!verified.ok) {
    sendError(res, 422, verified.code, verified.message, timing);
    return undefined;
  }
  if (verified.endMs !== run.result.endMs) {
    sendError(
      res,
      422,
      'END_MISMATCH',
      `result.endMs: the file says ${run.result.endMs}, but its replay ends at ${verified.endMs} (tick ${run.result.endTick})`,
      timing,
    );
    return undefined;
  }
  return { outcome: verified, timing };
}

/**
 * Takes a submission token for the client's address: its connection's own, or — behind TRUST_PROXY
 * hops of our own proxies — the one they saw (a client's X-Forwarded-For alone is never trusted).
 * Answers 429 and returns false when the address has none left.
 */
function admitSubmission(ctx: SubmitContext, req: IncomingMessage, res: ServerResponse): boolean {
  const allowed = ctx.limiter?.take(clientAddress(req, ctx.hops));
  if (!allowed || allowed.ok) return true;
  // Refused before reading the body, so a flood costs no verification; the connection closes
  // rather than streaming in a body nobody will read.
  sendError(
    res,
    429,
    'RATE_LIMITED',
    `too many run submissions from this address; try again in ${allowed.retryAfterS} s`,
    { 'retry-after': String(allowed.retryAfterS), connection: 'close' },
  );
  return false;
}

/** Stores a verified run under its key; returns the new row's id. */
function storeRun(
  ctx: SubmitContext,
  run: RunFile,
  player: string | null,
  key: string,
  score: Verified['outcome']['score'],
): number {
  const text = JSON.stringify(run);
  return ctx.runs.insert({
    level_id: run.level.id,
    level_sha256: run.level.sha256,
    seed: run.seed,
    player,
    score_total: score.total,
    parts_json: JSON.stringify(score.parts),
    final_hash: run.result.finalHash,
    file_sha256: createHash('sha256').update(text).digest('hex'),
    run_json: text,
    game_version: run.gameVersion,
    created_at: ctx.now().toISOString(),
    run_key: key,
  });
}

/** POST /api/runs: rate limit, read and check the body, verify unless already stored, store. */
async function postRun(
  ctx: SubmitContext,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  if (!admitSubmission(ctx, req, res)) return;
  const { player, run } = await readSubmission(req, query, ctx.maxBody);
  const level = await ctx.levels.get(run.level.id);
  if (!level.ok)
    return sendError(res, level.code === 'UNKNOWN_LEVEL' ? 422 : 500, level.code, level.message);

  const key = runKey(run);
  const duplicate = (row: RunRow) => {
    const s = toSummary(row);
    sendJson(res, 200, { id: s.id, score: s.score, parts: s.parts, duplicate: true });
  };
  // The same run (level, seed, log) replays to the same result: a copy claiming that result is
  // answered without re-simulating; one claiming another result is verified (and refused).
  const known = ctx.runs.byKey(key);
  if (known && sameResult(known.run_json, run)) return duplicate(known);

  const verified = await verifyRun(ctx.verify, res, run, level.level);
  if (!verified) return;
  // Again after the await: the same run posted meanwhile was stored while this one verified.
  const meanwhile = ctx.runs.byKey(key);
  if (meanwhile) return duplicate(meanwhile);
  const score = verified.outcome.score;
  const id = storeRun(ctx, run, player, key, score);
  sendJson(
    res,
    201,
    { id, score: score.total, parts: score.parts },
    { ...verified.timing, location: `/api/runs/${id}` },
  );
}

/** GET /api/runs?level=…: a level's verified runs, best first. */
function listRuns(runs: RunsStatements, res: ServerResponse, query: URLSearchParams): void {
  const level = query.get('level');
  if (!level)
    throw new HttpError(400, 'BAD_QUERY', 'level: required, e.g. /api/runs?level=backbone-isp');
  const limit = intParam(query, 'limit', LIST_LIMIT_DEFAULT, 1, LIST_LIMIT_MAX);
  const offset = intParam(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const rows = runs.list(level, limit, offset);
  sendJson(res, 200, { level, runs: rows.map(toSummary) });
}

/** GET /api/runs/<id>: one stored run file, as stored. */
function sendStoredRun(runs: RunsStatements, res: ServerResponse, idText: string): void {
  const id = /^[1-9][0-9]{0,15}$/.test(idText) ? Number(idText) : NaN;
  const row = Number.isSafeInteger(id) ? runs.one(id) : undefined;
  if (!row)
    return sendError(res, 404, 'NOT_FOUND', `no stored run with id ${JSON.stringify(idText)}`);
  res
    .writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(row.run_json)),
      // A stored run never changes: its id names one verified file.
      'cache-control': 'public, max-age=31536000, immutable',
    })
    .end(row.run_json);
}

/** Answers a request that failed part-way: its HttpError, or 500 (noting a storage failure). */
function answerFailure(
  db: Db,
  res: ServerResponse,
  e: unknown,
  method: string,
  path: string,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e instanceof HttpError) {
    // A refused upload must not keep the connection around to stream the rest in.
    sendError(res, e.status, e.code, e.message, e.status === 413 ? { connection: 'close' } : {});
  } else {
    noteStorageError(db, e);
    console.error(`runs API: ${method} ${path}:`, e);
    sendError(res, 500, 'INTERNAL', 'internal error; the request was not stored');
  }
}

/** Returns a handler that answers /api/runs and /api/runs/<id> (true) or leaves the request alone (false). */
export function createRunsApi(options: RunsApiOptions) {
  const runs = runsStatements(options.db);
  const ctx = submitContext(options, runs);

  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
  ): Promise<boolean> {
    const method = req.method ?? 'GET';
    try {
      if (path === '/api/runs') {
        if (method === 'POST') await postRun(ctx, req, res, query);
        else if (method === 'GET' || method === 'HEAD') listRuns(runs, res, query);
        else
          sendError(res, 405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on /api/runs`, {
            allow: 'GET, HEAD, POST',
          });
        return true;
      }
      const m = /^\/api\/runs\/([^/]+)$/.exec(path);
      if (m) {
        if (method === 'GET' || method === 'HEAD') sendStoredRun(runs, res, m[1]!);
        else
          sendError(res, 405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`, {
            allow: 'GET, HEAD',
          });
        return true;
      }
      return false;
    } catch (e) {
      answerFailure(options.db, res, e, method, path);
      return true;
    }
  };
}

function intParam(
  q: URLSearchParams,
  name: string,
  dflt: number,
  min: number,
  max: number,
): number {
  const v = q.get(name);
  if (v === null) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new HttpError(
      400,
      'BAD_QUERY',
      `${name}: expected an integer from ${min} to ${max}, got "${v}"`,
    );
  return n;
}
