// Levels for team sessions, read synchronously (room creation and restart recovery happen before
// anything else may touch the room) and cached by file content: every room on the same level
// shares one parsed Level object, which is most of a room's memory otherwise.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { levelHash, parseLevel, type Level } from '../../src/game';
import { LEVEL_ID } from '../levels.ts';

export type SessionLevel =
  | { ok: true; level: Level; sha256: string }
  | { ok: false; code: 'UNKNOWN_LEVEL' | 'INVALID_LEVEL'; message: string };

export class LevelCache {
  private readonly byContent = new Map<string, SessionLevel>();

  constructor(readonly dir: string) {}

  get(id: string): SessionLevel {
    if (!LEVEL_ID.test(id))
      return { ok: false, code: 'UNKNOWN_LEVEL', message: `level: "${id}" is not a level id` };
    let text: Buffer;
    try {
      text = readFileSync(join(this.dir, `${id}.json`));
    } catch {
      return {
        ok: false,
        code: 'UNKNOWN_LEVEL',
        message: `level: unknown level "${id}"; this server has no such level`,
      };
    }
    const key = createHash('sha256').update(text).digest('hex');
    let entry = this.byContent.get(key);
    if (!entry) {
      entry = parse(id, text);
      this.byContent.set(key, entry);
    }
    return entry;
  }
}

function parse(id: string, text: Buffer): SessionLevel {
  let json: unknown;
  try {
    json = JSON.parse(text.toString('utf8'));
  } catch (e) {
    return {
      ok: false,
      code: 'INVALID_LEVEL',
      message: `level "${id}" is not valid JSON: ${(e as Error).message}`,
    };
  }
  const parsed = parseLevel(json);
  if (!parsed.ok)
    return {
      ok: false,
      code: 'INVALID_LEVEL',
      message: `level "${id}" is invalid: ${parsed.errors.join('; ')}`,
    };
  if (parsed.level.meta.id !== id)
    return {
      ok: false,
      code: 'INVALID_LEVEL',
      message: `level "${id}": meta.id "${parsed.level.meta.id}" differs from the file name`,
    };
  return { ok: true, level: parsed.level, sha256: levelHash(parsed.level) };
}
