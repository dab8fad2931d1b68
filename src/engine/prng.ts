// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state held as four uint32
// numbers inside engine state, so saving, hashing and replaying a run carries the generator with it.
// Only 32-bit integer ops (Math.imul, >>>, |) are used, which every JS engine evaluates identically.

export type PrngState = [number, number, number, number];

/** Seed via splitmix32 so nearby seeds give unrelated streams; 12 warm-up rounds as sfc32 recommends. */
export function seedPrng(seed: number): PrngState {
  let s = seed >>> 0;
  const mix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const st: PrngState = [mix(), mix(), mix(), 1];
  for (let i = 0; i < 12; i++) nextU32(st);
  return st;
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
