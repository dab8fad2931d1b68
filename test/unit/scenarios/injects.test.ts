// Generic over every level in levels/: each inject must fire in at least one headless run (no
// commands, the historical response, or the level's well-played response when one is written).
// Also: every {ko, en} text pair has real Korean. A shipped level without game blocks (engine only,
// no `commands`) fails: a level players can pick must be playable.
import { describe, expect, it } from 'vitest';
import { levelFiles, levelJson, loadLevel, neverFired, playLevel, textProblems } from './helpers';

describe('injects fire in some scripted run, for every level in levels/', () => {
  for (const file of levelFiles()) {
    it(`${file}: every inject fires in the runs with no commands, with history or with the good response`, () => {
      expect('commands' in levelJson(file), `${file} has no game blocks ("commands")`).toBe(true);
      const level = loadLevel(file);
      const results = (['nothing', 'history', 'good'] as const).map((k) => playLevel(file, k));
      expect(neverFired(level, results), 'injects that never fired').toEqual([]);
    });
  }
});

describe('player-facing text is Korean and English, for every level in levels/', () => {
  for (const file of levelFiles()) {
    it(`${file}: every {ko, en} pair has Hangul in ko and is not a copy of en`, () => {
      expect('commands' in levelJson(file), `${file} has no game blocks ("commands")`).toBe(true);
      expect(textProblems(levelJson(file))).toEqual([]);
    });
  }
});
