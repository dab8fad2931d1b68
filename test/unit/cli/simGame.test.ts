import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ghostRun, runScore, verifyRunFile, type ScriptedCommand } from '../../../src/game';
import { loadLevelFile } from '../../../src/cli/levelFiles';
import { runGameJson } from '../../../src/cli/simGame';

const loaded = loadLevelFile('levels/tutorial.json');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const level = loaded.value;

describe('npm run sim — the game path', () => {
  it('should keep the engine JSON shape, add the score, and write a run file that verifies', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sim-')), 'run.json');
    const r = runGameJson({
      level,
      seed: 1,
      script: level.history.response as ScriptedCommand[],
      out,
    });
    const n = r.series.t.length;
    expect(n).toBeGreaterThan(60);
    for (const key of Object.keys(r.series) as (keyof typeof r.series)[])
      expect(r.series[key]).toHaveLength(n);
    expect(r.series.t.every((t, i) => i === 0 || t > r.series.t[i - 1])).toBe(true);
    expect(r.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['worm.onset', 'worm.local']),
    );
    // The same run as the ghost, so the same score; sampling must not perturb it.
    expect(r.score.total).toBe(runScore(ghostRun(level, 1).run).total);
    const verified = verifyRunFile(JSON.parse(readFileSync(out, 'utf8')), level);
    expect(verified.ok).toBe(true);
    if (verified.ok) expect(verified.score.total).toBe(r.score.total);
  });

  it('should give a worse score for doing nothing than for the historical response', () => {
    const none = runGameJson({ level, seed: 1, script: [] });
    const history = runGameJson({
      level,
      seed: 1,
      script: level.history.response as ScriptedCommand[],
    });
    expect(none.score.total).toBeLessThan(history.score.total);
    expect(none.refused).toBeUndefined();
  });
});
