/**
 * The incident machine: the run as an XState actor for the views. Context holds the Run (level,
 * seed, game state with the engine's, log, checkpoints); events are the game's dot-namespaced
 * commands (`filter.apply`, `comms.send`, `clock.pause`…) plus `frame` (real time passed),
 * `advance` (headless: run to a tick) and `finish`. States mirror the clock — live, skipping,
 * paused — and ended; they follow from the game state through eventless guards, so the pure
 * `transition()` over a log gives the same run as the plain functions in run.ts, which do all the
 * work (no XState on the hot path). A thin wrapper for the solo session: team seats, replays and
 * the server apply the same reducer directly (docs/ARCHITECTURE.md, "The incident machine").
 */
import { assign, setup } from 'xstate';
import type { CommandType } from './commandSchema';
import type { CommandOutcome } from './incident';
import type { Level } from './levelSchema';
import type { Role } from './roles';
import {
  advanceReal,
  advanceToTick,
  applyCommand,
  createRun,
  finishRun,
  type Player,
  type Run,
} from './run';

export type IncidentCommandEvent = {
  type: CommandType;
  role: Role;
  args?: Record<string, unknown>;
  /** Replay and team mode give the tick; live play leaves it out ("now"). */
  tick?: number;
};

export type IncidentEvent =
  | IncidentCommandEvent
  | { type: 'frame'; realMs: number }
  | { type: 'advance'; tick: number }
  | { type: 'finish' };

export interface IncidentContext {
  run: Run;
  /** The outcome of the last command event (accepted, or the rejection to show). */
  lastOutcome: CommandOutcome | null;
}

export type IncidentInput = { level: Level; seed: number; players?: Player[] } | { run: Run };

/**
 * Any event with a role is a command — including types the game does not know, which must come back
 * as an UNKNOWN_COMMAND rejection in `lastOutcome` rather than be ignored silently.
 */
const isCommand = (e: IncidentEvent): e is IncidentCommandEvent =>
  typeof (e as { role?: unknown }).role === 'string';

export const incidentMachine = setup({
  types: {
    context: {} as IncidentContext,
    events: {} as IncidentEvent,
    input: {} as IncidentInput,
  },
  guards: {
    'run ended': ({ context }) => context.run.state.ended,
    'clock paused': ({ context }) => context.run.state.clock.paused,
    skipping: ({ context }) => context.run.state.clock.skipTo !== null,
    'not skipping': ({ context }) => context.run.state.clock.skipTo === null,
    'clock running': ({ context }) => !context.run.state.clock.paused,
    'is command': ({ event }) => isCommand(event),
  },
  actions: {
    'apply command': assign(({ context, event }) => {
      if (!isCommand(event)) return {};
      const { run, outcome } = applyCommand(
        context.run,
        { role: event.role, type: event.type, args: event.args },
        event.tick,
      );
      return { run, lastOutcome: outcome };
    }),
    'advance real time': assign({
      run: ({ context, event }) =>
        event.type === 'frame' ? advanceReal(context.run, event.realMs) : context.run,
    }),
    'advance to tick': assign({
      run: ({ context, event }) =>
        event.type === 'advance' ? advanceToTick(context.run, event.tick) : context.run,
    }),
    'finish run': assign({ run: ({ context }) => finishRun(context.run) }),
  },
}).createMachine({
  id: 'incident',
  context: ({ input }) => ({
    run: 'run' in input ? input.run : createRun(input.level, input.seed, input.players),
    lastOutcome: null,
  }),
  initial: 'live',
  on: {
    advance: { actions: 'advance to tick' },
    finish: { actions: 'finish run' },
    '*': { guard: 'is command', actions: 'apply command' },
  },
  states: {
    live: {
      always: [
        { guard: 'run ended', target: 'ended' },
        { guard: 'clock paused', target: 'paused' },
        { guard: 'skipping', target: 'skipping' },
      ],
      on: { frame: { actions: 'advance real time' } },
    },
    skipping: {
      always: [
        { guard: 'run ended', target: 'ended' },
        { guard: 'clock paused', target: 'paused' },
        { guard: 'not skipping', target: 'live' },
      ],
      on: { frame: { actions: 'advance real time' } },
    },
    paused: {
      always: [
        { guard: 'run ended', target: 'ended' },
        { guard: 'clock running', target: 'live' },
      ],
      on: { frame: {} },
    },
    ended: {
      on: { frame: {}, advance: {}, finish: {} },
    },
  },
});
