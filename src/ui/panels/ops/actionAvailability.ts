// Whether an action can run now, and if not why, in words a duty manager uses: what must be
// known first and how to learn it, who is busy until when, that it is already in place or under
// way. The game core's own check decides (the same one that would refuse the order); the player's
// records add "already in place" and "nothing to remove". Pure: the device panel renders it.
import type { Level, Rejection, ViewSnapshot } from '../../../game';
import type { GameState } from '../../../game/gameState';
import { checkCommand } from '../../../game/commands';
import type { ActionSpec } from './deviceActions';
import { playerRecords } from './deviceState';

/** An i18n key under `why.` and its values (ticks are sim times; the panel formats them). */
export interface Reason {
  key: string;
  params: Record<string, string | number>;
  /** For a rarer refusal: the core's own, rendered in its words. */
  rejection?: Rejection;
}

export type Availability = { ok: true } | { ok: false; reason: Reason };

/** The orders that undo another: what they undo, and the order that puts it in place. */
const REMOVES: Record<
  string,
  { what: 'filter' | 'rateLimit' | 'nullRoute' | 'disconnected' | 'patching'; by: string }
> = {
  'filter.remove': { what: 'filter', by: 'filter.apply' },
  'ratelimit.remove': { what: 'rateLimit', by: 'ratelimit.apply' },
  'nullroute.remove': { what: 'nullRoute', by: 'nullroute.apply' },
  'link.reconnect': { what: 'disconnected', by: 'link.disconnect' },
  'patch.stop': { what: 'patching', by: 'patch.start' },
};

/** A running task of `type` on the same target (every argument of `args` matches). */
const runningLike = (view: ViewSnapshot, type: string, args: Record<string, unknown>) =>
  view.tasks.find(
    (t) =>
      t.status === 'running' &&
      t.type === type &&
      Object.entries(args).every(([k, v]) => t.args[k] === v),
  );

/** Why nobody with `skill` can start now: busy until a time, on the way, or not on shift. */
function staffReason(view: ViewSnapshot, skill: string): Reason {
  const people = view.staff.filter((s) => s.skill === skill);
  const busyUntil = people
    .filter((s) => s.status === 'busy' && s.taskId !== null)
    .map((s) => view.tasks.find((t) => t.id === s.taskId)?.dueTick)
    .filter((x): x is number => x !== undefined);
  const arriving = people
    .filter((s) => s.status === 'enRoute' && s.arrivesAt !== null)
    .map((s) => s.arrivesAt!);
  const soonest = Math.min(...busyUntil, ...arriving);
  if (Number.isFinite(soonest))
    return busyUntil.length && Math.min(...busyUntil) === soonest
      ? { key: 'staffBusy', params: { skill, until: soonest } }
      : { key: 'staffArriving', params: { skill, at: soonest } };
  return { key: 'staffNone', params: { skill } };
}

export function availability(
  spec: ActionSpec,
  args: Record<string, unknown>,
  state: GameState,
  level: Level,
  view: ViewSnapshot,
): Availability {
  const r = playerRecords(view);
  const dirKey = `${String(args.device)}|${String(args.direction)}`;
  const since =
    spec.type === 'filter.apply'
      ? r.filters.get(dirKey)
      : spec.type === 'ratelimit.apply'
        ? r.rateLimits.get(dirKey)?.since
        : spec.type === 'nullroute.apply'
          ? r.nullRoutes.get(String(args.segment))
          : spec.type === 'link.disconnect'
            ? r.disconnected.get(String(args.link))
            : spec.type === 'patch.start'
              ? r.patching.get(String(args.segment))?.since
              : undefined;
  if (since !== undefined) return { ok: false, reason: { key: 'inPlace', params: { since } } };
  const undoes = REMOVES[spec.type];
  if (undoes) {
    const { what, by } = undoes;
    const present =
      what === 'filter'
        ? r.filters.has(dirKey)
        : what === 'rateLimit'
          ? r.rateLimits.has(dirKey)
          : what === 'nullRoute'
            ? r.nullRoutes.has(String(args.segment))
            : what === 'disconnected'
              ? r.disconnected.has(String(args.link))
              : r.patching.has(String(args.segment));
    // Nothing to undo, unless the order that puts it in place is still under way.
    if (!present && !runningLike(view, by, args))
      return { ok: false, reason: { key: `nothingToUndo.${what}`, params: {} } };
  }
  const check = checkCommand(state, level, 'solo', spec.type, args);
  if (check.ok) return { ok: true };
  const { code, params } = check.rejection;
  const rule = view.commands.find((c) => c.type === spec.type);
  switch (code) {
    case 'PRECONDITION':
      return { ok: false, reason: { key: `needs.${String(params.condition)}`, params: {} } };
    case 'NO_STAFF':
      return { ok: false, reason: staffReason(view, String(params.skill ?? rule?.skill ?? '')) };
    case 'ALREADY_DONE': {
      const running = runningLike(view, spec.type, args);
      return {
        ok: false,
        reason: running ? { key: 'underWay', params: {} } : { key: 'alreadyDone', params: {} },
      };
    }
    case 'RUN_ENDED':
      return { ok: false, reason: { key: 'ended', params: {} } };
    default:
      // The rule's own words (rejectionText) for anything rarer.
      return { ok: false, reason: { key: 'rejected', params: {}, rejection: check.rejection } };
  }
}
