import { Scene } from 'phaser';
import { UI_CONTEXT_KEY, type UiContext } from '../context';
import { clear, el } from '../dom';
import { loadLevelSummaries, type LevelSummary } from '../levelCatalog';

/** LevelSelect: the organisations the player can run, read from the shipped level files. */
export class LevelSelect extends Scene {
  private ctx: UiContext;

  constructor() {
    super('LevelSelect');
  }

  create(): void {
    this.ctx = this.registry.get(UI_CONTEXT_KEY) as UiContext;
    this.cameras.main.setBackgroundColor('#0b1320');
    const onLanguage = () => this.render(summaries);
    let summaries: LevelSummary[] = [];
    this.ctx.i18n.on('languageChanged', onLanguage);
    this.events.once('shutdown', () => {
      this.ctx.i18n.off('languageChanged', onLanguage);
      clear(this.ctx.overlay);
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
    const items = levels.map((level) =>
      el(
        'button',
        { class: 'menu-button', type: 'button', disabled: true, 'data-level': level.id },
        level.title[lang],
        el('span', {
          class: 'hint',
          text: `${t(level.organisation === 'enterprise' ? 'levelSelect.enterprise' : 'levelSelect.isp')} · ${t('menu.comingLater')}`,
        }),
      ),
    );
    this.ctx.overlay.append(
      el(
        'section',
        { class: 'panel level-list', 'aria-labelledby': 'level-heading' },
        el('h2', { id: 'level-heading', text: t('levelSelect.heading') }),
        ...items,
        back,
      ),
    );
    back.focus();
  }
}
