// The project's one PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator). 128 bits of
// state held as four uint32 numbers inside engine or game state, so saving, hashing and replaying a
// run carries the generator with it. Only 32-bit integer ops (Math.imul, >>>, |) are used, which
// every JS engine evaluates identically.
//
// Two streams per run, seeded apart: the engine's (`seedPrng`, drawn in place by the engine's step)
// and the game's (`seedSaltedPrng`, drawn without mutation by the game's reducer: a task failing or
// a procedure's timing). Keeping them apart means game decisions never shift the engine's stream:
// the same network outcome for the same seed, whatever the player does with tasks. Both seedings
// are kept bit for bit as they were when each side had its own generator, so stored run files
// replay the same (test/unit/engine/prng.test.ts holds their first outputs).

export type PrngState = [number, number, number, number];

/** splitmix32 from `x`: a function giving the next well-mixed uint32 on each call. */
function splitmix32(x: number): () => number {
  let s = x >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** 12 warm-up rounds, as sfc32 recommends: it is weak for its first draws from low-entropy state. */
function warmUp(st: PrngState): PrngState {
  for (let i = 0; i < 12; i++) nextU32(st);
  return st;
}

/** The engine's stream: seeded via splitmix32 so nearby seeds give unrelated streams. */
export function seedPrng(seed: number): PrngState {
  const mix = splitmix32(seed);
  return warmUp([mix(), mix(), mix(), 1]);
}

/** The game's stream: `seed` xor a salt (which separates it from the engine's), all four words
 *  from splitmix32. */
export function seedSaltedPrng(seed: number, salt = 0x9e3779b9): PrngState {
  const mix = splitmix32(seed ^ salt);
  return warmUp([mix(), mix(), mix(), mix()]);
}

/** Next uint32; advances st in place (callers own a cloned state). */
export function nextU32(st: PrngState): number {
  const a = st[0];
  const b = st[1];
  const c = st[2];
  const d = st[3];
  const t = (((a + b) >>> 0) + d) >>> 0;
  st[3] = (d + 1) >>> 0;
  st[0] = (b ^ (b >>> 9)) >>> 0;
  st[1] = (c + (c << 3)) >>> 0;
  st[2] = (((c << 21) | (c >>> 11)) + t) >>> 0;
  return t;
}

/** Uniform in [0, 1). */
export function nextFloat(st: PrngState): number {
  return nextU32(st) / 4294967296;
}

/** Approximately standard normal: Irwin–Hall sum of 12 uniforms (no log/trig needed, bounded ±6). */
export function nextNormal(st: PrngState): number {
  let s = 0;
  for (let i = 0; i < 12; i++) s += nextFloat(st);
  return s - 6;
}

/** Next uint32 and the following state, leaving `st` as it was (the game's immutable state). */
export function drawU32(st: Readonly<PrngState>): [number, PrngState] {
  const next: PrngState = [st[0], st[1], st[2], st[3]];
  return [nextU32(next), next];
}

/** Uniform in [0, 1) and the following state, leaving `st` as it was. */
export function drawFloat(st: Readonly<PrngState>): [number, PrngState] {
  const [u, next] = drawU32(st);
  return [u / 4294967296, next];
}
