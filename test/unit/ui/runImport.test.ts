// Importing a run file into the library: JSON, then the run-file schema, then verification against
// the level the file names. Only a file that is a run file is kept (verified or not).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRun, finishRun, parseLevel, toRunFile, type Level } from '../../../src/game';
import { importRunText, type LevelLoader } from '../../../src/ui/session/runImport';

const parsed = parseLevel(
  JSON.parse(readFileSync(new URL('../../../levels/tutorial.json', import.meta.url), 'utf8')),
);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const level: Level = parsed.level;
const loader: LevelLoader = (id) =>
  Promise.resolve(
    id === 'tutorial'
      ? { ok: true, level }
      : { ok: false, error: `levels/${id}.json: no such level` },
  );
const good = toRunFile(finishRun(createRun(level, 7)));

describe('importRunText', () => {
  it('should verify a run file made by the game and give its score', async () => {
    const result = await importRunText(JSON.stringify(good), loader);
    expect(result).toEqual({
      ok: true,
      runFile: good,
      verified: { ok: true, score: good.result.score.total },
    });
  });

  it('should keep a tampered file as unverified with the reason', async () => {
    const tampered = structuredClone(good);
    tampered.result.score.total += 100;
    const result = await importRunText(JSON.stringify(tampered), loader);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.verified.ok).toBe(false);
    if (result.verified.ok) return;
    expect(result.verified.code).toBe('SCORE_MISMATCH');
    expect(result.verified.reason).toMatch(/^score differs/);
  });

  it('should keep a run of an unknown level as unverified, naming the level file', async () => {
    const other = structuredClone(good);
    other.level.id = 'nowhere';
    const result = await importRunText(JSON.stringify(other), loader);
    expect(result.ok && result.verified).toEqual({
      ok: false,
      code: 'UNKNOWN_LEVEL',
      reason: 'levels/nowhere.json: no such level',
    });
  });

  it('should refuse text that is not JSON, with the parser reason', async () => {
    const result = await importRunText('{"formatVersion": 1,', loader);
    expect(result).toMatchObject({ ok: false, problem: 'notJson' });
    expect(!result.ok && result.reason.length).toBeGreaterThan(0);
  });

  it('should refuse JSON that is not a run file, naming the field', async () => {
    expect(await importRunText('[1, 2]', loader)).toEqual({
      ok: false,
      problem: 'notRunFile',
      reason: '(root): expected a JSON object',
    });
    const noSeed: Record<string, unknown> = { ...good };
    delete noSeed.seed;
    const result = await importRunText(JSON.stringify(noSeed), loader);
    expect(result).toMatchObject({ ok: false, problem: 'notRunFile' });
    expect(!result.ok && result.reason).toMatch(/^seed/);
  });
});
