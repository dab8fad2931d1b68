// The one wrapper through which the game makes sound (Howler underneath). Views ask for a cue by
// name; the wrapper applies volume and mute and keeps a log of cues, which tests and the
// accessibility audit read (sound is always redundant with something visible).
//
// Howler is not part of the first download: the menus before the game (title, level list,
// briefing) only click and confirm, which a plain audio element plays; Howler (looped ambience,
// per-sound volume, one mixer) is fetched a moment after the first loop is asked for, that is once
// a game is on screen, and then starts the loops asked for meanwhile. Later one-shots use it too.
import type { Howl } from 'howler';
import { CUES, type CueName } from './cues';

type HowlerModule = typeof import('howler');

/** How long after the first loop request Howler is fetched (keeps it off the game's first load). */
const ENGINE_AFTER_MS = 1000;

export interface CueLogEntry {
  cue: CueName;
  /** ms since page load when the cue was requested. */
  at: number;
  muted: boolean;
  volume: number;
  /** Set once the sound actually started (Howler's play event, or the audio element playing). */
  started: boolean;
  /** For looped cues: 'start' or 'stop'. */
  action?: 'start' | 'stop';
}

export class AudioCues {
  readonly log: CueLogEntry[] = [];
  private readonly sources = new Map<CueName, string>();
  private readonly howls = new Map<CueName, Howl>();
  private readonly loops = new Map<CueName, number>();
  private readonly loopLevels = new Map<CueName, number>();
  /** Loops asked for before Howler arrived: their level and log entry, started when it does. */
  private readonly pendingLoops = new Map<CueName, { level: number; entry: CueLogEntry }>();
  private engine?: HowlerModule;
  private engineLoading?: Promise<void>;
  private engineTimer?: ReturnType<typeof setTimeout>;
  private volume = 0.7;
  private muted = false;

  constructor(
    private readonly loadEngine: () => Promise<HowlerModule> = () => import('howler'),
    private readonly engineAfterMs = ENGINE_AFTER_MS,
  ) {}

  /** Registers a cue from a URL (or an object URL of already-fetched bytes). */
  register(cue: CueName, src: string): void {
    this.sources.set(cue, src);
    if (this.engine) this.makeHowl(this.engine, cue, src);
  }

  has(cue: CueName): boolean {
    return this.sources.has(cue);
  }

  /** Whether Howler is in (before that, one-shots play through an audio element). */
  get engineLoaded(): boolean {
    return this.engine !== undefined;
  }

  setVolume(volume: number): void {
    this.volume = Math.min(1, Math.max(0, volume));
    this.engine?.Howler.volume(this.volume);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.engine?.Howler.mute(muted);
  }

  /** Fetches Howler now (if not yet) and resolves once the loops asked for so far have started. */
  ready(): Promise<void> {
    clearTimeout(this.engineTimer);
    this.engineLoading ??= this.loadEngine().then(
      (engine) => this.engineArrived(engine),
      (err: unknown) => {
        this.engineLoading = undefined;
        console.warn('Sound unavailable:', err instanceof Error ? err.message : err);
      },
    );
    return this.engineLoading;
  }

  private engineArrived(engine: HowlerModule): void {
    this.engine = engine;
    engine.Howler.volume(this.volume);
    engine.Howler.mute(this.muted);
    for (const [cue, src] of this.sources) this.makeHowl(engine, cue, src);
    for (const [cue, { level, entry }] of this.pendingLoops) this.startLoop(cue, level, entry);
    this.pendingLoops.clear();
  }

  private makeHowl(engine: HowlerModule, cue: CueName, src: string): void {
    this.howls.get(cue)?.unload();
    this.loops.delete(cue);
    const spec = CUES[cue];
    this.howls.set(
      cue,
      new engine.Howl({
        src: [src],
        format: ['wav'],
        preload: true,
        loop: 'loop' in spec && spec.loop,
      }),
    );
  }

  private record(cue: CueName, action?: 'start' | 'stop'): CueLogEntry {
    const entry: CueLogEntry = {
      cue,
      at: Math.round(performance.now()),
      muted: this.muted,
      volume: this.volume,
      started: false,
      ...(action ? { action } : {}),
    };
    this.log.push(entry);
    if (this.log.length > 500) this.log.splice(0, this.log.length - 500);
    return entry;
  }

  /** Plays a one-shot cue. Howler queues it until the first user gesture unlocks audio; before
   *  Howler is in, an audio element plays it (the menus' clicks answer a gesture anyway). */
  play(cue: CueName): CueLogEntry {
    const entry = this.record(cue);
    if (this.muted) return entry;
    const howl = this.howls.get(cue);
    if (howl) {
      const id = howl.play();
      howl.volume(CUES[cue].volume, id);
      howl.once('play', () => (entry.started = true), id);
    } else if (!this.engine) {
      const src = this.sources.get(cue);
      if (src) this.playElement(src, CUES[cue].volume * this.volume, entry);
    }
    return entry;
  }

  private playElement(src: string, volume: number, entry: CueLogEntry): void {
    const element = new Audio(src);
    element.volume = volume;
    element.play().then(
      () => (entry.started = true),
      () => undefined, // no gesture yet: the cue stays logged as not started
    );
  }

  /** Starts or stops a looped cue; `level` (0..1) scales its volume (e.g. hum following load). */
  setLoop(cue: CueName, on: boolean, level = 1): void {
    if (!this.engine) return this.setPendingLoop(cue, on, level);
    const howl = this.howls.get(cue);
    const playing = this.loops.get(cue);
    if (on && playing === undefined) {
      this.startLoop(cue, level, this.record(cue, 'start'));
    } else if (on && playing !== undefined && howl) {
      if (Math.abs((this.loopLevels.get(cue) ?? 0) - level) > 0.02) {
        howl.volume(this.loopGain(cue, level), playing);
        this.loopLevels.set(cue, level);
      }
    } else if (!on && playing !== undefined) {
      this.record(cue, 'stop');
      howl?.stop(playing);
      this.loops.delete(cue);
    }
  }

  /** Before Howler: remembers the loop (logged as asked for) and has Howler fetched shortly. */
  private setPendingLoop(cue: CueName, on: boolean, level: number): void {
    const pending = this.pendingLoops.get(cue);
    if (on && !pending) {
      this.pendingLoops.set(cue, { level, entry: this.record(cue, 'start') });
      if (!this.engineLoading && this.engineTimer === undefined)
        this.engineTimer = setTimeout(() => void this.ready(), this.engineAfterMs);
    } else if (on && pending) {
      pending.level = level;
    } else if (!on && pending) {
      this.record(cue, 'stop');
      this.pendingLoops.delete(cue);
    }
  }

  private loopGain(cue: CueName, level: number): number {
    return CUES[cue].volume * Math.min(1, Math.max(0, level));
  }

  private startLoop(cue: CueName, level: number, entry: CueLogEntry): void {
    const howl = this.howls.get(cue);
    if (!howl) return;
    const id = howl.play();
    howl.volume(this.loopGain(cue, level), id);
    howl.once('play', () => (entry.started = true), id);
    this.loops.set(cue, id);
    this.loopLevels.set(cue, level);
  }

  isLooping(cue: CueName): boolean {
    return this.loops.has(cue) || this.pendingLoops.has(cue);
  }

  /** Stops every looped cue (leaving a run, pausing). */
  stopLoops(): void {
    for (const cue of [...this.loops.keys(), ...this.pendingLoops.keys()]) this.setLoop(cue, false);
  }
}
