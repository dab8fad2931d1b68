// The exercise console (docs/TEAMS.md "Exercises"): create an exercise or open one with its code
// and controller token, then every room side by side — clock, a mini outage curve, who plays
// what (bots marked), last actions, warnings — controls for all rooms at once, and at the end a
// comparison board beside the historical response, exportable as CSV. Fetched on first use from
// the title menu (with its strings, the `exercise` string feature); polls the server every 2 s.
import type { i18n } from 'i18next';
import { useFeatureStrings } from '../../../i18n';
import type { UiContext } from '../../context';
import { clear, el } from '../../dom';
import { loadLevelSummaries } from '../../levelCatalog';
import { formatKstTime } from '../../format';
import { tickToClock } from '../../../game/simTime';
import {
  EXERCISE_TEAMS_MAX,
  type CreateExerciseResponse,
  type ExerciseAction,
  type ExerciseRoomStatus,
  type ExerciseStatus,
} from '../../../net/exerciseProtocol';
import { BOT_KINDS, SEAT_ROLES, type BotKind, type SeatRole } from '../../../net/protocol';
import { createExercise, exerciseAction, exerciseStatus, type ApiResult } from './exerciseApi';
import {
  boardCsv,
  boardRows,
  KEY_FLAGS,
  keyTime,
  partNames,
  stillRunning,
} from './comparisonBoard';
import { outageCurve } from './outageCurve';
import './exerciseConsole.css';
import { saveFile } from '../../saveFile';

const POLL_MS = 2000;
const STORE_KEY = 'one-twenty-five.exercise';

interface Controller {
  code: string;
  token: string;
}

/** Opens the console over the title; `back` redraws the title menu. */
export async function openExerciseConsole(ctx: UiContext, back: () => void): Promise<void> {
  await Promise.all([
    useFeatureStrings(ctx.i18n, 'exercise'),
    useFeatureStrings(ctx.i18n, 'debrief'),
  ]);
  new ExerciseConsole(ctx, back).show();
}

class ExerciseConsole {
  private readonly t: i18n['t'];
  private readonly root: HTMLElement;
  private readonly live: HTMLElement;
  /** When the rooms were last fetched: shown, not announced (every 2 s would drown the reader). */
  private readonly updated: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: Controller | undefined;
  private created: CreateExerciseResponse | undefined;
  private status: ExerciseStatus | undefined;
  private closed = false;

  constructor(
    private readonly ctx: UiContext,
    private readonly back: () => void,
  ) {
    this.t = ctx.i18n.t.bind(ctx.i18n);
    this.live = el('p', { class: 'exercise-live', role: 'status', 'aria-live': 'polite' });
    this.updated = el('p', { class: 'exercise-muted exercise-updated' });
    this.root = el('main', {
      class: 'panel exercise-console',
      'data-testid': 'exercise-console',
      'aria-labelledby': 'exercise-heading',
    });
  }

  show(): void {
    clear(this.ctx.overlay);
    this.ctx.overlay.append(this.root);
    const stored = sessionStorage.getItem(STORE_KEY);
    if (stored) {
      try {
        this.controller = JSON.parse(stored) as Controller;
      } catch {
        sessionStorage.removeItem(STORE_KEY);
      }
    }
    if (this.controller) void this.poll();
    else void this.renderForms();
  }

  private close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.back();
  }

  private header(): HTMLElement {
    const back = el('button', {
      type: 'button',
      class: 'exercise-back',
      text: this.t('exercise.back'),
    });
    back.addEventListener('click', () => {
      sessionStorage.removeItem(STORE_KEY);
      this.close();
    });
    return el(
      'header',
      { class: 'exercise-header' },
      el('h1', { id: 'exercise-heading', text: this.t('exercise.heading') }),
      back,
    );
  }

  private say(text: string): void {
    this.live.textContent = text;
  }

  private errorText(r: Extract<ApiResult<unknown>, { ok: false }>): string {
    if (r.status === 401) return this.t('exercise.status.unauthorized');
    if (r.status === 404) return this.t('exercise.status.notFound');
    if (r.status === 0) return this.t('exercise.status.unreachable');
    return this.t('exercise.status.failed', { reason: r.message });
  }

  // ------------------------------------------------------------ create / open

  private async renderForms(message?: string): Promise<void> {
    const t = this.t;
    clear(this.root);
    const levels = (await loadLevelSummaries()).filter((l) => l.id !== 'tutorial');
    const create = this.createForm(levels);
    this.root.append(
      this.header(),
      el('p', { text: t('exercise.intro') }),
      el('div', { class: 'exercise-forms' }, create.form, this.openForm()),
      this.live,
    );
    if (message) this.say(message);
    create.focus.focus();
  }

  /** A labelled field of the console's forms. */
  private static field(id: string, label: string, input: HTMLElement): HTMLElement {
    return el('div', { class: 'exercise-field' }, el('label', { for: id, text: label }), input);
  }

  /** One checkbox per role (is it played?) with a bot picker beside it. */
  private roleChoices() {
    const t = this.t;
    return SEAT_ROLES.map((role) => {
      const box = el('input', {
        type: 'checkbox',
        id: `ex-role-${role}`,
        value: role,
        checked: role !== 'security' && role !== 'systems',
      });
      const bot = el(
        'select',
        {
          id: `ex-bot-${role}`,
          'aria-label': t('exercise.create.bot', { role: t(`exercise.roles.${role}`) }),
        },
        el('option', { value: '', text: t('exercise.create.botNone') }),
        ...BOT_KINDS.map((k) => el('option', { value: k, text: t(`exercise.bots.${k}`) })),
      );
      const row = el(
        'div',
        { class: 'exercise-role' },
        box,
        el('label', { for: `ex-role-${role}`, text: t(`exercise.roles.${role}`) }),
        bot,
      );
      return { role, box, bot, row };
    });
  }

  /** "Create an exercise": name, level, seed, teams, roles and bots; submitting creates it. */
  private createForm(levels: Awaited<ReturnType<typeof loadLevelSummaries>>): {
    form: HTMLFormElement;
    focus: HTMLElement;
  } {
    const t = this.t;
    const field = ExerciseConsole.field;
    const lang = this.ctx.i18n.language === 'ko' ? 'ko' : 'en';
    const name = el('input', { id: 'ex-name', type: 'text', maxlength: 80, required: true });
    const level = el(
      'select',
      { id: 'ex-level' },
      ...levels.map((l) => el('option', { value: l.id, text: l.title[lang] })),
    );
    const seed = el('input', { id: 'ex-seed', type: 'number', min: 0, max: 4294967295 });
    const teams = el('input', {
      id: 'ex-teams',
      type: 'number',
      min: 1,
      max: EXERCISE_TEAMS_MAX,
      value: 2,
      required: true,
    });
    const roleBoxes = this.roleChoices();
    const form = el(
      'form',
      {
        class: 'exercise-form',
        'aria-labelledby': 'ex-create-h',
        'data-testid': 'exercise-create',
      },
      el('h2', { id: 'ex-create-h', text: t('exercise.create.heading') }),
      field('ex-name', t('exercise.create.name'), name),
      field('ex-level', t('exercise.create.level'), level),
      field('ex-seed', t('exercise.create.seed'), seed),
      field('ex-teams', t('exercise.create.teams'), teams),
      el(
        'fieldset',
        {},
        el('legend', { text: t('exercise.create.roles') }),
        ...roleBoxes.map((r) => r.row),
      ),
      el('button', { type: 'submit', class: 'primary', text: t('exercise.create.submit') }),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const roles = roleBoxes.filter((r) => r.box.checked).map((r) => r.role);
      const bots: Partial<Record<SeatRole, BotKind>> = {};
      for (const r of roleBoxes)
        if (r.box.checked && r.bot.value) bots[r.role] = r.bot.value as BotKind;
      void createExercise({
        level: level.value,
        name: name.value,
        teams: Number(teams.value),
        roles,
        ...(seed.value !== '' ? { seed: Number(seed.value) } : {}),
        ...(Object.keys(bots).length > 0 ? { bots } : {}),
      }).then((r) => {
        if (!r.ok) return this.say(this.errorText(r));
        this.created = r.value;
        this.useController({ code: r.value.code, token: r.value.controllerToken });
      });
    });
    return { form, focus: name };
  }

  /** "Open an exercise" with its code and controller token. */
  private openForm(): HTMLFormElement {
    const t = this.t;
    const field = ExerciseConsole.field;
    const code = el('input', {
      id: 'ex-code',
      type: 'text',
      maxlength: 6,
      autocomplete: 'off',
      required: true,
    });
    const token = el('input', {
      id: 'ex-token',
      type: 'password',
      autocomplete: 'off',
      required: true,
    });
    const form = el(
      'form',
      { class: 'exercise-form', 'aria-labelledby': 'ex-open-h', 'data-testid': 'exercise-open' },
      el('h2', { id: 'ex-open-h', text: t('exercise.open.heading') }),
      field('ex-code', t('exercise.open.code'), code),
      field('ex-token', t('exercise.open.token'), token),
      el('button', { type: 'submit', text: t('exercise.open.submit') }),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.useController({ code: code.value.trim().toUpperCase(), token: token.value.trim() });
    });
    return form;
  }

  private useController(c: Controller): void {
    this.controller = c;
    sessionStorage.setItem(STORE_KEY, JSON.stringify(c));
    void this.poll();
  }

  // ------------------------------------------------------------ live

  private async poll(): Promise<void> {
    // The title scene redraws its menu on a resize, which removes this panel: stop polling then.
    if (this.root.isConnected === false && this.status) this.closed = true;
    if (this.closed || !this.controller) return;
    const { code, token } = this.controller;
    const wantHistory = this.status?.rooms.every((r) => r.state === 'ended') ?? false;
    const r = await exerciseStatus(code, token, wantHistory);
    if (this.closed) return;
    if (!r.ok && (r.status === 401 || r.status === 404)) {
      sessionStorage.removeItem(STORE_KEY);
      this.controller = undefined;
      return void this.renderForms(this.errorText(r));
    }
    if (r.ok) {
      const first = !this.status;
      this.status = r.value;
      this.render(first);
      this.updated.textContent = this.t('exercise.status.updated', {
        time: new Date().toLocaleTimeString(this.ctx.i18n.language),
      });
    } else this.say(this.errorText(r));
    this.timer = setTimeout(() => void this.poll(), POLL_MS);
  }

  private render(first: boolean): void {
    const s = this.status!;
    // Keep what the user is typing (inject text) and where focus is across refreshes.
    const keep = this.root.querySelector<HTMLFormElement>('.exercise-inject');
    const focusedId = document.activeElement?.id;
    clear(this.root);
    this.root.append(
      this.header(),
      el('p', {
        class: 'exercise-title',
        text: `${s.name} · ${s.code} · ${s.level} · seed ${s.seed}`,
      }),
    );
    if (this.created) this.root.append(this.createdNotice(this.created));
    this.root.append(this.live, this.controls(keep), this.rooms(s), this.board(s), this.updated);
    if (focusedId && !first) document.getElementById(focusedId)?.focus();
  }

  private createdNotice(c: CreateExerciseResponse): HTMLElement {
    const t = this.t;
    return el(
      'section',
      { class: 'exercise-created', 'aria-labelledby': 'ex-created-h' },
      el('h2', { id: 'ex-created-h', text: t('exercise.created.heading', { code: c.code }) }),
      el('p', {
        class: 'exercise-token',
        text: t('exercise.created.tokenOnce', { token: c.controllerToken }),
      }),
      el('p', { text: t('exercise.created.rooms') }),
      el(
        'ul',
        {},
        ...c.rooms.map((r, i) =>
          el('li', {
            text: t('exercise.created.room', {
              team: i + 1,
              code: r.code,
              url: r.joinUrl,
              token: r.facilitatorToken,
            }),
          }),
        ),
      ),
    );
  }

  private controls(keep: HTMLFormElement | null): HTMLElement {
    const t = this.t;
    const button = (action: 'start' | 'pause' | 'resume' | 'end') => {
      const b = el('button', {
        type: 'button',
        id: `ex-action-${action}`,
        'data-action': action,
        text: t(`exercise.controls.${action}`),
      });
      b.addEventListener('click', () => {
        if (action === 'end' && !window.confirm(t('exercise.controls.endConfirm'))) return;
        void this.act({ action }, t(`exercise.controls.${action}`));
      });
      return b;
    };
    const inject =
      keep ??
      (() => {
        const to = el(
          'select',
          { id: 'ex-inject-to' },
          el('option', { value: 'all', text: t('exercise.controls.injectAll') }),
          ...(this.status?.roles ?? []).map((r) =>
            el('option', { value: r, text: t(`exercise.roles.${r}`) }),
          ),
        );
        const ko = el('textarea', {
          id: 'ex-inject-ko',
          maxlength: 500,
          rows: 2,
          required: true,
          lang: 'ko',
        });
        const en = el('textarea', {
          id: 'ex-inject-en',
          maxlength: 500,
          rows: 2,
          required: true,
          lang: 'en',
        });
        const form = el(
          'form',
          { class: 'exercise-inject', 'aria-labelledby': 'ex-inject-h' },
          el('h3', { id: 'ex-inject-h', text: t('exercise.controls.injectHeading') }),
          el('label', { for: 'ex-inject-to', text: t('exercise.controls.injectTo') }),
          to,
          el('label', { for: 'ex-inject-ko', text: t('exercise.controls.injectKo') }),
          ko,
          el('label', { for: 'ex-inject-en', text: t('exercise.controls.injectEn') }),
          en,
          el('button', { type: 'submit', text: t('exercise.controls.injectSend') }),
        );
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          void this.act(
            { action: 'inject', to: to.value as 'all', text: { ko: ko.value, en: en.value } },
            t('exercise.controls.injectSend'),
          ).then((ok) => {
            if (ok) form.reset();
          });
        });
        return form;
      })();
    return el(
      'section',
      { class: 'exercise-controls', 'aria-labelledby': 'ex-controls-h' },
      el('h2', { id: 'ex-controls-h', text: t('exercise.controls.heading') }),
      el(
        'div',
        { class: 'exercise-buttons' },
        button('start'),
        button('pause'),
        button('resume'),
        button('end'),
      ),
      inject,
    );
  }

  private async act(action: ExerciseAction, label: string): Promise<boolean> {
    if (!this.controller) return false;
    const r = await exerciseAction(this.controller.code, this.controller.token, action);
    if (!r.ok) {
      this.say(this.errorText(r));
      return false;
    }
    const rooms = r.value.rooms;
    const teamOf = (code: string) => this.status?.rooms.find((x) => x.code === code)?.team ?? '?';
    const refusals = rooms
      .filter((x) => !x.ok)
      .map((x) =>
        this.t('exercise.controls.refused', {
          team: teamOf(x.room),
          code: x.room,
          reason: x.error?.message ?? '',
        }),
      );
    this.say(
      [
        this.t('exercise.controls.done', {
          action: label,
          ok: rooms.filter((x) => x.ok).length,
          all: rooms.length,
        }),
        ...refusals,
      ].join(' · '),
    );
    if (this.timer) clearTimeout(this.timer);
    void this.poll();
    return true;
  }

  private rooms(s: ExerciseStatus): HTMLElement {
    return el(
      'section',
      { class: 'exercise-rooms', 'aria-label': this.t('exercise.controls.heading') },
      ...s.rooms.map((r) => this.roomCard(s, r)),
    );
  }

  private roomCard(s: ExerciseStatus, r: ExerciseRoomStatus): HTMLElement {
    const t = this.t;
    const headingId = `ex-room-${r.code}`;
    const online = Number.isFinite(r.outage.subscribersOnlinePct)
      ? t('exercise.room.online', { pct: r.outage.subscribersOnlinePct })
      : '';
    return el(
      'article',
      {
        class: 'exercise-room',
        'data-room': r.code,
        'data-state': r.state,
        'aria-labelledby': headingId,
      },
      el('h3', { id: headingId, text: t('exercise.room.heading', { team: r.team, code: r.code }) }),
      el(
        'p',
        { class: 'exercise-room-state' },
        t(`exercise.room.state.${r.state}`),
        r.paused && r.state === 'running' ? ` · ${t('exercise.room.paused')}` : '',
        ' · ',
        t('exercise.room.clock', { clock: formatKstTime(this.ctx.i18n, r.tick) }),
      ),
      el(
        'p',
        {},
        t('exercise.room.players', { connected: r.players.connected }),
        online ? ` · ${online}` : '',
        r.outage.outage
          ? el('strong', { class: 'exercise-outage', text: ` ${t('exercise.room.outage')}` })
          : null,
      ),
      outageCurve(r.curve, s.span, t('exercise.room.curve', { team: r.team })),
      el(
        'p',
        { class: 'exercise-score' },
        t(r.state === 'ended' ? 'exercise.room.finalScore' : 'exercise.room.score', {
          score: r.score.total,
        }),
      ),
      el(
        'ul',
        { class: 'exercise-roles' },
        ...r.roles.map((x) =>
          el(
            'li',
            {},
            `${t(`exercise.roles.${x.role}`)}: `,
            x.bot
              ? el('span', { class: 'exercise-bot', text: t(`exercise.bots.short.${x.bot}`) })
              : (x.holder ?? t('exercise.room.nobody')),
            // A role no seat holds can be given to a bot (or taken back) from here.
            r.state !== 'ended' && (x.holder === null || x.bot) ? this.botSelect(r, x) : null,
          ),
        ),
      ),
      el('h4', { text: t('exercise.room.lastActions') }),
      r.lastActions.length === 0
        ? el('p', { class: 'exercise-muted', text: t('exercise.room.noActions') })
        : el(
            'ol',
            { class: 'exercise-actions' },
            ...r.lastActions.map((a) =>
              el(
                'li',
                {},
                `${tickToClock(a.tick).slice(-5)} ${a.type} · ${a.role}`,
                a.bot
                  ? el('span', { class: 'exercise-bot', text: ` ${t('exercise.room.botMark')}` })
                  : ` · ${a.by}`,
              ),
            ),
          ),
      r.warnings.length === 0
        ? null
        : el(
            'div',
            { class: 'exercise-warnings' },
            el('h4', { text: t('exercise.room.warnings') }),
            el(
              'ul',
              {},
              ...r.warnings.map((w) =>
                el('li', {
                  text: t(`exercise.room.warning.${w.kind}`, {
                    detail: w.kind === 'nobody' ? t(`exercise.roles.${w.detail}`) : w.detail,
                  }),
                }),
              ),
            ),
          ),
    );
  }

  private botSelect(r: ExerciseRoomStatus, x: ExerciseRoomStatus['roles'][number]): HTMLElement {
    const t = this.t;
    const id = `ex-bot-${r.code}-${x.role}`;
    const select = el(
      'select',
      {
        id,
        class: 'exercise-bot-select',
        'aria-label': t('exercise.create.bot', { role: t(`exercise.roles.${x.role}`) }),
      },
      el('option', { value: '', text: t('exercise.create.botNone'), selected: !x.bot }),
      ...BOT_KINDS.map((k) =>
        el('option', { value: k, text: t(`exercise.bots.${k}`), selected: x.bot === k }),
      ),
    );
    select.addEventListener('change', () => {
      void this.act(
        {
          action: 'bot',
          room: r.code,
          role: x.role,
          bot: select.value === '' ? null : (select.value as BotKind),
        },
        t('exercise.create.bot', { role: t(`exercise.roles.${x.role}`) }),
      );
    });
    return select;
  }

  private board(s: ExerciseStatus): HTMLElement {
    const t = this.t;
    const rows = boardRows(
      s,
      (n) => t('exercise.room.heading', { team: n, code: '' }).replace(/ · $/, ''),
      t('exercise.board.historical'),
    );
    const parts = partNames(s);
    const exportButton = el('button', {
      type: 'button',
      'data-testid': 'exercise-export',
      text: t('exercise.board.export'),
    });
    exportButton.addEventListener('click', () => {
      const csv = boardCsv(s, rows);
      const file = `exercise-${s.code}.csv`;
      saveFile(file, 'text/csv;charset=utf-8', csv);
      const running = stillRunning(s);
      this.say(
        running.length > 0
          ? t('exercise.board.stillRunning', {
              rooms: running.map((r) => `${r.team} (${r.code})`).join(', '),
            })
          : t('exercise.board.exported', { file }),
      );
    });
    const th = (text: string) => el('th', { scope: 'col', text });
    return el(
      'section',
      { class: 'exercise-board', 'aria-labelledby': 'ex-board-h', 'data-testid': 'exercise-board' },
      el('h2', { id: 'ex-board-h', text: t('exercise.board.heading') }),
      s.historical
        ? null
        : el('p', { class: 'exercise-muted', text: t('exercise.board.historicalPending') }),
      el(
        'div',
        {
          class: 'exercise-table-wrap',
          tabindex: 0,
          role: 'region',
          'aria-labelledby': 'ex-board-h',
        },
        el(
          'table',
          {},
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              th(t('exercise.board.team')),
              th(t('exercise.board.total')),
              ...parts.map((p) => th(t(`parts.${p}`))),
              ...KEY_FLAGS.map((f) => th(t(`exercise.board.flags.${f}`))),
            ),
          ),
          el(
            'tbody',
            {},
            ...rows.map((r) =>
              el(
                'tr',
                { 'data-row': r.code || 'history' },
                el('th', { scope: 'row', text: r.label }),
                el('td', { text: String(r.total) }),
                ...parts.map((p) => el('td', { text: String(r.parts[p] ?? '—') })),
                ...KEY_FLAGS.map((f) => el('td', { text: keyTime(r.keyTimes[f]) })),
              ),
            ),
          ),
        ),
      ),
      exportButton,
    );
  }
}
