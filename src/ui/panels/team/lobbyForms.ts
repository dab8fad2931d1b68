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
  // ---- create
  const level = el(
    'select',
    { id: 'team-level', 'data-testid': 'team-level' },
    ...o.levels.map((l) => el('option', { value: l.id, text: local(ctx.i18n, l.title) })),
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
    el(
      'label',
      { class: 'block', for: `team-role-${r}` },
      el('input', {
        type: 'checkbox',
        id: `team-role-${r}`,
        value: r,
        'data-role': r,
        checked: true,
      }),
      el('span', { text: t(`team.roles.${r}`) }),
    ),
  );
  const createButton = el('button', {
    type: 'submit',
    class: 'menu-button primary',
    'data-testid': 'team-create',
    text: t('team.lobby.createButton'),
  });
  const createMsg = el('p', { class: 'team-msg', role: 'status', 'data-testid': 'create-msg' });
  const create = el(
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
    createButton,
    createMsg,
  );
  create.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.audio.play('click');
    const roles = [...create.querySelectorAll<HTMLInputElement>('input[data-role]:checked')].map(
      (b) => b.value as SeatRole,
    );
    const seedText = seed.value.trim();
    const seedValue = seedText === '' ? undefined : Number(seedText);
    if (
      seedValue !== undefined &&
      (!/^\d+$/.test(seedText) || !Number.isSafeInteger(seedValue) || seedValue > 0xffffffff)
    ) {
      forms.say('create', t('team.lobby.seedInvalid'), true);
      seed.focus();
      return;
    }
    if (roles.length === 0) {
      forms.say('create', t('team.lobby.rolesMissing'), true);
      return;
    }
    o.onCreate({ level: level.value, seed: seedValue, roles });
  });

  // ---- join
  const code = el('input', {
    id: 'team-code',
    'data-testid': 'team-code',
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: ROOM_CODE_LENGTH + 2,
    value: o.code ?? '',
  });
  const name = el('input', {
    id: 'team-name',
    'data-testid': 'team-name',
    type: 'text',
    autocomplete: 'nickname',
    maxlength: PLAYER_NAME_MAX,
    value: o.name ?? '',
  });
  const asChoice = (value: 'player' | 'projector', label: string) =>
    el(
      'label',
      { class: 'block', for: `team-as-${value}` },
      el('input', {
        type: 'radio',
        name: 'team-as',
        id: `team-as-${value}`,
        value,
        'data-testid': `team-as-${value}`,
        checked: value === 'player',
      }),
      el('span', { text: label }),
    );
  const joinButton = el('button', {
    type: 'submit',
    class: 'menu-button primary',
    'data-testid': 'team-join',
    text: t('team.lobby.joinButton'),
  });
  const joinMsg = el('p', { class: 'team-msg', role: 'status', 'data-testid': 'join-msg' });
  const join = el(
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
    joinButton,
    joinMsg,
  );
  join.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.audio.play('click');
    const room = normaliseRoomCode(code.value);
    const as =
      join.querySelector<HTMLInputElement>('input[name="team-as"]:checked')?.value === 'projector'
        ? 'projector'
        : 'player';
    if (!isRoomCode(room)) {
      forms.say('join', t('team.lobby.codeInvalid'), true);
      code.focus();
      return;
    }
    const who = name.value.trim() || (as === 'projector' ? t('team.roles.projector') : '');
    if (!who) {
      forms.say('join', t('team.lobby.nameMissing'), true);
      name.focus();
      return;
    }
    o.onJoin({ code: room, name: who, as });
  });

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
    el('div', { class: 'team-forms' }, join, create),
    back,
  );
  const forms: EntryForms = {
    root,
    say(form, text, error = false) {
      const box = form === 'create' ? createMsg : joinMsg;
      box.textContent = text;
      box.classList.toggle('run-error', error);
      if (error) ctx.audio.play('reject');
    },
    busy(form, on) {
      const b = form === 'create' ? createButton : joinButton;
      b.disabled = on;
      b.textContent = on
        ? t(form === 'create' ? 'team.lobby.creating' : 'team.lobby.joining')
        : t(form === 'create' ? 'team.lobby.createButton' : 'team.lobby.joinButton');
    },
  };
  return forms;
}
