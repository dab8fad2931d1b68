// Names of devices, contacts and staff in the player's language. Levels give ko/en labels for
// their devices (`labels`); an engine name is the fallback.
import type { UiContext } from '../../context';
import type { Level } from '../../../game';
import { local } from '../../format';

type LabelledLevel = Level & { labels?: Record<string, { ko: string; en: string }> };

export function deviceLabel(ctx: UiContext, level: Level, id: string, fallback?: string): string {
  const labels = (level as LabelledLevel).labels;
  const text = labels?.[id];
  if (text) return local(ctx.i18n, text);
  const net = level.engine.network;
  const named =
    net.nodes.find((n) => n.id === id)?.name ??
    net.links.find((l) => l.id === id)?.name ??
    net.segments.find((s) => s.id === id)?.name ??
    net.clusters.find((c) => c.id === id)?.name;
  return named ?? fallback ?? id;
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
