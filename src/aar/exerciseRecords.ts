/**
 * What an exercise adds to a run's after-action review beyond the run itself (issue 17): the
 * team's answers to the level's discussion questions (from the log's `note.add`), evaluator
 * observations (HSEEP: capability → critical task → rating), anonymous participant feedback and the
 * facilitator's improvement plan. The schemas are shared by the server (which stores feedback and
 * the plan with the session), the browser (which sends and edits them) and the review.
 *
 * zod/mini: this module reaches the browser only with the debrief and the team screens.
 */
import { z } from 'zod/mini';
import type { LocalText } from '../game';
// The guide itself, not the game's index: this module reaches the team screens' chunks.
import { findTask, type HseepRating, type ObservationRecord } from '../game/evaluationGuide';
import { L, LIST } from './text';
import { capabilityName, taskText } from './evaluationWords';

// ------------------------------------------------------------------ limits

/** Free-text answers on the feedback form, characters each. */
export const FEEDBACK_TEXT_MAX = 1000;
/** Improvement-plan rows a session keeps. */
export const PLAN_ROWS_MAX = 50;
/** Issue and corrective action, characters each. */
export const PLAN_TEXT_MAX = 500;
/** Capability and owner, characters each. */
export const PLAN_SHORT_MAX = 120;

// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]*$/;
const text = (max: number) =>
  z
    .string()
    .check(
      z.maxLength(max, `must be at most ${max} characters`),
      z.regex(NO_CONTROL, 'must not contain control characters'),
    );

// ------------------------------------------------------------------ participant feedback

/**
 * The statements rated 1 (strongly disagree) – 5 (strongly agree), after CISA's participant
 * feedback form (exercise design, realism, roles, facilitation, usefulness).
 */
export const FEEDBACK_STATEMENTS = [
  'objectives',
  'realism',
  'roles',
  'facilitation',
  'useful',
] as const;
export type FeedbackStatement = (typeof FEEDBACK_STATEMENTS)[number];

export const FEEDBACK_STATEMENT_TEXT: Record<FeedbackStatement, LocalText> = {
  objectives: L('records.feedbackStatementText.objectives'),
  realism: L('records.feedbackStatementText.realism'),
  roles: L('records.feedbackStatementText.roles'),
  facilitation: L('records.feedbackStatementText.facilitation'),
  useful: L('records.feedbackStatementText.useful'),
};

export const FEEDBACK_QUESTIONS = ['wentWell', 'improve', 'monday'] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];

export const FEEDBACK_QUESTION_TEXT: Record<FeedbackQuestion, LocalText> = {
  wentWell: L('records.feedbackQuestionText.wentWell'),
  improve: L('records.feedbackQuestionText.improve'),
  monday: L('records.feedbackQuestionText.monday'),
};

const rating = z.int().check(z.minimum(1, 'must be 1 to 5'), z.maximum(5, 'must be 1 to 5'));

/** One participant's answers: every rating optional (a skipped statement), texts may be empty. */
export const feedbackFormSchema = z.strictObject({
  ratings: z.strictObject({
    objectives: z.optional(rating),
    realism: z.optional(rating),
    roles: z.optional(rating),
    facilitation: z.optional(rating),
    useful: z.optional(rating),
  }),
  wentWell: text(FEEDBACK_TEXT_MAX),
  improve: text(FEEDBACK_TEXT_MAX),
  monday: text(FEEDBACK_TEXT_MAX),
});
export type FeedbackForm = z.infer<typeof feedbackFormSchema>;

/** A stored, anonymous entry: the form and when it came (no seat, no name, no token). */
export interface FeedbackEntry extends FeedbackForm {
  /** Order of arrival within the session, from 1 (not a seat number). */
  n: number;
}

export interface FeedbackSummary {
  responses: number;
  /** Mean rating per statement over those who rated it (one decimal), null when nobody did. */
  averages: Record<FeedbackStatement, number | null>;
}

export function summariseFeedback(entries: readonly FeedbackForm[]): FeedbackSummary {
  const averages = {} as Record<FeedbackStatement, number | null>;
  for (const s of FEEDBACK_STATEMENTS) {
    const given = entries.map((e) => e.ratings[s]).filter((r): r is number => r !== undefined);
    averages[s] =
      given.length === 0
        ? null
        : Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 10) / 10;
  }
  return { responses: entries.length, averages };
}

/** Whether a form says anything at all (an empty one is refused rather than stored). */
export function feedbackIsEmpty(f: FeedbackForm): boolean {
  return (
    FEEDBACK_STATEMENTS.every((s) => f.ratings[s] === undefined) &&
    FEEDBACK_QUESTIONS.every((q) => f[q].trim() === '')
  );
}

// ------------------------------------------------------------------ improvement plan

/** One improvement-plan row (HSEEP IP: issue, corrective action, capability, owner, due date). */
export const planRowSchema = z.strictObject({
  issue: text(PLAN_TEXT_MAX).check(z.regex(/\S/, 'must not be empty')),
  action: text(PLAN_TEXT_MAX),
  capability: text(PLAN_SHORT_MAX),
  owner: text(PLAN_SHORT_MAX),
  /** A calendar date (YYYY-MM-DD) or empty while undecided. */
  due: z
    .string()
    .check(
      z.regex(
        /^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$/,
        'must be a date YYYY-MM-DD or empty',
      ),
    ),
  /** The lesson (src/aar/lessons.ts) the row was pre-filled from, if any. */
  lesson: z.optional(z.string().check(z.regex(/^[a-zA-Z0-9._-]{1,64}$/, 'is not a lesson id'))),
});
export type PlanRow = z.infer<typeof planRowSchema>;

export const planSchema = z.strictObject({
  rows: z
    .array(planRowSchema)
    .check(z.maxLength(PLAN_ROWS_MAX, `must have at most ${PLAN_ROWS_MAX} rows`)),
});

/** The rows a plan starts from: one per area for improvement the game found in this run. */
export function planFromLessons(
  lessons: readonly { id: string; kind: string; text: LocalText }[],
  lang: 'ko' | 'en',
): PlanRow[] {
  return lessons
    .filter((l) => l.kind === 'improvement')
    .slice(0, PLAN_ROWS_MAX)
    .map((l) => ({
      issue: l.text[lang].slice(0, PLAN_TEXT_MAX),
      action: '',
      capability: '',
      owner: '',
      due: '',
      lesson: l.id,
    }));
}

const PLAN_CSV_HEADER: Record<'ko' | 'en', string[]> = LIST('records.planCsvHeader');

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell a spreadsheet
 * would run as a formula (= + - @, tab, CR first) gets a leading apostrophe: plan text is typed by
 * people and opened in Excel.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The plan as CSV (CRLF lines, header in the chosen language, UTF-8 with a BOM for Excel). */
export function planCsv(rows: readonly PlanRow[], lang: 'ko' | 'en'): string {
  const lines = [
    PLAN_CSV_HEADER[lang],
    ...rows.map((r) => [r.issue, r.action, r.capability, r.owner, r.due, r.lesson ?? '']),
  ];
  return '\uFEFF' + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// ------------------------------------------------------------------ evaluator observations

export { HSEEP_RATINGS, OBSERVATION_NOTE_MAX } from '../game/evaluationGuide';
export { HSEEP_RATING_TEXT } from './evaluationWords';
export type { HseepRating } from '../game/evaluationGuide';

/**
 * An evaluator's observation as the review shows it: the run file's record (capability and
 * critical task by id, src/game/evaluationGuide.ts) with their names, and the decision it is about.
 */
export interface Observation {
  capability: string;
  capabilityName: LocalText;
  criticalTask: string;
  criticalTaskText: LocalText;
  rating: HseepRating;
  note: string;
  tick: number;
  /** The log entry (1-based seq) the observation is about, if any, and what it was. */
  decisionSeq?: number;
  decision?: { tick: number; role: string; type: string };
}

/** The review's observations from a verified run file's records (unknown ids were refused there). */
export function observationsOf(
  records: readonly ObservationRecord[],
  commands: readonly { tick: number; role: string; type: string }[],
): Observation[] {
  return records.flatMap((r) => {
    const found = findTask(r.capability, r.task);
    if (!found) return [];
    const c = r.decisionSeq !== undefined ? commands[r.decisionSeq - 1] : undefined;
    return [
      {
        capability: r.capability,
        capabilityName: capabilityName(r.capability),
        criticalTask: r.task,
        criticalTaskText: taskText(r.capability, r.task),
        rating: r.rating,
        note: r.note,
        tick: r.tick,
        ...(r.decisionSeq !== undefined ? { decisionSeq: r.decisionSeq } : {}),
        ...(c ? { decision: { tick: c.tick, role: c.role, type: c.type } } : {}),
      },
    ];
  });
}

// ------------------------------------------------------------------ discussion

export const DISCUSSION_MODULES = ['detection', 'response', 'recovery'] as const;
export type DiscussionModule = (typeof DISCUSSION_MODULES)[number];

export const MODULE_TEXT: Record<DiscussionModule, LocalText> = {
  detection: L('records.moduleText.detection'),
  response: L('records.moduleText.response'),
  recovery: L('records.moduleText.recovery'),
};

/** A team's answer to a discussion question, as the review lists it under its module. */
export interface DiscussionAnswer {
  module: DiscussionModule;
  /** Index of the question in the level's `discussion` list (what `note.add` carries). */
  questionId: number;
  question: LocalText;
  answer: string;
  tick: number;
}

/** The answers in the log's notes, in module order, then by time. */
export function discussionAnswers(
  notes: readonly { tick: number; text: string; question?: number }[],
  discussion: readonly { module: DiscussionModule; question: LocalText }[],
): DiscussionAnswer[] {
  const out: DiscussionAnswer[] = [];
  for (const n of notes) {
    if (n.question === undefined) continue;
    const q = discussion[n.question];
    if (!q) continue;
    out.push({
      module: q.module,
      questionId: n.question,
      question: q.question,
      answer: n.text,
      tick: n.tick,
    });
  }
  const order = (m: DiscussionModule) => DISCUSSION_MODULES.indexOf(m);
  return out.sort((a, b) => order(a.module) - order(b.module) || a.tick - b.tick);
}

// ------------------------------------------------------------------ the session's review records

/** What the server keeps with a session for its review (GET /api/sessions/<code>/review). */
export interface SessionReview {
  code: string;
  level: string;
  state: 'lobby' | 'running' | 'ended';
  runId: number | null;
  feedback: FeedbackEntry[];
  feedbackSummary: FeedbackSummary;
  improvementPlan: PlanRow[];
  /** The evaluators' observations as recorded (the run file carries the same records). */
  observations: ObservationRecord[];
  /** Seats the feedback form went to (player seats) and how many answered. */
  playerSeats: number;
}
