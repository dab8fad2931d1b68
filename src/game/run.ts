/**
 * A run: the level, the seed, the game state and the ordered log of accepted commands, plus the
 * hourly checkpoint hashes. This is what the views drive (createRun → applyCommand / advanceReal →
 * snapshotView) and what run files, autosaves and verification are made from.
 *
 * Real time enters only here, in `advanceReal`: it converts real milliseconds into whole engine
 * steps using the pace kept in the (hashed) state, carrying the remainder in `carryS`, which is not
 * part of the hashed state. Whatever frame sizes the browser uses, the sequence of steps and the
 * boundaries at which commands apply are the same, so the hashes are too.
 */
import { smoothPace, targetPace } from './clock';
import {
  ATTENTION_HOLD_REAL_S,
  isQuiet,
  notableSince,
  openWindowS,
  simRate,
  type PacingInput,
} from './pacing';
import type { GameState } from './gameState';
import {
  acceptCommand,
  advanceUntil,
  createGameState,
  currentScore,
  hashGame,
  stepOnce,
  type CommandOutcome,
  type GamePointHook,
} from './incident';
import { activityOf, nextBoundaryMs } from './engineBridge';
import type { Level } from './levelSchema';
import type { Rejection } from './rejectionText';
import type { Role } from './roles';
import type { Score } from './scoring';
import { isoToTick } from './simTime';

export interface LoggedCommand {
  tick: number;
  role: Role;
  type: string;
  args: Record<string, unknown>;
  /** A team session's bot sent it (provenance only: never read by the simulation). */
  bot?: 'historical' | 'sensible';
}

export interface Checkpoint {
  tick: number;
  hash: string;
}

export interface Player {
  id: string;
  roles: Role[];
}

export interface Run {
  level: Level;
  seed: number;
  players: Player[];
  state: GameState;
  log: LoggedCommand[];
  /** Hash at the start and at the first step boundary of every sim hour. */
  checkpoints: Checkpoint[];
  /** Refused commands, for the view's feed; not part of the log or the hashes. */
  rejections: { tick: number; role: Role; type: string; rejection: Rejection }[];
  /** Real seconds owed to the next engine step (frame driver only). */
  carryS: number;
  /** Smoothed pace at speed 1, sim s per real s (frame driver only; never changes the sim). */
  pace: number;
  /** Real seconds left of the slow hold after a notable event (frame driver only). */
  attentionS: number;
  /** Sim seconds per real second at the last frame, all caps applied (for display). */
  rate: number;
  /** Called with the state at every game point (AAR sampling); never changes the run. */
  observer?: (state: GameState) => void;
}

export function createRun(
  level: Level,
  seed: number,
  players: Player[] = [{ id: 'solo', roles: ['solo'] }],
): Run {
  const state = createGameState(level, seed);
  return {
    level,
    seed: seed >>> 0,
    players,
    state,
    log: [],
    checkpoints: [{ tick: state.tick, hash: hashGame(state) }],
    rejections: [],
    carryS: 0,
    pace: level.clock.pMax,
    attentionS: 0,
    rate: level.clock.pMax,
  };
}

/** The checkpoint hook: a hash at the first game point of every sim hour. */
function checkpointHook(run: Run): GamePointHook {
  return (before, after) => {
    if (Math.floor(after.tick / 3600) > Math.floor(before.lastGameMs / 3_600_000)) {
      run.checkpoints.push({ tick: after.tick, hash: hashGame(after) });
    }
    run.observer?.(after);
  };
}

function clone(run: Run): Run {
  return {
    ...run,
    log: [...run.log],
    checkpoints: [...run.checkpoints],
    rejections: [...run.rejections],
  };
}

/** Steps until the run is at the first boundary ≥ `ms` engine time (or ended). */
export function advanceToMs(run: Run, ms: number): Run {
  const r = clone(run);
  r.state = advanceUntil(r.state, r.level, ms, checkpointHook(r));
  return r;
}

/** Steps until the run is at the first boundary ≥ `tick` (or ended). Headless and replay use this. */
export function advanceToTick(run: Run, tick: number): Run {
  return advanceToMs(run, tick * 1000);
}

/** Plays the run to its end tick. */
export function finishRun(run: Run): Run {
  return advanceToTick(run, run.state.endTick);
}

/**
 * Applies a command. Without `tick` it is "now": the next whole second, reached by stepping to the
 * first engine boundary at or after it. With `tick` (replay, team mode) the same rule applies; a
 * tick behind the engine's time is refused (TICK_IN_PAST) — a live command never is, since "now"
 * rounds up. Accepted commands are appended to the log.
 */
export function applyCommand(
  run: Run,
  command: { role: Role; type: string; args?: Record<string, unknown> },
  tick?: number,
): { run: Run; outcome: CommandOutcome } {
  const at = tick ?? Math.ceil(run.state.engine.tMs / 1000);
  const args = command.args ?? {};
  let r = clone(run);
  if (at * 1000 < r.state.engine.tMs) {
    const rejection: Rejection = { code: 'TICK_IN_PAST', params: { tick: at, now: r.state.tick } };
    r.rejections.push({ tick: r.state.tick, role: command.role, type: command.type, rejection });
    return { run: r, outcome: { ok: false, rejection } };
  }
  r = advanceToTick(r, at);
  const outcome = acceptCommand(r.state, r.level, command.role, command.type, args, at);
  if (outcome.ok) {
    r.state = outcome.state;
    r.log.push({ tick: at, role: command.role, type: command.type, args });
  } else {
    r.rejections.push({
      tick: r.state.tick,
      role: command.role,
      type: command.type,
      rejection: outcome.rejection,
    });
  }
  return { run: r, outcome };
}

/** Longest real frame honoured: after a hidden tab the game resumes, it does not race. */
const MAX_FRAME_S = 0.25;
/** Upper bound on engine steps per frame, so one frame never stalls the view. */
const MAX_STEPS_PER_FRAME = 400;

/** What the pacing rule needs from a run, now. */
export function pacingInput(run: Run): PacingInput {
  const s = run.state;
  return {
    pace: run.pace,
    speed: s.clock.speed,
    skipping: s.clock.skipTo !== null,
    openWindowS: openWindowS(s, run.level),
    attentionLeftS: run.attentionS,
  };
}

/** Sim seconds per real second the run moves at now (the pacing rule, pacing.ts). */
export function currentRate(run: Run): number {
  return simRate(pacingInput(run));
}

/**
 * The frame driver: advances by as many whole engine steps as `realMs` of real time buys at the
 * rate the pacing rule gives (pacing.ts), re-evaluated before every step so an open situation or
 * a notable event slows the very next step. Does nothing while paused or ended.
 */
export function advanceReal(run: Run, realMs: number): Run {
  if (run.state.ended || run.state.clock.paused)
    return run.carryS === 0 ? run : { ...run, carryS: 0 };
  const r = clone(run);
  let budget = r.carryS + Math.min(MAX_FRAME_S, Math.max(0, realMs / 1000));
  const hook = checkpointHook(r);
  let input = pacingInput(r);
  for (let i = 0; i < MAX_STEPS_PER_FRAME && !r.state.ended; i++) {
    const s = r.state;
    const dtS = (nextBoundaryMs(s.engine, r.level.engine) - s.engine.tMs) / 1000;
    const cost = dtS / simRate(input);
    if (cost > budget) break;
    budget -= cost;
    r.attentionS = Math.max(0, r.attentionS - cost);
    r.state = stepOnce(r.state, r.level, hook);
    if (notableSince(s, r.state)) r.attentionS = ATTENTION_HOLD_REAL_S;
    input = pacingInput(r);
    // The pace speeds up only through quiet stretches; it may always slow down.
    const wanted = targetPace(activityOf(r.state.engine), r.level.clock);
    const target = isQuiet(input) ? wanted : Math.min(wanted, r.pace);
    r.pace = smoothPace(r.pace, target, dtS, r.level.clock);
    input = { ...input, pace: r.pace };
  }
  r.carryS = r.state.ended ? 0 : Math.min(budget, 60);
  r.rate = simRate(input);
  return r;
}

/** The score now (final once the run has ended). */
export function runScore(run: Run): Score {
  return currentScore(run.state, run.level);
}

/**
 * Re-simulates a log from the start: the basis of verify, autosave restore and replay at any tick.
 * Stops at the first refused command and says which.
 */
export function replayLog(
  level: Level,
  seed: number,
  log: readonly LoggedCommand[],
  untilMs?: number,
  players?: Player[],
):
  | { ok: true; run: Run }
  | { ok: false; run: Run; index: number; tick: number; rejection: Rejection } {
  let run = createRun(level, seed, players);
  for (let i = 0; i < log.length; i++) {
    const c = log[i]!;
    if (untilMs !== undefined && c.tick * 1000 > untilMs) break;
    const res = applyCommand(run, { role: c.role, type: c.type, args: c.args }, c.tick);
    run = res.run;
    if (!res.outcome.ok)
      return { ok: false, run, index: i, tick: c.tick, rejection: res.outcome.rejection };
    // The bot mark rides along (replay and review show it); the run's copy of the log is its own.
    if (c.bot) run.log[run.log.length - 1] = { ...run.log[run.log.length - 1]!, bot: c.bot };
  }
  if (untilMs !== undefined) run = advanceToMs(run, untilMs);
  // The pace is not replayed step by step; start from what the network's activity asks for now.
  const pace = targetPace(activityOf(run.state.engine), level.clock);
  run = { ...run, pace, attentionS: 0 };
  run.rate = currentRate(run);
  return { ok: true, run };
}

/** Ticks of the level's start and end. */
export function levelSpan(level: Level): { start: number; end: number } {
  return { start: isoToTick(level.meta.start)!, end: isoToTick(level.meta.end)! };
}

export { hashGame };
