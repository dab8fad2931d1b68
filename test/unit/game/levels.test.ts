// The shipped levels: levels/backbone-isp.json validates with the full game schema, its id is its
// file name, and its historical response plays to the end with every command accepted.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLevel } from '../../../src/game/levelSchema';
import { runScore } from '../../../src/game/run';
import { ghostRun, runScripted } from '../../../src/game/script';
import { SENSIBLE } from './sensibleResponse';

const file = fileURLToPath(new URL('../../../levels/backbone-isp.json', import.meta.url));

const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('levels/backbone-isp.json', () => {
  const parsed = parseLevel(json);

  it('should validate against the level schema with meta.id = file name', () => {
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.level.meta.id).toBe('backbone-isp');
  });

  it('should play the historical response to the end; early and sensible beats it, nothing does worse', () => {
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const ghost = ghostRun(parsed.level, 1);
    expect(ghost.refused).toEqual([]);
    expect(ghost.run.state.ended).toBe(true);
    const history = runScore(ghost.run).total;
    const sensible = runScripted(parsed.level, 1, SENSIBLE);
    expect(sensible.refused).toEqual([]);
    expect(runScore(sensible.run).total).toBeGreaterThan(history);
    expect(runScore(runScripted(parsed.level, 1, []).run).total).toBeLessThan(history);
  });
});
