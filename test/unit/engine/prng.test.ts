// One PRNG for engine and game (issue 15): the game's stream, once its own copy of sfc32 in
// src/game/prng.ts, now comes from src/engine/prng.ts. The numbers below were printed by the two
// old generators before they were merged; run files store seeds, not draws, so these streams
// must never change.
import { describe, expect, it } from 'vitest';
import {
  drawFloat,
  drawU32,
  nextU32,
  seedPrng,
  seedSaltedPrng,
  type PrngState,
} from '../../../src/engine/prng';

/** First four uint32, then a float, from the old game/prng.ts (`seedRng`, `nextUint32`). */
const OLD_GAME: Record<number, { u32: number[]; float: number; state: PrngState }> = {
  0: {
    u32: [1255788323, 229556502, 1129684417, 4139637878],
    float: 0.3896474491339177,
    state: [135607819, 4199225185, 378412500, 1215922615],
  },
  1: {
    u32: [635646946, 1195056953, 2085805719, 2648597309],
    float: 0.8004434930626303,
    state: [4198786906, 451332165, 1960308276, 280495171],
  },
  125: {
    u32: [2016131066, 2998263297, 3904928092, 1443565907],
    float: 0.6650750506669283,
    state: [1778614416, 1556870428, 783781740, 2975613518],
  },
  20030125: {
    u32: [3137426335, 2047799232, 2999694803, 773287745],
    float: 0.562735425774008,
    state: [779829609, 2373484069, 1874872820, 4279079953],
  },
  4294967295: {
    u32: [2955192266, 571914508, 1442885222, 569370534],
    float: 0.6845680521801114,
    state: [2008637574, 248939907, 912843905, 697614785],
  },
};

/** First four uint32 of the engine's stream (`seedPrng`, `nextU32`), unchanged by the merge. */
const OLD_ENGINE: Record<number, number[]> = {
  0: [591558436, 2737234123, 107644106, 1338548054],
  1: [792534090, 3215351813, 160231488, 1151041103],
  125: [4049956706, 1446923009, 1310395054, 470967411],
  20030125: [420289655, 877512493, 4192042822, 1730778936],
  4294967295: [401775837, 815230463, 1635982147, 2773186149],
};

describe('one PRNG, the same streams as before the merge', () => {
  for (const seed of Object.keys(OLD_GAME).map(Number)) {
    it(`seed ${seed}: the game's stream draws what the old game generator drew`, () => {
      const old = OLD_GAME[seed]!;
      let st = seedSaltedPrng(seed);
      expect(st).toEqual(old.state);
      const u32: number[] = [];
      for (let i = 0; i < 4; i++) {
        const [u, next] = drawU32(st);
        u32.push(u);
        st = next;
      }
      expect(u32).toEqual(old.u32);
      expect(drawFloat(st)[0]).toBe(old.float);
    });

    it(`seed ${seed}: the engine's stream is unchanged`, () => {
      const st = seedPrng(seed);
      expect([0, 1, 2, 3].map(() => nextU32(st))).toEqual(OLD_ENGINE[seed]);
    });
  }

  it('should draw without touching the state it was given (game state is immutable)', () => {
    const st = seedSaltedPrng(7);
    const copy = [...st];
    const [a, next] = drawU32(st);
    expect(st).toEqual(copy);
    expect(drawU32(st)[0]).toBe(a);
    expect(next).not.toEqual(st);
  });

  it('should keep the game and engine streams apart for the same seed', () => {
    expect(seedSaltedPrng(125)).not.toEqual(seedPrng(125));
  });
});
