/**
 * Real-time pacing (DESIGN.md §4). Sim time only moves by engine steps; this module decides how
 * many sim seconds one real second is worth. The engine reports an activity signal (how fast the
 * key metrics change); pace = clamp(pMax / (1 + k·activity), pMin, pMax), eased over
 * `smoothingS` sim seconds so it never jumps.
 *
 * Pace only maps sim time to real time; it never changes what happens in the sim. So the smoothed
 * pace lives in the run's frame driver (run.ts), updated once per engine step, and is not part of
 * the hashed state: pause, speed and skip, which players command, are. What the pace is capped by
 * while something needs the players (open situations, notable events) is pacing.ts.
 */
import type { ClockParams } from './levelSchema';

export type Speed = 1 | 2 | 4;

export interface ClockState {
  paused: boolean;
  speed: Speed;
  /** While skipping: run as fast as allowed until this tick or until something happens. */
  skipTo: number | null;
  /** While paused because a situation arrived: its inject id (absent otherwise, keeping hashes). */
  pausedFor?: string;
}

export const DEFAULT_CLOCK_PARAMS: ClockParams = { pMin: 1, pMax: 75, k: 6500, smoothingS: 60 };

export function initialClock(): ClockState {
  return { paused: false, speed: 1, skipTo: null };
}

/** The pace the activity asks for, before smoothing. */
export function targetPace(activity: number, p: ClockParams): number {
  const a = Number.isFinite(activity) && activity > 0 ? activity : 0;
  return Math.min(p.pMax, Math.max(p.pMin, p.pMax / (1 + p.k * a)));
}

/**
 * Eases the pace toward its target over a step of `dtS` sim seconds. Slowing down happens four
 * times faster than speeding up: when the worm breaks out the player must not miss the first
 * minutes, while returning to quick time can be gentle.
 */
export function smoothPace(pace: number, target: number, dtS: number, p: ClockParams): number {
  const tau = target < pace ? p.smoothingS / 4 : p.smoothingS;
  const w = Math.min(1, dtS / tau);
  const next = pace + (target - pace) * w;
  return Math.min(p.pMax, Math.max(p.pMin, next));
}
