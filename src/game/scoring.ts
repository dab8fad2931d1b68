/**
 * Score (DESIGN.md §5, docs/SCORING.md). During the run the core accumulates raw quantities at every
 * game point from what the engine measured — time integrals of the truth, and the first times an
 * effect happened — and `scoreOf` turns them into parts of 0–100 each and a weighted total of 0–1000.
 * Each part scores 100 at a raw value of 0 and falls linearly to 0 at the level's `zeroAt`.
 * Effects, not orders: no part reads which commands were given. A filter counts only through the
 * worm traffic it stopped at the border, a patch through hosts no longer exposed, a restart through
 * DNS answering again; a command that changes nothing in the network changes nothing here.
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
  /** ∫ (leased lines + IDC services down) dt, line-seconds. */
  serviceSecondsLost: number;
  /** Seconds integrated so far (denominator of availability). */
  seconds: number;
  /** Tick of the worm's onset as the engine reported it. */
  onsetTick: number | null;
  detectTick: number | null;
  /**
   * First game point since the onset at which worm traffic across our border (both ways) was below
   * BORDER_CLEAR_SHARE of our international capacity; back to null if it rises above twice that.
   */
  borderClearTick: number | null;
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
    serviceSecondsLost: 0,
    seconds: 0,
    onsetTick: null,
    detectTick: null,
    borderClearTick: null,
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

/**
 * The border counts as clear of the worm when what crosses it (out from our hosts, in past our
 * gateways) is below this share of our international capacity: what is left then is noise on the
 * links, and a rate limit or filter that stops less has not done the job.
 */
export const BORDER_CLEAR_SHARE = 0.01;

/** Updates the border-clear time at a game point from the worm traffic the engine measured. */
export function updateBorderClear(
  acc: ScoreAccumulators,
  tick: number,
  borderWormMbps: number,
  intlCapacityMbps: number,
): ScoreAccumulators {
  if (acc.onsetTick === null) return acc;
  const line = BORDER_CLEAR_SHARE * intlCapacityMbps;
  if (acc.borderClearTick === null && borderWormMbps < line)
    return { ...acc, borderClearTick: tick };
  if (acc.borderClearTick !== null && borderWormMbps >= 2 * line)
    return { ...acc, borderClearTick: null };
  return acc;
}

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
      acc.onsetTick === null ? 0 : minutesSinceOnset(acc, acc.borderClearTick, now.tick),
    timeToNotifyKisa:
      acc.onsetTick === null ? 0 : minutesSinceOnset(acc, acc.kisaNotifiedTick, now.tick),
    communications: acc.commsPenalty,
    mondayReadiness: acc.exposedAtStart > 0 ? (100 * now.exposedLeft) / acc.exposedAtStart : 0,
    staffCost: now.staffCost,
    serviceHours: acc.serviceSecondsLost / 3600,
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
