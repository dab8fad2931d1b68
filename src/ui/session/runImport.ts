// Reading a run file the player imports: JSON first, then the run-file schema, then verification
// against the level it names (loaded by the caller). A file that is not a run file is refused
// with the file's name and the problem; a run file that does not verify is kept as unverified
// with the reason.
import { parseRunFile, verifyRunFile, type Level, type RunFile } from '../../game';
import type { RunVerification } from './runLibrary';

export type ImportResult =
  | { ok: true; runFile: RunFile; verified: RunVerification }
  | { ok: false; problem: 'notJson' | 'notRunFile'; reason: string };

export type LevelLoader = (
  id: string,
) => Promise<{ ok: true; level: Level } | { ok: false; error: string }>;

export async function importRunText(text: string, loadLevel: LevelLoader): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      problem: 'notJson',
      reason: err instanceof Error ? err.message : String(err),
    };
  }
  const parsed = parseRunFile(json);
  if (!parsed.ok) return { ok: false, problem: 'notRunFile', reason: parsed.errors[0] ?? '?' };
  const runFile = parsed.value;
  const level = await loadLevel(runFile.level.id);
  if (!level.ok)
    return {
      ok: true,
      runFile,
      verified: { ok: false, code: 'UNKNOWN_LEVEL', reason: level.error },
    };
  const result = verifyRunFile(json, level.level);
  return {
    ok: true,
    runFile,
    verified: result.ok
      ? { ok: true, score: result.score.total }
      : { ok: false, code: result.code, reason: result.message },
  };
}
