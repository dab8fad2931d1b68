// The application flow: which screen the player is on, and the session the Ops views show. Scenes
// subscribe to this machine and never decide navigation themselves, nor make or drop a session:
// they send events (`solo.start`, `run.continue`, `replay.open`, `replay.fork`, `team.join`…) and
// the machine builds the session (through the injected `SessionMakers`), keeps it in its context
// and disposes of it when its screen is left — all in this file. The flow is testable without a
// browser (xstate/graph paths with fake makers).
import { assign, setup } from 'xstate';
import type { Level, Run, RunFile } from '../game';
import type { AnySession } from './session/anySession';
import type { SessionMakers, TeamJoin } from './session/sessionMakers';
import type { TeamSession } from './session/teamSession';

export interface AssetFailure {
  /** The file (URL or key) that failed to load. */
  file: string;
  /** Why, in words from the loader (HTTP status, decode error…). */
  reason: string;
}

/** A team seat whose run ended; `open` while its connection is kept for the debrief's forms. */
export interface EndedSeat {
  seat: TeamSession;
  open: boolean;
}

export interface AppFlowContext {
  /** Loading progress, 0..1. */
  progress: number;
  failure?: AssetFailure;
  levelId?: string;
  /** How sessions are built (the browser's classes, or fakes in tests). */
  makers: SessionMakers;
  /** The session on screen: a solo run or a team seat (running), a replay (replaying), or the
   *  seat the team lobby joined (team). Set only in those screens. */
  session?: AnySession;
  /** Why the last attempt to make a session failed (the screen that asked shows it). */
  sessionError?: string;
  /** The team seat of the run that just ended, until the debrief is left. */
  endedSeat?: EndedSeat;
}

export interface AppFlowInput {
  makers: SessionMakers;
}

export type AppFlowEvent =
  | { type: 'boot.done' }
  | { type: 'assets.progress'; progress: number }
  | { type: 'assets.loaded' }
  | { type: 'assets.failed'; file: string; reason: string }
  | { type: 'assets.retry' }
  | { type: 'menu.newGame' }
  | { type: 'menu.runs' }
  | { type: 'menu.team' }
  /** A saved run, restored and checked by the title, taken up again with its graphs' history. */
  | { type: 'run.continue'; level: Level; run: Run; history: unknown }
  | ({ type: 'team.join' } & TeamJoin)
  | { type: 'team.leave' }
  | { type: 'team.start' }
  | { type: 'replay.open'; level: Level; file: RunFile; storedId?: number }
  | { type: 'replay.fork' }
  | { type: 'level.choose'; levelId: string }
  | { type: 'solo.start'; level: Level; seed: number }
  | { type: 'run.pause' }
  | { type: 'run.resume' }
  | { type: 'run.end' }
  | { type: 'run.quit' }
  | { type: 'debrief.done' }
  | { type: 'nav.back' };

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** The session an event asks for, made by the makers (undefined: the event makes none). */
function make(context: AppFlowContext, event: AppFlowEvent): AnySession | undefined {
  const m = context.makers;
  const now = context.session;
  switch (event.type) {
    case 'solo.start':
      return m.solo(event.level, event.seed);
    case 'run.continue':
      return m.resume(event.level, event.run, event.history);
    case 'replay.open':
      return m.replay(event.level, event.file, event.storedId);
    case 'replay.fork':
      return now?.mode === 'replay' ? m.fork(now) : undefined;
    case 'team.join':
      return m.team(event);
  }
  return undefined;
}

export const appFlowMachine = setup({
  types: {
    context: {} as AppFlowContext,
    events: {} as AppFlowEvent,
    input: {} as AppFlowInput,
  },
  actions: {
    recordProgress: assign({
      progress: ({ context, event }) =>
        event.type === 'assets.progress'
          ? Math.max(context.progress, clamp01(event.progress))
          : context.progress,
    }),
    completeProgress: assign({ progress: 1 }),
    recordFailure: assign({
      failure: ({ event }) =>
        event.type === 'assets.failed' ? { file: event.file, reason: event.reason } : undefined,
    }),
    clearFailure: assign({ failure: undefined, progress: 0 }),
    chooseLevel: assign({
      levelId: ({ event }) => (event.type === 'level.choose' ? event.levelId : undefined),
    }),
    // ---- session lifetimes: every birth and every end of a session is one of these.
    /** The new session in place of the old (disposed), or, if making it threw, the old one kept
     *  and the reason recorded: a bad run file must not stop the app's flow. */
    startSession: assign(({ context, event }) => {
      let session: AnySession | undefined;
      try {
        session = make(context, event);
      } catch (err) {
        return { sessionError: err instanceof Error ? err.message : String(err) };
      }
      if (!session) return {};
      if (context.session !== session) context.session?.dispose();
      return { session, sessionError: undefined, levelId: session.level.meta.id };
    }),
    /** Leaves the session: stops its loops and timers, saves what it saves. */
    endSession: assign(({ context }) => {
      context.session?.dispose();
      return { session: undefined };
    }),
    /** The run reached its end: a team seat keeps its connection for the debrief's forms (the
     *  projector has none to keep); anything else is disposed. */
    finishRun: assign(({ context }) => {
      const s = context.session;
      if (s?.mode === 'team' || s?.mode === 'projector') {
        const kept = s.keepAfterEnd();
        return { session: undefined, endedSeat: { seat: s, open: kept !== undefined } };
      }
      s?.dispose();
      return { session: undefined, endedSeat: undefined };
    }),
    closeEndedSeat: assign(({ context }) => {
      if (context.endedSeat?.open) context.endedSeat.seat.close();
      return { endedSeat: undefined };
    }),
  },
  guards: {
    hasLevelId: ({ event }) => event.type === 'level.choose' && event.levelId.length > 0,
    playing: ({ context }) => context.session?.mode === 'solo',
    watching: ({ context }) => context.session?.mode === 'replay',
    seated: ({ context }) =>
      context.session?.mode === 'team' || context.session?.mode === 'projector',
    forkable: ({ context }) => context.session?.mode === 'replay' && !context.session.ended,
  },
}).createMachine({
  id: 'appFlow',
  context: ({ input }) => ({ progress: 0, makers: input.makers }),
  initial: 'booting',
  states: {
    booting: {
      on: { 'boot.done': 'loading' },
    },
    loading: {
      on: {
        'assets.progress': { actions: 'recordProgress' },
        'assets.loaded': { target: 'title', actions: 'completeProgress' },
        'assets.failed': { target: 'loadFailed', actions: 'recordFailure' },
      },
    },
    loadFailed: {
      on: { 'assets.retry': { target: 'loading', actions: 'clearFailure' } },
    },
    title: {
      // A session made by an event of this screen opens its screen at once (a failure stays
      // here with `sessionError`). No session outlives its screen, so none is here otherwise.
      always: { guard: 'playing', target: 'running' },
      on: {
        'menu.newGame': 'levelSelect',
        // Continue goes straight back into the saved run.
        'run.continue': { actions: 'startSession' },
        'menu.runs': 'runs',
        'menu.team': 'team',
      },
    },
    // The run library: finished and imported run files kept on this device.
    runs: {
      always: { guard: 'watching', target: 'replaying' },
      on: { 'nav.back': 'title', 'replay.open': { actions: 'startSession' } },
    },
    // A stored run watched in the replay viewer (the Ops views, read-only). "Take over from here"
    // forks it into a new playable run.
    replaying: {
      always: { guard: 'playing', target: 'running' },
      on: {
        'nav.back': { target: 'runs', actions: 'endSession' },
        'replay.fork': { guard: 'forkable', actions: 'startSession' },
      },
    },
    // Team session: create or join a room, the lobby; the session starting opens the Ops views
    // (role console, facilitator console or projector, as the seat decides).
    team: {
      on: {
        'team.join': { actions: 'startSession' },
        'team.leave': { actions: 'endSession' },
        'nav.back': { target: 'title', actions: 'endSession' },
        'team.start': { guard: 'seated', target: 'running' },
      },
    },
    levelSelect: {
      on: {
        'level.choose': { guard: 'hasLevelId', target: 'briefing', actions: 'chooseLevel' },
        'nav.back': 'title',
      },
    },
    briefing: {
      always: { guard: 'playing', target: 'running' },
      on: {
        'solo.start': { actions: 'startSession' },
        'nav.back': 'levelSelect',
      },
    },
    running: {
      initial: 'live',
      states: {
        live: { on: { 'run.pause': 'paused' } },
        paused: { on: { 'run.resume': 'live' } },
      },
      on: {
        'run.end': { target: 'debrief', actions: 'finishRun' },
        'run.quit': { target: 'title', actions: 'endSession' },
      },
    },
    debrief: {
      exit: 'closeEndedSeat',
      on: { 'debrief.done': 'title' },
    },
  },
});

/** A flat name for the current screen, e.g. "running.paused", used by views and tests. */
export function screenOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const [k, v] = Object.entries(value)[0];
    return `${k}.${screenOf(v)}`;
  }
  return String(value);
}
