// Generic over every level in levels/: each inject must fire in at least one headless run (no
// commands, the historical response, or the level's well-played response when one is written).
// Also: every {ko, en} text pair has real Korean. A level file without game blocks yet (engine
// only, no `commands`) is skipped, and says so in the test name.
import { describe, expect, it } from 'vitest';
import { levelFiles, levelJson, loadLevel, neverFired, playLevel, textProblems } from './helpers';

describe('injects fire in some scripted run, for every level in levels/', () => {
  for (const file of levelFiles()) {
    const hasGameBlocks = 'commands' in levelJson(file);
    const name = hasGameBlocks
      ? `${file}: every inject fires in the runs with no commands, with history or with the good response`
      : `${file}: skipped, the file has no game blocks (no "commands") yet`;
    it.skipIf(!hasGameBlocks)(name, () => {
      const level = loadLevel(file);
      const results = (['nothing', 'history', 'good'] as const).map((k) => playLevel(file, k));
      expect(neverFired(level, results), 'injects that never fired').toEqual([]);
    });
  }
});

describe('player-facing text is Korean and English, for every level in levels/', () => {
  for (const file of levelFiles()) {
    const hasGameBlocks = 'commands' in levelJson(file);
    const name = hasGameBlocks
      ? `${file}: every {ko, en} pair has Hangul in ko and is not a copy of en`
      : `${file}: skipped, the file has no game blocks (no "commands") yet`;
    it.skipIf(!hasGameBlocks)(name, () => {
      expect(textProblems(levelJson(file))).toEqual([]);
    });
  }
});
