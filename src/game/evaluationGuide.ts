/**
 * The exercise's evaluation guide (HSEEP Exercise Evaluation Guide): each objective of the 1·25
 * exercise, the core capability it exercises and the critical tasks an evaluator rates. An
 * evaluator's observation names a capability and one of its tasks by id, so a run file stays
 * language-neutral and the review prints the names in the reader's language. The same list is the
 * Situation Manual's "objectives and capabilities" (src/aar/situationManual.ts).
 *
 * Pure data plus the record schema: the run-file schema (runFileFields.ts) and verification import
 * it, so it must stay free of view code.
 */
import { z } from '../engine/zod';
import type { LocalText, ScorePart } from './levelSchema';

/** HSEEP's four performance ratings. */
export const HSEEP_RATINGS = ['P', 'S', 'M', 'U'] as const;
export type HseepRating = (typeof HSEEP_RATINGS)[number];

export const HSEEP_RATING_TEXT: Record<HseepRating, LocalText> = {
  P: { ko: '문제없이 수행', en: 'Performed without challenges' },
  S: { ko: '약간의 어려움 속에 수행', en: 'Performed with some challenges' },
  M: { ko: '큰 어려움 속에 수행', en: 'Performed with major challenges' },
  U: { ko: '수행하지 못함', en: 'Unable to be performed' },
};

/** An evaluator's note, characters. */
export const OBSERVATION_NOTE_MAX = 2000;
/** Observations a session keeps (several evaluators, a long day: far above real use). */
export const OBSERVATIONS_MAX = 500;
/** Version of the observation record (`v`); a reader refuses a version it does not know. */
export const OBSERVATION_RECORD_VERSION = 1;

export interface CriticalTask {
  id: string;
  text: LocalText;
}

export interface Objective {
  /** The capability's id, what an observation names. */
  capability: string;
  text: LocalText;
  capabilityName: LocalText;
  /** Score parts that measure the objective. */
  parts: ScorePart[];
  tasks: CriticalTask[];
}

export const OBJECTIVES: readonly Objective[] = [
  {
    capability: 'situational-assessment',
    text: {
      ko: '이상 징후를 알아차리고 원인(MS SQL 서버를 노리는 UDP 1434 웜)을 확인한다.',
      en: 'Notice the anomaly and identify its cause (a worm on UDP 1434 targeting MS SQL servers).',
    },
    capabilityName: { ko: '상황 평가', en: 'Situational Assessment' },
    parts: ['timeToDetect'],
    tasks: [
      {
        id: 'notice-anomaly',
        text: {
          ko: '이상 징후를 알아차리고 조사를 시작한다.',
          en: 'Notice the anomaly and start an investigation.',
        },
      },
      {
        id: 'confirm-cause',
        text: {
          ko: '근거(트래픽 그래프, NetFlow, IDS)로 원인을 확인한다.',
          en: 'Confirm the cause with evidence (link graphs, NetFlow, IDS).',
        },
      },
    ],
  },
  {
    capability: 'cybersecurity',
    text: {
      ko: '경계에서 웜 트래픽을 막고 자사에서 나가는 웜 트래픽을 줄인다.',
      en: 'Stop worm traffic at the border and reduce worm traffic leaving the network.',
    },
    capabilityName: { ko: '사이버 보안', en: 'Cybersecurity' },
    parts: ['timeToFilter', 'outboundWorm', 'infectedHostHours'],
    tasks: [
      {
        id: 'border-filter',
        text: {
          ko: '경계 장비에 UDP 1434 필터를 건다.',
          en: 'Filter UDP 1434 on the border devices.',
        },
      },
      {
        id: 'own-infections',
        text: {
          ko: '감염된 자사 서버를 찾아 웜 송신을 멈춘다.',
          en: 'Find the network’s own infected servers and stop them sending.',
        },
      },
    ],
  },
  {
    capability: 'infrastructure-systems',
    text: {
      ko: 'DNS와 가입자·고객 서비스를 지키고 복구한다.',
      en: 'Keep DNS and subscriber and customer services up, and restore them.',
    },
    capabilityName: { ko: '기반 시설 시스템', en: 'Infrastructure Systems' },
    parts: ['dnsAvailability', 'subscriberHours', 'serviceHours'],
    tasks: [
      {
        id: 'dns-service',
        text: {
          ko: 'DNS 응답을 유지한다(증설, 분산, 재시작).',
          en: 'Keep DNS answering (capacity, moving resolution, restarts).',
        },
      },
      {
        id: 'restore-service',
        text: {
          ko: '가입자·고객 서비스를 복구한다.',
          en: 'Restore subscriber and customer service.',
        },
      },
    ],
  },
  {
    capability: 'public-information',
    text: {
      ko: 'KISA에 신고하고 고객과 언론에 정확한 정보를 알린다.',
      en: 'Report to KISA and give customers and the press accurate information.',
    },
    capabilityName: { ko: '대국민 정보 제공 및 경보', en: 'Public Information and Warning' },
    parts: ['timeToNotifyKisa', 'communications'],
    tasks: [
      {
        id: 'report-kisa',
        text: { ko: 'KISA에 제때 신고한다.', en: 'Report to KISA in time.' },
      },
      {
        id: 'inform-public',
        text: {
          ko: '고객과 언론에 확인된 사실만 알린다.',
          en: 'Tell customers and the press only what is confirmed.',
        },
      },
    ],
  },
  {
    capability: 'operational-coordination',
    text: {
      ko: '인력을 효율적으로 운영하고 월요일 업무 시작 전에 취약 서버를 줄인다.',
      en: 'Use staff well and leave as few vulnerable servers as possible before Monday morning.',
    },
    capabilityName: { ko: '운영 조정', en: 'Operational Coordination' },
    parts: ['staffCost', 'mondayReadiness'],
    tasks: [
      {
        id: 'staff',
        text: {
          ko: '필요한 인력을 부르고 역할을 나눈다.',
          en: 'Call in the staff needed and divide the work.',
        },
      },
      {
        id: 'monday',
        text: {
          ko: '월요일 전에 취약 서버 패치를 계획하고 시작한다.',
          en: 'Plan and start patching vulnerable servers before Monday.',
        },
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
