/**
 * Adds a team session's stored records (feedback, improvement plan; evaluators' observations
 * travel in the run file itself) to a
 * review computed from its run. The records are validated again here: a review file or a server
 * answer is input like any other.
 */
import { z } from 'zod/mini';
import {
  feedbackFormSchema,
  planRowSchema,
  summariseFeedback,
  type FeedbackEntry,
  type PlanRow,
} from './exerciseRecords';
import type { Aar } from './types';

const recordsSchema = z.looseObject({
  feedback: z.optional(z.array(z.extend(feedbackFormSchema, { n: z.int().check(z.minimum(1)) }))),
  improvementPlan: z.optional(z.array(planRowSchema)),
});

export interface ReviewRecords {
  feedback?: FeedbackEntry[];
  improvementPlan?: PlanRow[];
}

/** Parses records (a session's review as the server returns it); throws naming the field. */
export function parseReviewRecords(json: unknown): ReviewRecords {
  const r = recordsSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
      .join('');
    throw new Error(`${path || 'review'}: ${issue.message}`);
  }
  return r.data;
}

export function withRecords(aar: Aar, records: ReviewRecords): Aar {
  const feedback = records.feedback ?? aar.feedback;
  return {
    ...aar,
    feedback,
    feedbackSummary: summariseFeedback(feedback),
    improvementPlan: records.improvementPlan ?? aar.improvementPlan,
  };
}
