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
  /** What the Ops scene shows: a solo run (set by Briefing or Continue), a team seat or a replay. */
  session?: AnySession;
  /** The Ops map while it is shown: where a device is drawn (page pixels) and its label. Read by
   *  the test hooks only. */
  map?: {
    pointOf(id: string): { x: number; y: number } | undefined;
    labelOf(id: string): string | undefined;
  };
  /** The run that just ended, for the debrief. */
  finished?: Run;
  /** The team seat of the run that just ended, still connected for the debrief's forms. */
  endedSeat?: TeamSession;
}

export const UI_CONTEXT_KEY = 'ui';
