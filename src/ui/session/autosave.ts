// Autosave: the run's log (not its state) in localStorage, restored by re-simulation. A corrupt or
// foreign save yields a clear message and is set aside, never a crash. Writing and restoring one
// live in autosaveWriter.ts, fetched on use (they need the level's SHA-256).
import { parseAutosave } from '../../game';
import type { HistorySample } from './history';

export const AUTOSAVE_KEY = 'one-twenty-five.autosave.v1';

export interface SavedRun {
  levelId: string;
  tick: number;
  autosave: unknown;
  history: HistorySample[];
}

export function clearAutosave(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(AUTOSAVE_KEY);
}

/** What is saved, checked only for shape (cheap; used by the title's Continue entry). */
export function peekAutosave(
  storage: Pick<Storage, 'getItem'>,
): { kind: 'none' } | { kind: 'ok'; save: SavedRun } | { kind: 'corrupt'; reason: string } {
  const raw = storage.getItem(AUTOSAVE_KEY);
  if (raw === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    return {
      kind: 'corrupt',
      reason: `not JSON (${err instanceof Error ? err.message : String(err)})`,
    };
  }
  const o = data as Partial<SavedRun> | null;
  if (!o || typeof o !== 'object' || typeof o.levelId !== 'string' || typeof o.tick !== 'number') {
    return { kind: 'corrupt', reason: 'levelId/tick missing' };
  }
  const parsed = parseAutosave(o.autosave);
  if (!parsed.ok) return { kind: 'corrupt', reason: parsed.errors.slice(0, 2).join('; ') };
  return {
    kind: 'ok',
    save: { ...o, history: Array.isArray(o.history) ? o.history : [] } as SavedRun,
  };
}
