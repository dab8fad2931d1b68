// What a team seat adds to the Ops layout's session bar: who this seat is and the connection
// banner ("reconnecting…", "caught up") for everyone; the facilitator's console (custom injects,
// players with their connection and last action — reassign, remove — recent actions, the
// hash-mismatch warning, end the session); the projector's role status strip.
import type { UiContext } from '../../context';
import type { SeatRole } from '../../../net/protocol';
import { clear, el } from '../../dom';
import { formatKstTime } from '../../format';
import { serverText, type Notice, type TeamSession } from '../../session/teamSession';
import { openInjectDialog } from './injectDialog';
import { renderRoster, roleName, rosterManager } from './roster';
import { commandName } from './feedText';
import { mountDiscussion } from './discussionPanel';

/** How long a good-news notice ("caught up") stays before the banner clears. */
const OK_NOTICE_MS = 6000;
/** How long "you were removed" shows before the seat leaves for the title. */
const REMOVED_MS = 4000;

export function noticeText(ctx: UiContext, notice: Notice): string {
  const p = notice.params ?? {};
  return ctx.i18n.t(notice.key, {
    ...p,
    time: typeof p.tick === 'number' ? formatKstTime(ctx.i18n, p.tick) : '',
    reason: notice.text ? serverText(ctx.i18n.language, notice.text) : '',
  });
}

/** The facilitator's tools in the bar: custom injects, the pause-on-situation option, and the
 *  players (roster and recent actions) folded under a summary. */
function facilitatorTools(
  ctx: UiContext,
  session: TeamSession,
  roster: HTMLElement,
  recent: HTMLElement,
): HTMLElement[] {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const inject = el('button', {
    type: 'button',
    class: 'tool',
    'data-testid': 'open-inject',
    text: t('team.facilitator.inject'),
  });
  inject.addEventListener('click', () => {
    ctx.audio.play('click');
    openInjectDialog(ctx, session);
  });
  const players = el(
    'details',
    { class: 'team-players', 'data-testid': 'players' },
    el('summary', { text: t('team.facilitator.players') }),
    roster,
    el('h3', { text: t('team.facilitator.recent') }),
    recent,
  );
  // Off by default: a class may want the clock to run on; when on, the facilitator's client
  // pauses the class's clock as a situation arrives (Ops.ts, SituationPause).
  const pauseBox = el('input', {
    type: 'checkbox',
    id: 'team-pause-situation',
    'data-testid': 'pause-on-situation',
    checked: ctx.settings.get().pauseOnSituationTeam,
  });
  pauseBox.addEventListener('change', () => {
    ctx.audio.play('click');
    ctx.settings.update({ pauseOnSituationTeam: pauseBox.checked });
  });
  const pauseOption = el(
    'span',
    { class: 'team-option' },
    pauseBox,
    el('label', { for: 'team-pause-situation', text: t('team.console.pauseOnSituation') }),
  );
  return [inject, pauseOption, players];
}

/** A player's own role picker (a late joiner has none yet); rebuilt only when its choices change
 *  (an open drop-down would close on every redraw). */
function rolePicker(ctx: UiContext, session: TeamSession) {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const select = el('select', { id: 'team-bar-role', 'data-testid': 'bar-role' });
  select.addEventListener('change', () => {
    ctx.audio.play('click');
    session.chooseRole(select.value === '' ? null : (select.value as SeatRole));
  });
  const update = () => {
    const seat = session.seat;
    const taken = new Set(
      session.seats.filter((s) => s.id !== seat.id && s.role).map((s) => s.role),
    );
    const sig = `${ctx.i18n.language}|${seat.role}|${[...taken].join(',')}`;
    if (select.dataset.sig === sig) return;
    select.dataset.sig = sig;
    select.replaceChildren(
      el('option', { value: '', text: t('team.roles.none'), selected: seat.role === null }),
      ...session.info.roles.map((r) =>
        el('option', {
          value: r,
          text: t(`team.roles.${r}`),
          selected: seat.role === r,
          disabled: taken.has(r),
        }),
      ),
    );
  };
  const label = el('label', { for: 'team-bar-role', text: t('team.lobby.yourRole') });
  return { elements: [label, select], update };
}

/** The roster in the bar (facilitator: with last actions and management; projector: roles). */
function renderBarRoster(ctx: UiContext, session: TeamSession, roster: HTMLElement): void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const facilitator = session.seat.kind === 'facilitator';
  const lastAction = (seatId: string): string => {
    const a = session.lastBySeat.get(seatId);
    return a
      ? t('team.facilitator.lastAction', {
          command: commandName(ctx.i18n, a.type),
          time: formatKstTime(ctx.i18n, a.tick),
        })
      : t('team.facilitator.noAction');
  };
  const focusId = (document.activeElement as HTMLElement | null)?.id;
  clear(roster);
  roster.append(
    renderRoster(
      ctx,
      session.seats.filter((s) => s.kind !== 'projector' || facilitator),
      {
        me: session.seat.id,
        roles: session.info.roles,
        extra: (s) => (s.kind === 'player' ? lastAction(s.id) : ''),
        manage: facilitator ? rosterManager(ctx, session) : undefined,
      },
    ),
  );
  if (focusId && roster.querySelector(`#${CSS.escape(focusId)}`))
    document.getElementById(focusId)?.focus();
}

/** The facilitator's list of recent actions, newest first. */
function renderRecent(ctx: UiContext, session: TeamSession, recent: HTMLElement): void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  clear(recent);
  const names = new Map(
    session.seats.map((s) => [s.id, s.kind === 'facilitator' ? '' : `${s.name} `]),
  );
  if (session.recent.length === 0)
    recent.append(el('li', { class: 'hint', text: t('team.facilitator.noRecent') }));
  for (const a of session.recent)
    recent.append(
      el(
        'li',
        {},
        el('span', { class: 'when', text: formatKstTime(ctx.i18n, a.tick) }),
        ` ${names.get(a.seat) ?? `${a.seat} `}(${t(`team.roles.${a.role}`)}): ${commandName(ctx.i18n, a.type)}`,
      ),
    );
}

export function mountTeamControls(
  host: HTMLElement,
  ctx: UiContext,
  session: TeamSession,
): () => void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const facilitator = session.seat.kind === 'facilitator';
  const projector = session.seat.kind === 'projector';
  // An evaluator watches every role's panels (read-only) and records observations.
  const evaluator = session.seat.kind === 'evaluator';
  const banner = el('p', {
    class: 'team-banner',
    role: 'status',
    'aria-live': 'assertive',
    'data-testid': 'team-banner',
  });
  const seatLabel = el('span', { class: 'seat-label', 'data-testid': 'seat-label' });
  const warning = el('span', { class: 'team-warning', role: 'alert', 'data-testid': 'desync' });
  const bar = el(
    'div',
    {
      class: 'team-bar',
      'data-testid': 'team-bar',
      role: 'group',
      'aria-label': t(facilitator ? 'team.facilitator.heading' : 'team.heading'),
    },
    el('span', {
      class: 'team-code-small',
      text: t('team.lobby.room', { code: session.info.code }),
    }),
    seatLabel,
    warning,
  );
  const roster = el('div', { class: 'team-roster-slot' });
  const recent = el('ol', { class: 'team-recent', 'data-testid': 'recent' });
  let okTimer: ReturnType<typeof setTimeout> | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;

  if (facilitator) bar.append(...facilitatorTools(ctx, session, roster, recent));
  else if (projector || evaluator)
    bar.append(el('span', { class: 'sr-only', text: t('team.projector.roles') }), roster);
  // A player may take a free role during the session too (a late joiner has none yet).
  const picker = session.seat.kind === 'player' ? rolePicker(ctx, session) : undefined;
  if (picker) bar.append(...picker.elements);

  const render = () => {
    // Removed by the facilitator (or the connection refused for good): say so, then leave.
    if ((session.removed || session.status === 'closed') && !session.endedBy && !leaveTimer)
      leaveTimer = setTimeout(() => {
        // (The machine disposes of the seat as it leaves the screen.)
        if (ctx.session === session) ctx.flow.send({ type: 'run.quit' });
      }, REMOVED_MS);
    const seat = session.seat;
    // The facilitator's and the projector's seats are named by what they are.
    seatLabel.textContent =
      seat.kind === 'player'
        ? t('team.console.seat', { name: seat.name, role: roleName(ctx, seat) })
        : roleName(ctx, seat);
    const notice = session.status === 'reconnecting' ? undefined : session.notice;
    banner.textContent =
      session.status === 'reconnecting'
        ? t('team.console.reconnecting')
        : notice
          ? noticeText(ctx, notice)
          : '';
    banner.classList.toggle('ok', session.status !== 'reconnecting' && notice?.tone === 'ok');
    if (notice?.tone === 'ok' && !okTimer)
      okTimer = setTimeout(() => {
        okTimer = undefined;
        if (session.notice === notice) session.notice = undefined;
        render();
      }, OK_NOTICE_MS);
    picker?.update();
    const d = session.desyncs[0];
    warning.textContent =
      facilitator && d
        ? t('team.facilitator.mismatch', { name: d.name, time: formatKstTime(ctx.i18n, d.tick) })
        : '';
    if (facilitator || projector || evaluator) renderBarRoster(ctx, session, roster);
    if (facilitator) renderRecent(ctx, session, recent);
  };

  host.append(banner, bar);
  // The level's discussion questions: the facilitator's panel in the bar, the question on the others' screens.
  const discussionHost = el('div', { class: 'team-discussion-slot' });
  if (facilitator) bar.append(discussionHost);
  else host.append(discussionHost);
  const unmountDiscussion = mountDiscussion(discussionHost, ctx, session);
  // The evaluator's form and list come with the evaluator's seat only.
  let unmountEvaluator: (() => void) | undefined;
  let gone = false;
  if (evaluator)
    void import('./evaluatorPanel').then(({ mountEvaluatorPanel }) => {
      if (!gone) unmountEvaluator = mountEvaluatorPanel(bar, ctx, session);
    });
  render();
  const off = session.onChange(render);
  const onLanguage = () => render();
  ctx.i18n.on('languageChanged', onLanguage);
  return () => {
    off();
    unmountDiscussion();
    gone = true;
    unmountEvaluator?.();
    ctx.i18n.off('languageChanged', onLanguage);
    if (okTimer) clearTimeout(okTimer);
    if (leaveTimer) clearTimeout(leaveTimer);
    clear(host);
  };
}
