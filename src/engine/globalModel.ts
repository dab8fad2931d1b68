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
//  4. The world reacts (params.global.response; Zou, Gong & Towsley's two-factor model carried over to
//     sites). After a notice delay, unfiltered sites get UDP 1434 border filters at a rate proportional to
//     the worm's prevalence, up to a ceiling: a filtered site's scans never reach the core and scans for it
//     are dropped at its border. After a cleanup delay, owners clean and patch whole sites (an infected
//     site at a constant rate, a clean one at a rate proportional to prevalence); their hosts leave the
//     vulnerable population for good. Filters are placed without regard to a site's infection state,
//     which is exact once the outbreak has saturated (it does so within minutes, before anyone reacts).
//     The decline of scanning comes out of these rates and of the core's congestion easing, not from a
//     curve.
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
    ageS: 0,
    filtered: 0,
    removedInfected: d.globalN.map(() => 0),
    removedPatched: d.globalN.map(() => 0),
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
  respond(g, p, d, dtS);
  g.ageS += dtS;
  // Scans leaving filtered sites stop at their border; scans for hosts behind a filter never arrive.
  const open = 1 - g.filtered;
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
    o *= open;
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
    const x0 = perAddress * (1 - g.coreLoss[r]!) * open * dtS;
    if (x0 <= 0) continue;
    const xF = x0 * keepFlooded;
    for (let c = 0; c < nC; c++) {
      const idx = r * nC + c;
      const N = d.globalN[idx]!;
      // A compartment with no susceptible host left has nothing to move (saves most of the work after the
      // outbreak).
      const susceptible = N - g.infected[idx]! - g.removedInfected[idx]! - g.removedPatched[idx]!;
      if (susceptible <= 1e-9 * N) continue;
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

/**
 * The world's response over one step (see 4. above): border filters go up, sites are cleaned and patched.
 * Rates act over the step as 1 − e^(−rate·dt), so the result does not depend on the step size beyond
 * holding the prevalence constant within a step.
 */
function respond(g: GlobalState, p: EngineParams, d: Derived, dtS: number): void {
  const w = p.global.response;
  const age = g.ageS;
  if (age < w.noticeDelayS && age < w.cleanupDelayS) return;
  let infected = 0;
  let total = 0;
  for (let i = 0; i < d.globalN.length; i++) {
    infected += g.infected[i]!;
    total += d.globalN[i]!;
  }
  const prevalence = total > 0 ? infected / total : 0;
  const hours = dtS / 3600;
  if (age >= w.noticeDelayS && g.filtered < w.filterMaxShare) {
    g.filtered +=
      (w.filterMaxShare - g.filtered) * oneMinusExpNeg(w.filterPerHour * prevalence * hours);
  }
  if (age < w.cleanupDelayS) return;
  const pClean = oneMinusExpNeg(w.cleanupPerHour * hours);
  const pPatch = oneMinusExpNeg(w.patchPerHour * prevalence * hours);
  if (pClean <= 0 && pPatch <= 0) return;
  const classes = p.global.accessClasses;
  const nC = classes.length;
  for (let idx = 0; idx < d.globalN.length; idx++) {
    const m = classes[idx % nC]!.hostsPerSite;
    const base = d.siteOffset[idx]!;
    let left = 0;
    for (let k = 0; k <= m; k++) {
      const n = g.sites[base + k]!;
      if (n <= 0) continue;
      const moved = n * (k > 0 ? pClean : pPatch);
      g.sites[base + k] = n - moved;
      g.removedInfected[idx] = g.removedInfected[idx]! + k * moved;
      g.removedPatched[idx] = g.removedPatched[idx]! + (m - k) * moved;
      left += k * (n - moved);
    }
    g.infected[idx] = left;
  }
}

/** Hosts ever infected in the global layer: those still infected and those cleaned since. */
export function globalEverInfected(g: GlobalState): number {
  let s = 0;
  for (let i = 0; i < g.infected.length; i++) s += g.infected[i]! + g.removedInfected[i]!;
  return s;
}

export function regionEverInfected(g: GlobalState, p: EngineParams, r: number): number {
  const nC = p.global.accessClasses.length;
  let s = 0;
  for (let c = 0; c < nC; c++) s += g.infected[r * nC + c]! + g.removedInfected[r * nC + c]!;
  return s;
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
