import { Scene } from 'phaser';
import { UI_CONTEXT_KEY, type UiContext } from '../context';
import { mountHtmlScreen } from './htmlScreen';
import { clear, el } from '../dom';
import { formatKst, local } from '../format';
import { loadLevel } from '../session/levels';
import { createRun, isoToTick, snapshotView, type Level } from '../../game';
import { metrics } from '../../engine';
import type { FeatureCollection } from 'geojson';
import { OpsMap } from '../map/OpsMap';
import { MAP_KOREA, MAP_WORLD } from '../map/assets';
import type { KoreaGeo } from '../map/geometry';
import { deviceLabel } from '../panels/ops/labels';
import { mapLabelsFor } from '../map/mapLabels';

/** A fresh seed for a new run (views may use the browser's randomness; the core may not). */
function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

/**
 * Briefing: the situation at 14:00 KST on Saturday 25 January 2003, the objectives, who is on
 * duty and who can be called in. Start asks the app-flow machine for a new solo run.
 */
export class Briefing extends Scene {
  private ctx: UiContext;
  private level?: Level;
  private map?: OpsMap;
  private selected?: string;

  constructor() {
    super('Briefing');
  }

  create(): void {
    this.ctx = this.registry.get(UI_CONTEXT_KEY) as UiContext;
    this.cameras.main.setBackgroundColor('#0b1320');
    const id = this.ctx.flow.getSnapshot().context.levelId ?? '';
    // Escape goes back, as the Back button does.
    mountHtmlScreen(this, this.ctx, {
      render: () => this.render(),
      onEscape: () => this.ctx.flow.send({ type: 'nav.back' }),
      onShutdown: () => {
        this.map?.destroy();
        this.map = undefined;
      },
    });
    this.renderMessage(this.ctx.i18n.t('briefing.loading'));
    void loadLevel(id).then((res) => {
      if (!this.scene.isActive()) return;
      if (!res.ok) {
        this.renderMessage(this.ctx.i18n.t('briefing.levelError', { reason: res.error }), true);
        return;
      }
      this.level = res.level;
      this.render();
    });
  }

  private renderMessage(text: string, error = false): void {
    clear(this.ctx.overlay);
    const back = el('button', {
      type: 'button',
      class: 'menu-button',
      text: this.ctx.i18n.t('briefing.back'),
    });
    back.addEventListener('click', () => this.ctx.flow.send({ type: 'nav.back' }));
    this.ctx.overlay.append(
      el(
        'section',
        { class: 'panel briefing', role: error ? 'alert' : 'status' },
        el('p', { text }),
        back,
      ),
    );
    back.focus();
  }

  private render(): void {
    const level = this.level;
    if (!level) return;
    const { i18n, audio, flow } = this.ctx;
    const t = i18n.t.bind(i18n);
    clear(this.ctx.overlay);
    const onDuty = level.staff.filter((s) => s.onDuty);
    const onCall = level.staff.filter((s) => !s.onDuty);
    const start = el('button', {
      type: 'button',
      class: 'menu-button primary',
      'data-testid': 'briefing-start',
      text: t('briefing.start'),
    });
    start.addEventListener('click', () => {
      audio.play('confirm');
      flow.send({ type: 'solo.start', level, seed: newSeed() });
    });
    const back = el('button', { type: 'button', class: 'menu-button', text: t('briefing.back') });
    back.addEventListener('click', () => {
      audio.play('click');
      flow.send({ type: 'nav.back' });
    });
    const staffItem = (s: Level['staff'][number]) =>
      el(
        'li',
        {},
        `${local(i18n, s.name)} · ${t(`skills.${s.skill}`)}`,
        s.onDuty ? '' : ` — ${t('briefing.arrivesIn', { min: s.callInMin })}`,
      );
    this.ctx.overlay.append(
      el(
        'section',
        {
          class: 'panel briefing',
          'aria-labelledby': 'briefing-heading',
          'data-testid': 'briefing',
        },
        el('h1', {
          id: 'briefing-heading',
          text: `${t('briefing.heading')} — ${local(i18n, level.meta.title)}`,
        }),
        el('p', { class: 'when', text: formatKst(i18n, isoToTick(level.meta.start) ?? 0, false) }),
        el('h2', { text: t('briefing.situation') }),
        el('p', { class: 'briefing-text', text: local(i18n, level.meta.briefing) }),
        el('h2', { text: t('briefing.objectives') }),
        el(
          'ul',
          {},
          ...t('briefing.objectiveList')
            .split(' · ')
            .map((o) => el('li', { text: o })),
        ),
        el(
          'div',
          { class: 'staff-columns' },
          el(
            'div',
            {},
            el('h2', { text: t('briefing.staffOnDuty') }),
            el('ul', {}, ...onDuty.map(staffItem)),
          ),
          el(
            'div',
            {},
            el('h2', { text: t('briefing.staffOnCall') }),
            el('ul', {}, ...onCall.map(staffItem)),
          ),
        ),
        el('h2', { text: t('briefing.map') }),
        el('ul', { class: 'site-walk' }, ...this.walkItems()),
        el('div', { class: 'button-row' }, start, back),
      ),
      el('div', { class: 'briefing-map-slot', 'aria-hidden': 'true' }),
    );
    this.drawMap();
    // Start is at the bottom of a long text: focusing it must not scroll the story out of view.
    start.focus({ preventScroll: true });
    const panel = this.ctx.overlay.querySelector<HTMLElement>('[data-testid="briefing"]');
    if (panel) panel.scrollTop = 0;
  }

  /** The walk over the map: each site as a button that shows it on the map. */
  private walkItems(): HTMLElement[] {
    const level = this.level!;
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    return level.engine.network.nodes
      .filter((n) => n.kind !== 'internet' && n.kind !== 'customer')
      .map((n) => {
        const b = el('button', {
          type: 'button',
          class: 'site',
          'data-site': n.id,
          text: `${deviceLabel(this.ctx, level, n.id)} · ${t(`kinds.${n.kind}`)}`,
        });
        const show = () => {
          this.selected = n.id;
          this.drawMap();
        };
        b.addEventListener('focus', show);
        b.addEventListener('click', show);
        return el('li', {}, b);
      });
  }

  /** The network at 14:00 as the Ops map will show it (a fresh run's first snapshot). */
  private drawMap(): void {
    const level = this.level;
    const slot = this.ctx.overlay.querySelector<HTMLElement>('.briefing-map-slot');
    if (!level || !slot) return;
    if (!this.map) {
      this.map = new OpsMap(
        this,
        level.engine.network,
        this.cache.json.get(MAP_KOREA) as KoreaGeo,
        this.cache.json.get(MAP_WORLD) as FeatureCollection,
      );
    }
    const r = slot.getBoundingClientRect();
    const game = this.game.canvas.getBoundingClientRect();
    this.map.layout({
      x: r.left - game.left,
      y: r.top - game.top,
      width: r.width,
      height: r.height,
    });
    const run = createRun(level, 1);
    const labels = mapLabelsFor(this.ctx, level);
    this.map.draw(
      {
        view: snapshotView(run),
        truth: metrics(run.state.engine),
        history: [],
        selected: this.selected,
        reducedMotion: true,
        labels,
        // 14:00, before anything is known: the inset is worded by what is seen (disclosure.ts).
        insetTitle: this.ctx.i18n.t('ops.worldInset', { context: 'observed' }),
        textScale: this.ctx.settings.get().textScale,
      },
      0,
    );
  }
}
