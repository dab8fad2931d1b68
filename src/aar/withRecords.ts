/**
 * Adds a team session's stored records (feedback, improvement plan, evaluators' observations) to a
 * review computed from its run. The records are validated again here: a review file or a server
 * answer is input like any other.
 */
import { z } from 'zod/mini';
import { observationRecordSchema, type ObservationRecord } from '../game/evaluationGuide';
import {
  observationsOf,
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
  observations: z.optional(z.array(observationRecordSchema)),
});

export interface ReviewRecords {
  feedback?: FeedbackEntry[];
  improvementPlan?: PlanRow[];
  /**
   * The evaluators' records as the server keeps them: a review built from a copy of the run
   * without them (a team seat's own) gets them here; one built from the stored run file has them.
   */
  observations?: ObservationRecord[];
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
    observations: records.observations
      ? observationsOf(records.observations, aar.actions)
      : aar.observations,
  };
}
