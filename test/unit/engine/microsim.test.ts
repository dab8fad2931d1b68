// The aggregate model against the per-host reference microsimulation on one shared scaled population:
// the same N hosts, sites, per-host and per-site rates and flood loss; the microsim scans a 2^21 address
// space with Slammer's own LCG, the aggregate gets the matching density factor 2^(32−21). The early phase of
// any stochastic outbreak adds a random time shift, so the microsim is averaged over several seeds and
// starts from 40 hosts (the aggregate has no such shift). Three site structures are checked, so the
// agreement is not an accident of one configuration.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MICROSIM,
  runAggregate,
  runMicrosim,
  type MicrosimConfig,
} from '../../../src/engine/microsim';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const CASES: { name: string; cfg: MicrosimConfig }[] = [
  {
    name: 'shared population (4 hosts per site, flood loss 50 %)',
    cfg: { ...DEFAULT_MICROSIM, seedHosts: 40 },
  },
  {
    name: 'pure random constant spread (1 host per site, no flood loss)',
    cfg: { ...DEFAULT_MICROSIM, seedHosts: 40, hostsPerSite: 1, linkPps: 200, siteFloodLoss: 0 },
  },
  {
    name: 'big sites (8 hosts, flood loss 80 %)',
    cfg: {
      ...DEFAULT_MICROSIM,
      seedHosts: 40,
      hostsPerSite: 8,
      linkPps: 500,
      hostPps: 250,
      siteFloodLoss: 0.8,
      untilS: 600,
    },
  },
];

describe.each(CASES)('aggregate model vs microsim: $name', ({ cfg }) => {
  const micro = SEEDS.map((seed) => runMicrosim({ ...cfg, seed }));
  const agg = runAggregate(cfg);

  it('time to 50 % agrees within 5 %', () => {
    const m = mean(micro.map((r) => r.t50));
    expect(Number.isFinite(agg.t50)).toBe(true);
    expect(Math.abs(agg.t50 - m) / m).toBeLessThan(0.05);
  });

  it('time to 90 % agrees within 5 %', () => {
    const m = mean(micro.map((r) => r.t90));
    expect(Number.isFinite(agg.t90)).toBe(true);
    expect(Math.abs(agg.t90 - m) / m).toBeLessThan(0.05);
  });
});

describe('microsim mechanics', () => {
  it('site sharing and flood loss stretch the late phase beyond the logistic', () => {
    const rcs = runAggregate(CASES[1]!.cfg);
    const shared = runAggregate(CASES[0]!.cfg);
    // From the same start, pure RCS goes from 50 % to 90 % in well under its 50 % time;
    // shared uplinks and flooded sites stretch that span.
    expect((rcs.t90 - rcs.t50) / rcs.t50).toBeLessThan(0.8);
    expect((shared.t90 - shared.t50) / shared.t50).toBeGreaterThan(1.2);
  });

  it('the ¼-coverage flaw hardly changes the outbreak (why the aggregate can treat it as cancelling)', () => {
    const cfg = CASES[0]!.cfg;
    const flawed = mean(SEEDS.slice(0, 4).map((seed) => runMicrosim({ ...cfg, seed }).t90));
    const full = mean(
      SEEDS.slice(0, 4).map((seed) => runMicrosim({ ...cfg, seed, fullPeriodLcg: true }).t90),
    );
    expect(Math.abs(flawed - full) / full).toBeLessThan(0.05);
  });

  it('the flawed LCG keeps each instance inside one quarter of the space', () => {
    const b = ((0x12345678 & ~3) ^ 0xffd9613c) >>> 0;
    let x = 0x9abcdef1 >>> 0;
    const residue = x & 3;
    for (let i = 0; i < 10_000; i++) {
      x = (Math.imul(214013, x) + b) >>> 0;
      expect(x & 3).toBe(residue);
    }
  });
});
