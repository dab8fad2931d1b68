// Who sits where: one row per seat with its name (player text, always as text), role and
// connection state. The facilitator's copy adds a role picker and a Remove button per player;
// the console adds each seat's last action. Shared by the lobby, the facilitator console and the
// projector.
import type { UiContext } from '../../context';
import { el } from '../../dom';
import { SEAT_ROLES, type SeatInfo, type SeatRole } from '../../../net/protocol';

export interface RosterOptions {
  /** This client's seat id (marked "you"). */
  me?: string;
  /** Roles the session fills (the pickers offer these). */
  roles: readonly SeatRole[];
  /** Facilitator controls: reassign and remove players. */
  manage?: {
    assign(seat: string, role: SeatRole | null): void;
    remove(seat: string, name: string): void;
  };
  /** Text after each seat (the console's "last action"). */
  extra?: (seat: SeatInfo) => string;
}

/** The facilitator's roster controls (lobby and console alike): a cue, a confirm before removing. */
export function rosterManager(
  ctx: UiContext,
  session: { assign(seat: string, role: SeatRole | null): unknown; remove(seat: string): unknown },
): NonNullable<RosterOptions['manage']> {
  return {
    assign: (id, role) => {
      ctx.audio.play('click');
      session.assign(id, role);
    },
    remove: (id, name) => {
      if (!window.confirm(ctx.i18n.t('team.lobby.removeConfirm', { name }))) return;
      ctx.audio.play('click');
      session.remove(id);
    },
  };
}

export function roleName(ctx: UiContext, seat: Pick<SeatInfo, 'kind' | 'role'>): string {
  const t = ctx.i18n.t.bind(ctx.i18n);
  if (seat.kind === 'projector') return t('team.roles.projector');
  if (seat.kind === 'evaluator') return t('team.roles.evaluator');
  if (seat.kind === 'facilitator') return t('team.roles.facilitator');
  return seat.role ? t(`team.roles.${seat.role}`) : t('team.roles.none');
}

/** A seat-by-seat list; rebuilt whole on each roster change (a handful of rows). */
export function renderRoster(
  ctx: UiContext,
  seats: readonly SeatInfo[],
  o: RosterOptions,
): HTMLElement {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const rows = seats.map((seat) => {
    const state = seat.connected ? t('team.lobby.connected') : t('team.lobby.away');
    // The facilitator's seat is named by what it is (the server calls it "facilitator").
    const facilitator = seat.kind === 'facilitator';
    const name = el('strong', {
      class: 'seat-name',
      text: facilitator ? t('team.roles.facilitator') : seat.name,
    });
    const row = el(
      'li',
      {
        class: `seat ${seat.connected ? 'online' : 'offline'}`,
        'data-seat': seat.id,
        'data-kind': seat.kind,
        'data-role': seat.role ?? '',
        'data-connected': String(seat.connected),
      },
      el('span', { class: 'seat-dot', 'aria-hidden': 'true' }),
      name,
      seat.id === o.me ? el('span', { class: 'hint', text: ` (${t('team.lobby.you')})` }) : null,
      facilitator ? null : el('span', { class: 'seat-role', text: roleName(ctx, seat) }),
      el('span', { class: 'seat-state', text: state }),
    );
    const extra = o.extra?.(seat);
    if (extra) row.append(el('span', { class: 'seat-extra hint', text: extra }));
    if (o.manage && seat.kind === 'player') {
      const manage = o.manage;
      const id = `assign-${seat.id}`;
      const picker = el(
        'select',
        {
          id,
          'data-testid': `assign-${seat.id}`,
          'aria-label': t('team.lobby.assign', { name: seat.name }),
        },
        el('option', { value: '', text: t('team.roles.none'), selected: seat.role === null }),
        ...SEAT_ROLES.filter((r) => o.roles.includes(r)).map((r) =>
          el('option', { value: r, text: t(`team.roles.${r}`), selected: seat.role === r }),
        ),
      );
      picker.addEventListener('change', () =>
        manage.assign(seat.id, picker.value === '' ? null : (picker.value as SeatRole)),
      );
      const remove = el('button', {
        type: 'button',
        class: 'tool',
        'data-testid': `remove-${seat.id}`,
        text: t('team.lobby.remove'),
      });
      remove.addEventListener('click', () => manage.remove(seat.id, seat.name));
      row.append(picker, remove);
    }
    return row;
  });
  return el(
    'ul',
    { class: 'team-roster', 'data-testid': 'roster', 'aria-label': t('team.lobby.seats') },
    ...rows,
  );
}
