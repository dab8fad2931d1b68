// The application flow: which screen the player is on. Scenes subscribe to this machine and never
// decide navigation themselves, so the flow is testable without a browser (xstate/graph paths) and
// the same in solo play and in the later team console.
import { assign, setup } from 'xstate';

export interface AssetFailure {
  /** The file (URL or key) that failed to load. */
  file: string;
  /** Why, in words from the loader (HTTP status, decode error…). */
  reason: string;
}

export interface AppFlowContext {
  /** Loading progress, 0..1. */
  progress: number;
  failure?: AssetFailure;
  levelId?: string;
}

export type AppFlowEvent =
  | { type: 'boot.done' }
  | { type: 'assets.progress'; progress: number }
  | { type: 'assets.loaded' }
  | { type: 'assets.failed'; file: string; reason: string }
  | { type: 'assets.retry' }
  | { type: 'menu.newGame' }
  | { type: 'menu.continue'; levelId: string }
  | { type: 'menu.runs' }
  | { type: 'menu.team' }
  | { type: 'team.start' }
  | { type: 'replay.open' }
  | { type: 'replay.fork' }
  | { type: 'level.choose'; levelId: string }
  | { type: 'briefing.start' }
  | { type: 'run.pause' }
  | { type: 'run.resume' }
  | { type: 'run.end' }
  | { type: 'run.quit' }
  | { type: 'debrief.done' }
  | { type: 'nav.back' };

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export const appFlowMachine = setup({
  types: {
    context: {} as AppFlowContext,
    events: {} as AppFlowEvent,
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
      levelId: ({ event }) =>
        event.type === 'level.choose' || event.type === 'menu.continue' ? event.levelId : undefined,
    }),
  },
  guards: {
    hasLevelId: ({ event }) =>
      (event.type === 'level.choose' || event.type === 'menu.continue') && event.levelId.length > 0,
  },
}).createMachine({
  id: 'appFlow',
  context: { progress: 0 },
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
      on: {
        'menu.newGame': 'levelSelect',
        // Continue goes straight back into the saved run (the session restores it).
        'menu.continue': { guard: 'hasLevelId', target: 'running', actions: 'chooseLevel' },
        'menu.runs': 'runs',
        'menu.team': 'team',
      },
    },
    // The run library: finished and imported run files kept on this device.
    runs: {
      on: { 'nav.back': 'title', 'replay.open': 'replaying' },
    },
    // A stored run watched in the replay viewer (the Ops views, read-only). "Take over from here"
    // forks it into a new playable run.
    replaying: {
      on: { 'nav.back': 'runs', 'replay.fork': 'running' },
    },
    // Team session: create or join a room, the lobby; the session starting opens the Ops views
    // (role console, facilitator console or projector, as the seat decides).
    team: {
      on: { 'nav.back': 'title', 'team.start': 'running' },
    },
    levelSelect: {
      on: {
        'level.choose': { guard: 'hasLevelId', target: 'briefing', actions: 'chooseLevel' },
        'nav.back': 'title',
      },
    },
    briefing: {
      on: {
        'briefing.start': 'running',
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
        'run.end': 'debrief',
        'run.quit': 'title',
      },
    },
    debrief: {
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
