// Vitest browser mode: the run library in real Chromium IndexedDB — store, list newest first, get,
// delete — and importing files the way the Replays screen does (a good run file, a tampered one,
// a malformed one), with a real run of the tutorial level made by the game core.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRun, finishRun, toRunFile, type RunFile } from '../../src/game';
import { loadLevel } from '../../src/ui/session/levels';
import { RunLibrary } from '../../src/ui/session/runLibrary';
import { importRunText } from '../../src/ui/session/runImport';

let library: RunLibrary;
let good: RunFile;

beforeEach(async () => {
  library = new RunLibrary(`one-twenty-five-test-${Math.random().toString(36).slice(2)}`);
  await library.clear();
  const level = await loadLevel('tutorial');
  if (!level.ok) throw new Error(level.error);
  good ??= toRunFile(finishRun(createRun(level.level, 3)));
});
afterEach(() => library.close());

/** What the Replays screen does with one file. */
async function importFile(name: string, text: string) {
  const result = await importRunText(text, loadLevel);
  if (!result.ok) return result;
  const id = await library.put(result.runFile, {
    source: 'imported',
    verified: result.verified,
    fileName: name,
  });
  return { ...result, id };
}

describe('run library (IndexedDB)', () => {
  it('should store run files, list them newest first, get and delete them', async () => {
    const a = await library.put(good, {
      source: 'played',
      verified: { ok: true, score: good.result.score.total },
      savedAt: '2026-01-25T05:00:00.000Z',
    });
    const b = await library.put(good, {
      source: 'imported',
      verified: { ok: false, reason: 'SCORE_MISMATCH: x' },
      fileName: 'b.json',
      savedAt: '2026-01-25T06:00:00.000Z',
    });
    expect((await library.list()).map((r) => r.id)).toEqual([b, a]);
    const stored = await library.get(a);
    expect(stored).toMatchObject({ source: 'played', runFile: good });
    expect(stored?.verified).toEqual({ ok: true, score: good.result.score.total });
    expect((await library.get(b))?.fileName).toBe('b.json');
    await library.delete(a);
    expect((await library.list()).map((r) => r.id)).toEqual([b]);
    expect(await library.get(a)).toBeUndefined();
  });

  it('should survive reopening the database', async () => {
    const name = `one-twenty-five-test-reopen-${Math.random().toString(36).slice(2)}`;
    const first = new RunLibrary(name);
    await first.put(good, { source: 'played', verified: { ok: true, score: 1 } });
    first.close();
    const second = new RunLibrary(name);
    expect((await second.list()).map((r) => r.runFile)).toEqual([good]);
    second.close();
  });

  it('should import a good file as verified with its score', async () => {
    const result = await importFile('good.json', JSON.stringify(good, null, 2));
    expect(result.ok && result.verified).toEqual({ ok: true, score: good.result.score.total });
    const [stored] = await library.list();
    expect(stored).toMatchObject({ source: 'imported', fileName: 'good.json', runFile: good });
  });

  it('should import a tampered file as unverified with the reason', async () => {
    const tampered = structuredClone(good);
    tampered.result.score.total += 50;
    const result = await importFile('tampered.json', JSON.stringify(tampered));
    expect(result.ok).toBe(true);
    const [stored] = await library.list();
    const verified = stored?.verified;
    expect(verified?.ok).toBe(false);
    expect(verified && !verified.ok ? verified.code : '').toBe('SCORE_MISMATCH');
    expect(verified && !verified.ok ? verified.reason : '').toMatch(/^score differs/);
  });

  it('should refuse a malformed file and store nothing', async () => {
    const notJson = await importFile('broken.json', '{ "formatVersion": 1, ');
    expect(notJson).toMatchObject({ ok: false, problem: 'notJson' });
    const notRun = await importFile('other.json', JSON.stringify({ formatVersion: 1, seed: 'x' }));
    expect(notRun).toMatchObject({ ok: false, problem: 'notRunFile' });
    expect(await library.list()).toEqual([]);
  });
});
