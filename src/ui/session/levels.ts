// Loads a shipped level by id: fetches its JSON (a separate file, cached by the service worker)
// and validates it with the game's schema. A bad file yields a message naming the path.
import { parseLevel, type Level } from '../../game';
import { loadLevelSummaries } from '../levelCatalog';

const cache = new Map<string, Level>();

export async function loadLevel(
  id: string,
): Promise<{ ok: true; level: Level } | { ok: false; error: string }> {
  const hit = cache.get(id);
  if (hit) return { ok: true, level: hit };
  const summary = (await loadLevelSummaries()).find((s) => s.id === id);
  if (!summary) return { ok: false, error: `levels/${id}.json: no such level` };
  let json: unknown;
  try {
    const res = await fetch(summary.url);
    if (!res.ok) return { ok: false, error: `levels/${id}.json: HTTP ${res.status}` };
    json = await res.json();
  } catch (err) {
    return {
      ok: false,
      error: `levels/${id}.json: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  const parsed = parseLevel(json);
  if (!parsed.ok)
    return { ok: false, error: `levels/${id}.json: ${parsed.errors.slice(0, 3).join('; ')}` };
  if (parsed.level.meta.id !== id)
    return {
      ok: false,
      error: `levels/${id}.json: meta.id is "${parsed.level.meta.id}", expected "${id}"`,
    };
  cache.set(id, parsed.level);
  return { ok: true, level: parsed.level };
}
