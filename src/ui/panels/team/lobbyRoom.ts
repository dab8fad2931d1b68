// The room before the start: its code in large type, the join link with a copy button and its QR
// code (for the projector and the facilitator), who sits where and whether they are connected.
// The facilitator reassigns or removes players and starts; a player picks a free role; the
// projector only shows.
import type { UiContext } from '../../context';
import { el } from '../../dom';
import type { BotKind, SeatRole } from '../../../net/protocol';
import { serverText, type TeamSession } from '../../session/teamSession';
import { qrCanvas } from './qr';
import { renderRoster, rosterManager } from './roster';
import { unfilledRoles } from './unfilledRoles';
import { saveFile } from '../../saveFile';
import { evaluatorLinkBox } from './evaluatorLink';

/** One QR canvas per link, moved into each redraw (no flicker, one library load). */
const qrCache = new Map<string, Promise<HTMLCanvasElement>>();

/** The room's code in large type; for the facilitator and the projector also the join link (the
 *  facilitator's with a copy button) and its QR code. */
function codeBox(ctx: UiContext, session: TeamSession, joinUrl: string): HTMLElement {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const kind = session.seat.kind;
  const box = el(
    'section',
    { class: 'panel team-code-box', 'aria-labelledby': 'room-heading' },
    el('h2', { id: 'room-heading', text: t('team.lobby.code') }),
    el('p', { class: 'team-code', 'data-testid': 'room-code', text: session.info.code }),
  );
  if (kind === 'player') return box;
  const link = el('a', {
    class: 'team-link',
    href: joinUrl,
    'data-testid': 'join-link',
    text: joinUrl,
  });
  box.append(el('h3', { text: t('team.lobby.joinLink') }), link);
  if (kind === 'facilitator') {
    const copy = el('button', { type: 'button', class: 'tool', text: t('team.lobby.copy') });
    const copied = el('span', { class: 'hint', role: 'status' });
    copy.addEventListener('click', () => {
      ctx.audio.play('click');
      // No clipboard API without a secure context (a plain http:// address on a LAN).
      if (!navigator.clipboard) {
        copied.textContent = t('team.lobby.copyFailed');
        return;
      }
      navigator.clipboard.writeText(joinUrl).then(
        () => (copied.textContent = t('team.lobby.copied')),
        () => (copied.textContent = t('team.lobby.copyFailed')),
      );
    });
    box.append(el('p', {}, copy, ' ', copied));
  }
  const qrSlot = el('div', { class: 'team-qr-slot', 'data-testid': 'join-qr' });
  box.append(qrSlot);
  let qr = qrCache.get(joinUrl);
  if (!qr) qrCache.set(joinUrl, (qr = qrCanvas(joinUrl, t('team.lobby.qr'), 320)));
  qr.then(
    (canvas) => qrSlot.append(canvas),
    (err: unknown) =>
      qrSlot.append(
        el('p', { class: 'hint', text: err instanceof Error ? err.message : String(err) }),
      ),
  );
  // The facilitator hands evaluators their own link (the room code and an evaluator key).
  if (kind === 'facilitator') box.append(evaluatorLinkBox(ctx, session, joinUrl));
  return box;
}

/** A player's role picker (free roles only), and a note when none is free. */
function myRole(ctx: UiContext, session: TeamSession): HTMLElement[] {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const { info, seat } = session;
  const taken = new Set(session.seats.filter((s) => s.id !== seat.id && s.role).map((s) => s.role));
  const picker = el(
    'select',
    { id: 'team-my-role', 'data-testid': 'my-role' },
    el('option', { value: '', text: t('team.roles.none'), selected: seat.role === null }),
    ...info.roles.map((r) =>
      el('option', {
        value: r,
        text: t(`team.roles.${r}`),
        selected: seat.role === r,
        disabled: taken.has(r),
      }),
    ),
  );
  picker.addEventListener('change', () => {
    ctx.audio.play('click');
    session.chooseRole(picker.value === '' ? null : (picker.value as SeatRole));
  });
  // Label and list in one wrapping row: on a phone the label sat over the list.
  const row = el(
    'div',
    { class: 'my-role' },
    el('label', { for: 'team-my-role', text: t('team.lobby.yourRole') }),
    picker,
  );
  const full = info.roles.every((r) => taken.has(r)) && !seat.role;
  return full ? [row, el('p', { class: 'hint', text: t('team.lobby.noFreeRole') })] : [row];
}

/** The facilitator's choice of a bot for each role nobody holds. */
function botPickers(ctx: UiContext, session: TeamSession): HTMLElement[] {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const { info } = session;
  return unfilledRoles(info.roles, session.seats).map((role) => {
    const id = `team-bot-${role}`;
    const pick = el(
      'select',
      { id, 'data-testid': id },
      el('option', { value: '', text: t('team.lobby.botNone') }),
      ...(['historical', 'sensible'] as const).map((k) =>
        el('option', {
          value: k,
          text: t(`team.lobby.bot.${k}`),
          selected: info.bots?.[role] === k,
        }),
      ),
    );
    pick.addEventListener('change', () => {
      ctx.audio.play('click');
      session.assignBot(role, pick.value === '' ? null : (pick.value as BotKind));
    });
    return el(
      'div',
      { class: 'my-role' },
      el('label', { for: id, text: t('team.lobby.botFor', { role: t(`team.roles.${role}`) }) }),
      pick,
    );
  });
}

/** The roles still missing (a bot's are not) and what they would do. */
function unfilledNote(ctx: UiContext, session: TeamSession): HTMLElement | undefined {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const { info } = session;
  const missing = unfilledRoles(info.roles, session.seats).filter((r) => !info.bots?.[r]);
  if (!missing.length) return undefined;
  const list = new Intl.ListFormat(ctx.i18n.language, { type: 'conjunction' });
  return el('p', {
    class: 'lobby-unfilled',
    role: 'note',
    'data-testid': 'unfilled-roles',
    text: t('team.lobby.unfilled', {
      roles: list.format(missing.map((r) => t(`team.roles.${r}`))),
      duties: missing.map((r) => t(`team.lobby.duties.${r}`)).join('; '),
    }),
  });
}

/** The facilitator's Start: sent once; if the connection is down it comes back with a note. */
function startButton(ctx: UiContext, session: TeamSession, status: HTMLElement): HTMLElement {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const start = el('button', {
    type: 'button',
    class: 'menu-button primary',
    'data-testid': 'team-start',
    text: t('team.lobby.start'),
  });
  start.addEventListener('click', () => {
    ctx.audio.play('click');
    start.disabled = true;
    start.textContent = t('team.lobby.starting');
    if (!session.start()) {
      start.disabled = false;
      start.textContent = t('team.lobby.start');
      status.textContent = t('team.console.reconnecting');
    }
  });
  return start;
}

export function renderLobbyRoom(
  ctx: UiContext,
  session: TeamSession,
  o: { joinUrl: string; onLeave(): void },
): HTMLElement {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const { info, seat } = session;
  const facilitator = seat.kind === 'facilitator';
  const projector = seat.kind === 'projector';

  const seatsBox = el(
    'section',
    { class: 'panel', 'aria-labelledby': 'seats-heading' },
    el('h2', { id: 'seats-heading', text: t('team.lobby.seats') }),
    renderRoster(ctx, session.seats, {
      me: seat.id,
      roles: info.roles,
      manage: facilitator ? rosterManager(ctx, session) : undefined,
    }),
  );
  if (seat.kind === 'player') seatsBox.append(...myRole(ctx, session));
  const status = el('p', { class: 'team-msg', role: 'status', 'data-testid': 'room-msg' });
  if (session.lastError) {
    status.textContent = serverText(ctx.i18n.language, session.lastError);
    status.classList.add('run-error');
  }
  seatsBox.append(status);
  // A role a bot plays is not missing; the facilitator can give the others to a bot here.
  if (facilitator) seatsBox.append(...botPickers(ctx, session));
  const unfilled = projector ? undefined : unfilledNote(ctx, session);
  if (unfilled) seatsBox.append(unfilled);
  if (facilitator) seatsBox.append(startButton(ctx, session, status), sitmanButton(ctx, session));
  else
    seatsBox.append(
      el('p', {
        class: 'hint',
        text: t(projector ? 'team.lobby.projectorWaiting' : 'team.lobby.waiting'),
      }),
    );

  const leave = el('button', {
    type: 'button',
    class: 'menu-button',
    'data-testid': 'team-leave',
    text: t('team.lobby.leave'),
  });
  leave.addEventListener('click', () => o.onLeave());
  const banner = el('p', { class: 'team-banner', role: 'status' });
  if (session.status !== 'online') banner.textContent = t('team.console.reconnecting');

  return el(
    'div',
    {
      class: 'team-lobby',
      'data-testid': 'team-room',
      'data-mode': projector ? 'projector' : 'team',
    },
    banner,
    el('h1', { text: `${t('team.heading')} · ${t('team.lobby.room', { code: info.code })}` }),
    el('div', { class: 'team-room' }, codeBox(ctx, session, o.joinUrl), seatsBox),
    leave,
  );
}

/**
 * The facilitator's Situation Manual of this session's level, in the language on screen: the
 * generator is fetched on the first click (it is not needed to run a session).
 */
function sitmanButton(ctx: UiContext, session: TeamSession): HTMLElement {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const button = el('button', {
    type: 'button',
    class: 'menu-button',
    'data-testid': 'download-sitman',
    'aria-describedby': 'sitman-hint',
    text: t('exercise.sitman.download'),
  });
  button.addEventListener('click', () => {
    ctx.audio.play('click');
    const lang = ctx.i18n.language === 'ko' ? 'ko' : 'en';
    void import('../../../aar/situationManual').then(({ renderSituationManual }) => {
      const html = renderSituationManual(session.level, lang);
      saveFile(`1-25-${session.level.meta.id}-sitman-${lang}.html`, 'text/html', html);
    });
  });
  return el(
    'p',
    { class: 'team-sitman' },
    button,
    el('span', { id: 'sitman-hint', class: 'hint', text: ` ${t('exercise.sitman.hint')}` }),
  );
}
