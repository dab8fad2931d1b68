// A stored run watched in the Ops views, read-only (mode 'replay'). The game core's timeline
// (src/game/replay.ts) re-simulates the run file once, keeping snapshots every 10 sim minutes, so
// any moment is a short replay away and equal to playing straight to it. Play moves forward from
// the current moment at the pace the players had (× the chosen speed); a seek jumps anywhere and
// rebuilds what the views keep over time — the graphs' history and the event log — for that
// moment. "Take over from here" forks the run at the current tick into a new playable run.
import {
  createRun,
  forkAt,
  ghostSampler,
  snapshotView,
  timelineOfRunFile,
  type CommandOutcome,
  type ForkableRun,
  type GhostSeries,
  type Level,
  type PlayerRole,
  type ReplayCursor,
  type ReplayTimeline,
  type Run,
  type RunFile,
  type ViewSnapshot,
} from '../../game';
import { metrics, observe } from '../../engine';
import { History, type HistorySample } from './history';
import type { FeedItem, OpsSession } from './opsSession';

export const REPLAY_SPEEDS = [1, 4, 16, 64] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** Panels' snapshot refresh during playback, as a live session's (runWatch.ts VIEW_EVERY_MS). */
const VIEW_EVERY_MS = 200;
/** Longest real frame honoured (a hidden tab resumes, it does not race ahead). */
const MAX_FRAME_MS = 250;
/** Event-log lines shown after a seek: the latest ones at that moment. */
const FEED_AFTER_SEEK = 40;

/** What changed, for the controls: the moment (seek or play) or the play state. */
export type ReplayChange = 'moment' | 'seek' | 'play';

export class ReplaySession implements OpsSession {
  readonly mode = 'replay' as const;
  readonly actingRoles: readonly PlayerRole[] = [];
  readonly controlsClock = false;
  readonly history = new History();
  readonly timeline: ReplayTimeline;
  /** The player's curves for the ghost chart, sampled during the one pass that built the timeline. */
  readonly playerSeries: GhostSeries;
  /** Graph samples for the whole run (one per sim minute), cut to the moment after every seek. */
  private readonly samples: HistorySample[];
  private cursor: ReplayCursor;
  /** Engine time playback is heading for: real time × pace × speed, kept fractional. */
  private targetMs: number;
  private feedSeen: number;
  private playing = false;
  private speedValue: ReplaySpeed = 4;
  private lastView?: { run: Run; view: ViewSnapshot };
  private lastViewAt = -Infinity;
  private feedListeners = new Set<(feed: FeedItem[]) => void>();
  private changeListeners = new Set<(what: ReplayChange) => void>();

  constructor(
    readonly level: Level,
    /** The run file watched (verified before it is opened). */
    readonly file: RunFile,
    /** Its id in the run library, when it came from there. */
    readonly storedId?: number,
  ) {
    const all = new History();
    // As a live session samples: the observations the view could show, once per sim minute.
    // (History only reads the tick and the monitoring of a snapshot.)
    const sampleGraphs = (s: Run['state']) =>
      all.sample(
        { tick: s.tick, monitoring: observe(s.engine) } as ViewSnapshot,
        metrics(s.engine).globalInfected,
      );
    const sampler = ghostSampler(300);
    // The start (a live session samples it when it opens), then the game points of the one
    // building pass, then the end: in time order.
    const start = createRun(level, file.seed, file.players).state;
    sampleGraphs(start);
    sampler.take(start);
    this.timeline = timelineOfRunFile(level, file, {
      observer: (s) => {
        sampleGraphs(s);
        sampler.observe(s);
      },
    });
    this.samples = all.samples;
    this.cursor = this.timeline.seek(this.timeline.startTick);
    sampler.take(this.timeline.seek(this.timeline.endTick).run.state);
    this.playerSeries = sampler.series;
    this.targetMs = this.cursor.run.state.engine.tMs;
    this.feedSeen = this.cursor.run.state.feed.length;
    this.history.restore(this.samples, this.cursor.run.state.tick);
  }

  get run(): Run {
    return this.cursor.run;
  }

  /** True at the end of the run (a replay then stays on its last moment). */
  get ended(): boolean {
    return this.cursor.run.state.tick >= this.timeline.endTick || this.cursor.run.state.ended;
  }

  get tick(): number {
    return this.cursor.run.state.tick;
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  get speed(): ReplaySpeed {
    return this.speedValue;
  }

  /** The panels' snapshot: during playback rebuilt at most every VIEW_EVERY_MS, as in live play;
   *  at once after a seek (the seek drops it). */
  view(force = false): ViewSnapshot {
    const now = performance.now();
    if (
      !this.lastView ||
      (this.lastView.run !== this.cursor.run && (force || now - this.lastViewAt >= VIEW_EVERY_MS))
    ) {
      this.lastView = { run: this.cursor.run, view: snapshotView(this.cursor.run, 200) };
      this.lastViewAt = now;
    }
    return this.lastView.view;
  }

  truth() {
    return metrics(this.cursor.run.state.engine);
  }

  frame(realMs: number): void {
    if (!this.playing) return;
    if (this.ended) {
      this.setPlaying(false);
      return;
    }
    const sim = Math.min(MAX_FRAME_MS, Math.max(0, realMs)) * this.cursor.run.pace * this.speed;
    this.targetMs = Math.min(this.timeline.endMs, this.targetMs + sim);
    const before = this.cursor;
    this.cursor = this.timeline.forward(this.cursor, this.targetMs);
    if (this.cursor !== before) this.afterMove();
    if (this.ended) this.setPlaying(false);
  }

  /** Jumps to any tick of the run: the same state as playing straight to it. */
  seek(tick: number): void {
    this.cursor = this.timeline.seek(tick);
    this.lastView = undefined;
    this.targetMs = this.cursor.run.state.engine.tMs;
    this.history.restore(this.samples, this.cursor.run.state.tick);
    const feed = this.cursor.run.state.feed;
    this.feedSeen = feed.length;
    this.changeListeners.forEach((l) => l('seek'));
    this.feedListeners.forEach((l) => l(feed.slice(-FEED_AFTER_SEEK)));
    this.changeListeners.forEach((l) => l('moment'));
  }

  setPlaying(on: boolean): void {
    // Playing from the end starts again from the beginning, as media players do.
    if (on && this.ended) this.seek(this.timeline.startTick);
    if (on === this.playing) return;
    this.playing = on;
    this.targetMs = this.cursor.run.state.engine.tMs;
    this.changeListeners.forEach((l) => l('play'));
  }

  setSpeed(speed: ReplaySpeed): void {
    this.speedValue = speed;
    this.changeListeners.forEach((l) => l('play'));
  }

  /** A replay sends no commands: the panels show what was done, they cannot change it. */
  command(type: string, _args?: Record<string, unknown>): CommandOutcome {
    return {
      ok: false,
      rejection: { code: 'ROLE_FORBIDDEN', params: { command: type, role: 'replay' } },
    };
  }

  /** A new playable run from the moment on screen (the clock the player reads, which during
   *  playback trails the cursor by up to one view refresh), recorded with a reference to this
   *  run file. */
  fork(): ForkableRun {
    return forkAt(this.timeline, this.file, this.lastView?.view.tick ?? this.tick);
  }

  onFeed(listener: (feed: FeedItem[]) => void): () => void {
    this.feedListeners.add(listener);
    return () => this.feedListeners.delete(listener);
  }

  onChange(listener: (what: ReplayChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Nothing to keep: the run file is already stored. */
  save(): boolean {
    return true;
  }

  dispose(): void {
    this.playing = false;
    this.feedListeners.clear();
    this.changeListeners.clear();
  }

  private afterMove(): void {
    const tick = this.cursor.run.state.tick;
    // The graphs get the samples the run passed (precomputed, so identical to a seek's).
    const last = this.history.samples.at(-1)?.t ?? -Infinity;
    for (const s of this.samples) if (s.t > last && s.t <= tick) this.history.samples.push(s);
    const feed = this.cursor.run.state.feed;
    if (feed.length > this.feedSeen) {
      const fresh = feed.slice(this.feedSeen);
      this.feedSeen = feed.length;
      this.feedListeners.forEach((l) => l(fresh));
    }
    this.changeListeners.forEach((l) => l('moment'));
  }
}
