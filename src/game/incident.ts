/**
 * The incident as pure functions over GameState: create, step the engine one grid step, accept a
 * command at the current tick, land tasks, fire injects. incident.machine.ts wraps these in an
 * XState machine; run.ts adds the log, checkpoints and frame pacing. Stepping is plain functions
 * (no XState on the hot path), so a whole 34-hour run replays in a fraction of a second.
 *
 * Determinism: everything here is a function of (level, seed, accepted commands and the ticks they
 * were applied at). Commands are applied only at engine step boundaries, so how a browser chunks
 * its frames never changes the outcome.
 */
import { createEngine, hashState } from '../engine';
import { canonicalJson, fnv1a32 } from '../engine/hash';
import { initialClock } from './clock';
import type { ParsedCommand } from './commandSchema';
import { checkCommand } from './commands';
import { landTask, startTask } from './tasks';
import {
  checkDeadlines,
  hourlyCallReport,
  informationFromEngine,
  initialContacts,
  MISSED_NOTICE_PENALTY,
  startExpectations,
} from './comms';
import { engineAtOrAfter, gameMetrics, stepEngine, takeEvents } from './engineBridge';
import type { GameState, TaskState } from './gameState';
import {
  answerCustomInject,
  answerInject,
  armOnEvents,
  extendInject,
  initialInjects,
  raiseCustomInject,
  runInjects,
} from './injects';
import type { Level } from './levelSchema';
import { seedSaltedPrng } from '../engine/prng';
import type { Rejection } from './rejectionText';
import type { Role } from './roles';
import { initialAccumulators, scoreOf, updateBorderClear, type Score } from './scoring';
import { isoToTick } from './simTime';
import { deadlineTickOf } from './pacing';
import { arrive, initialStaff, staffCost } from './staff';
import { runDnsProcedure } from './dnsProcedure';
import { finishCampaigns, paceCampaigns, runOutsideActions, trackDnsFailures } from './procedures';

export const GAME_VERSION = '0.1.0';

export function createGameState(level: Level, seed: number): GameState {
  const s = initialState(level, seed);
  return { ...s, nextGameMs: nextGamePointMs(s, level) };
}

function initialState(level: Level, seed: number): GameState {
  const startTick = isoToTick(level.meta.start)!;
  // A level may start later than the engine's epoch (14:00): the network runs alone until then.
  const engine = takeEvents(
    engineAtOrAfter(createEngine(level.engine, seed >>> 0), level.engine, startTick * 1000),
  ).engine;
  const m = gameMetrics(engine, level.engine);
  return {
    tick: Math.floor(engine.tMs / 1000),
    lastGameMs: engine.tMs,
    nextGameMs: 0,
    engine,
    rng: seedSaltedPrng(seed >>> 0),
    clock: initialClock(),
    staff: initialStaff(level, startTick),
    tasks: [],
    nextTaskId: 1,
    flags: {},
    injects: initialInjects(level),
    contacts: initialContacts(level),
    inbox: [],
    outbox: [],
    observations: [],
    feed: [],
    notes: [],
    acc: {
      ...initialAccumulators(m.ownUnpatched),
      onsetTick: m.wormStarted ? Math.floor(engine.tMs / 1000) : null,
    },
    announced: {},
    logDigest: '00000000',
    commandCount: 0,
    endTick: isoToTick(level.meta.end)!,
    ended: false,
  };
}

/**
 * Sim interval of the regular game points (score integration, skip checks, call reports). A minute
 * keeps the score integrals accurate while letting the headless path advance the engine in
 * chunks of up to 60 s (the engine clones its state once per call, so fewer calls is faster).
 */
export const GAME_POINT_MS = 60_000;

/** The next game point after the state's time: the minute grid and every scheduled game time. */
export function nextGamePointMs(state: GameState, level: Level): number {
  const now = state.engine.tMs;
  let next = (Math.floor(now / GAME_POINT_MS) + 1) * GAME_POINT_MS;
  const consider = (tick: number | null) => {
    if (tick !== null && tick * 1000 > now && tick * 1000 < next) next = tick * 1000;
  };
  consider(state.endTick);
  for (const t of state.tasks) if (t.status === 'running') consider(t.dueTick);
  for (const st of state.staff) if (st.status === 'enRoute') consider(st.arrivesAt);
  level.injects.forEach((def, i) => {
    const rt = state.injects[i]!;
    if ('at' in def.trigger) {
      if (rt.status === 'pending') consider(isoToTick(def.trigger.at)!);
    } else if (rt.status === 'armed') consider(rt.dueTick);
    if (rt.status === 'active') consider(deadlineTickOf(def, rt));
  });
  for (const c of state.contacts) if (c.status === 'expecting') consider(c.deadlineTick);
  for (const o of state.outside ?? []) if (o.dueTick >= 0) consider(o.dueTick);
  consider(state.clock.skipTo);
  return next;
}

/** The game's logic at a game point: integrate the score, react to engine events, settle what is due. */
function gamePoint(state: GameState, level: Level): GameState {
  const { engine, events: raised } = takeEvents(state.engine);
  // Operator actions appear as task.done in the game's own feed; keep only what the network did.
  const events = raised.filter((e) => !e.kind.startsWith('action.'));
  const dtS = (engine.tMs - state.lastGameMs) / 1000;
  const tick = Math.floor(engine.tMs / 1000);
  const m = gameMetrics(engine, level.engine);
  const acc = { ...state.acc };
  // Right Riemann sums on the game-point grid: the same on every path, accurate enough for a score.
  acc.subscriberSecondsLost += (m.subscribersTotal - m.subscribersOnline) * dtS;
  acc.dnsDownSeconds += (1 - m.dnsSuccess) * dtS;
  acc.infectedHostSeconds += m.ownInfected * dtS;
  acc.outboundWormMbit += m.outboundWormMbps * dtS;
  acc.serviceSecondsLost += m.servicesDown * dtS;
  acc.seconds += dtS;
  if (acc.onsetTick === null && m.wormStarted) {
    // The onset event carries the exact time; the game point can be up to a minute later.
    const onset = raised.find((e) => e.kind === 'worm.onset');
    acc.onsetTick = onset ? Math.floor(onset.tMs / 1000) : tick;
  }
  let s: GameState = {
    ...state,
    engine,
    tick,
    lastGameMs: engine.tMs,
    acc: updateBorderClear(acc, tick, m.borderWormMbps, intlCapacityMbps(level)),
  };
  if (events.length > 0) {
    s = {
      ...s,
      feed: [
        ...s.feed,
        ...events.map((e) => ({
          tick: Math.floor(e.tMs / 1000),
          kind: `engine.${e.kind}`,
          params: (e.id ? { id: e.id } : {}) as Record<string, string>,
        })),
      ],
    };
    s = armOnEvents(s, level, events);
    s = informationFromEngine(s, events);
    // Once subscribers are cut off the whole country knows: every contact now expects to hear
    // from us, detected or not — silence is not a safe strategy.
    if (events.some((e) => e.kind === 'outage.start')) s = startExpectations(s, level);
  }
  if (
    Math.floor(tick / 3600) > Math.floor(state.lastGameMs / 3_600_000) &&
    m.subscribersOnline < 0.95 * m.subscribersTotal
  ) {
    s = hourlyCallReport(s, engine.obs.callsPerMin);
  }
  s = trackDnsFailures(s, raised);
  s = settle(s, level);
  // What people do without an order this minute, after the tasks that landed freed their hands.
  s = finishCampaigns(s);
  s = runOutsideActions(s, level);
  s = runDnsProcedure(s, level);
  s = paceCampaigns(s, level);
  if (s.clock.skipTo !== null) {
    // A skip lands on something the players can see: a new line in the feed or the inbox. When
    // it reaches its target without one (nothing was scheduled), the feed says that nothing
    // happened, so the jump never ends on an invisible tick.
    const seen = s.feed.length > state.feed.length || s.inbox.length > state.inbox.length;
    if (seen || s.tick >= s.clock.skipTo) {
      const feed = seen ? s.feed : [...s.feed, { tick, kind: 'clock.skipQuiet', params: {} }];
      s = { ...s, feed, clock: { ...s.clock, skipTo: null } };
    }
  }
  if (s.tick >= s.endTick) s = { ...s, ended: true, clock: { ...s.clock, skipTo: null } };
  return { ...s, nextGameMs: nextGamePointMs(s, level) };
}

const intlCapacity = new WeakMap<Level, number>();

/** Our international capacity (one direction), the scale of "worm traffic at the border". */
function intlCapacityMbps(level: Level): number {
  let c = intlCapacity.get(level);
  if (c === undefined) {
    c = 0;
    for (const l of level.engine.network.links) if (l.kind === 'international') c += l.capacityMbps;
    intlCapacity.set(level, c);
  }
  return c;
}

/** Called after each game point with the states before and after (checkpoints hook in here). */
export type GamePointHook = (before: GameState, after: GameState) => void;

/** Runs the game point if one is due at the engine's current time. */
function catchUp(state: GameState, level: Level, hook?: GamePointHook): GameState {
  if (state.ended || state.engine.tMs < state.nextGameMs) return state;
  const after = gamePoint(state, level);
  hook?.(state, after);
  return after;
}

/** One engine step (the frame driver's unit), then the game point if one is due. */
export function stepOnce(state: GameState, level: Level, hook?: GamePointHook): GameState {
  if (state.ended) return state;
  const engine = stepEngine(state.engine, level.engine);
  return catchUp({ ...state, engine, tick: Math.floor(engine.tMs / 1000) }, level, hook);
}

/**
 * Advances to the first engine boundary ≥ tMs (or the end), running every game point on the way,
 * with one engine call per game point. Headless runs, replays and verification use this.
 */
export function advanceUntil(
  state: GameState,
  level: Level,
  tMs: number,
  hook?: GamePointHook,
): GameState {
  let s = state;
  while (!s.ended && s.engine.tMs < tMs) {
    const engine = engineAtOrAfter(s.engine, level.engine, Math.min(tMs, s.nextGameMs));
    s = catchUp({ ...s, engine, tick: Math.floor(engine.tMs / 1000) }, level, hook);
  }
  return s;
}

/** Everything due at the current tick: arrivals, tasks landing, injects, contact deadlines. */
function settle(state: GameState, level: Level): GameState {
  let s = state;
  const staff = arrive(s.staff, s.tick);
  if (staff !== s.staff) {
    const arrived = staff.filter((x, i) => x.status === 'free' && s.staff[i]!.status === 'enRoute');
    s = {
      ...s,
      staff,
      feed: [
        ...s.feed,
        ...arrived.map((a) => ({ tick: s.tick, kind: 'staff.arrived', params: { staff: a.id } })),
      ],
    };
  }
  // Land due tasks in (due, id) order, so simultaneous completions are ordered the same everywhere.
  for (;;) {
    let next: TaskState | undefined;
    for (const t of s.tasks) {
      if (
        t.status === 'running' &&
        t.dueTick <= s.tick &&
        (!next || t.dueTick < next.dueTick || (t.dueTick === next.dueTick && t.id < next.id))
      )
        next = t;
    }
    if (!next) break;
    s = landTask(s, level, next);
  }
  s = runInjects(s, level);
  s = checkDeadlines(s);
  return s;
}

/** Applies a command's instant effect (clock, inject answer, note). */
function applyInstant(state: GameState, level: Level, role: Role, cmd: ParsedCommand): GameState {
  switch (cmd.type) {
    case 'clock.pause': {
      const clock = { ...state.clock, paused: true, skipTo: null };
      const inject = cmd.args.situation;
      if (inject === undefined) return { ...state, clock };
      // Paused because a situation arrived (the "pause when a situation arrives" option): the
      // feed and the top bar say why, and a replay shows it.
      return {
        ...state,
        clock: { ...clock, pausedFor: inject },
        feed: [...state.feed, { tick: state.tick, kind: 'clock.pausedFor', params: { inject } }],
      };
    }
    case 'clock.resume': {
      const { pausedFor: _, ...clock } = state.clock;
      return { ...state, clock: { ...clock, paused: false } };
    }
    case 'clock.speed':
      return { ...state, clock: { ...state.clock, speed: cmd.args.speed } };
    case 'clock.skip':
      return { ...state, clock: { ...state.clock, skipTo: nextEventTick(state, level) } };
    case 'inject.answer':
      return level.injects.some((i) => i.id === cmd.args.inject)
        ? answerInject(state, level, cmd.args.inject, cmd.args.choice)
        : answerCustomInject(state, cmd.args.inject, cmd.args.choice);
    case 'inject.custom':
      return raiseCustomInject(state, level, cmd.args);
    case 'inject.extend':
      return extendInject(state, level, cmd.args.inject, cmd.args.minutes);
    case 'note.add':
      return {
        ...state,
        notes: [
          ...state.notes,
          {
            tick: state.tick,
            role,
            text: cmd.args.text,
            ...(cmd.args.question !== undefined ? { question: cmd.args.question } : {}),
          },
        ],
      };
    default:
      return state;
  }
}

/** The next tick at which something scheduled happens (task, arrival, inject), capped at one hour. */
export function nextEventTick(state: GameState, level: Level): number {
  let next = Math.min(state.endTick, state.tick + 3600);
  for (const t of state.tasks)
    if (t.status === 'running' && t.dueTick > state.tick) next = Math.min(next, t.dueTick);
  for (const s of state.staff)
    if (s.status === 'enRoute' && s.arrivesAt !== null) next = Math.min(next, s.arrivesAt);
  level.injects.forEach((def, i) => {
    const rt = state.injects[i]!;
    const due =
      'at' in def.trigger
        ? rt.status === 'pending'
          ? isoToTick(def.trigger.at)!
          : null
        : rt.status === 'armed'
          ? rt.dueTick
          : null;
    if (due !== null && due > state.tick) next = Math.min(next, due);
  });
  return Math.max(next, state.tick + 1);
}

export type CommandOutcome = { ok: true; state: GameState } | { ok: false; rejection: Rejection };

/**
 * Accepts or refuses a command at the state's current time (the caller has already brought the
 * state to the step boundary for the command's tick). The accepted command is folded into the
 * log digest, so every later hash depends on the exact log.
 */
export function acceptCommand(
  state: GameState,
  level: Level,
  role: Role,
  type: string,
  args: unknown,
  tick: number,
): CommandOutcome {
  const checked = checkCommand(state, level, role, type, args);
  if (!checked.ok) return checked;
  const cmd = checked.command;
  let s: GameState = {
    ...state,
    logDigest: fnv1a32(
      canonicalJson({ tick, role, type: cmd.type, args: cmd.args }),
      parseInt(state.logDigest, 16),
    ),
    commandCount: state.commandCount + 1,
  };
  if (level.commands[cmd.type]) {
    s = startTask(s, level, role, cmd);
    s = settle(s, level); // zero-duration tasks land at once
  } else {
    s = applyInstant(s, level, role, cmd);
  }
  return { ok: true, state: { ...s, nextGameMs: nextGamePointMs(s, level) } };
}

/** Hash of the whole game state: the engine's own hash plus FNV-1a over the game part. */
export function hashGame(state: GameState): string {
  const { engine, ...game } = state;
  // A message's `facts` are read off the engine state its hash already covers; leaving them out
  // keeps the hashes of run files saved before messages carried them.
  const hashed = game.outbox.some((m) => m.facts)
    ? { ...game, outbox: game.outbox.map(({ facts: _facts, ...m }) => m) }
    : game;
  return `${hashState(engine)}-${fnv1a32(canonicalJson(hashed))}`;
}

/** The score as of now (at the end of a run: the final score). */
export function currentScore(state: GameState, level: Level): Score {
  const m = gameMetrics(state.engine, level.engine);
  const overdue = state.contacts.filter((c) => c.status === 'overdue').length;
  const acc = {
    ...state.acc,
    commsPenalty: state.acc.commsPenalty + overdue * MISSED_NOTICE_PENALTY,
  };
  return scoreOf(acc, level, {
    tick: state.tick,
    exposedLeft: m.ownUnpatched,
    staffCost: staffCost(state.staff, level, state.tick),
  });
}
