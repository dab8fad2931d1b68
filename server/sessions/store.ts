// SQLite persistence of team sessions (tables from migration 2 in server/db.ts). Every accepted
// command is written before it is broadcast, so a crash can lose a command's broadcast but never
// a command someone has seen. Statements are prepared once; better-sqlite3 is synchronous, which
// keeps "append, then broadcast" a single step on the event loop.
import { noteStorageError, type Db } from '../db.ts';
import type {
  BotKind,
  LogEntry,
  SeatKind,
  SeatRole,
  SessionState,
} from '../../src/net/protocol.ts';
import type { ObservationRecord, PlayerRole, RunFile, Score } from '../../src/game';
import { createHash } from 'node:crypto';
import { runKey } from '../runKey.ts';

export interface StoredSession {
  id: number;
  code: string;
  levelId: string;
  levelSha256: string;
  seed: number;
  roles: SeatRole[];
  state: SessionState;
  nowMs: number;
  runId: number | null;
  updatedAt: string;
  /** The exercise this room belongs to, and its team number there (1…), if any. */
  exerciseId: number | null;
  team: number | null;
  bots: Partial<Record<SeatRole, BotKind>>;
  /** SHA-256 of the room's evaluator key, null until the facilitator makes one. */
  evaluatorHash: string | null;
}

export interface StoredExercise {
  id: number;
  code: string;
  name: string;
  levelId: string;
  seed: number;
  roles: SeatRole[];
  controllerHash: string;
  createdAt: string;
}

/** A room of an exercise as the database has it (ended rooms leave memory; this stays). */
export interface ExerciseRoomRow {
  id: number;
  code: string;
  team: number;
  state: SessionState;
  nowMs: number;
  runId: number | null;
  scoreTotal: number | null;
  partsJson: string | null;
}

/** A command that was not applied, sent by no client (a bot or an exercise controller). */
export interface Refusal {
  tick: number;
  role: string;
  type: string;
  args: Record<string, unknown>;
  sender: string;
  code: string;
}

export interface StoredSeat {
  seat: string;
  kind: SeatKind;
  name: string;
  role: PlayerRole | null;
  tokenHash: string;
  removed: boolean;
}

interface SessionRow {
  id: number;
  code: string;
  level_id: string;
  level_sha256: string;
  seed: number;
  roles_json: string;
  state: SessionState;
  now_ms: number;
  run_id: number | null;
  updated_at: string;
  exercise_id: number | null;
  team: number | null;
  bots_json: string;
  evaluator_sha256: string | null;
}

export class SessionStore {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.stmt = {
      insertSession: db.prepare(
        `INSERT INTO sessions (code, level_id, level_sha256, seed, roles_json, state, now_ms, created_at, updated_at, exercise_id, team)
         VALUES (?, ?, ?, ?, ?, 'lobby', ?, ?, ?, ?, ?)`,
      ),
      codeTaken: db.prepare('SELECT 1 FROM sessions WHERE code = ?'),
      insertSeat: db.prepare(
        `INSERT INTO session_seats (session_id, seat, kind, name, role, token_sha256, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateSeat: db.prepare(
        'UPDATE session_seats SET role = ?, removed = ? WHERE session_id = ? AND seat = ?',
      ),
      insertLog: db.prepare(
        `INSERT INTO session_log (session_id, seq, tick, role, type, args_json, seat, client_seq, bot)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      setNow: db.prepare('UPDATE sessions SET now_ms = ?, updated_at = ? WHERE id = ?'),
      setState: db.prepare(
        'UPDATE sessions SET state = ?, now_ms = ?, updated_at = ? WHERE id = ?',
      ),
      end: db.prepare(
        `UPDATE sessions SET state = 'ended', now_ms = ?, run_id = ?, end_reason = ?, updated_at = ?
         WHERE id = ?`,
      ),
      live: db.prepare("SELECT * FROM sessions WHERE state <> 'ended' ORDER BY id"),
      seats: db.prepare('SELECT * FROM session_seats WHERE session_id = ? ORDER BY rowid'),
      log: db.prepare('SELECT * FROM session_log WHERE session_id = ? ORDER BY seq'),
      setBots: db.prepare('UPDATE sessions SET bots_json = ?, updated_at = ? WHERE id = ?'),
      insertRefusal: db.prepare(
        `INSERT INTO session_refusals (session_id, tick, role, type, args_json, sender, code, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      refusals: db.prepare(
        'SELECT * FROM session_refusals WHERE session_id = ? ORDER BY rowid DESC LIMIT ?',
      ),
      setEvaluatorKey: db.prepare(
        'UPDATE sessions SET evaluator_sha256 = ?, updated_at = ? WHERE id = ?',
      ),
      insertObservation: db.prepare(
        `INSERT INTO session_observations (session_id, n, record_json, seat, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      observations: db.prepare(
        'SELECT record_json FROM session_observations WHERE session_id = ? ORDER BY n',
      ),
      insertExercise: db.prepare(
        `INSERT INTO exercises (code, name, level_id, seed, roles_json, controller_sha256, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      exerciseByCode: db.prepare('SELECT * FROM exercises WHERE code = ?'),
      exerciseCodeTaken: db.prepare('SELECT 1 FROM exercises WHERE code = ?'),
      exerciseRooms: db.prepare(
        `SELECT s.id, s.code, s.team, s.state, s.now_ms, s.run_id, r.score_total, r.parts_json
         FROM sessions s LEFT JOIN runs r ON r.id = s.run_id
         WHERE s.exercise_id = ? ORDER BY s.team`,
      ),
      runByKey: db.prepare('SELECT id FROM runs WHERE run_key = ? ORDER BY id LIMIT 1'),
      insertRun: db.prepare(
        `INSERT INTO runs (level_id, level_sha256, seed, player, score_total, parts_json, final_hash, file_sha256, run_json, game_version, created_at, run_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  /** Records a failed write for /api/health (a full disk, a damaged file). */
  noteError(error: unknown): void {
    noteStorageError(this.db, error);
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  codeTaken(code: string): boolean {
    return this.stmt.codeTaken.get(code) !== undefined;
  }

  /** Creates the session with its facilitator seat in one transaction; returns the session id. */
  createSession(
    s: {
      code: string;
      levelId: string;
      levelSha256: string;
      seed: number;
      roles: SeatRole[];
      exerciseId?: number;
      team?: number;
    },
    nowMs: number,
    facilitator: { seat: string; name: string; tokenHash: string },
  ): number {
    const at = this.stamp();
    return this.db.transaction(() => {
      const info = this.stmt.insertSession.run(
        s.code,
        s.levelId,
        s.levelSha256,
        s.seed,
        JSON.stringify(s.roles),
        nowMs,
        at,
        at,
        s.exerciseId ?? null,
        s.team ?? null,
      );
      const id = Number(info.lastInsertRowid);
      this.stmt.insertSeat.run(
        id,
        facilitator.seat,
        'facilitator',
        facilitator.name,
        'facilitator',
        facilitator.tokenHash,
        at,
      );
      return id;
    })();
  }

  addSeat(sessionId: number, seat: StoredSeat): void {
    this.stmt.insertSeat.run(
      sessionId,
      seat.seat,
      seat.kind,
      seat.name,
      seat.role,
      seat.tokenHash,
      this.stamp(),
    );
  }

  updateSeats(
    sessionId: number,
    seats: readonly { seat: string; role: string | null; removed: boolean }[],
  ) {
    this.db.transaction(() => {
      for (const s of seats) this.stmt.updateSeat.run(s.role, s.removed ? 1 : 0, sessionId, s.seat);
    })();
  }

  /** Appends an accepted command and the room's engine time in one transaction. */
  appendLog(sessionId: number, e: LogEntry, nowMs: number): void {
    const at = this.stamp();
    this.db.transaction(() => {
      this.stmt.insertLog.run(
        sessionId,
        e.seq,
        e.tick,
        e.role,
        e.type,
        JSON.stringify(e.args),
        e.seat,
        e.clientSeq,
        e.bot ?? null,
      );
      this.stmt.setNow.run(nowMs, at, sessionId);
    })();
  }

  /** Writes several rooms' engine times in one transaction (the pacing timer's batch). */
  saveNow(rooms: readonly { id: number; nowMs: number }[]): void {
    if (rooms.length === 0) return;
    const at = this.stamp();
    this.db.transaction(() => {
      for (const r of rooms) this.stmt.setNow.run(r.nowMs, at, r.id);
    })();
  }

  setState(sessionId: number, state: SessionState, nowMs: number): void {
    this.stmt.setState.run(state, nowMs, this.stamp(), sessionId);
  }

  end(sessionId: number, nowMs: number, runId: number | null, reason: string): void {
    this.stmt.end.run(nowMs, runId, reason, this.stamp(), sessionId);
  }

  /** Sessions not ended, with their seats and logs: what a restart rebuilds. */
  loadLive(): {
    session: StoredSession;
    seats: StoredSeat[];
    log: LogEntry[];
    observations: ObservationRecord[];
  }[] {
    return (this.stmt.live.all() as SessionRow[]).map((r) => ({
      session: {
        id: r.id,
        code: r.code,
        levelId: r.level_id,
        levelSha256: r.level_sha256,
        seed: r.seed,
        roles: JSON.parse(r.roles_json) as SeatRole[],
        state: r.state,
        nowMs: r.now_ms,
        runId: r.run_id,
        updatedAt: r.updated_at,
        exerciseId: r.exercise_id,
        team: r.team,
        bots: JSON.parse(r.bots_json) as Partial<Record<SeatRole, BotKind>>,
        evaluatorHash: r.evaluator_sha256,
      },
      observations: this.observations(r.id),
      seats: (
        this.stmt.seats.all(r.id) as {
          seat: string;
          kind: SeatKind;
          name: string;
          role: PlayerRole | null;
          token_sha256: string;
          removed: number;
        }[]
      ).map((s) => ({
        seat: s.seat,
        kind: s.kind,
        name: s.name,
        role: s.role,
        tokenHash: s.token_sha256,
        removed: s.removed !== 0,
      })),
      log: (
        this.stmt.log.all(r.id) as {
          seq: number;
          tick: number;
          role: PlayerRole;
          type: string;
          args_json: string;
          seat: string;
          client_seq: number;
          bot: BotKind | null;
        }[]
      ).map((e) => ({
        seq: e.seq,
        tick: e.tick,
        role: e.role,
        type: e.type,
        args: JSON.parse(e.args_json) as Record<string, unknown>,
        seat: e.seat,
        clientSeq: e.client_seq,
        ...(e.bot ? { bot: e.bot } : {}),
      })),
    }));
  }

  /** Replaces the room's evaluator key (its SHA-256). */
  setEvaluatorKey(sessionId: number, hash: string): void {
    this.stmt.setEvaluatorKey.run(hash, this.stamp(), sessionId);
  }

  /** Stores an evaluator's observation, the session's n-th (from 1), before it is broadcast. */
  addObservation(sessionId: number, n: number, o: ObservationRecord, seat: string): void {
    this.stmt.insertObservation.run(sessionId, n, JSON.stringify(o), seat, this.stamp());
  }

  observations(sessionId: number): ObservationRecord[] {
    return (this.stmt.observations.all(sessionId) as { record_json: string }[]).map(
      (r) => JSON.parse(r.record_json) as ObservationRecord,
    );
  }

  setBots(sessionId: number, bots: Partial<Record<SeatRole, BotKind>>): void {
    this.stmt.setBots.run(JSON.stringify(bots), this.stamp(), sessionId);
  }

  /** Records a command a bot or the exercise controller sent that the game refused. */
  addRefusal(sessionId: number, r: Refusal): void {
    this.stmt.insertRefusal.run(
      sessionId,
      r.tick,
      r.role,
      r.type,
      JSON.stringify(r.args),
      r.sender,
      r.code,
      this.stamp(),
    );
  }

  /** The latest refusals of a session, newest first. */
  refusals(sessionId: number, limit = 20): Refusal[] {
    return (
      this.stmt.refusals.all(sessionId, limit) as {
        tick: number;
        role: string;
        type: string;
        args_json: string;
        sender: string;
        code: string;
      }[]
    ).map((r) => ({
      tick: r.tick,
      role: r.role,
      type: r.type,
      args: JSON.parse(r.args_json) as Record<string, unknown>,
      sender: r.sender,
      code: r.code,
    }));
  }

  exerciseCodeTaken(code: string): boolean {
    return this.stmt.exerciseCodeTaken.get(code) !== undefined;
  }

  /** Creates an exercise row; its rooms are created after it and point to it. */
  createExercise(e: Omit<StoredExercise, 'id' | 'createdAt'>): StoredExercise {
    const at = this.stamp();
    const info = this.stmt.insertExercise.run(
      e.code,
      e.name,
      e.levelId,
      e.seed,
      JSON.stringify(e.roles),
      e.controllerHash,
      at,
    );
    return { ...e, id: Number(info.lastInsertRowid), createdAt: at };
  }

  exercise(code: string): StoredExercise | undefined {
    const r = this.stmt.exerciseByCode.get(code) as
      | {
          id: number;
          code: string;
          name: string;
          level_id: string;
          seed: number;
          roles_json: string;
          controller_sha256: string;
          created_at: string;
        }
      | undefined;
    return r
      ? {
          id: r.id,
          code: r.code,
          name: r.name,
          levelId: r.level_id,
          seed: r.seed,
          roles: JSON.parse(r.roles_json) as SeatRole[],
          controllerHash: r.controller_sha256,
          createdAt: r.created_at,
        }
      : undefined;
  }

  exerciseRooms(exerciseId: number): ExerciseRoomRow[] {
    return (
      this.stmt.exerciseRooms.all(exerciseId) as {
        id: number;
        code: string;
        team: number;
        state: SessionState;
        now_ms: number;
        run_id: number | null;
        score_total: number | null;
        parts_json: string | null;
      }[]
    ).map((r) => ({
      id: r.id,
      code: r.code,
      team: r.team,
      state: r.state,
      nowMs: r.now_ms,
      runId: r.run_id,
      scoreTotal: r.score_total,
      partsJson: r.parts_json,
    }));
  }

  /** Runs `f` in one transaction (an exercise and all its rooms are created together). */
  transaction<T>(f: () => T): T {
    return this.db.transaction(f)();
  }

  /**
   * Stores a verified run file among the verified runs (the same table POST /api/runs fills), so
   * the session is listed, replayable and forkable like any other run. Returns its id.
   */
  storeRun(file: RunFile, score: Score, player: string): number {
    const text = JSON.stringify(file);
    const fileSha = createHash('sha256').update(text).digest('hex');
    const key = runKey(file);
    const existing = this.stmt.runByKey.get(key) as { id: number } | undefined;
    if (existing) return existing.id;
    const info = this.stmt.insertRun.run(
      file.level.id,
      file.level.sha256,
      file.seed,
      player,
      score.total,
      JSON.stringify(score.parts),
      file.result.finalHash,
      fileSha,
      text,
      file.gameVersion,
      this.stamp(),
      key,
    );
    return Number(info.lastInsertRowid);
  }
}
