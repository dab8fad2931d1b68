/**
 * Sim time. A tick is one sim second since 2003-01-25T14:00:00+09:00 (KST); the engine counts
 * milliseconds from the same origin, and its time module does the calendar arithmetic (no Date in
 * the pure core). The game adds what level files need on top: stricter field checks, and "24:00"
 * as the end of a day.
 */
import { isoToSimMs, simMsToIso } from '../engine';

/** Unix seconds of the origin 2003-01-25T05:00:00Z (= 14:00 KST). */
export const ORIGIN_UNIX_S = 1043470800;
/** The sim runs 14:00 25 Jan → 24:00 26 Jan KST: 34 hours. */
export const DEFAULT_END_TICK = 34 * 3600;

const FIELDS = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/**
 * Parses an ISO 8601 date-time with an explicit offset ("2003-01-25T15:40+09:00", "…Z") into a
 * tick. Returns undefined for anything else (the schemas turn that into a path-named error).
 * "24:00" is accepted as the end of the day, as the scenario dates are written that way.
 */
export function isoToTick(iso: string): number | undefined {
  const f = FIELDS.exec(iso);
  if (!f) return undefined;
  const [mo, d, h, mi, s] = [1, 2, 3, 4, 5].map((i) => (f[i] === undefined ? 0 : Number(f[i])));
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 24 || mi! > 59 || s! > 59) return undefined;
  if (h === 24 && (mi !== 0 || s !== 0)) return undefined;
  const ms = isoToSimMs(iso);
  return ms === null ? undefined : Math.floor(ms / 1000);
}

/** A tick as KST ISO text, e.g. "2003-01-25T15:40:00+09:00". */
export function tickToIso(tick: number): string {
  return simMsToIso(Math.floor(tick) * 1000);
}

/** "25 Jan 15:40" style clock text for logs and the CLI. */
export function tickToClock(tick: number): string {
  const iso = tickToIso(tick);
  return `${iso.slice(8, 10)} Jan ${iso.slice(11, 16)}`;
}
