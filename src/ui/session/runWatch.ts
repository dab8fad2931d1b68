// What every live session (solo or team) does with a run that moves on: rebuild the panels' view
// at most a few times a second, sample the graphs' history, pass new feed items to the event log
// and turn them into sound cues (alarm, phone, pager, chime, buzz; the NOC hum follows the load).
// Shared so a team seat sounds and reads exactly like solo play.
import {
  advanceToMs,
  applyCommand,
  createRun,
  snapshotView,
  type Run,
  type ViewSnapshot,
} from '../../game';
import { metrics } from '../../engine';
import type { AudioCues } from '../../audio/audio';
import { History } from './history';
import type { FeedItem } from './opsSession';

export const VIEW_EVERY_MS = 200;

/** The panels' snapshot of a run, rebuilt at most every VIEW_EVERY_MS unless forced. */
export class ViewCache {
  private last?: { run: Run; view: ViewSnapshot };
  private lastAt = -Infinity;

  constructor(private readonly clockNow: () => number) {}

  get(run: Run, force = false): ViewSnapshot {
    const now = this.clockNow();
    if (!this.last || (this.last.run !== run && (force || now - this.lastAt >= VIEW_EVERY_MS))) {
      this.last = { run, view: snapshotView(run, 200) };
      this.lastAt = now;
    }
    return this.last.view;
  }
}

/**
 * Fills the graphs' history of a run joined midway (a team seat after a reload or a late join):
 * its log is replayed once more with a sample every sim minute, as if it had been watched from
 * the start. The replay never changes the run (observers only read).
 */
export function backfillHistory(history: History, run: Run): void {
  let replay = createRun(run.level, run.seed, run.players);
  if (run.state.tick <= replay.state.tick) return;
  const sample = (r: Run) =>
    history.sample(snapshotView(r, 0), metrics(r.state.engine).globalInfected);
  sample(replay);
  replay.observer = (state) => sample({ ...replay, state });
  for (const c of run.log)
    replay = applyCommand(replay, { role: c.role, type: c.type, args: c.args }, c.tick).run;
  advanceToMs(replay, run.state.engine.tMs);
}

/** Feed listeners, history samples and the sound cues of one run on screen. */
export class RunWatch {
  readonly history = new History();
  private feedSeen: number;
  private readonly listeners = new Set<(feed: FeedItem[]) => void>();
  private alarmUntil = 0;
  private phoneUntil = 0;

  constructor(
    private readonly audio: AudioCues,
    run: Run,
    private readonly clockNow: () => number,
  ) {
    this.feedSeen = run.state.feed.length;
  }

  onFeed(listener: (feed: FeedItem[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Items that are not in the run's feed (a team seat's notes) go to the same listeners. */
  emit(items: FeedItem[]): void {
    if (items.length) this.listeners.forEach((l) => l(items));
  }

  /** After the run changed: samples the graphs, announces and sounds what is new in the feed. */
  changed(run: Run, view: ViewSnapshot, globalInfected: number): void {
    this.history.sample(view, globalInfected);
    const feed = run.state.feed;
    if (feed.length > this.feedSeen) {
      const fresh = feed.slice(this.feedSeen);
      this.feedSeen = feed.length;
      this.cuesFor(fresh);
      this.emit(fresh);
    } else if (feed.length < this.feedSeen) {
      this.feedSeen = feed.length;
    }
  }

  /** Every frame: the looping sounds follow the run (silent while paused or ended). */
  updateLoops(run: Run, view: ViewSnapshot): void {
    const now = this.clockNow();
    const ended = run.state.ended;
    const paused = run.state.clock.paused || ended;
    this.audio.setLoop('alarm', !paused && now < this.alarmUntil);
    const ringing = view.activeInjects.length > 0 && now < this.phoneUntil;
    this.audio.setLoop('phone', !paused && ringing);
    const links = view.monitoring.links;
    const load = links.length
      ? links.reduce((a, l) => a + Math.max(l.inPct, l.outPct), 0) / links.length / 100
      : 0;
    this.audio.setLoop('hum', !ended, 0.3 + 0.7 * Math.min(1, load));
  }

  /** The click of an accepted command, the buzz of a refused one. */
  commandCue(ok: boolean): void {
    this.audio.play(ok ? 'click' : 'reject');
  }

  dispose(): void {
    this.audio.stopLoops();
    this.listeners.clear();
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
}
