// What every scene and panel receives: the app-flow actor to read and send to, translations, the
// audio wrapper, persisted settings and the HTML overlay. Scenes hold no rules of their own.
import type { i18n } from 'i18next';
import type { Actor } from 'xstate';
import type { appFlowMachine } from './appFlow.machine';
import type { AudioCues } from '../audio/audio';
import type { SettingsStore } from './settings';
import type { AnySession } from './session/anySession';
import type { TeamSession } from './session/teamSession';
import type { Run } from '../game';

export interface UiContext {
  flow: Actor<typeof appFlowMachine>;
  i18n: i18n;
  audio: AudioCues;
  settings: SettingsStore;
  overlay: HTMLElement;
  /** What the Ops scene shows: a solo run, a team seat or a replay — the app-flow machine's
   *  (read from its snapshot; only the machine makes, replaces and disposes of sessions). */
  readonly session: AnySession | undefined;
  /** The Ops map while it is shown: where a device is drawn (page pixels) and its label. Read by
   *  the test hooks only. */
  map?: {
    pointOf(id: string): { x: number; y: number } | undefined;
    labelOf(id: string): string | undefined;
  };
  /** The run that just ended, for the debrief. */
  finished?: Run;
  /** The team seat of the run that just ended, still connected for the debrief's forms (the
   *  machine's; undefined when nothing is kept open). */
  readonly endedSeat: TeamSession | undefined;
}

/** The shared context, its session fields read from the app-flow actor's snapshot. */
export function createUiContext(parts: Omit<UiContext, 'session' | 'endedSeat'>): UiContext {
  const { flow } = parts;
  return {
    ...parts,
    get session() {
      return flow.getSnapshot().context.session;
    },
    get endedSeat() {
      const ended = flow.getSnapshot().context.endedSeat;
      return ended?.open ? ended.seat : undefined;
    },
  };
}

export const UI_CONTEXT_KEY = 'ui';
