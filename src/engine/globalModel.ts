// Global layer: random-constant-spread infection of the Internet's vulnerable SQL/MSDE hosts, stratified by
// region and access-link class, with the two congestion effects that bend Slammer's 8.5 s doubling into a
// ten-minute saturation (Kesidis et al.):
//  1. Access links: a site's hosts share one uplink of linkPps datagrams/s. One infected host alone already
//     fills a thin link; each further infected host at the site adds nothing, so per-host scan rates fall
//     as infection spreads inside sites.
//  2. Cores and flooded sites: a region's upstream core forwards at most corePps worm-sized packets/s; the
//     excess is lost, both for scans leaving the region and scans arriving. Scans addressed to a host whose
//     site uplink is flooded by an infected neighbour are mostly dropped (siteFloodLoss).
// The layer is deterministic (expected values, no PRNG): the Internet is large enough that the mean is the
// story; randomness lives in the player's network, where counts are small.
import { oneMinusExpNeg, powInt } from './detmath';
import { IPV4_SPACE, type Derived } from './derived';
import type { EngineParams } from './params';
import type { GlobalState } from './state';

export function createGlobalState(p: EngineParams, d: Derived): GlobalState {
  return {
    infected: d.globalN.map(() => 0),
    coreLoss: p.global.regions.map(() => 0),
    offeredScansPerSec: 0,
    scansPerSec: 0,
    started: false,
  };
}

/** Seed hosts appear in the seed region's first access class (the well-connected launch point). */
export function seedOutbreak(g: GlobalState, p: EngineParams, d: Derived): void {
  const nC = p.global.accessClasses.length;
  const idx = d.seedRegion * nC;
  g.infected[idx] = Math.min(d.globalN[idx]!, g.infected[idx]! + p.global.seedHosts);
  g.started = true;
}

/**
 * Expected worm datagrams/s leaving one site (uplink linkPps shared by hostsPerSite hosts) when each host
 * is infected with probability a independently (random scanning has no locality): Σₖ P(K=k)·min(L, R·k).
 * The exact sum matters: min() of the mean overstates output when few hosts per site are infected.
 */
export function expectedSiteOutput(
  a: number,
  cls: { hostsPerSite: number; linkPps: number; hostPps: number },
): number {
  const m = cls.hostsPerSite;
  const L = cls.linkPps;
  const R = cls.hostPps;
  if (a <= 0) return 0;
  if (a >= 1) return Math.min(L, R * m);
  if (m === 1) return a * Math.min(L, R);
  // Hosts beyond kSat = L/R add nothing, so sum k < kSat exactly and take the tail as saturated.
  const q = 1 - a;
  const ratio = a / q;
  let pk = powInt(q, m);
  let below = pk; // P(K ≤ k)
  let out = 0;
  for (let k = 1; k <= m; k++) {
    pk = (pk * (m - k + 1) * ratio) / k;
    if (R * k >= L) {
      out += (1 - below) * L;
      return out;
    }
    out += pk * R * k;
    below += pk;
  }
  return out;
}

/** Scratch arrays reused between steps (values never survive a step, so state stays pure data). */
let scratchOffered: Float64Array = new Float64Array(0);

/**
 * Advance the global layer by dtS seconds.
 * @param ownSentOutPps worm datagrams/s the player's network sends to the Internet (adds to delivered scans)
 * @returns nothing; g is updated in place (callers pass a cloned state)
 */
export function stepGlobal(
  g: GlobalState,
  p: EngineParams,
  d: Derived,
  dtS: number,
  ownSentOutPps: number,
): void {
  const regions = p.global.regions;
  const classes = p.global.accessClasses;
  const nR = regions.length;
  const nC = classes.length;
  if (scratchOffered.length < nR) scratchOffered = new Float64Array(nR);
  const offered = scratchOffered;
  let offeredTotal = 0;
  let delivered = ownSentOutPps;
  for (let r = 0; r < nR; r++) {
    let o = 0;
    for (let c = 0; c < nC; c++) {
      const k = r * nC + c;
      const I = g.infected[k]!;
      if (I <= 0) continue;
      const N = d.globalN[k]!;
      const cls = classes[c]!;
      o += (N / cls.hostsPerSite) * expectedSiteOutput(N > 0 ? I / N : 0, cls);
    }
    offered[r] = o;
    offeredTotal += o;
    delivered += o * (1 - g.coreLoss[r]!);
  }
  g.offeredScansPerSec = offeredTotal;
  g.scansPerSec = delivered;
  // New infections: each susceptible host is hit at the rate of delivered scans landing on its address.
  const perAddress = (delivered / IPV4_SPACE) * p.global.coverageDensityRatio;
  const flood = p.global.siteFloodLoss;
  for (let r = 0; r < nR; r++) {
    const arrive = perAddress * (1 - g.coreLoss[r]!);
    for (let c = 0; c < nC; c++) {
      const k = r * nC + c;
      const N = d.globalN[k]!;
      const I = g.infected[k]!;
      const S = N - I;
      if (S <= 0) continue;
      const m = classes[c]!.hostsPerSite;
      const a = N > 0 ? I / N : 0;
      // Chance that one of the host's site neighbours is infected and flooding the shared uplink.
      const neighbourInfected = m > 1 ? 1 - powInt(1 - a, m - 1) : 0;
      const rate = arrive * (1 - flood * neighbourInfected);
      const newInf = S * oneMinusExpNeg(rate * dtS);
      g.infected[k] = Math.min(N, I + newInf);
    }
  }
  // Core loss for the next step: outbound offered plus inbound arriving (delivered × address share).
  for (let r = 0; r < nR; r++) {
    const reg = regions[r]!;
    const load = offered[r]! + delivered * reg.addressShare;
    g.coreLoss[r] = load > reg.corePps ? 1 - reg.corePps / load : 0;
  }
}

export function globalInfectedTotal(g: GlobalState): number {
  let s = 0;
  for (const v of g.infected) s += v;
  return s;
}

export function regionInfected(g: GlobalState, p: EngineParams, r: number): number {
  const nC = p.global.accessClasses.length;
  let s = 0;
  for (let c = 0; c < nC; c++) s += g.infected[r * nC + c]!;
  return s;
}
