// Deterministic replacements for Math.exp/log/pow. Math's transcendental functions are allowed to differ in
// the last bits between JS engines, which would split a lockstep session; these use only + − × ÷ and
// exact scaling by powers of two, so every engine computes the same doubles.

const LN2 = 0.6931471805599453;
// Cody–Waite split of ln 2 (fdlibm): k·LN2_HI is exact for |k| < 2^11, so the reduction loses nothing.
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.4426950408889634;

/** 2^k for integer k, built by exact doubling/halving. */
function pow2(k: number): number {
  let r = 1;
  if (k >= 0) {
    for (let i = 0; i < k; i++) r *= 2;
  } else {
    for (let i = 0; i < -k; i++) r *= 0.5;
  }
  return r;
}

/** e^x. Range reduction x = k·ln2 + r, |r| ≤ ln2/2, then a degree-13 Taylor polynomial (error < 1e-16). */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709) return Infinity;
  if (x < -745) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let term = 1;
  let sum = 1;
  for (let i = 1; i <= 13; i++) {
    term = (term * r) / i;
    sum += term;
  }
  return sum * pow2(k);
}

/** 1 − e^(−x) for x ≥ 0, accurate for tiny x (probability of at least one event at rate x per unit). */
export function oneMinusExpNeg(x: number): number {
  if (x <= 0) return 0;
  if (x < 0.5) {
    // Alternating series x − x²/2! + x³/3! − …: no cancellation against 1.
    let term = x;
    let sum = x;
    for (let n = 2; n <= 20; n++) {
      term = (-term * x) / n;
      sum += term;
      if (term < 1e-18 * sum && term > -1e-18 * sum) break;
    }
    return sum;
  }
  return 1 - exp(-x);
}

/** Natural log for x > 0: reduce to m·2^k with m in [√½, √2), then 2·atanh((m−1)/(m+1)). */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let k = 0;
  let m = x;
  while (m >= 1.4142135623730951) {
    m *= 0.5;
    k++;
  }
  while (m < 0.7071067811865476) {
    m *= 2;
    k--;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = 0;
  for (let i = 1; i <= 41; i += 2) {
    sum += term / i;
    term *= s2;
  }
  return 2 * sum + k * LN2;
}

/** b^n for integer n ≥ 0 by repeated squaring (exact sequence of multiplications). */
export function powInt(b: number, n: number): number {
  let r = 1;
  let base = b;
  let e = Math.floor(n);
  while (e > 0) {
    if (e & 1) r *= base;
    base *= base;
    e = Math.floor(e / 2);
  }
  return r;
}

/** b^x for b > 0 and real x, via exp(x·ln b). */
export function pow(b: number, x: number): number {
  if (b === 0) return x === 0 ? 1 : 0;
  return exp(x * ln(b));
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
