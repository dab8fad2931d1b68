// Set-up for the Ops panel tests: the tutorial level as the game loads it, a run of it made and
// moved by the game core itself (createRun / advanceToTick / applyCommand), and the UI context the
// panels receive. The session below is the OpsSession contract over that run, nothing more: every
// command goes through the core's applyCommand, so outcomes, refusals and the log are the game's.
import { createActor } from 'xstate';
import {
  advanceToTick,
  applyCommand,
  createRun,
  snapshotView,
  type CommandOutcome,
  type Level,
  type Run,
  type ViewSnapshot,
} from '../../../src/game';
import { metrics } from '../../../src/engine';
import { createI18n, useFeatureStrings, type Language } from '../../../src/i18n';
import { AudioCues } from '../../../src/audio/audio';
import { appFlowMachine } from '../../../src/ui/appFlow.machine';
import { createSettingsStore, SETTINGS_KEY } from '../../../src/ui/settings';
import { loadLevel } from '../../../src/ui/session/levels';
import { History } from '../../../src/ui/session/history';
import { createUiContext, type UiContext } from '../../../src/ui/context';
import { browserSessionMakers } from '../../../src/ui/session/sessionMakers';
import type { FeedItem, OpsSession } from '../../../src/ui/session/opsSession';

/** The seed every panel test plays; the tutorial's worm arrives at tick 1740 with it. */
export const SEED = 7;

let tutorial: Level | undefined;

export async function tutorialLevel(): Promise<Level> {
  if (tutorial) return tutorial;
  const loaded = await loadLevel('tutorial');
  if (!loaded.ok) throw new Error(`tutorial level: ${loaded.error}`);
  return (tutorial = loaded.level);
}

/** A solo run of the tutorial in the core, with the log of what the panels sent. */
export class CoreSession implements OpsSession {
  readonly mode = 'solo' as const;
  readonly actingRoles = 'all' as const;
  readonly controlsClock = true;
  readonly history = new History();
  /** Every command the panels sent, in order, with the core's outcome. */
  readonly sent: { type: string; args: Record<string, unknown>; outcome: CommandOutcome }[] = [];
  run: Run;

  constructor(readonly level: Level) {
    this.run = createRun(level, SEED);
    this.sampleHistory();
  }

  get ended(): boolean {
    return this.run.state.ended;
  }

  /** Plays the run in the core to `tick`, sampling the graphs' history once a minute on the way. */
  playTo(tick: number): void {
    for (let t = Math.ceil((this.run.state.tick + 1) / 60) * 60; t <= tick; t += 60) {
      this.run = advanceToTick(this.run, t);
      this.sampleHistory();
    }
    this.run = advanceToTick(this.run, tick);
  }

  view(): ViewSnapshot {
    return snapshotView(this.run);
  }

  truth() {
    return metrics(this.run.state.engine);
  }

  frame(): void {}

  command(type: string, args: Record<string, unknown> = {}): CommandOutcome {
    const { run, outcome } = applyCommand(this.run, { role: 'solo', type, args });
    this.run = run;
    this.sent.push({ type, args, outcome });
    return outcome;
  }

  onFeed(_listener: (feed: FeedItem[]) => void): () => void {
    return () => {};
  }

  save(): boolean {
    return true;
  }

  dispose(): void {}

  private sampleHistory(): void {
    this.history.sample(this.view(), this.truth().globalInfected);
  }
}

/** The context the Ops scene gives its panels, in `lang`, with the panels' feature strings loaded. */
export async function opsContext(lang: Language): Promise<UiContext> {
  localStorage.removeItem(SETTINGS_KEY);
  document.body.innerHTML = '<div id="ops"></div><div id="overlay"></div>';
  const audio = new AudioCues();
  const makers = browserSessionMakers(audio, localStorage);
  const flow = createActor(appFlowMachine, { input: { makers } }).start();
  const i18n = await createI18n(lang);
  await useFeatureStrings(i18n, 'device');
  await useFeatureStrings(i18n, 'score');
  return createUiContext({
    flow,
    i18n,
    audio,
    settings: createSettingsStore(localStorage),
    overlay: document.getElementById('overlay') as HTMLElement,
  });
}

/** Where a panel's root goes: on the page, so it has a width and takes clicks. */
export function mount(root: HTMLElement): HTMLElement {
  document.getElementById('ops')!.append(root);
  return root;
}

/** The panels' report callback, remembering what it was told. */
export function reporter(): {
  report: (ok: boolean, text: string) => void;
  lines: { ok: boolean; text: string }[];
} {
  const lines: { ok: boolean; text: string }[] = [];
  return { report: (ok, text) => lines.push({ ok, text }), lines };
}

/** Text that still shows an i18n key (a missing string) rather than words. */
export const RAW_KEY = /\b(ops|cmd|why|state|scorePanel|staffStatus|skills|kinds|flags)\.[a-zA-Z]/;
