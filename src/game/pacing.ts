/**
 * The pacing rule (docs/PLAYING.md, "How fast the clock runs"): how many sim seconds one real
 * second is worth right now. One pure function, `simRate`, used by the frame driver (run.ts
 * advanceReal), which both the solo game and the team server's pacer call — so a class and a solo
 * player get the same clock for the same situation.
 *
 * 1. The network's activity sets a base pace (clock.ts: fast when nothing changes, about real
 *    time when the worm explodes), multiplied by the chosen speed (and the skip factor).
 * 2. Something that needs the players caps it:
 *    - an open situation (an inject with choices not yet answered) caps the rate so that its
 *      whole answer window lasts at least READ_REAL_S real seconds — at ANY speed setting, skip
 *      included; players must be able to read and answer what they are asked;
 *    - a notable event (an outage starting or ending, a DNS cluster failing or recovering, a task
 *      finishing, a message arriving) holds the rate at ATTENTION_RATE × speed for
 *      ATTENTION_HOLD_REAL_S real seconds, so the change is seen before the clock races on.
 * 3. The smoothed base pace only speeds up through quiet stretches (nothing open, no hold).
 *
 * Like the pace itself, none of this is hashed state: it only maps sim time to real time, never
 * changes what happens in the sim.
 */
import type { GameState } from './gameState';
import type { Level } from './levelSchema';
import type { Speed } from './clock';

/** Real seconds an open situation's whole answer window lasts at the least. */
export const READ_REAL_S = 60;
/** Rate cap (sim s per real s) for an open situation without a deadline (a custom inject). */
export const OPEN_NO_DEADLINE_RATE = 8;
/** Real seconds the clock stays slow after a notable event. */
export const ATTENTION_HOLD_REAL_S = 10;
/** Rate cap at speed ×1 during that hold (sim s per real s); scaled by the chosen speed. */
export const ATTENTION_RATE = 10;
/** While skipping, the pace is multiplied by this (bounded so the view can still follow). */
export const SKIP_PACE_FACTOR = 60;

/**
 * Feed kinds that make the players look: the clock slows down for a while after each. A DNS
 * restart falling over again is left out (under load it repeats every few minutes and says
 * nothing new), and so are tasks the staff ran on their own (their start was already in the feed).
 */
export const NOTABLE_FEED_KINDS: ReadonlySet<string> = new Set([
  'engine.outage.start',
  'engine.outage.end',
  'engine.dns.down',
  'engine.dns.up',
  'engine.worm.onset',
  'engine.worm.local',
  'task.done',
  'task.failed',
  'inject.fired',
  'message.received',
]);

/** Everything the rule looks at besides the smoothed base pace. */
export interface PacingInput {
  /** Smoothed activity pace at speed ×1 (sim s per real s). */
  pace: number;
  speed: Speed;
  skipping: boolean;
  /**
   * Answer window (sim s, from arrival to deadline, extensions included) of the open situation
   * with the shortest one; Infinity for an open situation without a deadline; null when none is open.
   */
  openWindowS: number | null;
  /** Real seconds left of the slow hold after a notable event (0: none). */
  attentionLeftS: number;
}

/** Sim seconds per real second now: the pacing rule. Always positive and finite. */
export function simRate(i: PacingInput): number {
  let rate = i.pace * i.speed * (i.skipping ? SKIP_PACE_FACTOR : 1);
  if (i.attentionLeftS > 0) rate = Math.min(rate, ATTENTION_RATE * i.speed);
  if (i.openWindowS !== null) rate = Math.min(rate, situationCap(i.openWindowS));
  return rate;
}

/** Highest rate while a situation with this answer window (sim s) is open. */
export function situationCap(windowS: number): number {
  return Number.isFinite(windowS) ? Math.max(1, windowS / READ_REAL_S) : OPEN_NO_DEADLINE_RATE;
}

/**
 * Whether the smoothed pace may rise: not during the hold after a notable event. While a situation
 * is open it may rise, but only up to the situation's cap, so the rate never passes that cap and
 * does not have to climb from the crisis pace once the last answer is in.
 */
export function isQuiet(i: Pick<PacingInput, 'attentionLeftS'>): boolean {
  return i.attentionLeftS <= 0;
}

/** An open situation: an inject with choices that waits for an answer. */
export interface OpenSituation {
  id: string;
  /** When it arrived. */
  firedTick: number;
  /** Its deadline tick (extensions included), or null when it has none. */
  deadlineTick: number | null;
}

/** The deadline tick of a level inject that is open (extensions included), or null. */
export function deadlineTickOf(
  def: Level['injects'][number],
  rt: GameState['injects'][number],
): number | null {
  if (def.expiresAfterMin === undefined || rt.firedTick === null) return null;
  return (
    rt.firedTick + Math.round(def.expiresAfterMin * 60) + Math.round((rt.extendedMin ?? 0) * 60)
  );
}

/** Every open situation: the level's active injects with choices and open custom injects. */
export function openSituations(state: GameState, level: Level): OpenSituation[] {
  const open: OpenSituation[] = [];
  level.injects.forEach((def, i) => {
    const rt = state.injects[i]!;
    if (rt.status !== 'active' || rt.firedTick === null) return;
    open.push({ id: def.id, firedTick: rt.firedTick, deadlineTick: deadlineTickOf(def, rt) });
  });
  for (const c of state.customInjects ?? [])
    if (c.status === 'active') open.push({ id: c.id, firedTick: c.firedTick, deadlineTick: null });
  return open;
}

/** The shortest answer window (sim s) among open situations; null when none is open. */
export function openWindowS(state: GameState, level: Level): number | null {
  let w: number | null = null;
  for (const o of openSituations(state, level)) {
    const ow = o.deadlineTick === null ? Infinity : o.deadlineTick - o.firedTick;
    if (w === null || ow < w) w = ow;
  }
  return w;
}

/** Whether the feed grew by a notable item between two states (see NOTABLE_FEED_KINDS). */
export function notableSince(before: GameState, after: GameState): boolean {
  for (let i = before.feed.length; i < after.feed.length; i++) {
    const f = after.feed[i]!;
    if (!NOTABLE_FEED_KINDS.has(f.kind)) continue;
    if (f.kind === 'task.done' || f.kind === 'task.failed') {
      const task = after.tasks.find((t) => t.id === f.params.task);
      if (task?.by !== undefined) continue;
    }
    return true;
  }
  return false;
}
