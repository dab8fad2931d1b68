import { Scene } from 'phaser';
import { UI_CONTEXT_KEY, type UiContext } from '../context';
import { mountHtmlScreen } from './htmlScreen';
import { clear, el } from '../dom';
import { loadLevelSummaries, type LevelSummary } from '../levelCatalog';
import { bestScore } from '../session/bestScores';

/** LevelSelect: the organisations the player can run, read from the shipped level files. */
export class LevelSelect extends Scene {
  private ctx: UiContext;

  constructor() {
    super('LevelSelect');
  }

  create(): void {
    this.ctx = this.registry.get(UI_CONTEXT_KEY) as UiContext;
    this.cameras.main.setBackgroundColor('#0b1320');
    let summaries: LevelSummary[] = [];
    // Escape goes back, as the Back button does.
    mountHtmlScreen(this, this.ctx, {
      render: () => this.render(summaries),
      onEscape: () => this.ctx.flow.send({ type: 'nav.back' }),
    });
    this.render([]);
    void loadLevelSummaries().then((list) => {
      summaries = list;
      if (this.scene.isActive()) this.render(list);
    });
  }

  private render(levels: LevelSummary[]): void {
    const { i18n, flow, audio } = this.ctx;
    const t = i18n.t.bind(i18n);
    const lang = i18n.language === 'ko' ? 'ko' : 'en';
    clear(this.ctx.overlay);
    const back = el('button', {
      class: 'menu-button',
      type: 'button',
      text: t('levelSelect.back'),
    });
    back.addEventListener('click', () => {
      audio.play('click');
      flow.send({ type: 'nav.back' });
    });
    const items = levels.map((level) => {
      const button = el(
        'button',
        { class: 'menu-button', type: 'button', 'data-level': level.id },
        level.title[lang],
        el('span', {
          class: 'hint',
          text: [
            t(level.organisation === 'enterprise' ? 'levelSelect.enterprise' : 'levelSelect.isp'),
            level.difficulty
              ? t('levelSelect.difficulty', { level: t(`levelSelect.${level.difficulty}`) })
              : '',
            level.summary?.[lang] ?? '',
            ((best) => (best ? t('levelSelect.best', { score: best.score }) : ''))(
              bestScore(window.localStorage, level.id),
            ),
          ]
            .filter(Boolean)
            .join(' · '),
        }),
      );
      button.addEventListener('click', () => {
        audio.play('click');
        flow.send({ type: 'level.choose', levelId: level.id });
      });
      return button;
    });
    this.ctx.overlay.append(
      el(
        'section',
        { class: 'panel level-list', 'aria-labelledby': 'level-heading' },
        el('h2', { id: 'level-heading', text: t('levelSelect.heading') }),
        ...items,
        back,
      ),
    );
    (items[0] ?? back).focus();
  }
}
