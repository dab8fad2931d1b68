/**
 * The score part by part as the player reads it: the measured quantity in its own unit, the points
 * it earns (of 100), the part's weight, and what that is worth of the 1000-point total. One
 * function for every screen (Ops score panel, debrief, after-action review), so they cannot
 * disagree; the quantities come from the game state, never re-derived by a view.
 */
import type { GameState } from './gameState';
import { currentScore } from './incident';
import { SCORE_PARTS, type Level, type ScorePart } from './levelSchema';

/** Unit of a part's measured quantity (the unit its `zeroAt` uses). */
export const PART_UNITS = {
  subscriberHours: 'subscriberHours',
  dnsAvailability: 'percentUnanswered',
  infectedHostHours: 'hostHours',
  outboundWorm: 'gigabytes',
  timeToDetect: 'minutes',
  timeToFilter: 'minutes',
  timeToNotifyKisa: 'minutes',
  communications: 'penaltyPoints',
  mondayReadiness: 'percentExposedLeft',
  staffCost: 'thousandWon',
  serviceHours: 'serviceHours',
} as const satisfies Record<ScorePart, string>;
export type PartUnit = (typeof PART_UNITS)[ScorePart];

/** Parts measured as minutes from the worm's onset to an effect, and the tick of that effect. */
const TIMED: Partial<Record<ScorePart, (s: GameState) => number | null>> = {
  timeToDetect: (s) => s.acc.detectTick,
  timeToFilter: (s) => s.acc.borderClearTick,
  timeToNotifyKisa: (s) => s.acc.kisaNotifiedTick,
};

export const isTimedPart = (p: ScorePart) => TIMED[p] !== undefined;

/**
 * Where a part stands: `measured` for totals and shares; for the timed parts `beforeOnset` (no worm
 * yet, nothing to count), `counting` (the effect has not happened: minutes run to now), `never`
 * (the run ended without it: counted to the end) or `done`.
 */
export type PartStatus = 'measured' | 'beforeOnset' | 'counting' | 'never' | 'done';

export interface ScoreRow {
  part: ScorePart;
  /** The measured quantity, in `unit`. */
  quantity: number;
  unit: PartUnit;
  status: PartStatus;
  /** Tick of the effect for a `done` timed part. */
  at: number | null;
  /** The quantity at which the part earns 0 points. */
  zeroAt: number;
  /** 0–100. */
  points: number;
  max: 100;
  weight: number;
  /** What the part adds to the total now, and at most (of 1000). */
  contribution: number;
  maxContribution: number;
}

export interface ScoreBreakdown {
  tick: number;
  ended: boolean;
  total: number;
  max: 1000;
  weightSum: number;
  rows: ScoreRow[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function weightSum(level: Level): number {
  return SCORE_PARTS.reduce((a, p) => a + level.scoring.weights[p], 0);
}

/** Share of the 1000-point total a part's points are worth at its weight. */
export function contributionOf(level: Level, part: ScorePart, points: number): number {
  const w = weightSum(level);
  return w > 0 ? (10 * level.scoring.weights[part] * points) / w : 0;
}

export function scoreBreakdown(state: GameState, level: Level): ScoreBreakdown {
  const score = currentScore(state, level);
  const onset = state.acc.onsetTick;
  const rows = SCORE_PARTS.map((part): ScoreRow => {
    const timed = TIMED[part];
    const at = timed ? timed(state) : null;
    const status: PartStatus = !timed
      ? 'measured'
      : onset === null
        ? 'beforeOnset'
        : at === null
          ? state.ended
            ? 'never'
            : 'counting'
          : 'done';
    return {
      part,
      quantity: score.raw[part],
      unit: PART_UNITS[part],
      status,
      at: status === 'done' ? at : null,
      zeroAt: level.scoring.zeroAt[part],
      points: score.parts[part],
      max: 100,
      weight: level.scoring.weights[part],
      contribution: r1(contributionOf(level, part, score.parts[part])),
      maxContribution: r1(contributionOf(level, part, 100)),
    };
  });
  return {
    tick: state.tick,
    ended: state.ended,
    total: score.total,
    max: 1000,
    weightSum: weightSum(level),
    rows,
  };
}
