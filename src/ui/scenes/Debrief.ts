import { Scene } from 'phaser';
import { UI_CONTEXT_KEY, type UiContext } from '../context';
import { clear, el } from '../dom';
import { formatKstTime, formatNumber, local } from '../format';
import { ghostRun, isoToTick, runScore, SCORE_PARTS, type Run, type Score } from '../../game';

/**
 * Debrief: the score part by part beside the historical response scored the same way (the
 * ghost), and the day's real timeline. (The full after-action review is its own screen.)
 */
export class Debrief extends Scene {
  private ctx: UiContext;
  private ghost?: Score;

  constructor() {
    super('Debrief');
  }

  create(): void {
    this.ctx = this.registry.get(UI_CONTEXT_KEY) as UiContext;
    this.cameras.main.setBackgroundColor('#0b1320');
    const run = this.ctx.finished;
    if (!run) {
      this.ctx.flow.send({ type: 'debrief.done' });
      return;
    }
    const onLanguage = () => this.render(run);
    this.ctx.i18n.on('languageChanged', onLanguage);
    this.events.once('shutdown', () => {
      this.ctx.i18n.off('languageChanged', onLanguage);
      clear(this.ctx.overlay);
    });
    this.ctx.audio.play('confirm');
    this.render(run);
    // The ghost takes a moment to simulate; let the page paint first.
    setTimeout(() => {
      this.ghost = runScore(ghostRun(run.level, run.seed).run);
      if (this.scene.isActive()) this.render(run);
    }, 30);
  }

  private render(run: Run): void {
    const { i18n, audio, flow } = this.ctx;
    const t = i18n.t.bind(i18n);
    const score = runScore(run);
    clear(this.ctx.overlay);
    const rows = [...SCORE_PARTS, 'total' as const].map((part) => {
      const mine = part === 'total' ? score.total : score.parts[part];
      const real = this.ghost
        ? part === 'total'
          ? this.ghost.total
          : this.ghost.parts[part]
        : undefined;
      return el(
        'tr',
        { class: part === 'total' ? 'total' : '' },
        el('th', { scope: 'row', text: t(`parts.${part}`) }),
        el('td', { text: formatNumber(i18n, mine, 1) }),
        el('td', { text: real === undefined ? '…' : formatNumber(i18n, real, 1) }),
      );
    });
    const again = el('button', {
      type: 'button',
      class: 'menu-button',
      'data-testid': 'debrief-done',
      text: t('debrief.again'),
    });
    again.addEventListener('click', () => {
      audio.play('click');
      this.ctx.finished = undefined;
      flow.send({ type: 'debrief.done' });
    });
    const timeline = run.level.history.timeline.map((e) =>
      el(
        'li',
        {},
        el('span', { class: 'when', text: formatKstTime(i18n, isoToTick(e.at) ?? 0) }),
        ` ${local(i18n, e.text)}`,
      ),
    );
    this.ctx.overlay.append(
      el(
        'section',
        { class: 'panel debrief', 'aria-labelledby': 'debrief-heading', 'data-testid': 'debrief' },
        el('h1', {
          id: 'debrief-heading',
          text: `${t('debrief.heading')} — ${local(i18n, run.level.meta.title)}`,
        }),
        el(
          'p',
          { class: 'big-score', 'data-testid': 'final-score' },
          `${t('debrief.score')}: ${formatNumber(i18n, score.total, 1)}`,
          this.ghost
            ? ` · ${t('debrief.history')}: ${formatNumber(i18n, this.ghost.total, 1)}`
            : ` · ${t('debrief.computing')}`,
        ),
        el(
          'table',
          { class: 'score-table' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', { scope: 'col', text: t('debrief.part') }),
              el('th', { scope: 'col', text: t('debrief.you') }),
              el('th', { scope: 'col', text: t('debrief.real') }),
            ),
          ),
          el('tbody', {}, ...rows),
        ),
        el('h2', { text: t('debrief.timeline') }),
        el('ol', { class: 'timeline' }, ...timeline),
        again,
      ),
    );
    again.focus();
  }
}
