/**
 * The game's own seeded PRNG (sfc32), separate from the engine's so that game decisions (a task
 * failing, which customer calls) never shift the engine's random stream: the same network
 * outcome for the same seed, whatever the player does with tasks. State is four uint32 in game
 * state; every draw returns the next state instead of mutating, so replays reproduce exactly.
 */
export type RngState = [number, number, number, number];

/** Expands a 32-bit seed into sfc32 state with splitmix32; the salt separates it from the engine. */
export function seedRng(seed: number, salt = 0x9e3779b9): RngState {
  let x = (seed ^ salt) >>> 0;
  const next = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let state: RngState = [next(), next(), next(), next()];
  // Discard a few outputs: sfc32 is weak for its first draws from low-entropy state.
  for (let i = 0; i < 12; i++) state = nextUint32(state)[1];
  return state;
}

/** Next uint32 and the following state. */
export function nextUint32(state: RngState): [number, RngState] {
  let [a, b, c, d] = state;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  return [t, [a >>> 0, b >>> 0, c, d]];
}

/** Uniform float in [0, 1) and the following state. */
export function nextFloat(state: RngState): [number, RngState] {
  const [u, s] = nextUint32(state);
  return [u / 4294967296, s];
}
