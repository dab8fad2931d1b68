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
}

export class AudioCues {
  readonly log: CueLogEntry[] = [];
  private readonly howls = new Map<CueName, Howl>();
  private volume = 0.7;
  private muted = false;

  /** Registers a cue from a URL (or an object URL of already-fetched bytes). */
  register(cue: CueName, src: string): void {
    this.howls.get(cue)?.unload();
    this.howls.set(cue, new Howl({ src: [src], format: ['wav'], preload: true }));
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

  play(cue: CueName): CueLogEntry {
    const entry: CueLogEntry = {
      cue,
      at: Math.round(performance.now()),
      muted: this.muted,
      volume: this.volume,
      started: false,
    };
    this.log.push(entry);
    if (this.log.length > 500) this.log.splice(0, this.log.length - 500);
    const howl = this.howls.get(cue);
    if (howl && !this.muted) {
      const id = howl.play();
      howl.volume(CUES[cue].volume, id);
      howl.once('play', () => (entry.started = true), id);
    }
    return entry;
  }
}
