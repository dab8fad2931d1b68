// Levels for verification, read from LEVELS_DIR (default: the repository's levels/). The file is
// read on every lookup, so an edited level is picked up without a restart, but parsing and the
// level hash are cached by the file's content hash: a verification pays only for the replay.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { levelHash, parseLevel, type Level } from '../src/game';

export const LEVEL_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export type LevelLookup =
  | { ok: true; level: Level; sha256: string }
  | { ok: false; code: 'UNKNOWN_LEVEL' | 'INVALID_LEVEL'; message: string };

export interface LevelStore {
  get(id: string): Promise<LevelLookup>;
  readonly dir: string;
}

export function createLevelStore(dir: string): LevelStore {
  const byContent = new Map<string, { level: Level; sha256: string } | { errors: string[] }>();
  return {
    dir,
    async get(id) {
      if (!LEVEL_ID.test(id))
        return { ok: false, code: 'UNKNOWN_LEVEL', message: `level.id: "${id}" is not a level id` };
      let text: Buffer;
      try {
        text = await readFile(join(dir, `${id}.json`));
      } catch {
        return {
          ok: false,
          code: 'UNKNOWN_LEVEL',
          message: `unknown level "${id}": this server has no such level`,
        };
      }
      const key = createHash('sha256').update(text).digest('hex');
      let entry = byContent.get(key);
      if (!entry) {
        let json: unknown;
        try {
          json = JSON.parse(text.toString('utf8'));
        } catch (e) {
          json = undefined;
          entry = { errors: [`not valid JSON: ${(e as Error).message}`] };
        }
        if (!entry) {
          const parsed = parseLevel(json);
          entry = parsed.ok
            ? parsed.level.meta.id === id
              ? { level: parsed.level, sha256: levelHash(parsed.level) }
              : { errors: [`meta.id "${parsed.level.meta.id}" differs from the file name`] }
            : { errors: parsed.errors };
        }
        byContent.set(key, entry);
      }
      if ('errors' in entry)
        return {
          ok: false,
          code: 'INVALID_LEVEL',
          message: `level "${id}" on this server is invalid: ${entry.errors.join('; ')}`,
        };
      return { ok: true, ...entry };
    },
  };
}
