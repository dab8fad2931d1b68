// Which of the session's roles no seat holds: their orders (IDS, DNS, patching…) belong to nobody
// once the session starts, so the lobby says so before the facilitator presses Start.
import type { SeatInfo, SeatRole } from '../../../net/protocol';

export function unfilledRoles(
  roles: readonly SeatRole[],
  seats: readonly Pick<SeatInfo, 'kind' | 'role'>[],
): SeatRole[] {
  const held = new Set(seats.filter((s) => s.kind === 'player').map((s) => s.role));
  return roles.filter((r) => !held.has(r));
}
