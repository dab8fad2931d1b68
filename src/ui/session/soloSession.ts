// A solo run in the browser: the incident actor (the game core) driven by real frames, with one
// local player holding every role. Views read snapshots and send commands through here; the
// session turns what happened into sound cues and announcements, samples the graphs' history and
// autosaves the log.
import { createActor, type Actor } from 'xstate';
import {
  incidentMachine,
  type CommandOutcome,
  type Level,
  type Run,
  type ViewSnapshot,
} from '../../game';
import { metrics } from '../../engine';
import type { AudioCues } from '../../audio/audio';
import type { History } from './history';
import { clearAutosave } from './autosave';
import type { FeedItem, OpsSession } from './opsSession';
import { RunWatch, ViewCache } from './runWatch';

export type { FeedItem } from './opsSession';

const AUTOSAVE_EVERY_MS = 5000;
/** The autosave writer (with the SHA-256 code the save's level reference needs) is fetched this
 *  long after the run starts, or at the first command: starting a game downloads neither. */
const WRITER_AFTER_MS = 1500;

export class SoloSession implements OpsSession {
  readonly mode = 'solo' as const;
  readonly actingRoles = 'all' as const;
  readonly controlsClock = true;
  readonly actor: Actor<typeof incidentMachine>;
  private readonly clockNow = () => performance.now();
  private readonly views = new ViewCache(this.clockNow);
  private readonly watch: RunWatch;
  private lastSaveAt = 0;
  private writer?: typeof import('./autosaveWriter');
  private writerLoading = false;
  private readonly writerTimer: ReturnType<typeof setTimeout>;
  /** A save was asked for before the writer arrived; it is made as soon as it does. */
  private savePending = false;

  constructor(
    readonly level: Level,
    start: { seed: number } | { run: Run },
    audio: AudioCues,
    private readonly storage: Pick<Storage, 'setItem' | 'removeItem'> = window.localStorage,
  ) {
    this.actor = createActor(incidentMachine, {
      input: 'run' in start ? { run: start.run } : { level, seed: start.seed },
    }).start();
    this.watch = new RunWatch(audio, this.run, this.clockNow);
    this.history.sample(this.view(true), this.truth().globalInfected);
    this.writerTimer = setTimeout(() => this.loadWriter(), WRITER_AFTER_MS);
  }

  private loadWriter(): void {
    if (this.writer || this.writerLoading) return;
    this.writerLoading = true;
    import('./autosaveWriter').then(
      (writer) => {
        this.writer = writer;
        if (this.savePending) this.save();
      },
      (err: unknown) => {
        this.writerLoading = false;
        console.warn('Autosave unavailable:', err instanceof Error ? err.message : err);
      },
    );
  }

  get run(): Run {
    return this.actor.getSnapshot().context.run;
  }

  get ended(): boolean {
    return this.run.state.ended;
  }

  get history(): History {
    return this.watch.history;
  }

  /** Snapshot for the panels, rebuilt at most every VIEW_EVERY_MS unless forced. */
  view(force = false): ViewSnapshot {
    return this.views.get(this.run, force);
  }

  /** Truth the view may show in the debrief and the world inset. */
  truth() {
    return metrics(this.run.state.engine);
  }

  /** Called by the Ops scene every frame. */
  frame(realMs: number): void {
    const before = this.run;
    this.actor.send({ type: 'frame', realMs });
    if (this.run !== before) this.afterChange();
    this.watch.updateLoops(this.run, this.view());
    const now = this.clockNow();
    if (now - this.lastSaveAt > AUTOSAVE_EVERY_MS) this.save();
  }

  /** Sends a command as the solo player. Gives a cue either way; the outcome says why if refused. */
  command(type: string, args: Record<string, unknown> = {}): CommandOutcome {
    this.actor.send({ type, role: 'solo', args } as never);
    const outcome = this.actor.getSnapshot().context.lastOutcome;
    this.watch.commandCue(outcome?.ok ?? false);
    this.afterChange();
    this.view(true);
    this.loadWriter();
    this.save();
    return (
      outcome ?? { ok: false, rejection: { code: 'MALFORMED', params: { detail: 'no outcome' } } }
    );
  }

  /** Ends the shift now: the rest of the day is simulated as it would go without the player. */
  endShift(): void {
    this.actor.send({ type: 'finish' });
  }

  onFeed(listener: (feed: FeedItem[]) => void): () => void {
    return this.watch.onFeed(listener);
  }

  /** False while the writer is still on its way (the save is then made when it arrives). */
  save(): boolean {
    this.lastSaveAt = this.clockNow();
    this.savePending = false;
    if (this.ended) {
      clearAutosave(this.storage);
      return true;
    }
    if (!this.writer) {
      this.savePending = true;
      return false;
    }
    return this.writer.writeAutosave(this.storage, this.run, this.history.samples);
  }

  /** Leaves the run: stops loops, saves (or clears when ended). */
  dispose(): void {
    clearTimeout(this.writerTimer);
    this.save();
    if (this.savePending) this.loadWriter();
    this.watch.dispose();
    this.actor.stop();
  }

  private afterChange(): void {
    this.watch.changed(this.run, this.view(), this.truth().globalInfected);
  }
}
