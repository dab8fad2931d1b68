// Names of devices, contacts and staff in the player's language. Levels give ko/en labels for
// their devices (`labels`); an engine name is the fallback.
import type { UiContext } from '../../context';
import type { Level } from '../../../game';
import { local } from '../../format';

export type DeviceKind = 'nodes' | 'links' | 'segments' | 'clusters';
const KINDS: DeviceKind[] = ['nodes', 'links', 'segments', 'clusters'];

/**
 * A device's name in the player's language: the level's `labels` block (ko/en per kind and id),
 * else the engine's (English) name. `kind` disambiguates ids shared by, say, an IDC node and its
 * tenant segment.
 */
export function deviceLabel(
  ctx: UiContext,
  level: Level,
  id: string,
  fallback?: string,
  kind?: DeviceKind,
): string {
  const kinds = kind ? [kind, ...KINDS.filter((k) => k !== kind)] : KINDS;
  for (const k of kinds) {
    const text = level.labels?.[k]?.[id];
    if (text) return local(ctx.i18n, text);
  }
  const net = level.engine.network;
  for (const k of kinds) {
    const named = (net[k] as { id: string; name?: string }[]).find((x) => x.id === id)?.name;
    if (named) return named;
  }
  return fallback ?? id;
}

export function contactLabel(ctx: UiContext, level: Level, id: string): string {
  const c = level.contacts.find((x) => x.id === id);
  if (c) return local(ctx.i18n, c.name);
  // Senders the game itself generates (the call centre's reports) are not level contacts.
  const key = `senders.${id}`;
  return ctx.i18n.exists(key) ? ctx.i18n.t(key) : id;
}

export function staffLabel(ctx: UiContext, level: Level, id: string): string {
  const s = level.staff.find((x) => x.id === id);
  return s ? local(ctx.i18n, s.name) : id;
}
