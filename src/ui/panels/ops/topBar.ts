// The Ops top bar: the KST clock with the current pace, clock controls (pause, speed, skip), the
// running score (a button: it opens the score panel) and the way out. Clock changes are commands in the log.
import type { UiContext } from '../../context';
import type { OpsSession } from '../../session/opsSession';
import type { ViewSnapshot } from '../../../game';
import { el } from '../../dom';
import { formatKst, formatNumber, local } from '../../format';

export class TopBar {
  readonly root: HTMLElement;
  private clock: HTMLElement;
  private pace: HTMLElement;
  private state: HTMLElement;
  private score: HTMLButtonElement;
  private pause: HTMLButtonElement;
  private speeds: HTMLButtonElement[];
  private skip: HTMLButtonElement;

  constructor(
    private readonly ctx: UiContext,
    private readonly session: OpsSession,
    /** Absent when this client may not end the shift (a team seat, the projector, a replay). */
    private readonly onEnd: (() => void) | undefined,
    private readonly onQuit: () => void,
    /** Opens the score panel (points, weights and what changed the score). */
    onScore: () => void,
  ) {
    const t = ctx.i18n.t.bind(ctx.i18n);
    this.clock = el('span', { class: 'ops-clock', 'data-testid': 'clock' });
    this.pace = el('span', { class: 'ops-pace' });
    this.state = el('span', { class: 'ops-state', role: 'status' });
    // The running score opens its explanation (S from anywhere; the title names the key).
    this.score = el('button', {
      type: 'button',
      class: 'tool ops-score',
      'data-testid': 'score',
      'aria-keyshortcuts': 'S',
      'aria-haspopup': 'dialog',
    });
    this.score.addEventListener('click', () => onScore());
    this.pause = el('button', {
      type: 'button',
      class: 'tool',
      'data-action': 'pause',
      'aria-keyshortcuts': 'P Space',
    });
    this.pause.addEventListener('click', () => this.togglePause());
    this.speeds = ([1, 2, 4] as const).map((speed, i) => {
      const b = el('button', {
        type: 'button',
        class: 'tool',
        'data-speed': speed,
        'aria-keyshortcuts': String(i + 1),
        text: `×${speed}`,
        title: t('ops.speed', { speed }),
      });
      b.addEventListener('click', () => this.session.command('clock.speed', { speed }));
      return b;
    });
    this.skip = el('button', {
      type: 'button',
      class: 'tool',
      'data-action': 'skip',
      'aria-keyshortcuts': 'N',
      text: t('ops.skip'),
    });
    this.skip.addEventListener('click', () => this.session.command('clock.skip'));
    const end = el('button', {
      type: 'button',
      class: 'tool',
      'data-action': 'end',
      // The facilitator ends the session for every seat, not a shift of their own.
      text: t(session.mode === 'solo' ? 'ops.end' : 'ops.endSession'),
    });
    end.hidden = !onEnd;
    end.addEventListener('click', () => this.onEnd?.());
    const quit = el('button', {
      type: 'button',
      class: 'tool',
      'data-action': 'quit',
      text: t('ops.menu'),
    });
    quit.addEventListener('click', () => this.onQuit());
    const speedGroup = el(
      'span',
      { class: 'speed-group', role: 'group', 'aria-label': t('ops.speed', { speed: '' }) },
      ...this.speeds,
    );
    // Only the clock's owner sees its controls (a team's facilitator; nobody in a replay, whose
    // timeline has its own).
    for (const c of [this.pause, speedGroup, this.skip]) c.hidden = !session.controlsClock;
    this.root = el(
      'header',
      { class: 'ops-top', role: 'toolbar', 'aria-label': t('ops.clock') },
      el('strong', { class: 'ops-title', text: local(ctx.i18n, session.level.meta.title) }),
      this.clock,
      this.pace,
      this.state,
      this.pause,
      speedGroup,
      this.skip,
      this.score,
      end,
      quit,
    );
  }

  togglePause(): void {
    this.session.command(this.session.run.state.clock.paused ? 'clock.resume' : 'clock.pause');
  }

  update(view: ViewSnapshot): void {
    const { i18n } = this.ctx;
    const t = i18n.t.bind(i18n);
    this.clock.textContent = formatKst(i18n, view.tick);
    // The rate the clock actually runs at: the pacing rule's caps applied (src/game/pacing.ts).
    const pace = view.clock.rate;
    this.pace.textContent = t('ops.pace', { pace: formatNumber(i18n, pace, pace < 10 ? 1 : 0) });
    const pausedFor = view.clock.pausedFor;
    this.state.textContent = view.clock.paused
      ? pausedFor !== undefined
        ? t('ops.pausedFor', {
            subject:
              local(i18n, this.session.level.injects.find((i) => i.id === pausedFor)?.subject) ||
              local(i18n, view.activeInjects.find((i) => i.id === pausedFor)?.subject),
          })
        : t('ops.paused')
      : view.clock.skipping
        ? t('ops.skipping')
        : '';
    this.state.title = this.state.textContent;
    this.pause.textContent = view.clock.paused ? t('ops.resume') : t('ops.pause');
    this.pause.setAttribute('aria-pressed', String(view.clock.paused));
    this.speeds.forEach((b) =>
      b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === view.clock.speed)),
    );
    this.skip.disabled = view.clock.skipping || view.ended;
    this.score.textContent = t('ops.score', { score: formatNumber(i18n, view.score.total, 0) });
  }
}
