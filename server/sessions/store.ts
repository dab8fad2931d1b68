// SQLite persistence of team sessions (tables from migration 2 in server/db.ts). Every accepted
// command is written before it is broadcast, so a crash can lose a command's broadcast but never
// a command someone has seen. Statements are prepared once; better-sqlite3 is synchronous, which
// keeps "append, then broadcast" a single step on the event loop.
import { noteStorageError, type Db } from '../db.ts';
import type { LogEntry, SeatKind, SeatRole, SessionState } from '../../src/net/protocol.ts';
import type { PlayerRole, RunFile, Score } from '../../src/game';
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
}

export class SessionStore {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.stmt = {
      insertSession: db.prepare(
        `INSERT INTO sessions (code, level_id, level_sha256, seed, roles_json, state, now_ms, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'lobby', ?, ?, ?)`,
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
        `INSERT INTO session_log (session_id, seq, tick, role, type, args_json, seat, client_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
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
    s: { code: string; levelId: string; levelSha256: string; seed: number; roles: SeatRole[] },
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
  loadLive(): { session: StoredSession; seats: StoredSeat[]; log: LogEntry[] }[] {
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
      },
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
        }[]
      ).map((e) => ({
        seq: e.seq,
        tick: e.tick,
        role: e.role,
        type: e.type,
        args: JSON.parse(e.args_json) as Record<string, unknown>,
        seat: e.seat,
        clientSeq: e.client_seq,
      })),
    }));
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
