// A session's review records over HTTP, for its facilitator only (the facilitator token as
// `Authorization: Bearer <token>`; anything else is 401, whether or not the code exists):
//   GET /api/sessions/<code>/review  → the anonymous feedback, its averages and the improvement plan
//   PUT /api/sessions/<code>/plan    → replaces the improvement plan ({ "rows": [...] }, validated)
// The token is compared by its SHA-256, as stored; it works after the room has left memory.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  planSchema,
  summariseFeedback,
  type SessionReview,
} from '../../src/aar/exerciseRecords.ts';
import {
  issuePath,
  issueReason,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
} from '../../src/net/protocol.ts';
import { HttpError, parseJsonBody, readBody, sendError, sendJson } from '../http.ts';
import type { ReviewStore, ReviewedSession } from './reviewStore.ts';
import type { Room } from './room.ts';
import { tokenHash } from './secrets.ts';

/** Largest plan body: 50 rows of the longest texts fit with room to spare. */
export const PLAN_BODY_MAX = 256 * 1024;

const PATH = new RegExp(
  `^/api/sessions/([${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}})/(review|plan)$`,
);

export class ReviewRoutes {
  constructor(
    private readonly reviews: ReviewStore,
    private readonly host: { room(code: string): Room | undefined; log(message: string): void },
  ) {}

  /** Answers the review paths; false for any other path. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const m = PATH.exec(path);
    if (!m) return false;
    const [, code, what] = m as unknown as [string, string, 'review' | 'plan'];
    const method = what === 'review' ? 'GET' : 'PUT';
    try {
      if (req.method !== method)
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${path}`, {
          allow: method,
        });
      const session = this.authorise(req, code);
      if (what === 'plan') await this.savePlan(req, session);
      sendJson(res, 200, this.review(session));
    } catch (e) {
      if (e instanceof HttpError) sendError(res, e.status, e.code, e.message, e.headers);
      else {
        this.host.log(`${req.method} ${path}: ${(e as Error).stack ?? String(e)}`);
        sendError(res, 500, 'INTERNAL', 'internal error; nothing was changed');
      }
    }
    return true;
  }

  private authorise(req: IncomingMessage, code: string): ReviewedSession {
    const auth = req.headers.authorization ?? '';
    const token = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(auth)?.[1];
    const session = token ? this.reviews.sessionOfFacilitator(code, tokenHash(token)) : undefined;
    if (!session)
      throw new HttpError(
        401,
        'UNAUTHORIZED',
        token
          ? 'authorization: not the facilitator token of this session'
          : 'authorization: expected "Bearer <facilitator token>"',
        { 'www-authenticate': 'Bearer' },
      );
    return session;
  }

  private async savePlan(req: IncomingMessage, session: ReviewedSession): Promise<void> {
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type))
      throw new HttpError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `content-type: expected application/json, got ${JSON.stringify(type || '(none)')}`,
      );
    const json = parseJsonBody(await readBody(req, PLAN_BODY_MAX), 'an improvement plan');
    const parsed = planSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const p = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      throw new HttpError(400, 'BAD_PLAN', `${issuePath(p) || 'body'}: ${issueReason(issue)}`);
    }
    this.reviews.savePlan(session.id, parsed.data.rows);
    this.host.log(`room ${session.code}: improvement plan saved (${parsed.data.rows.length} rows)`);
  }

  private review(session: ReviewedSession): SessionReview {
    const feedback = this.reviews.feedback(session.id);
    // A live room knows its state and run better than the row written at its last change.
    const room = this.host.room(session.code);
    return {
      code: session.code,
      level: session.levelId,
      state: room?.state ?? session.state,
      runId: room?.runId ?? session.runId,
      feedback,
      feedbackSummary: summariseFeedback(feedback),
      improvementPlan: this.reviews.plan(session.id),
      observations: this.reviews.observations(session.id),
      playerSeats: session.playerSeats,
    };
  }
}
