// The one wrapper through which the game makes sound (Howler underneath). Views ask for a cue by
// name; the wrapper applies volume and mute and keeps a log of cues, which tests and the
// accessibility audit read (sound is always redundant with something visible).
import { Howl, Howler } from 'howler';
import { CUES, type CueName } from './cues';

export interface CueLogEntry {
  cue: CueName;
  /** ms since page load when the cue was requested. */
  at: number;
  muted: boolean;
  volume: number;
  /** Set once Howler reports the sound actually started. */
  started: boolean;
  /** For looped cues: 'start' or 'stop'. */
  action?: 'start' | 'stop';
}

export class AudioCues {
  readonly log: CueLogEntry[] = [];
  private readonly howls = new Map<CueName, Howl>();
  private readonly loops = new Map<CueName, number>();
  private readonly loopLevels = new Map<CueName, number>();
  private volume = 0.7;
  private muted = false;

  /** Registers a cue from a URL (or an object URL of already-fetched bytes). */
  register(cue: CueName, src: string): void {
    this.howls.get(cue)?.unload();
    this.loops.delete(cue);
    const spec = CUES[cue];
    this.howls.set(
      cue,
      new Howl({ src: [src], format: ['wav'], preload: true, loop: 'loop' in spec && spec.loop }),
    );
  }

  has(cue: CueName): boolean {
    return this.howls.has(cue);
  }

  setVolume(volume: number): void {
    this.volume = Math.min(1, Math.max(0, volume));
    Howler.volume(this.volume);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    Howler.mute(muted);
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

  /** Plays a one-shot cue. Howler queues it until the first user gesture unlocks audio. */
  play(cue: CueName): CueLogEntry {
    const entry = this.record(cue);
    const howl = this.howls.get(cue);
    if (howl && !this.muted) {
      const id = howl.play();
      howl.volume(CUES[cue].volume, id);
      howl.once('play', () => (entry.started = true), id);
    }
    return entry;
  }

  /** Starts or stops a looped cue; `level` (0..1) scales its volume (e.g. hum following load). */
  setLoop(cue: CueName, on: boolean, level = 1): void {
    const howl = this.howls.get(cue);
    const playing = this.loops.get(cue);
    const gain = CUES[cue].volume * Math.min(1, Math.max(0, level));
    if (on && playing === undefined) {
      const entry = this.record(cue, 'start');
      if (!howl) return;
      const id = howl.play();
      howl.volume(gain, id);
      howl.once('play', () => (entry.started = true), id);
      this.loops.set(cue, id);
      this.loopLevels.set(cue, level);
    } else if (on && playing !== undefined && howl) {
      if (Math.abs((this.loopLevels.get(cue) ?? 0) - level) > 0.02) {
        howl.volume(gain, playing);
        this.loopLevels.set(cue, level);
      }
    } else if (!on && playing !== undefined) {
      this.record(cue, 'stop');
      howl?.stop(playing);
      this.loops.delete(cue);
    }
  }

  isLooping(cue: CueName): boolean {
    return this.loops.has(cue);
  }

  /** Stops every looped cue (leaving a run, pausing). */
  stopLoops(): void {
    for (const cue of [...this.loops.keys()]) this.setLoop(cue, false);
  }
}
