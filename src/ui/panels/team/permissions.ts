// Which actions a client may offer: solo play offers everything; a team seat only the commands
// its role may send (the server enforces the same rule; this only keeps each console to its job).
import { commandRoles } from '../../../game';
import type { OpsSession } from '../../session/opsSession';

export function mayAct(session: Pick<OpsSession, 'actingRoles' | 'level'>, type: string): boolean {
  const acting = session.actingRoles;
  if (acting === 'all') return true;
  if (acting.length === 0) return false;
  const roles = commandRoles(session.level, type);
  return !!roles && acting.some((r) => roles.includes(r));
}

/** Whether the client may answer an inject the view says `roles` may answer. */
export function mayAnswer(
  session: Pick<OpsSession, 'actingRoles'>,
  roles: readonly string[],
): boolean {
  const acting = session.actingRoles;
  return acting === 'all' || acting.some((r) => roles.includes(r));
}
