// Global layer: random-constant-spread infection of the Internet's vulnerable SQL/MSDE hosts, stratified by
// region and access-link class, with the congestion that bends Slammer's 8.5 s doubling into a ten-minute
// saturation (Kesidis et al.'s stratified SI model):
//  1. Sites. A class's hosts sit in sites of hostsPerSite hosts sharing one uplink of linkPps datagrams/s.
//     The state counts sites by how many of their hosts are infected (k = 0…m), so the model needs no
//     assumption about how infections spread within sites. A site with k infected hosts emits
//     min(linkPps, hostPps·k): one infected host alone nearly fills a thin link, and every further
//     infected neighbour adds nothing, so per-host scan rates fall as infection spreads inside sites.
//  2. Flooded sites. Scans addressed to a susceptible host whose site uplink is flooded by an infected
//     neighbour (k > 0) are mostly lost (siteFloodLoss).
//  3. Cores. A region's upstream core forwards at most corePps worm-sized packets/s; the excess is lost,
//     both for scans leaving the region and for scans arriving.
// The layer is deterministic (expected values, no PRNG): the Internet is large enough that the mean is the
// story; randomness lives in the player's network, where counts are small.
import { oneMinusExpNeg } from './detmath';
import { IPV4_SPACE, type Derived } from './derived';
import type { EngineParams } from './params';
import type { GlobalState } from './state';

export function createGlobalState(p: EngineParams, d: Derived): GlobalState {
  const sites: number[] = [];
  const classes = p.global.accessClasses;
  for (let r = 0; r < p.global.regions.length; r++) {
    for (let c = 0; c < classes.length; c++) {
      const m = classes[c]!.hostsPerSite;
      sites.push(d.globalN[r * classes.length + c]! / m);
      for (let k = 1; k <= m; k++) sites.push(0);
    }
  }
  return {
    infected: d.globalN.map(() => 0),
    sites,
    coreLoss: p.global.regions.map(() => 0),
    offeredScansPerSec: 0,
    scansPerSec: 0,
    started: false,
  };
}

/** Seed hosts appear in the seed region's first access class, one per site (the launch points). */
export function seedOutbreak(g: GlobalState, p: EngineParams, d: Derived): void {
  const nC = p.global.accessClasses.length;
  const idx = d.seedRegion * nC;
  const base = d.siteOffset[idx]!;
  const n = Math.min(g.sites[base]!, p.global.seedHosts);
  g.sites[base] = g.sites[base]! - n;
  g.sites[base + 1] = g.sites[base + 1]! + n;
  g.infected[idx] = g.infected[idx]! + n;
  g.started = true;
}

const SIXTH = 1 / 6;
const TWENTYFOURTH = 1 / 24;

/** Scratch arrays reused between steps (values never survive a step, so state stays pure data). */
let scratchOffered: Float64Array = new Float64Array(0);

/**
 * Advance the global layer by dtS seconds.
 * @param ownSentOutPps worm datagrams/s the player's network sends to the Internet (adds to delivered scans)
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
  const sites = g.sites;
  if (scratchOffered.length < nR) scratchOffered = new Float64Array(nR);
  const offered = scratchOffered;
  let offeredTotal = 0;
  let delivered = ownSentOutPps;
  for (let r = 0; r < nR; r++) {
    let o = 0;
    for (let c = 0; c < nC; c++) {
      const idx = r * nC + c;
      if (g.infected[idx]! <= 0) continue;
      const cls = classes[c]!;
      const base = d.siteOffset[idx]!;
      for (let k = 1; k <= cls.hostsPerSite; k++) {
        const out = cls.hostPps * k;
        o += sites[base + k]! * (out < cls.linkPps ? out : cls.linkPps);
      }
    }
    offered[r] = o;
    offeredTotal += o;
    delivered += o * (1 - g.coreLoss[r]!);
  }
  g.offeredScansPerSec = offeredTotal;
  g.scansPerSec = delivered;
  // New infections: each susceptible host is hit at the rate of delivered scans landing on its address
  // (lower behind a flooded uplink). A site with k infected hosts gains one at rate (m − k)·λ_k; sites are
  // moved from the top down so none moves twice in one step.
  const perAddress = (delivered / IPV4_SPACE) * p.global.coverageDensityRatio;
  const keepFlooded = 1 - p.global.siteFloodLoss;
  for (let r = 0; r < nR; r++) {
    const x0 = perAddress * (1 - g.coreLoss[r]!) * dtS;
    if (x0 <= 0) continue;
    const xF = x0 * keepFlooded;
    for (let c = 0; c < nC; c++) {
      const idx = r * nC + c;
      const N = d.globalN[idx]!;
      // A fully infected compartment has nothing left to move (saves most of the work after the outbreak).
      if (N - g.infected[idx]! <= 1e-9 * N) continue;
      const m = classes[c]!.hostsPerSite;
      const base = d.siteOffset[idx]!;
      for (let k = m - 1; k >= 0; k--) {
        const n = sites[base + k]!;
        if (n > 0) {
          const x = (m - k) * (k > 0 ? xF : x0);
          // 1 − e^(−x): the 4-term series is exact to double precision below 1e-3 and avoids a call.
          const pHit =
            x < 1e-3 ? x * (1 - x * (0.5 - x * (SIXTH - x * TWENTYFOURTH))) : oneMinusExpNeg(x);
          const move = n * pHit;
          sites[base + k] = n - move;
          sites[base + k + 1] = sites[base + k + 1]! + move;
        }
      }
      let infected = 0;
      for (let k = 1; k <= m; k++) infected += k * sites[base + k]!;
      g.infected[idx] = infected;
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
