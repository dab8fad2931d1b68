/**
 * Replays with seek, and what-if forks (docs/ARCHITECTURE.md "Replays and seek").
 *
 * Seek. The reference meaning of "the run at tick T" is `replayLog(level, seed, log, T·1000)`: every
 * logged command with tick ≤ T applied (each at the first engine step boundary ≥ its tick), then the
 * engine stepped to the first boundary ≥ T·1000 ms. Replaying from 14:00 for every seek would cost up
 * to a whole run, so a timeline plays the log once and keeps a copy of the Run every `everyMin` sim
 * minutes (a snapshot). A seek starts from the latest snapshot at or before T and plays only the rest.
 *
 * Why that is exact: the engine's step grid depends only on its state, so stopping at a boundary and
 * going on gives the same steps as not stopping (the property verify and the frame driver already
 * rely on; game points fall on the same boundaries either way). One care is needed: the boundary B
 * reached from a time can lie past it (coarse steps), and a command logged at a tick between that
 * time and B applies at B in straight play. A snapshot includes such commands — it is exactly
 * `replayLog(…, B)` — so every command it has not applied has tick·1000 > B and replaying on from it
 * never meets TICK_IN_PAST. A seek to T does not (the reference applies only ticks ≤ T), so its
 * cursor may hold such "overdue" commands; playing forward from it then restarts from a snapshot.
 *
 * Memory: a snapshot is one Run (the game state with the engine's state, the log prefix, the
 * checkpoint list). Runs are immutable values here (run.ts copies before it changes anything), so a
 * snapshot is a reference, not a deep copy. Measured in `npm run bench` (replayBench).
 *
 * Fork. `forkAt(T)` is the seek to T handed over as a new playable Run: its log is the parent's
 * commands with tick ≤ T (the ones applied by then, by the rule above — a prefix, since a log's
 * ticks never decrease), and it names its parent (SHA-256 of the parent run file's canonical JSON,
 * and T) so its run file records where it came from.
 */
import { metrics } from '../engine';
import type { GameState } from './gameState';
import type { Level } from './levelSchema';
import {
  advanceToMs,
  applyCommand,
  createRun,
  levelSpan,
  type LoggedCommand,
  type Player,
  type Run,
} from './run';
import { runFileSha256, type ForkableRun, type ParentRef, type RunFile } from './runFile';
import { ghostRun } from './script';
import { targetPace } from './clock';
import { activityOf } from './engineBridge';

/** Default snapshot spacing in sim minutes (see the bench for what it costs and buys). */
export const SNAPSHOT_EVERY_MIN = 10;

/** Where a replay stands: the run, and the index of the first logged command not yet applied. */
export interface ReplayCursor {
  run: Run;
  next: number;
}

export interface ReplayTimeline {
  readonly level: Level;
  readonly seed: number;
  readonly players: Player[];
  readonly log: readonly LoggedCommand[];
  /** First and last tick the timeline covers (level start; the run file's end). */
  readonly startTick: number;
  readonly endTick: number;
  readonly endMs: number;
  /** Snapshots in time order; `snapshots[i].run.state.engine.tMs` is the boundary it stands at. */
  readonly snapshots: readonly ReplayCursor[];
  /** The run at tick T exactly as straight play reaches it (T is clamped to the timeline). */
  seek(tick: number): ReplayCursor;
  /** Plays on from a cursor to `ms` (never backwards): what playback uses between seeks. */
  forward(from: ReplayCursor, ms: number): ReplayCursor;
}

/** A logged command that a replay found refused: the log does not belong to this level and seed. */
export class ReplayError extends Error {
  constructor(
    readonly index: number,
    readonly tick: number,
    readonly code: string,
  ) {
    super(`command #${index} refused at tick ${tick}: ${code}`);
  }
}

/** A snapshot keeps no observer: hooks belong to whoever is playing, not to the stored state. */
const bare = (run: Run): Run => {
  const { observer: _observer, ...rest } = run;
  return rest;
};

function applyLogged(run: Run, log: readonly LoggedCommand[], i: number): Run {
  const c = log[i]!;
  const r = applyCommand(run, { role: c.role, type: c.type, args: c.args }, c.tick);
  if (!r.outcome.ok) throw new ReplayError(i, c.tick, r.outcome.rejection.code);
  return r.run;
}

/** True if a command not yet applied is logged before the engine's time (see the file comment). */
const overdue = (c: ReplayCursor, log: readonly LoggedCommand[]) =>
  c.next < log.length && log[c.next]!.tick * 1000 < c.run.state.engine.tMs;

/**
 * Applies every command with tick·1000 ≤ ms from `from.next` on, then steps to the first boundary
 * ≥ ms — replayLog's loop, started part-way. With `upToBoundary` it also applies the commands that
 * straight play applies at that same boundary (snapshots). An `observer` sees every game point.
 */
function playOn(
  from: ReplayCursor,
  log: readonly LoggedCommand[],
  ms: number,
  upToBoundary: boolean,
  observer?: (s: GameState) => void,
): ReplayCursor {
  let run: Run = observer ? { ...from.run, observer } : from.run;
  let next = from.next;
  while (next < log.length && log[next]!.tick * 1000 <= ms) run = applyLogged(run, log, next++);
  if (run.state.engine.tMs < ms) run = advanceToMs(run, ms);
  if (upToBoundary) {
    const at = run.state.engine.tMs;
    while (next < log.length && log[next]!.tick * 1000 <= at) run = applyLogged(run, log, next++);
  }
  return { run: observer ? bare(run) : run, next };
}

export interface TimelineSource {
  seed: number;
  players: Player[];
  commands: readonly LoggedCommand[];
  /** Engine time the run was saved or ended at: the timeline's end. */
  endMs: number;
}

/**
 * Plays `source`'s log once from the start and keeps a snapshot every `everyMin` sim minutes.
 * `observer` sees every game point of that one pass (the replay view samples its graphs there).
 * Throws ReplayError if a logged command is refused (verify the file first).
 */
export function createTimeline(
  level: Level,
  source: TimelineSource,
  opts: { everyMin?: number; observer?: (s: GameState) => void } = {},
): ReplayTimeline {
  const everyMs = Math.max(1, Math.floor(opts.everyMin ?? SNAPSHOT_EVERY_MIN)) * 60_000;
  const log = source.commands;
  const start: ReplayCursor = { run: bare(createRun(level, source.seed, source.players)), next: 0 };
  const startTick = start.run.state.tick;
  const endMs = Math.max(start.run.state.engine.tMs, source.endMs);
  const snapshots: ReplayCursor[] = [start];
  let cur = start;
  for (let ms = start.run.state.engine.tMs + everyMs; ms < endMs; ms += everyMs) {
    cur = playOn(cur, log, ms, true, opts.observer);
    snapshots.push(cur);
    if (cur.run.state.ended) break;
  }
  if (opts.observer) playOn(cur, log, endMs, false, opts.observer);

  const withPace = (c: ReplayCursor): ReplayCursor => ({
    // As replayLog does: the pace is not replayed, it restarts from what the network asks for now.
    run: { ...c.run, pace: targetPace(activityOf(c.run.state.engine), level.clock) },
    next: c.next,
  });
  const clampMs = (ms: number) => Math.min(endMs, Math.max(start.run.state.engine.tMs, ms));
  const seekMs = (ms: number): ReplayCursor => {
    // Binary search: the latest snapshot standing at or before ms.
    let lo = 0;
    let hi = snapshots.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (snapshots[mid]!.run.state.engine.tMs <= ms) lo = mid;
      else hi = mid - 1;
    }
    return withPace(playOn(snapshots[lo]!, log, ms, false));
  };

  return {
    level,
    seed: source.seed,
    players: source.players,
    log,
    startTick,
    endTick: Math.ceil(endMs / 1000),
    endMs,
    snapshots,
    seek: (tick: number) => seekMs(clampMs(Math.round(tick) * 1000)),
    forward(from: ReplayCursor, ms: number): ReplayCursor {
      // Never backwards; but a cursor sought to just before a boundary may still owe the commands
      // logged at that boundary's own tick, so "already there" is not "nothing to do".
      // (Between the cursor's target and its boundary no other boundary lies: nothing to step.)
      const to = clampMs(ms);
      const due = from.next < log.length && log[from.next]!.tick * 1000 <= to;
      if (to <= from.run.state.engine.tMs && !due) return from;
      if (overdue(from, log)) return seekMs(to);
      return withPace(playOn(from, log, to, false));
    },
  };
}

/** A timeline over a parsed run file (see parseRunFile / verifyRunFile). */
export function timelineOfRunFile(
  level: Level,
  file: RunFile,
  opts: { everyMin?: number; observer?: (s: GameState) => void } = {},
): ReplayTimeline {
  return createTimeline(
    level,
    {
      seed: file.seed,
      players: file.players,
      commands: file.commands,
      endMs: file.result.endMs,
    },
    opts,
  );
}

/**
 * What-if fork: the run at tick T of `parent` as a new playable run (see the file comment).
 * `players` default to one solo player holding every role, so whoever takes over may send any
 * command and the fork verifies (the parent's commands stay under their own roles in the log).
 */
export function forkAt(
  timeline: ReplayTimeline,
  parent: RunFile,
  tick: number,
  players: Player[] = [{ id: 'solo', roles: ['solo'] }],
): ForkableRun {
  const t = Math.min(timeline.endTick, Math.max(timeline.startTick, Math.round(tick)));
  const { run } = timeline.seek(t);
  const ref: ParentRef = { sha256: runFileSha256(parent), tick: t };
  return {
    ...run,
    players: players.map((p) => ({ id: p.id, roles: [...p.roles] })),
    rejections: [],
    carryS: 0,
    parent: ref,
  };
}

/** The curves the ghost chart compares, sampled from the truth (what the players could not see). */
export interface GhostSeries {
  tick: number[];
  subscribersOnlinePct: number[];
  dnsSuccessPct: number[];
  ownInfected: number[];
  /** Worm packets per second leaving the player's network for the Internet. */
  wormSentOutPps: number[];
}

/**
 * A sampler for GhostSeries: feed it every game point (as a Run observer) and it keeps the first
 * one at or after every `sampleS` sim seconds — like series.ts `runSeries`, which never perturbs the
 * run, plus the outbound worm traffic the ghost chart needs.
 */
export function ghostSampler(sampleS = 300): {
  series: GhostSeries;
  observe: (s: GameState) => void;
  /** Records this state whatever the time (start and end of a run). */
  take: (s: GameState) => void;
} {
  const series: GhostSeries = {
    tick: [],
    subscribersOnlinePct: [],
    dnsSuccessPct: [],
    ownInfected: [],
    wormSentOutPps: [],
  };
  let next = Number.NEGATIVE_INFINITY;
  const take = (s: GameState) => {
    if (series.tick.at(-1) === s.tick) return;
    const m = metrics(s.engine);
    series.tick.push(s.tick);
    series.subscribersOnlinePct.push(m.subscribersOnlinePct);
    series.dnsSuccessPct.push(m.dnsSuccessPct);
    series.ownInfected.push(m.ownInfected);
    series.wormSentOutPps.push(m.wormSentOutPps);
    next =
      next === Number.NEGATIVE_INFINITY ? s.tick + sampleS : Math.max(next + sampleS, s.tick + 1);
  };
  const observe = (s: GameState) => {
    if (s.tick >= next || s.ended) take(s);
  };
  return { series, observe, take };
}

/** Samples a log's run (to `endMs`, default the level's end) for the ghost chart. */
export function ghostSeries(
  level: Level,
  seed: number,
  log: readonly LoggedCommand[],
  endMs?: number,
  sampleS = 300,
): GhostSeries {
  const sampler = ghostSampler(sampleS);
  const first = createRun(level, seed);
  sampler.take(first.state);
  const until = endMs ?? levelSpan(level).end * 1000;
  const end = playOn({ run: first, next: 0 }, log, until, false, sampler.observe);
  sampler.take(end.run.state);
  return sampler.series;
}

/** The level's historical response (the ghost) and doing nothing, on the same seed. */
export function referenceSeries(
  level: Level,
  seed: number,
  sampleS = 300,
): { history: GhostSeries; baseline: GhostSeries } {
  return {
    history: ghostSeries(level, seed, ghostRun(level, seed).run.log, undefined, sampleS),
    baseline: ghostSeries(level, seed, [], undefined, sampleS),
  };
}
