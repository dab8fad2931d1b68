// The map's device labels in the player's language, cached per level *and* language: a second
// level played in the same page has other devices, and a cache keyed by language alone handed it
// the first level's labels (every device then fell back to its raw id).
import type { UiContext } from '../context';
import type { Level } from '../../game';
import { deviceLabel } from '../panels/ops/labels';

/** Map labels are short: the place, without the parenthesised detail the lists show. */
export function mapLabelsFor(ctx: UiContext, level: Level): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const n of level.engine.network.nodes)
    labels[n.id] = deviceLabel(ctx, level, n.id).replace(/\s*\(.*\)\s*$/, '');
  return labels;
}

export class MapLabelCache {
  private cached?: { level: Level; lang: string; labels: Record<string, string> };

  get(ctx: UiContext, level: Level): Record<string, string> {
    const lang = ctx.i18n.language;
    const c = this.cached;
    if (c?.level !== level || c.lang !== lang)
      this.cached = { level, lang, labels: mapLabelsFor(ctx, level) };
    return this.cached!.labels;
  }
}
