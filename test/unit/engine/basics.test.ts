import { describe, expect, it } from 'vitest';
import { exp, ln, oneMinusExpNeg, pow, powInt } from '../../../src/engine/detmath';
import { nextFloat, nextU32, seedPrng } from '../../../src/engine/prng';
import { drawBinomial } from '../../../src/engine/draws';
import { canonicalJson, fnv1a64, hashValue } from '../../../src/engine/hash';
import { isoToSimMs, simMsToIso } from '../../../src/engine/time';
import { formatZodIssues } from '../../../src/engine/validation';
import { engineParamsSchema } from '../../../src/engine';
import { levelParams } from './helpers';

describe('detmath', () => {
  it('exp and ln agree with Math to ~1e-14 relative', () => {
    for (const x of [-700, -50, -3.3, -1, -1e-9, 0, 1e-12, 0.5, 1, 2.718, 10, 100, 700]) {
      expect(Math.abs(exp(x) - Math.exp(x))).toBeLessThanOrEqual(Math.abs(Math.exp(x)) * 1e-14);
    }
    for (const x of [1e-300, 1e-9, 0.1, 0.5, 1, 2, 10, 12345.678, 1e300]) {
      expect(Math.abs(ln(x) - Math.log(x))).toBeLessThanOrEqual(
        Math.abs(Math.log(x)) * 1e-14 + 1e-15,
      );
    }
  });
  it('1 − e^−x is accurate for tiny x and pow/powInt match Math.pow', () => {
    expect(oneMinusExpNeg(1e-12)).toBeCloseTo(-Math.expm1(-1e-12), 26);
    expect(oneMinusExpNeg(0.01)).toBeCloseTo(-Math.expm1(-0.01), 16);
    expect(oneMinusExpNeg(0)).toBe(0);
    expect(oneMinusExpNeg(50)).toBeCloseTo(1, 15);
    expect(powInt(0.9, 8)).toBeCloseTo(Math.pow(0.9, 8), 15);
    expect(pow(2, 0.5)).toBeCloseTo(Math.SQRT2, 14);
  });
});

describe('prng and draws', () => {
  it('sfc32 is reproducible and uniform enough', () => {
    const a = seedPrng(42);
    const b = seedPrng(42);
    const xs = Array.from({ length: 1000 }, () => nextU32(a));
    const ys = Array.from({ length: 1000 }, () => nextU32(b));
    expect(xs).toEqual(ys);
    const c = seedPrng(43);
    expect(nextU32(c)).not.toBe(xs[0]);
    const st = seedPrng(7);
    let mean = 0;
    for (let i = 0; i < 20000; i++) mean += nextFloat(st) / 20000;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });
  it('binomial draws stay in range and have the right mean', () => {
    const st = seedPrng(1);
    for (const [n, p] of [
      [10, 0.3],
      [1000, 0.002],
      [5000, 0.5],
      [3000, 0.999],
    ] as const) {
      let sum = 0;
      for (let i = 0; i < 2000; i++) {
        const k = drawBinomial(st, n, p);
        expect(Number.isInteger(k)).toBe(true);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(n);
        sum += k;
      }
      expect(sum / 2000).toBeCloseTo(n * p, n * p > 100 ? -1 : 0);
    }
  });
});

describe('hash', () => {
  it('is FNV-1a 64 over a key-sorted serialisation', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    expect(canonicalJson({ b: 1, a: [1, { d: null, c: 'x' }] })).toBe(
      '{"a":[1,{"c":"x","d":null}],"b":1}',
    );
    expect(hashValue({ a: 1, b: 2 })).toBe(hashValue({ b: 2, a: 1 }));
  });
});

describe('time', () => {
  it('converts ISO times with zones to sim ms and back', () => {
    expect(isoToSimMs('2003-01-25T14:00:00+09:00')).toBe(0);
    expect(isoToSimMs('2003-01-25T05:30:00Z')).toBe(30 * 60_000);
    expect(isoToSimMs('2003-01-27T00:00:00+09:00')).toBe(34 * 3_600_000);
    expect(isoToSimMs('2003-01-25 14:00')).toBeNull();
    expect(simMsToIso(0)).toBe('2003-01-25T14:00:00+09:00');
    expect(simMsToIso(34 * 3_600_000)).toBe('2003-01-27T00:00:00+09:00');
  });
});

describe('params validation', () => {
  it('accepts the shipped level and names bad paths', () => {
    expect(() => levelParams()).not.toThrow();
    const bad = structuredClone(levelParams()) as unknown as {
      network: { links: { capacityMbps: unknown }[]; segments: { resolver: string }[] };
    };
    bad.network.links[3]!.capacityMbps = 'fast';
    bad.network.segments[0]!.resolver = 'nowhere';
    const r = engineParamsSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const msgs = formatZodIssues(r.error!, 'engine');
    expect(
      msgs.some((m) => m.startsWith('engine.network.links[3].capacityMbps: expected number')),
    ).toBe(true);
  });
  it('reports unknown ids in paths and resolvers', () => {
    const bad = structuredClone(levelParams());
    bad.network.segments[1]!.path = ['no-such-link'];
    bad.network.segments[2]!.resolver = 'nowhere';
    const r = engineParamsSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const msgs = formatZodIssues(r.error!);
    expect(msgs).toContain('network.segments[1].path[0]: unknown link id "no-such-link"');
    expect(msgs).toContain('network.segments[2].resolver: unknown resolver cluster id "nowhere"');
  });
});
