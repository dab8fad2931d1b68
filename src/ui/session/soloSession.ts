// A solo run in the browser: the incident actor (the game core) driven by real frames, with one
// local player holding every role. Views read snapshots and send commands through here; the
// session turns what happened into sound cues and announcements, samples the graphs' history and
// autosaves the log.
import { createActor, type Actor } from 'xstate';
import {
  incidentMachine,
  snapshotView,
  type CommandOutcome,
  type Level,
  type Run,
  type ViewSnapshot,
} from '../../game';
import { metrics } from '../../engine';
import type { AudioCues } from '../../audio/audio';
import { History } from './history';
import { clearAutosave, writeAutosave } from './autosave';
import type { FeedItem, OpsSession } from './opsSession';

export type { FeedItem } from './opsSession';

const AUTOSAVE_EVERY_MS = 5000;
const VIEW_EVERY_MS = 200;

export class SoloSession implements OpsSession {
  readonly mode = 'solo' as const;
  readonly actingRoles = 'all' as const;
  readonly controlsClock = true;
  readonly actor: Actor<typeof incidentMachine>;
  readonly history = new History();
  private lastView?: { run: Run; view: ViewSnapshot };
  private lastViewAt = -Infinity;
  private lastSaveAt = 0;
  private feedSeen: number;
  private listeners = new Set<(feed: FeedItem[]) => void>();
  private alarmUntil = 0;
  private phoneUntil = 0;
  private clockNow = () => performance.now();

  constructor(
    readonly level: Level,
    start: { seed: number } | { run: Run },
    private readonly audio: AudioCues,
    private readonly storage: Pick<Storage, 'setItem' | 'removeItem'> = window.localStorage,
  ) {
    this.actor = createActor(incidentMachine, {
      input: 'run' in start ? { run: start.run } : { level, seed: start.seed },
    }).start();
    this.feedSeen = this.run.state.feed.length;
    this.sampleHistory(true);
  }

  get run(): Run {
    return this.actor.getSnapshot().context.run;
  }

  get ended(): boolean {
    return this.run.state.ended;
  }

  /** Snapshot for the panels, rebuilt at most every VIEW_EVERY_MS unless forced. */
  view(force = false): ViewSnapshot {
    const run = this.run;
    const now = this.clockNow();
    if (
      !this.lastView ||
      (this.lastView.run !== run && (force || now - this.lastViewAt >= VIEW_EVERY_MS))
    ) {
      this.lastView = { run, view: snapshotView(run, 200) };
      this.lastViewAt = now;
    }
    return this.lastView.view;
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
    this.updateLoops();
    const now = this.clockNow();
    if (now - this.lastSaveAt > AUTOSAVE_EVERY_MS) this.save();
  }

  /** Sends a command as the solo player. Gives a cue either way; the outcome says why if refused. */
  command(type: string, args: Record<string, unknown> = {}): CommandOutcome {
    this.actor.send({ type, role: 'solo', args } as never);
    const outcome = this.actor.getSnapshot().context.lastOutcome;
    this.audio.play(outcome?.ok ? 'click' : 'reject');
    this.afterChange();
    this.view(true);
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
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  save(): boolean {
    this.lastSaveAt = this.clockNow();
    if (this.ended) {
      clearAutosave(this.storage);
      return true;
    }
    return writeAutosave(this.storage, this.run, this.history.samples);
  }

  /** Leaves the run: stops loops, saves (or clears when ended). */
  dispose(): void {
    this.save();
    this.audio.stopLoops();
    this.listeners.clear();
    this.actor.stop();
  }

  private sampleHistory(force = false): void {
    const view = this.view(force);
    this.history.sample(view, this.truth().globalInfected);
  }

  private afterChange(): void {
    this.sampleHistory();
    const feed = this.run.state.feed;
    if (feed.length > this.feedSeen) {
      const fresh = feed.slice(this.feedSeen);
      this.feedSeen = feed.length;
      this.cuesFor(fresh);
      this.listeners.forEach((l) => l(fresh));
    } else if (feed.length < this.feedSeen) {
      this.feedSeen = feed.length;
    }
  }

  private cuesFor(items: FeedItem[]): void {
    const now = this.clockNow();
    for (const item of items) {
      switch (item.kind) {
        case 'engine.dns.down':
        case 'engine.outage.start':
          this.alarmUntil = now + 4000;
          break;
        case 'inject.fired':
          this.phoneUntil = now + 6000;
          break;
        case 'message.received':
          this.audio.play('message');
          break;
        case 'staff.arrived':
          this.audio.play('pager');
          break;
        case 'task.done':
          this.audio.play('confirm');
          break;
        case 'task.failed':
          this.audio.play('reject');
          break;
      }
    }
  }

  private updateLoops(): void {
    const now = this.clockNow();
    const paused = this.run.state.clock.paused || this.ended;
    this.audio.setLoop('alarm', !paused && now < this.alarmUntil);
    const ringing = this.view().activeInjects.length > 0 && now < this.phoneUntil;
    this.audio.setLoop('phone', !paused && ringing);
    const links = this.view().monitoring.links;
    const load = links.length
      ? links.reduce((a, l) => a + Math.max(l.inPct, l.outPct), 0) / links.length / 100
      : 0;
    this.audio.setLoop('hum', !this.ended, 0.3 + 0.7 * Math.min(1, load));
  }
}
