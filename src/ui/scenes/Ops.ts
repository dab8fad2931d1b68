import { Scene } from 'phaser';
import type { FeatureCollection } from 'geojson';
import { UI_CONTEXT_KEY, type UiContext } from '../context';
import { mountModeControls } from '../panels/modeControls';
import { clear, el } from '../dom';
import { formatKst } from '../format';
import { OpsMap } from '../map/OpsMap';
import { MAP_KOREA, MAP_WORLD } from '../map/assets';
import type { KoreaGeo } from '../map/geometry';
import { TopBar } from '../panels/ops/topBar';
import { DevicePanel } from '../panels/ops/devicePanel';
import { MonitorCharts } from '../panels/ops/monitorCharts';
import type { InboxPanel } from '../panels/ops/inboxPanel';
import type { TasksPanel } from '../panels/ops/tasksPanel';
import { LazyPanel } from '../panels/ops/lazyPanel';
import { FeedPanel } from '../panels/ops/feedPanel';
import { SituationPause } from '../session/situationPause';
import { MapLabelCache } from '../map/mapLabels';
import type { FeedItem } from '../session/soloSession';
import type { OpsSession } from '../session/opsSession';
import { recordScore } from '../session/bestScores';
import { runScore } from '../../game';
import { useFeatureStrings } from '../../i18n';
import { wording } from '../panels/ops/disclosure';

const PANEL_EVERY_MS = 250;
/** The tabs hidden at the start are fetched this long after Ops is up if not shown before. */
const PREFETCH_TABS_MS = 1000;
type Tab = 'monitor' | 'inbox' | 'tasks';

/**
 * Ops: the game. The map (Phaser) sits in the layout's map slot; the HTML panels around it hold
 * the clock, devices and actions, monitoring, inbox and tasks, and the event log. Every frame the
 * scene hands real time to the session; panels refresh a few times a second.
 */
export class Ops extends Scene {
  private ctx: UiContext;
  private session: OpsSession;
  private map: OpsMap;
  private slot: HTMLElement;
  private sessionBar: HTMLElement;
  private top: TopBar;
  private devices: DevicePanel;
  private charts: MonitorCharts;
  private inbox: LazyPanel<InboxPanel>;
  private tasks: LazyPanel<TasksPanel>;
  private feed: FeedPanel;
  private tabs: Record<Tab, { button: HTMLButtonElement; panel: HTMLElement }>;
  private sinceRefresh = Infinity;
  private situationPause: SituationPause | undefined;
  private cleanups: (() => void)[] = [];
  private endingSent = false;

  constructor() {
    super('Ops');
  }

  create(): void {
    this.ctx = this.registry.get(UI_CONTEXT_KEY) as UiContext;
    const session = this.ctx.session;
    if (!session) {
      this.ctx.flow.send({ type: 'run.quit' });
      return;
    }
    this.session = session;
    this.endingSent = false;
    // Solo: the player's setting; a team: the facilitator's own (the one who runs the clock).
    const settings = this.ctx.settings;
    this.situationPause = new SituationPause(
      session,
      () =>
        session.mode === 'solo'
          ? settings.get().pauseOnSituation
          : settings.get().pauseOnSituationTeam,
      session.view(true),
    );
    // No camera background: the game's clear colour is the same #0b1320, and a camera fill is one
    // more canvas-sized quad every frame, which software WebGL pays for pixel by pixel.
    this.buildLayout();
    this.map = new OpsMap(
      this,
      session.level.engine.network,
      this.cache.json.get(MAP_KOREA) as KoreaGeo,
      this.cache.json.get(MAP_WORLD) as FeatureCollection,
    );
    this.layoutMap();
    this.ctx.map = {
      pointOf: (id) => {
        const p = this.map.positionOf(id);
        if (!p) return undefined;
        const game = this.game.canvas.getBoundingClientRect();
        return {
          x: game.left + (p.x * game.width) / this.scale.width,
          y: game.top + (p.y * game.height) / this.scale.height,
        };
      },
      labelOf: (id) => this.map.labelText(id),
    };
    this.cleanups.push(() => (this.ctx.map = undefined));
    this.cleanups.push(mountModeControls(session, this.sessionBar, this.ctx));
    // The machine may put another session in this one's place while the screen stays Ops (a replay
    // taken over becomes a solo run): the views are then built again for it.
    const sub = this.ctx.flow.subscribe(({ context }) => {
      if (context.session && context.session !== session && this.scene.isActive())
        this.scene.restart();
    });
    this.cleanups.push(() => sub.unsubscribe());
    this.scale.on('resize', this.layoutMap, this);
    this.cleanups.push(() => this.scale.off('resize', this.layoutMap, this));
    // The slot also moves when the panels around it change size (a wrapped top bar, a font load).
    const observer = new ResizeObserver(() => this.layoutMap());
    observer.observe(this.slot);
    this.cleanups.push(() => observer.disconnect());
    // On a phone the one-column layout scrolls: the map follows its slot (capture: scroll does
    // not bubble).
    this.ctx.overlay.addEventListener('scroll', this.layoutMap, true);
    this.cleanups.push(() => this.ctx.overlay.removeEventListener('scroll', this.layoutMap, true));
    this.input.on('pointerdown', (p: { x: number; y: number }) => {
      const hit = this.map.hitTest(p.x, p.y);
      if (hit) {
        this.ctx.audio.play('click');
        this.devices.choose(hit);
      }
    });
    this.cleanups.push(
      session.onFeed((items) => {
        this.feed.add(items);
        this.nameFalseClaims(items);
      }),
    );
    // A run taken over from a replay or continued from a save opens with its recent events, not
    // an empty log.
    if (session.mode === 'solo') this.feed.add(session.run.state.feed.slice(-30));
    const onKey = (e: KeyboardEvent) => this.onKey(e);
    // Capture phase: the device list's type-ahead would otherwise swallow letter and digit keys.
    document.addEventListener('keydown', onKey, true);
    this.cleanups.push(() => document.removeEventListener('keydown', onKey, true));
    const onHide = () => session.save();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    this.cleanups.push(() => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    });
    this.events.once('shutdown', () => {
      this.cleanups.splice(0).forEach((c) => c());
      this.charts?.destroy();
      this.map?.destroy();
      clear(this.ctx.overlay);
    });
    this.refresh(true);
    this.devices.select.focus();
    const prefetch = setTimeout(() => {
      for (const body of [this.inbox, this.tasks]) body.ensure().catch(() => undefined);
    }, PREFETCH_TABS_MS);
    this.cleanups.push(() => clearTimeout(prefetch));
    window.__opsReadyAt ??= performance.now();
  }

  override update(_time: number, delta: number): void {
    if (!this.session) return;
    this.session.frame(delta);
    this.situationPause?.check(this.session.view());
    const view = this.session.view();
    this.map.draw(
      {
        view,
        truth: this.session.truth(),
        history: this.session.history.samples,
        selected: this.devices.selectedId(),
        reducedMotion: this.ctx.settings.get().reducedMotion,
        labels: this.labels(),
        insetTitle: this.ctx.i18n.t('ops.worldInset', wording(view.flags)),
        textScale: this.ctx.settings.get().textScale,
      },
      delta,
    );
    this.sinceRefresh += delta;
    if (this.sinceRefresh >= PANEL_EVERY_MS) this.refresh();
    // A replay stays on its last moment; every other mode goes on to the debrief.
    if (this.session.ended && !this.endingSent && this.session.mode !== 'replay') this.finish();
  }

  private readonly labelCache = new MapLabelCache();
  private labels(): Record<string, string> {
    return this.labelCache.get(this.ctx, this.session.level);
  }

  private refresh(force = false): void {
    this.sinceRefresh = 0;
    const view = this.session.view(force);
    this.top.update(view);
    this.devices.update(view);
    if (!this.tabs.monitor.panel.hidden) this.charts.update(this.session.history.samples, force);
    if (!this.tabs.inbox.panel.hidden || force) this.inbox.panel?.update(view);
    if (!this.tabs.tasks.panel.hidden || force) this.tasks.panel?.update(view);
    const waiting = view.activeInjects.length;
    this.tabs.inbox.button.textContent = `${this.ctx.i18n.t('ops.inbox')}${waiting ? ` (${waiting})` : ''}`;
    this.tabs.inbox.button.classList.toggle('attention', waiting > 0);
  }

  /** Feedback for the player's own command: a refusal goes to the log with its reason (an
   *  accepted command shows up there by itself, as the task it starts). */
  private report = (ok: boolean, text: string): void => {
    if (!ok) this.feed.note(text, ok, this.session.run.state.tick);
    this.refresh(true);
  };

  private buildLayout(): void {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    clear(this.ctx.overlay);
    this.top = new TopBar(
      this.ctx,
      this.session,
      this.session.endShift ? () => this.endShift() : undefined,
      () => this.quit(),
      () => this.openScore(),
    );
    this.devices = new DevicePanel(this.ctx, this.session, this.report);
    this.charts = new MonitorCharts(this.ctx, this.session.level);
    const session = this.session;
    // Hidden at the start: their code comes when first shown (or a moment after Ops is up).
    const loading = t('ops.panelLoading');
    const failed = (err: unknown) =>
      this.feed.note(
        err instanceof Error ? err.message : String(err),
        false,
        session.run.state.tick,
      );
    this.inbox = new LazyPanel(
      () =>
        import('../panels/ops/inboxPanel').then(
          ({ InboxPanel }) => new InboxPanel(this.ctx, session, this.report),
        ),
      loading,
      failed,
    );
    this.tasks = new LazyPanel(
      () =>
        import('../panels/ops/tasksPanel').then(
          ({ TasksPanel }) => new TasksPanel(this.ctx, session, this.report),
        ),
      loading,
      failed,
    );
    this.feed = new FeedPanel(
      this.ctx,
      session.level,
      session.feedText ? (item) => session.feedText?.(item, this.ctx.i18n) : undefined,
      (id) =>
        session.run.state.tasks.find((x) => x.id === id)?.command.args as
          Record<string, unknown> | undefined,
      () => session.run.state.flags,
    );
    this.slot = el('div', { class: 'ops-map-slot', id: 'ops-map-slot', 'aria-hidden': 'true' });
    const tab = (id: Tab, label: string, key: string, panel: HTMLElement) => {
      const button = el('button', {
        type: 'button',
        role: 'tab',
        id: `tab-${id}`,
        'aria-controls': `panel-${id}`,
        'aria-keyshortcuts': key,
        text: label,
      });
      const wrapper = el(
        'div',
        { role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, class: 'tab-panel' },
        panel,
      );
      button.addEventListener('click', () => this.showTab(id));
      return { button, panel: wrapper };
    };
    this.tabs = {
      monitor: tab('monitor', t('ops.monitoring'), 'M', this.charts.root),
      inbox: tab('inbox', t('ops.inbox'), 'I', this.inbox.root),
      tasks: tab('tasks', t('ops.tasks'), 'T', this.tasks.root),
    };
    const help = el('button', {
      type: 'button',
      class: 'tool help-button',
      'aria-keyshortcuts': '?',
      text: `? ${t('ops.help')}`,
    });
    help.addEventListener('click', () => this.openHelp());
    const side = el(
      'section',
      { class: 'ops-side panel-flat' },
      el(
        'div',
        { class: 'tab-row' },
        el(
          'div',
          { role: 'tablist', 'aria-label': t('ops.monitoring') },
          ...Object.values(this.tabs).map((x) => x.button),
        ),
        help,
      ),
      ...Object.values(this.tabs).map((x) => x.panel),
    );
    this.sessionBar = el('div', { class: 'ops-session-bar' });
    this.ctx.overlay.append(
      el(
        'div',
        { class: 'ops-layout', 'data-testid': 'ops', 'data-mode': this.session.mode },
        this.top.root,
        this.sessionBar,
        this.devices.root,
        this.slot,
        side,
        this.feed.root,
      ),
    );
    this.showTab('monitor');
  }

  private showTab(id: Tab): void {
    for (const [key, { button, panel }] of Object.entries(this.tabs) as [
      Tab,
      { button: HTMLButtonElement; panel: HTMLElement },
    ][]) {
      const on = key === id;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      panel.hidden = !on;
    }
    this.refresh(true);
    const body = id === 'inbox' ? this.inbox : id === 'tasks' ? this.tasks : undefined;
    if (body && !body.panel)
      body.ensure().then(
        () => this.refresh(true),
        () => undefined,
      );
  }

  private layoutMap = (): void => {
    const game = this.game.canvas.getBoundingClientRect();
    const r = this.slot.getBoundingClientRect();
    const sx = this.scale.width / (game.width || 1);
    const sy = this.scale.height / (game.height || 1);
    this.map.layout({
      x: (r.left - game.left) * sx,
      y: (r.top - game.top) * sy,
      width: r.width * sx,
      height: r.height * sy,
    });
  };

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    // In text fields every key is typing; in the device list only arrows/Enter belong to the list,
    // so the game's shortcuts keep working from where focus lands.
    const typing =
      !!target &&
      (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
    if (document.querySelector('dialog[open]')) return;
    const key = e.key;
    // Space belongs to a focused control; P pauses from anywhere.
    if (key === ' ' && (typing || target?.tagName === 'BUTTON' || target?.tagName === 'SELECT'))
      return;
    if (target?.tagName === 'SELECT' && target.id !== 'device-select') return;
    if (typing && key !== 'Escape') return;
    const speeds: Record<string, number> = { '1': 1, '2': 2, '3': 4 };
    const clock = this.session.controlsClock;
    if (clock && (key === ' ' || key === 'p' || key === 'P')) {
      e.preventDefault();
      this.top.togglePause();
    } else if (clock && key in speeds) {
      this.session.command('clock.speed', { speed: speeds[key] });
    } else if (clock && (key === 'n' || key === 'N')) {
      this.session.command('clock.skip');
    } else if (key === 'd' || key === 'D') {
      e.preventDefault();
      this.devices.select.focus();
    } else if (key === 'm' || key === 'M') {
      this.showTab('monitor');
      this.tabs.monitor.button.focus();
    } else if (key === 'i' || key === 'I') {
      this.showTab('inbox');
      this.focusInbox();
    } else if (key === 't' || key === 'T') {
      this.showTab('tasks');
      this.tabs.tasks.button.focus();
    } else if (key === 's' || key === 'S') {
      this.openScore();
    } else if (key === '?') {
      this.openHelp();
    } else return;
    e.preventDefault();
    this.refresh(true);
  }

  /** The first open situation's first choice, else the inbox tab (once the inbox has arrived, if
   *  the player is still there). */
  private focusInbox(): void {
    const button = this.tabs.inbox.button;
    if (this.inbox.panel?.focusFirst()) return;
    button.focus();
    if (this.inbox.panel) return;
    this.inbox.ensure().then(
      (inbox) => {
        if (document.activeElement === button) inbox.focusFirst();
      },
      () => undefined,
    );
  }

  /** A message whose claims were false when it landed: the event log names each with the truth. */
  private nameFalseClaims(items: readonly FeedItem[]): void {
    const sent = items.filter((i) => i.kind === 'comms.sent' && Number(i.params.falseClaims) > 0);
    if (sent.length === 0) return;
    const session = this.session;
    Promise.all([import('../panels/score/claimWarning'), useFeatureStrings(this.ctx.i18n, 'score')])
      .then(([{ falseClaimLines }]) => {
        for (const item of sent) {
          const m = session.run.state.outbox.find(
            (x) => x.tick === item.tick && x.to === item.params.to && x.falseClaims.length > 0,
          );
          if (!m) continue;
          for (const line of falseClaimLines(this.ctx, session.level, m))
            this.feed.note(line, false, m.tick);
        }
      })
      .catch(() => {
        // The plain "message sent" line stays; the score panel names the claim too.
      });
  }

  /** The score panel and its strings are fetched when first opened (not needed to start playing). */
  private openScore(): void {
    Promise.all([import('../panels/score/scorePanel'), useFeatureStrings(this.ctx.i18n, 'score')])
      .then(([{ openScorePanel }]) => openScorePanel(this.ctx, this.session))
      .catch((err: unknown) => {
        this.feed.note(
          err instanceof Error ? err.message : String(err),
          false,
          this.session.run.state.tick,
        );
      });
  }

  /** The keyboard help is fetched when first asked for: it is not needed to start playing. */
  private openHelp(): void {
    Promise.all([import('../panels/ops/helpDialog'), useFeatureStrings(this.ctx.i18n, 'shortcuts')])
      .then(([{ openHelp }]) => openHelp(this.ctx))
      .catch((err: unknown) => {
        this.feed.note(
          err instanceof Error ? err.message : String(err),
          false,
          this.session.run.state.tick,
        );
      });
  }

  /** Ending early simulates the rest of the day: the player is told so before it happens. */
  private endShift(): void {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    const team = this.session.mode !== 'solo';
    const end = formatKst(this.ctx.i18n, this.session.run.state.endTick, false);
    // The dialog's code is fetched when first needed (it is not needed to start playing).
    void import('../panels/confirmDialog')
      .then(({ confirmDialog }) =>
        confirmDialog(this.ctx.overlay, {
          heading: t(team ? 'ops.endSessionHeading' : 'ops.endHeading'),
          body: t(team ? 'ops.endSessionConfirm' : 'ops.endConfirm', { end }),
          confirm: t('ops.endYes'),
          cancel: t('ops.endNo'),
        }),
      )
      .then((yes) => {
        if (!yes || !this.session || this.endingSent) return;
        this.session.endShift?.();
        if (this.session.ended) this.finish();
      })
      .catch((err: unknown) => {
        this.feed.note(
          err instanceof Error ? err.message : String(err),
          false,
          this.session.run.state.tick,
        );
      });
  }

  private finish(): void {
    this.endingSent = true;
    this.ctx.finished = this.session.run;
    const score = runScore(this.session.run).total;
    const finishedAt = new Date().toISOString();
    recordScore(window.localStorage, {
      levelId: this.session.level.meta.id,
      score,
      finishedAt,
      seed: this.session.run.seed,
    });
    // The run library keeps the run file itself (export, server submission, later replay). Its
    // module (and IndexedDB's wrapper), like the run file's writer, is fetched here, at the end of
    // a run, not before the game. The finished run is an immutable value, so writing it later is
    // the same file.
    const run = this.session.run;
    Promise.all([import('../session/runLibrary'), import('../../game/runFile')])
      .then(([{ runLibrary }, { toRunFile }]) =>
        runLibrary.put(toRunFile(run), {
          source: 'played',
          verified: { ok: true, score },
          savedAt: finishedAt,
        }),
      )
      .catch((err: unknown) => {
        console.warn('Run library unavailable:', err instanceof Error ? err.message : err);
      });
    // The machine ends the session: a team seat stays connected for the debrief's forms.
    this.ctx.flow.send({ type: 'run.end' });
  }

  private quit(): void {
    // A replay goes back to the run library it was opened from; a run goes back to the title.
    // (The machine disposes of the session as it leaves the screen.)
    const replay = this.session.mode === 'replay';
    this.ctx.flow.send({ type: replay ? 'nav.back' : 'run.quit' });
  }
}
