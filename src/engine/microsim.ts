// Reference microsimulation: every infected host is simulated scan by scan with Slammer's own generator,
// x' = 214013·x + b (mod 2³²), the low byte of x being the first octet of the target. b comes from a
// kernel32 pointer XOR 0xFFD9613C, so it is ≡ 0 (mod 4) and each instance only ever reaches the quarter of
// the address space whose first octet matches its seed mod 4 (the PRNG flaw).
//
// The population is scaled honestly: N hosts in an address space of 2^addressBits (the low bits of the LCG
// are themselves an LCG of the same form, so x mod 2^k is Slammer's generator on a 2^k space), with the
// same per-host rates and site uplinks as the aggregate model. The aggregate counterpart uses the same N
// and rates and a density factor 2³²/2^k. Tests compare the two curves; the bench compares their speed.
import { derive } from './derived';
import { createGlobalState, globalInfectedTotal, seedOutbreak, stepGlobal } from './globalModel';
import { NO_WORLD_RESPONSE, type EngineParams } from './params';
import { nextFloat, nextU32, seedPrng } from './prng';

export interface MicrosimConfig {
  addressBits: number;
  hosts: number;
  hostsPerSite: number;
  hostPps: number;
  linkPps: number;
  siteFloodLoss: number;
  seedHosts: number;
  dtS: number;
  untilS: number;
  seed: number;
  /** Counterfactual: an odd increment b, so every instance cycles through the whole space. */
  fullPeriodLcg?: boolean;
}

export interface CurveResult {
  /** Infected count at the end of each step (index i ↔ time (i+1)·dtS). */
  infected: number[];
  t50: number;
  t90: number;
  scans: number;
}

export const DEFAULT_MICROSIM: MicrosimConfig = {
  addressBits: 21,
  hosts: 1000,
  hostsPerSite: 4,
  hostPps: 200,
  linkPps: 300,
  siteFloodLoss: 0.5,
  seedHosts: 10,
  dtS: 0.1,
  untilS: 400,
  seed: 1,
};

const LCG_A = 214013;
const B_XOR = 0xffd9613c;

function crossingTimes(infected: number[], n: number, dtS: number): { t50: number; t90: number } {
  const at = (frac: number): number => {
    const i = infected.findIndex((v) => v >= frac * n);
    return i < 0 ? Infinity : (i + 1) * dtS;
  };
  return { t50: at(0.5), t90: at(0.9) };
}

export function runMicrosim(cfg: MicrosimConfig): CurveResult {
  const rng = seedPrng(cfg.seed);
  const space = 2 ** cfg.addressBits;
  const mask = space - 1;
  const N = cfg.hosts;
  const m = cfg.hostsPerSite;
  // Distinct random addresses; occupant[addr] = host index + 1.
  const occupant = new Int32Array(space);
  const addr = new Int32Array(N);
  for (let h = 0; h < N; h++) {
    let a: number;
    do a = nextU32(rng) & mask;
    while (occupant[a] !== 0);
    occupant[a] = h + 1;
    addr[h] = a;
  }
  const site = new Int32Array(N);
  for (let h = 0; h < N; h++) site[h] = Math.floor(h / m);
  const nSites = Math.ceil(N / m);
  const siteInf = new Int32Array(nSites);
  // 0 susceptible, 1 infected, 2 infected during this step (starts scanning next step)
  const status = new Uint8Array(N);
  const x = new Uint32Array(N);
  const b = new Uint32Array(N);
  const carry = new Float64Array(N);
  const infectedList: number[] = [];
  const infect = (h: number): void => {
    status[h] = 1;
    siteInf[site[h]!]!++;
    x[h] = nextU32(rng); // GetTickCount at infection
    b[h] = cfg.fullPeriodLcg ? (nextU32(rng) | 1) >>> 0 : ((nextU32(rng) & ~3) ^ B_XOR) >>> 0; // 4-byte-aligned pointer XOR constant
    infectedList.push(h);
  };
  // Seeds: distinct random hosts.
  for (let k = 0; k < cfg.seedHosts && infectedList.length < N; k++) {
    let h: number;
    do h = Math.floor(nextFloat(rng) * N);
    while (status[h] !== 0);
    infect(h);
  }
  const steps = Math.round(cfg.untilS / cfg.dtS);
  const curve: number[] = [];
  const fresh: number[] = [];
  let scans = 0;
  for (let s = 0; s < steps; s++) {
    const active = infectedList.length;
    for (let i = 0; i < active; i++) {
      const h = infectedList[i]!;
      const share = cfg.linkPps / siteInf[site[h]!]!;
      const rate = share < cfg.hostPps ? share : cfg.hostPps;
      const want = carry[h]! + rate * cfg.dtS;
      const n = Math.floor(want);
      carry[h] = want - n;
      let xs = x[h]!;
      const bh = b[h]!;
      for (let j = 0; j < n; j++) {
        xs = (Math.imul(LCG_A, xs) + bh) >>> 0;
        const target = occupant[xs & mask]!;
        if (target === 0) continue;
        const th = target - 1;
        if (status[th] !== 0) continue;
        // A neighbour already infected floods the target's site uplink.
        if (siteInf[site[th]!]! > 0 && nextFloat(rng) < cfg.siteFloodLoss) continue;
        status[th] = 2;
        fresh.push(th);
      }
      x[h] = xs;
      scans += n;
    }
    for (const h of fresh) {
      status[h] = 0;
      infect(h);
    }
    fresh.length = 0;
    curve.push(infectedList.length);
  }
  return { infected: curve, scans, ...crossingTimes(curve, N, cfg.dtS) };
}

/** The aggregate model's global layer on the same population: one region, one access class. */
export function aggregateParamsFor(cfg: MicrosimConfig): EngineParams {
  return {
    global: {
      onsetMs: 0,
      seedHosts: cfg.seedHosts,
      seedRegion: 'US',
      regions: [{ id: 'US', vulnerableHosts: cfg.hosts, corePps: 1e15, addressShare: 1 }],
      accessClasses: [
        {
          id: 'site',
          share: 1,
          hostsPerSite: cfg.hostsPerSite,
          linkPps: cfg.linkPps,
          hostPps: cfg.hostPps,
        },
      ],
      prngCoverage: 0.25,
      // Same hosts in a 2^k space instead of 2^32: hit probability per scan scales by 2^(32−k).
      coverageDensityRatio: 2 ** (32 - cfg.addressBits),
      siteFloodLoss: cfg.siteFloodLoss,
      // The reference compares the outbreak alone: nobody reacts within its minutes.
      response: NO_WORLD_RESPONSE,
    },
    network: {
      nodes: [],
      links: [],
      clusters: [],
      segments: [],
      legitProfile: new Array<number>(24).fill(1),
      intlTrafficShare: 0,
      lossOffline: 0.5,
      lossFine: 0.05,
      rebootS: 60,
      exposureJitter: 0,
      capacityJitter: 0,
      dns: { stubAttempts: 1 },
    },
    schedule: {
      fineStepMs: 100,
      mediumStepMs: 1000,
      coarseStepMs: 10000,
      fineForS: 1,
      mediumUntilS: 1,
    },
    observe: {
      linkAvgS: 300,
      dnsSampleS: 60,
      noise: 0,
      idsAlertsPerKpps: 0,
      idsMaxPerMin: 1,
      callsPer10kOffline: 0,
      callDelayS: 0,
    },
  };
}

/** Run only the global layer (the aggregate model) on the microsim's population. */
export function runAggregate(cfg: MicrosimConfig): CurveResult {
  const p = aggregateParamsFor(cfg);
  const d = derive(p);
  const g = createGlobalState(p, d);
  seedOutbreak(g, p, d);
  const steps = Math.round(cfg.untilS / cfg.dtS);
  const curve: number[] = [];
  let scans = 0;
  for (let s = 0; s < steps; s++) {
    stepGlobal(g, p, d, cfg.dtS, 0);
    scans += g.scansPerSec * cfg.dtS;
    curve.push(globalInfectedTotal(g));
  }
  return { infected: curve, scans, ...crossingTimes(curve, cfg.hosts, cfg.dtS) };
}
