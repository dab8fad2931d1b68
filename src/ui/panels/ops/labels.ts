// Names of devices, contacts and staff in the player's language. Levels give ko/en labels for
// their devices (`labels`); an engine name is the fallback.
import type { UiContext } from '../../context';
import type { Level } from '../../../game';
import { local } from '../../format';
import { wording } from './disclosure';

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

const idPatterns = new WeakMap<Level, RegExp | null>();

/**
 * Texts the game core generates (findings, call-centre reports, task failures) name devices by
 * their engine ids ("NetFlow intl-hyehwa", "name servers (dns-hyehwa)"); the player reads the
 * device's name instead. Only whole ids are replaced (case-sensitive, not inside other words).
 */
export function nameDevices(ctx: UiContext, level: Level, text: string): string {
  let pattern = idPatterns.get(level);
  if (pattern === undefined) {
    const net = level.engine.network;
    const ids = [...new Set(KINDS.flatMap((k) => (net[k] as { id: string }[]).map((x) => x.id)))]
      .filter((id) => id.length > 1)
      .sort((a, b) => b.length - a.length)
      .map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = ids.length ? new RegExp(`(?<![\\w-])(${ids.join('|')})(?![\\w-])`, 'g') : null;
    idPatterns.set(level, pattern);
  }
  return pattern ? text.replace(pattern, (id) => deviceLabel(ctx, level, id)) : text;
}

/** Where a command acts, from its arguments: the device, link, segment or DNS cluster it names. */
/** A staff member by id, as the level names them (the id if the level does not know them). */
function staffName(ctx: UiContext, level: Level, id: string): string {
  const member = level.staff.find((m) => m.id === id);
  return member ? local(ctx.i18n, member.name) : id;
}

export function commandTarget(
  ctx: UiContext,
  level: Level,
  args: Record<string, unknown>,
): string | undefined {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const where =
    args.device !== undefined
      ? deviceLabel(ctx, level, String(args.device))
      : args.link !== undefined
        ? deviceLabel(ctx, level, String(args.link), undefined, 'links')
        : args.segment !== undefined
          ? deviceLabel(ctx, level, String(args.segment), undefined, 'segments')
          : args.cluster !== undefined
            ? deviceLabel(ctx, level, String(args.cluster), undefined, 'clusters')
            : args.from !== undefined && args.to !== undefined
              ? `${deviceLabel(ctx, level, String(args.from), undefined, 'clusters')} → ${deviceLabel(ctx, level, String(args.to), undefined, 'clusters')}`
              : args.staff !== undefined
                ? staffName(ctx, level, String(args.staff))
                : undefined;
  if (!where) return undefined;
  const direction =
    args.direction === 'ingress' || args.direction === 'egress'
      ? ` (${t(`directions.${args.direction}`)})`
      : '';
  return `${where}${direction}`;
}

/**
 * A command in words with its target: "Block UDP port 1434 — Hyehwa gateway (inbound)"; with the
 * player's knowledge `flags`, by what they have seen until a diagnosis (disclosure.ts).
 */
export function commandName(
  ctx: UiContext,
  level: Level,
  type: string,
  args: Record<string, unknown> = {},
  flags?: Readonly<Partial<Record<string, number>>>,
): string {
  const name = ctx.i18n.t(`cmd.${type}`, flags ? wording(flags) : {});
  const target = commandTarget(ctx, level, args);
  return target ? `${name} — ${target}` : name;
}
