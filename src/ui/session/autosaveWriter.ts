// Writing and restoring an autosave: both need the level's SHA-256, so this module (and the hash
// code with it) is fetched once a game is under way or when Continue is pressed, not for the first
// screens. Checking a save's shape and clearing it stay in autosave.ts.
import { restoreAutosave, toAutosave, type Level, type Run } from '../../game';
import { AUTOSAVE_KEY, type SavedRun } from './autosave';
import type { HistorySample } from './history';

export function writeAutosave(
  storage: Pick<Storage, 'setItem'>,
  run: Run,
  history: HistorySample[],
): boolean {
  const data: SavedRun = {
    levelId: run.level.meta.id,
    tick: run.state.tick,
    autosave: toAutosave(run),
    history,
  };
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(data));
    return true;
  } catch {
    return false;
  }
}

/** Re-simulates the saved log against the level; checks the saved hash. */
export function restoreRun(
  save: SavedRun,
  level: Level,
): { ok: true; run: Run } | { ok: false; message: string } {
  return restoreAutosave(save.autosave, level);
}
