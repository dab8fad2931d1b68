// "Pause when a situation arrives": when a new situation (an inject with choices) opens and the
// option is on, the clock's owner pauses with `clock.pause { situation }`, so the log, the feed
// and the top bar say why. Solo uses the player's setting (on by default); in a team session only
// the facilitator runs the clock and has its own setting (off by default).
import type { ViewSnapshot } from '../../game';
import type { OpsSession } from './opsSession';

export class SituationPause {
  private readonly seen = new Set<string>();

  constructor(
    private readonly session: Pick<OpsSession, 'controlsClock' | 'command'>,
    private readonly enabled: () => boolean,
    initial: ViewSnapshot,
  ) {
    // Situations already open when the view opens (a continued run) do not pause it again.
    for (const i of initial.activeInjects) this.seen.add(i.id);
  }

  /** Looks at the latest view; pauses (once) for the first situation it has not seen yet. */
  check(view: ViewSnapshot): void {
    let fresh: string | undefined;
    for (const i of view.activeInjects) {
      if (this.seen.has(i.id)) continue;
      this.seen.add(i.id);
      fresh ??= i.id;
    }
    if (fresh === undefined || view.ended || view.clock.paused) return;
    if (!this.session.controlsClock || !this.enabled()) return;
    this.session.command('clock.pause', { situation: fresh });
  }
}
