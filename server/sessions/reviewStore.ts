// SQLite side of a session's review records (migration 4 in server/db.ts): anonymous participant
// feedback, one form per seat, and the facilitator's improvement plan. Kept apart from
// SessionStore (the live room's log and clock) because nothing here touches the simulation.
import type { Db } from '../db.ts';
import type { SessionState } from '../../src/net/protocol.ts';
import type { ObservationRecord } from '../../src/game/evaluationGuide.ts';
import type { FeedbackEntry, FeedbackForm, PlanRow } from '../../src/aar/exerciseRecords.ts';

export interface ReviewedSession {
  id: number;
  code: string;
  levelId: string;
  state: SessionState;
  runId: number | null;
  playerSeats: number;
}

export class ReviewStore {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.stmt = {
      markSent: db.prepare(
        'INSERT OR IGNORE INTO session_feedback_sent (session_id, seat) VALUES (?, ?)',
      ),
      sent: db.prepare('SELECT 1 FROM session_feedback_sent WHERE session_id = ? AND seat = ?'),
      insertFeedback: db.prepare(
        'INSERT INTO session_feedback (session_id, form_json) VALUES (?, ?)',
      ),
      feedback: db.prepare(
        'SELECT form_json FROM session_feedback WHERE session_id = ? ORDER BY id',
      ),
      savePlan: db.prepare(
        `INSERT INTO session_plan (session_id, rows_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (session_id) DO UPDATE SET rows_json = excluded.rows_json, updated_at = excluded.updated_at`,
      ),
      plan: db.prepare('SELECT rows_json FROM session_plan WHERE session_id = ?'),
      observations: db.prepare(
        'SELECT record_json FROM session_observations WHERE session_id = ? ORDER BY n',
      ),
      byFacilitator: db.prepare(
        `SELECT s.id, s.code, s.level_id, s.state, s.run_id,
                (SELECT COUNT(*) FROM session_seats p WHERE p.session_id = s.id AND p.kind = 'player' AND p.removed = 0) AS players
           FROM sessions s JOIN session_seats f ON f.session_id = s.id
          WHERE s.code = ? AND f.kind = 'facilitator' AND f.token_sha256 = ?`,
      ),
    };
  }

  hasSent(sessionId: number, seat: string): boolean {
    return this.stmt.sent.get(sessionId, seat) !== undefined;
  }

  /**
   * Stores a seat's form; false if that seat had already sent one. The seat is recorded apart
   * from the form, so no stored entry says whose it is.
   */
  addFeedback(sessionId: number, seat: string, form: FeedbackForm): boolean {
    return this.db.transaction(() => {
      if (this.stmt.markSent.run(sessionId, seat).changes === 0) return false;
      this.stmt.insertFeedback.run(sessionId, JSON.stringify(form));
      return true;
    })();
  }

  feedback(sessionId: number): FeedbackEntry[] {
    return (this.stmt.feedback.all(sessionId) as { form_json: string }[]).map((r, i) => ({
      n: i + 1,
      ...(JSON.parse(r.form_json) as FeedbackForm),
    }));
  }

  savePlan(sessionId: number, rows: readonly PlanRow[]): void {
    this.stmt.savePlan.run(sessionId, JSON.stringify(rows), this.now().toISOString());
  }

  plan(sessionId: number): PlanRow[] {
    const r = this.stmt.plan.get(sessionId) as { rows_json: string } | undefined;
    return r ? (JSON.parse(r.rows_json) as PlanRow[]) : [];
  }

  /** The evaluators' observations of a session, in the order recorded. */
  observations(sessionId: number): ObservationRecord[] {
    return (this.stmt.observations.all(sessionId) as { record_json: string }[]).map(
      (r) => JSON.parse(r.record_json) as ObservationRecord,
    );
  }

  /** The session with this code whose facilitator token hashes to `tokenHash`, if any. */
  sessionOfFacilitator(code: string, tokenHash: string): ReviewedSession | undefined {
    const r = this.stmt.byFacilitator.get(code, tokenHash) as
      | {
          id: number;
          code: string;
          level_id: string;
          state: SessionState;
          run_id: number | null;
          players: number;
        }
      | undefined;
    return r
      ? {
          id: r.id,
          code: r.code,
          levelId: r.level_id,
          state: r.state,
          runId: r.run_id,
          playerSeats: r.players,
        }
      : undefined;
  }
}
