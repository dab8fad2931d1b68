/**
 * Score (DESIGN.md §5). During the run the core accumulates raw quantities step by step (time
 * integrals of the truth, first times of key decisions); at any moment `scoreOf` turns them into
 * parts of 0–100 each and a weighted total of 0–1000. Each part scores 100 at a raw value of 0
 * and falls linearly to 0 at the level's `zeroAt` — simple enough for a player to reason about
 * ("every 10,000 subscriber-hours lost costs me a point").
 */
import { SCORE_PARTS, type Level, type ScorePart } from './levelSchema';

/** Raw running totals, updated every engine step. */
export interface ScoreAccumulators {
  subscriberSecondsLost: number;
  /** ∫ (1 − DNS success) dt, seconds. */
  dnsDownSeconds: number;
  infectedHostSeconds: number;
  /** Worm traffic sent out of the network to the Internet, megabits. */
  outboundWormMbit: number;
  /** Seconds integrated so far (denominator of availability). */
  seconds: number;
  /** Tick of the worm's onset as the engine reported it. */
  onsetTick: number | null;
  detectTick: number | null;
  firstFilterTick: number | null;
  kisaNotifiedTick: number | null;
  /** Communication penalty points (false claims, late or missing notices, inject choices). */
  commsPenalty: number;
  /** Exposed + infected SQL hosts at the start, for Monday readiness. */
  exposedAtStart: number;
}

export function initialAccumulators(exposedAtStart: number): ScoreAccumulators {
  return {
    subscriberSecondsLost: 0,
    dnsDownSeconds: 0,
    infectedHostSeconds: 0,
    outboundWormMbit: 0,
    seconds: 0,
    onsetTick: null,
    detectTick: null,
    firstFilterTick: null,
    kisaNotifiedTick: null,
    commsPenalty: 0,
    exposedAtStart,
  };
}

export interface Score {
  /** Weighted total, 0–1000, rounded to one decimal. */
  total: number;
  /** Each part 0–100, rounded to one decimal. */
  parts: Record<ScorePart, number>;
  /** The raw value behind each part, in the unit `zeroAt` uses. */
  raw: Record<ScorePart, number>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Minutes from onset to `tick`, or the end of the run if it never happened. */
function minutesSinceOnset(acc: ScoreAccumulators, tick: number | null, endTick: number): number {
  const onset = acc.onsetTick ?? endTick;
  const at = tick ?? endTick;
  return Math.max(0, (at - onset) / 60);
}

export function scoreOf(
  acc: ScoreAccumulators,
  level: Level,
  now: { tick: number; exposedLeft: number; staffCost: number },
): Score {
  const raw: Record<ScorePart, number> = {
    subscriberHours: acc.subscriberSecondsLost / 3600,
    dnsAvailability: acc.seconds > 0 ? (100 * acc.dnsDownSeconds) / acc.seconds : 0,
    infectedHostHours: acc.infectedHostSeconds / 3600,
    outboundWorm: acc.outboundWormMbit / 8000,
    // A never-detected worm counts as detected at the end: the part then scores as badly as the
    // run allows. Before the onset these are 0 (there was nothing to detect yet).
    timeToDetect: acc.onsetTick === null ? 0 : minutesSinceOnset(acc, acc.detectTick, now.tick),
    timeToFilter:
      acc.onsetTick === null ? 0 : minutesSinceOnset(acc, acc.firstFilterTick, now.tick),
    timeToNotifyKisa:
      acc.onsetTick === null ? 0 : minutesSinceOnset(acc, acc.kisaNotifiedTick, now.tick),
    communications: acc.commsPenalty,
    mondayReadiness: acc.exposedAtStart > 0 ? (100 * now.exposedLeft) / acc.exposedAtStart : 0,
    staffCost: now.staffCost,
  };
  const parts = {} as Record<ScorePart, number>;
  let weighted = 0;
  let weights = 0;
  for (const p of SCORE_PARTS) {
    const zeroAt = level.scoring.zeroAt[p];
    const part = 100 * Math.max(0, 1 - raw[p] / zeroAt);
    parts[p] = round1(part);
    raw[p] = Math.round(raw[p] * 1000) / 1000;
    weighted += level.scoring.weights[p] * part;
    weights += level.scoring.weights[p];
  }
  return { total: weights > 0 ? round1((10 * weighted) / weights) : 0, parts, raw };
}
