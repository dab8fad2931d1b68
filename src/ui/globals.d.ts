import type { TestHooks } from '../testHooks';

declare global {
  interface Window {
    /** performance.now() when the title menu first became interactive (read by the bench). */
    __titleInteractiveAt?: number;
    /** performance.now() when the Ops screen first became interactive (read by the bench). */
    __opsReadyAt?: number;
    /** Read-only hooks for tests and the bench (src/testHooks.ts); never used by the game itself. */
    __app?: TestHooks;
  }
}

export {};
