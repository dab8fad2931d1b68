import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelHash } from '../../../src/game';
import { createLevelStore } from '../../../server/levels';
import { FIXTURE_LEVEL, tempDirs } from './fixtures';

let dirs: ReturnType<typeof tempDirs>;
beforeAll(() => {
  dirs = tempDirs();
});
afterAll(() => dirs.cleanup());

describe('level store', () => {
  it('should parse a level once per content and pick up an edited file', async () => {
    const store = createLevelStore(dirs.levelsDir);
    const a = await store.get('backbone-isp');
    const b = await store.get('backbone-isp');
    if (!a.ok || !b.ok) throw new Error('fixture level should load');
    expect(b.level).toBe(a.level);
    expect(a.sha256).toBe(levelHash(a.level));

    const json = JSON.parse(readFileSync(FIXTURE_LEVEL, 'utf8')) as { meta: { version: number } };
    json.meta.version += 1;
    writeFileSync(join(dirs.levelsDir, 'backbone-isp.json'), JSON.stringify(json));
    const c = await store.get('backbone-isp');
    if (!c.ok) throw new Error(c.message);
    expect(c.level).not.toBe(a.level);
    expect(c.sha256).not.toBe(a.sha256);
  });

  it('should name unknown, unsafe and invalid levels', async () => {
    const store = createLevelStore(dirs.levelsDir);
    expect(await store.get('nope')).toMatchObject({ ok: false, code: 'UNKNOWN_LEVEL' });
    expect(await store.get('../levels/backbone-isp')).toMatchObject({
      ok: false,
      code: 'UNKNOWN_LEVEL',
      message: 'level.id: "../levels/backbone-isp" is not a level id',
    });
    writeFileSync(join(dirs.levelsDir, 'renamed.json'), readFileSync(FIXTURE_LEVEL));
    expect(await store.get('renamed')).toMatchObject({
      ok: false,
      code: 'INVALID_LEVEL',
      message: expect.stringContaining('meta.id "backbone-isp" differs from the file name'),
    });
    writeFileSync(join(dirs.levelsDir, 'garbled.json'), '{ nope');
    expect(await store.get('garbled')).toMatchObject({
      ok: false,
      code: 'INVALID_LEVEL',
      message: expect.stringContaining('not valid JSON'),
    });
  });
});
