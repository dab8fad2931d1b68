// The controls each kind of session brings into the Ops layout — the replay timeline, a team
// seat's banner with the facilitator's console or the projector's role strip — mounted by Ops.
// Sessions expose state and commands and know nothing of panels (no import runs from a session to
// its controls), and each mode's controls arrive with that mode's own chunk.
import type { UiContext } from '../context';
import type { AnySession } from '../session/anySession';

/** Mounts the session's controls into `host` (after their code loads); returns a clean-up. */
export function mountModeControls(
  session: AnySession,
  host: HTMLElement,
  ctx: UiContext,
): () => void {
  let disposed = false;
  let unmount: (() => void) | undefined;
  const mount = (fn: () => () => void) => {
    if (!disposed) unmount = fn();
  };
  switch (session.mode) {
    case 'replay':
      // The controls (and uPlot for the ghost chart) load with the viewer, not with the game.
      void import('./replay/replayControls').then(({ mountReplayControls }) =>
        mount(() => mountReplayControls(host, ctx, session)),
      );
      break;
    case 'team':
    case 'projector':
      void import('./team/console').then(({ mountTeamControls }) =>
        mount(() => mountTeamControls(host, ctx, session)),
      );
      break;
    case 'solo':
      break;
  }
  return () => {
    disposed = true;
    unmount?.();
  };
}
