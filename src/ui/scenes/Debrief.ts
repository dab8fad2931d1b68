import { Scene } from 'phaser';
import { UI_CONTEXT_KEY, type UiContext } from '../context';
import { mountHtmlScreen } from './htmlScreen';
import { clear, el } from '../dom';
import { formatKstTime, formatNumber, local } from '../format';
import { isoToTick, runScore, toRunFile, type Run } from '../../game';
import { useFeatureStrings } from '../../i18n';
import type { Aar } from '../../aar/types';
import type { SOURCES as SourceTable } from '../../aar/sources';
import type { ReviewPanel } from '../panels/team/reviewPanel';
import { saveFile } from '../saveFile';

/**
 * Debrief: the score part by part beside the historical response scored the same way (the ghost),
 * the lessons this run teaches with their sources, the day's real timeline, and the downloads: the
 * after-action review (printable HTML, JSON) and the run file anyone can verify.
 */
export class Debrief extends Scene {
  private ctx: UiContext;
  private aar?: Aar;
  private aarError?: string;
  /** The review code is loaded on the debrief only (it is not needed to play). */
  private aarModule?: {
    renderAarHtml: (aar: Aar, lang: 'ko' | 'en') => string;
    SOURCES: typeof SourceTable;
  };
  /** The score's table, history and wording, fetched with the debrief (not needed to play). */
  private scoreModule?: typeof import('../panels/score/scoreView') & {
    namesFromLevel: typeof import('../../aar/scoreWords').namesFromLevel;
  };

  /** A team seat's feedback form or the facilitator's plan editor (fetched for team sessions only). */
  private review?: ReviewPanel;

  constructor() {
    super('Debrief');
  }

  create(): void {
    this.ctx = this.registry.get(UI_CONTEXT_KEY) as UiContext;
    this.cameras.main.setBackgroundColor('#0b1320');
    this.aar = undefined;
    this.aarError = undefined;
    const run = this.ctx.finished;
    if (!run) {
      this.ctx.flow.send({ type: 'debrief.done' });
      return;
    }
    mountHtmlScreen(this, this.ctx, {
      render: () => this.render(run),
      onShutdown: () => {
        this.review?.dispose();
        this.review = undefined;
        // (The team seat's connection, kept for the forms, is closed by the machine as the
        // debrief is left.)
      },
    });
    const seat = this.ctx.endedSeat;
    if (seat)
      void Promise.all([import('../panels/team/reviewPanel'), import('../../aar/renderHtml')])
        .then(([{ mountReviewPanel }, { renderAarHtml }]) =>
          mountReviewPanel(this.ctx, seat, { aar: () => this.aar, renderAarHtml }),
        )
        .then((panel) => {
          this.review = panel;
          if (this.scene.isActive()) this.render(run);
        })
        .catch((err: unknown) => console.warn('Team review unavailable:', err));
    this.ctx.audio.play('confirm');
    this.render(run);
    void Promise.all([
      import('../panels/score/scoreView'),
      import('../../aar/scoreWords'),
      useFeatureStrings(this.ctx.i18n, 'score'),
    ])
      .then(([view, { namesFromLevel }]) => {
        this.scoreModule = { ...view, namesFromLevel };
      })
      .catch((err: unknown) => {
        this.aarError ??= err instanceof Error ? err.message : String(err);
      })
      .finally(() => {
        if (this.scene.isActive()) this.render(run);
      });
    // The review re-verifies the run and plays the ghost: let the page paint first.
    void Promise.all([
      import('../../aar/buildAar'),
      import('../../aar/renderHtml'),
      import('../../aar/sources'),
    ])
      .then(([{ buildAar }, { renderAarHtml }, { SOURCES }]) => {
        this.aarModule = { renderAarHtml, SOURCES };
        this.aar = buildAar(toRunFile(run), run.level);
      })
      .catch((err: unknown) => {
        this.aarError = err instanceof Error ? err.message : String(err);
      })
      .finally(() => {
        if (this.scene.isActive()) this.render(run);
      });
  }

  private render(run: Run): void {
    const { i18n, audio, flow } = this.ctx;
    const t = i18n.t.bind(i18n);
    const score = runScore(run);
    const ghost = this.aar?.score;
    clear(this.ctx.overlay);
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
          ghost
            ? ` · ${t('debrief.history')}: ${formatNumber(i18n, ghost.ghostTotal, 1)}`
            : ` · ${t('debrief.computing')}`,
        ),
        ...this.scorePanel(run),
        el('h2', { text: t('debrief.lessons') }),
        el('ul', { class: 'lessons', 'data-testid': 'lessons' }, ...this.lessonItems()),
        el('h2', { text: t('debrief.timeline') }),
        el('ol', { class: 'timeline' }, ...timeline),
        this.downloads(run),
        again,
      ),
    );
    if (this.review) {
      again.before(this.review.element);
      this.review.refresh();
    }
    // Enter goes back to the title, but the page stays at the top, where the score is.
    again.focus({ preventScroll: true });
  }

  /** Every part as points of 100 with its weight and measured quantity, beside the historical
   *  response's points (aligned number columns); then the false claims and the score's history. */
  private scorePanel(run: Run): HTMLElement[] {
    const { i18n, audio } = this.ctx;
    const t = i18n.t.bind(i18n);
    const lang = i18n.language === 'ko' ? 'ko' : 'en';
    const sm = this.scoreModule;
    if (!sm) return [el('p', { class: 'hint', text: t('debrief.computing') })];
    const ghost = this.aar?.score;
    const names = sm.namesFromLevel(run.level);
    const how = el('button', {
      type: 'button',
      class: 'menu-button',
      'data-testid': 'score-how-open',
      text: t('scorePanel.how'),
    });
    how.addEventListener('click', () => {
      audio.play('click');
      void import('../panels/score/howItWorks').then(({ openHowItWorks }) =>
        openHowItWorks(this.ctx, run.level),
      );
    });
    return [
      el(
        'div',
        { class: 'table-scroll' },
        sm.scoreTable(sm.scoreBreakdown(run.state, run.level), lang, t('parts.total'), {
          label: t('debrief.real'),
          points: (part) => ghost?.parts.find((p) => p.part === part)?.ghost,
          total: ghost?.ghostTotal,
        }),
      ),
      how,
      el('h2', { text: t('scorePanel.falseClaims') }),
      sm.falseClaimList(run.state.outbox, lang, names, t('scorePanel.noFalseClaims')),
      el('h2', { text: t('scorePanel.history') }),
      this.aar?.scoreHistory
        ? sm.historyList(this.aar.scoreHistory, null, lang, names, t('scorePanel.noChanges'))
        : el('p', { class: 'hint', text: t('debrief.computing') }),
    ];
  }

  /** The lessons this run teaches, each with its evidence and sources (or why there are none yet). */
  private lessonItems(): HTMLElement[] {
    const { i18n } = this.ctx;
    const t = i18n.t.bind(i18n);
    if (!this.aar)
      return [
        el('li', {
          class: 'hint',
          text: this.aarError
            ? t('debrief.aarFailed', { reason: this.aarError })
            : t('debrief.computing'),
        }),
      ];
    return this.aar.lessons.map((l) =>
      el(
        'li',
        { class: `lesson ${l.kind}` },
        el('strong', { text: `${l.kind === 'strength' ? '✓' : '△'} ${local(i18n, l.text)}` }),
        el('p', { class: 'hint', text: local(i18n, l.evidence) }),
        el(
          'p',
          { class: 'sources' },
          `${t('debrief.sources')}: `,
          ...l.sources.flatMap((code, i) => [
            i ? '; ' : '',
            el('abbr', { title: this.aarModule?.SOURCES[code] ?? code, text: code }),
          ]),
        ),
      ),
    );
  }

  /** The after-action review (HTML, JSON; once computed) and the run file. */
  private downloads(run: Run): HTMLElement {
    const { i18n, audio } = this.ctx;
    const t = i18n.t.bind(i18n);
    const lang = i18n.language === 'ko' ? 'ko' : 'en';
    const download = (
      label: string,
      testId: string,
      make: () => { name: string; type: string; body: string },
    ) => {
      const b = el('button', {
        type: 'button',
        class: 'menu-button',
        'data-testid': testId,
        text: label,
        disabled: !this.aar && testId !== 'download-run',
      });
      b.addEventListener('click', () => {
        audio.play('click');
        const f = make();
        saveFile(f.name, f.type, f.body);
      });
      return b;
    };
    const base = `1-25-${run.level.meta.id}-${run.seed}`;
    return el(
      'div',
      { class: 'button-row wrap' },
      download(t('debrief.downloadAar'), 'download-aar', () => ({
        name: `${base}-aar.html`,
        type: 'text/html',
        body: this.aarModule!.renderAarHtml(this.aar!, lang),
      })),
      download(t('debrief.downloadAarJson'), 'download-aar-json', () => ({
        name: `${base}-aar.json`,
        type: 'application/json',
        body: JSON.stringify(this.aar, null, 2),
      })),
      download(t('debrief.downloadRun'), 'download-run', () => ({
        name: `${base}-run.json`,
        type: 'application/json',
        body: JSON.stringify(toRunFile(run), null, 2),
      })),
    );
  }
}
