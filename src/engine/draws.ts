// Integer draws from the seeded PRNG for the player's network, where host counts are small enough that
// chance matters (which IDC server falls first). All branches use only + − × ÷ and sqrt.
import { exp, ln } from './detmath';
import { nextFloat, nextNormal, type PrngState } from './prng';

/** Binomial(n, p) draw. Exact for small n or small means, normal approximation otherwise. */
export function drawBinomial(st: PrngState, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n <= 16) {
    let k = 0;
    for (let i = 0; i < n; i++) if (nextFloat(st) < p) k++;
    return k;
  }
  const mean = n * p;
  if (mean < 12) return invertBinomial(st, n, p);
  if (n - mean < 12) return n - invertBinomial(st, n, 1 - p);
  const z = nextNormal(st);
  const k = Math.round(mean + Math.sqrt(mean * (1 - p)) * z);
  return k < 0 ? 0 : k > n ? n : k;
}

/** Inversion by walking the pmf from 0; cheap when the mean is small. */
function invertBinomial(st: PrngState, n: number, p: number): number {
  const u = nextFloat(st);
  const q = 1 - p;
  let pk = exp(n * ln(q));
  let cdf = pk;
  let k = 0;
  const ratio = p / q;
  while (u > cdf && k < n) {
    pk = (pk * (n - k) * ratio) / (k + 1);
    k++;
    cdf += pk;
    if (pk < 1e-300) break;
  }
  return k;
}
