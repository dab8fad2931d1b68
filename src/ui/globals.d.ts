import type { CueLogEntry } from '../audio/audio';

declare global {
  interface Window {
    /** performance.now() when the title menu first became interactive (read by the bench). */
    __titleInteractiveAt?: number;
    /** performance.now() when the Ops screen first became interactive (read by the bench). */
    __opsReadyAt?: number;
    /** Read-only hooks for tests and the bench; never used by the game itself. */
    __app?: {
      screen(): string;
      cueLog(): CueLogEntry[];
      rendererType(): 'WEBGL' | 'CANVAS' | 'UNKNOWN';
      language(): string;
      /** The run that just ended (debrief): score, flags reached, commands sent. */
      finished():
        | { score: number; flags: string[]; commands: string[]; level: string; hash: string }
        | undefined;
      /** The solo run in play: tick, state hash, accepted commands, ended. */
      run(): { tick: number; hash: string; log: number; ended: boolean } | undefined;
      /** A device on the Ops map: where it is drawn (page pixels) and the label beside it. */
      map(id: string): { x: number; y: number; label: string | undefined } | undefined;
      /** The team seat on this page (lobby or Ops): room, seat, connection, end. */
      team():
        | {
            code: string;
            seat: string;
            role: string | null;
            state: string;
            status: string;
            runId: number | null;
            finalHashMatches: boolean | null;
          }
        | undefined;
    };
  }
}

export {};
