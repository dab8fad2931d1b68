// The lobby's first screen: create a session (level, optional seed, roles to fill) or join one
// with its code (name, and a player seat or the projector). Checks what can be checked before
// anything is sent, and says what is wrong next to the form.
import type { UiContext } from '../../context';
import { el } from '../../dom';
import { local } from '../../format';
import type { LevelSummary } from '../../levelCatalog';
import {
  isRoomCode,
  normaliseRoomCode,
  PLAYER_NAME_MAX,
  ROOM_CODE_LENGTH,
  SEAT_ROLES,
  type SeatRole,
} from '../../../net/protocol';

export interface CreateRequest {
  level: string;
  seed?: number;
  roles: SeatRole[];
}
export interface JoinRequest {
  code: string;
  name: string;
  as: 'player' | 'projector';
}

export interface EntryForms {
  root: HTMLElement;
  /** Shows a message under the form it concerns (or clears it with ''). */
  say(form: 'create' | 'join', text: string, error?: boolean): void;
  busy(form: 'create' | 'join', on: boolean): void;
}

/** One of the two forms: the element, its submit button and the message line under it. */
interface FormParts {
  form: HTMLFormElement;
  button: HTMLButtonElement;
  msg: HTMLElement;
}

type Say = (text: string) => void;

/** A seed as typed: empty (the server picks one), or a whole number that fits in 32 bits. */
export function parseSeedText(text: string): { ok: true; seed?: number } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true };
  const value = Number(trimmed);
  return /^\d+$/.test(trimmed) && Number.isSafeInteger(value) && value <= 0xffffffff
    ? { ok: true, seed: value }
    : { ok: false };
}

function submitButton(testId: string, text: string): HTMLButtonElement {
  return el('button', {
    type: 'submit',
    class: 'menu-button primary',
    'data-testid': testId,
    text,
  });
}

function messageLine(testId: string): HTMLElement {
  return el('p', { class: 'team-msg', role: 'status', 'data-testid': testId });
}

/** A labelled choice (checkbox or radio) laid out as a block. */
function choiceBlock(input: HTMLInputElement, label: string): HTMLElement {
  return el('label', { class: 'block', for: input.id }, input, el('span', { text: label }));
}

function createForm(
  ctx: UiContext,
  levels: LevelSummary[],
  onCreate: (req: CreateRequest) => void,
  sayError: Say,
): FormParts {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const level = el(
    'select',
    { id: 'team-level', 'data-testid': 'team-level' },
    ...levels.map((l) => el('option', { value: l.id, text: local(ctx.i18n, l.title) })),
  );
  const seed = el('input', {
    id: 'team-seed',
    'data-testid': 'team-seed',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    'aria-describedby': 'team-seed-hint',
  });
  const roleBoxes = SEAT_ROLES.map((r) =>
    choiceBlock(
      el('input', {
        type: 'checkbox',
        id: `team-role-${r}`,
        value: r,
        'data-role': r,
        checked: true,
      }),
      t(`team.roles.${r}`),
    ),
  );
  const button = submitButton('team-create', t('team.lobby.createButton'));
  const msg = messageLine('create-msg');
  const form = el(
    'form',
    { class: 'panel team-form', 'aria-labelledby': 'team-create-heading', novalidate: true },
    el('h2', { id: 'team-create-heading', text: t('team.lobby.create') }),
    el('p', { class: 'hint', text: t('team.lobby.createHint') }),
    el('label', { for: 'team-level', text: t('team.lobby.level') }),
    level,
    el('label', { for: 'team-seed', text: t('team.lobby.seed') }),
    seed,
    el('p', { class: 'hint', id: 'team-seed-hint', text: t('team.lobby.seedHint') }),
    el(
      'fieldset',
      { class: 'blocks' },
      el('legend', { text: t('team.lobby.roles') }),
      ...roleBoxes,
    ),
    button,
    msg,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.audio.play('click');
    const roles = [...form.querySelectorAll<HTMLInputElement>('input[data-role]:checked')].map(
      (b) => b.value as SeatRole,
    );
    const parsed = parseSeedText(seed.value);
    if (!parsed.ok) {
      sayError(t('team.lobby.seedInvalid'));
      seed.focus();
      return;
    }
    if (roles.length === 0) {
      sayError(t('team.lobby.rolesMissing'));
      return;
    }
    onCreate({ level: level.value, seed: parsed.seed, roles });
  });
  return { form, button, msg };
}

function joinForm(
  ctx: UiContext,
  prefill: { code?: string; name?: string },
  onJoin: (req: JoinRequest) => void,
  sayError: Say,
): FormParts {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const code = el('input', {
    id: 'team-code',
    'data-testid': 'team-code',
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: ROOM_CODE_LENGTH + 2,
    value: prefill.code ?? '',
  });
  const name = el('input', {
    id: 'team-name',
    'data-testid': 'team-name',
    type: 'text',
    autocomplete: 'nickname',
    maxlength: PLAYER_NAME_MAX,
    value: prefill.name ?? '',
  });
  const asChoice = (value: 'player' | 'projector', label: string) =>
    choiceBlock(
      el('input', {
        type: 'radio',
        name: 'team-as',
        id: `team-as-${value}`,
        value,
        'data-testid': `team-as-${value}`,
        checked: value === 'player',
      }),
      label,
    );
  const button = submitButton('team-join', t('team.lobby.joinButton'));
  const msg = messageLine('join-msg');
  const form = el(
    'form',
    { class: 'panel team-form', 'aria-labelledby': 'team-join-heading', novalidate: true },
    el('h2', { id: 'team-join-heading', text: t('team.lobby.join') }),
    el('p', { class: 'hint', text: t('team.lobby.joinHint') }),
    el('label', { for: 'team-code', text: t('team.lobby.code') }),
    code,
    el('label', { for: 'team-name', text: t('team.lobby.name') }),
    name,
    el(
      'fieldset',
      { class: 'blocks' },
      el('legend', { text: t('team.lobby.seat') }),
      asChoice('player', t('team.lobby.asPlayer')),
      asChoice('projector', t('team.lobby.asProjector')),
    ),
    button,
    msg,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.audio.play('click');
    const room = normaliseRoomCode(code.value);
    const as =
      form.querySelector<HTMLInputElement>('input[name="team-as"]:checked')?.value === 'projector'
        ? 'projector'
        : 'player';
    if (!isRoomCode(room)) {
      sayError(t('team.lobby.codeInvalid'));
      code.focus();
      return;
    }
    const who = name.value.trim() || (as === 'projector' ? t('team.roles.projector') : '');
    if (!who) {
      sayError(t('team.lobby.nameMissing'));
      name.focus();
      return;
    }
    onJoin({ code: room, name: who, as });
  });
  return { form, button, msg };
}

export function renderEntryForms(
  ctx: UiContext,
  o: {
    levels: LevelSummary[];
    code?: string;
    name?: string;
    onCreate(req: CreateRequest): void;
    onJoin(req: JoinRequest): void;
    onBack(): void;
  },
): EntryForms {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const parts = {
    create: createForm(ctx, o.levels, o.onCreate, (text) => forms.say('create', text, true)),
    join: joinForm(ctx, o, o.onJoin, (text) => forms.say('join', text, true)),
  };
  const back = el('button', {
    type: 'button',
    class: 'menu-button',
    'data-testid': 'team-back',
    text: t('team.lobby.back'),
  });
  back.addEventListener('click', () => {
    ctx.audio.play('click');
    o.onBack();
  });
  const root = el(
    'div',
    { class: 'team-lobby', 'data-testid': 'team-entry' },
    el('h1', { text: t('team.heading') }),
    el('div', { class: 'team-forms' }, parts.join.form, parts.create.form),
    back,
  );
  const forms: EntryForms = {
    root,
    say(form, text, error = false) {
      const box = parts[form].msg;
      box.textContent = text;
      box.classList.toggle('run-error', error);
      if (error) ctx.audio.play('reject');
    },
    busy(form, on) {
      const b = parts[form].button;
      b.disabled = on;
      b.textContent = on
        ? t(form === 'create' ? 'team.lobby.creating' : 'team.lobby.joining')
        : t(form === 'create' ? 'team.lobby.createButton' : 'team.lobby.joinButton');
    },
  };
  return forms;
}
