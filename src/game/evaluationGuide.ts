/**
 * The exercise's evaluation guide (HSEEP Exercise Evaluation Guide): each objective of the 1·25
 * exercise, the core capability it exercises and the critical tasks an evaluator rates. An
 * evaluator's observation names a capability and one of its tasks by id, so a run file stays
 * language-neutral and the review prints the names in the reader's language (the words live in the
 * `aar` locale namespace, evaluation.objectives.<capability>, read by src/aar/evaluationWords.ts). The same list is the
 * Situation Manual's "objectives and capabilities" (src/aar/situationManual.ts).
 *
 * Pure data plus the record schema: the run-file schema (runFileFields.ts) and verification import
 * it, so it must stay free of view code.
 */
import { z } from '../engine/zod';
import type { ScorePart } from './levelSchema';

/** HSEEP's four performance ratings. */
export const HSEEP_RATINGS = ['P', 'S', 'M', 'U'] as const;
export type HseepRating = (typeof HSEEP_RATINGS)[number];

/** An evaluator's note, characters. */
export const OBSERVATION_NOTE_MAX = 2000;
/** Observations a session keeps (several evaluators, a long day: far above real use). */
export const OBSERVATIONS_MAX = 500;
/** Version of the observation record (`v`); a reader refuses a version it does not know. */
export const OBSERVATION_RECORD_VERSION = 1;

/** A critical task by id; its words are in the locale files (`aar` evaluation.objectives). */
export interface CriticalTask {
  id: string;
}

export interface Objective {
  /** The capability's id, what an observation names. */
  capability: string;
  /** Score parts that measure the objective. */
  parts: ScorePart[];
  tasks: CriticalTask[];
}

export const OBJECTIVES: readonly Objective[] = [
  {
    capability: 'situational-assessment',
    parts: ['timeToDetect'],
    tasks: [
      {
        id: 'notice-anomaly',
      },
      {
        id: 'confirm-cause',
      },
    ],
  },
  {
    capability: 'cybersecurity',
    parts: ['timeToFilter', 'outboundWorm', 'infectedHostHours'],
    tasks: [
      {
        id: 'border-filter',
      },
      {
        id: 'own-infections',
      },
    ],
  },
  {
    capability: 'infrastructure-systems',
    parts: ['dnsAvailability', 'subscriberHours', 'serviceHours'],
    tasks: [
      {
        id: 'dns-service',
      },
      {
        id: 'restore-service',
      },
    ],
  },
  {
    capability: 'public-information',
    parts: ['timeToNotifyKisa', 'communications'],
    tasks: [
      {
        id: 'report-kisa',
      },
      {
        id: 'inform-public',
      },
    ],
  },
  {
    capability: 'operational-coordination',
    parts: ['staffCost', 'mondayReadiness'],
    tasks: [
      {
        id: 'staff',
      },
      {
        id: 'monday',
      },
    ],
  },
];

/** The objective of a capability id and the task of a task id in it, or undefined. */
export function findTask(
  capability: string,
  task: string,
): { objective: Objective; task: CriticalTask } | undefined {
  const objective = OBJECTIVES.find((o) => o.capability === capability);
  const t = objective?.tasks.find((x) => x.id === task);
  return objective && t ? { objective, task: t } : undefined;
}

/** A capability or critical-task id. */
export const guideIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,63}$/, 'is not an id'));
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]*$/;
/** An evaluator's note: plain text (line breaks and tabs allowed), length-limited. */
export const observationNoteSchema = z
  .string()
  .check(
    z.maxLength(OBSERVATION_NOTE_MAX, `must be at most ${OBSERVATION_NOTE_MAX} characters`),
    z.regex(NO_CONTROL, 'must not contain control characters'),
  );

/**
 * One observation as the run file and the session carry it. Provenance, not simulation: it is
 * never applied to the game, so it cannot change a hash or a score.
 */
export const observationRecordSchema = z.strictObject({
  v: z.literal(OBSERVATION_RECORD_VERSION),
  /** Game time (tick) the evaluator recorded it at. */
  tick: z.number().check(z.int(), z.minimum(0), z.maximum(7 * 86400)),
  capability: guideIdSchema,
  task: guideIdSchema,
  rating: z.enum(HSEEP_RATINGS),
  note: observationNoteSchema,
  /** The command it is about: its position in the log (1-based: the session's seq). */
  decisionSeq: z.optional(z.number().check(z.int(), z.minimum(1))),
});
export type ObservationRecord = z.infer<typeof observationRecordSchema>;

/**
 * What is wrong with a list of observations against the log they came with, or undefined: each
 * names a known capability and task, lies within the run and after the decision it names, and
 * the list is in time order (as it was recorded).
 */
export function observationsProblem(
  observations: readonly ObservationRecord[],
  commands: readonly { tick: number }[],
  endTick: number,
): string | undefined {
  let last = 0;
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i]!;
    const at = `observations[${i}]`;
    if (!findTask(o.capability, o.task))
      return `${at}: capability "${o.capability}" has no critical task "${o.task}" in the evaluation guide`;
    if (o.tick > endTick) return `${at}.tick: ${o.tick} is after the run's end tick ${endTick}`;
    if (o.tick < last)
      return `${at}.tick: ${o.tick} is before the previous observation's ${last} (observations are kept in the order they were recorded)`;
    last = o.tick;
    if (o.decisionSeq !== undefined) {
      const c = commands[o.decisionSeq - 1];
      if (!c)
        return `${at}.decisionSeq: ${o.decisionSeq} — the log has ${commands.length} commands`;
      if (c.tick > o.tick)
        return `${at}.decisionSeq: command ${o.decisionSeq} was logged at tick ${c.tick}, after the observation (tick ${o.tick})`;
    }
  }
  return undefined;
}
