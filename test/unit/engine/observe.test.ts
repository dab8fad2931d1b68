// Observations are what 2003 monitoring showed: delayed, averaged, noisy — and separate from the truth.
import { describe, expect, it } from 'vitest';
import {
  advanceTo,
  createEngine,
  hashState,
  metrics,
  nextStepMs,
  observe,
  pacingActivity,
} from '../../../src/engine';
import { kst, levelParams } from './helpers';

const P = levelParams();

describe('observations', () => {
  it('link utilisation is published as 5-minute averages, at bucket ends only', () => {
    const st = advanceTo(createEngine(P, 1), P, kst(14, 34));
    const o = observe(st);
    expect(o.linksAsOfMs).toBe(kst(14, 30));
    // The gateway's outbound truth is saturated by now, the last published average is not yet.
    const truth = metrics(st).links.find((l) => l.id === 'intl-hyehwa')!;
    const seen = o.links.find((l) => l.id === 'intl-hyehwa')!;
    expect(truth.utilUpPct).toBeGreaterThan(99);
    expect(seen.outPct).toBeLessThan(60);
    const later = observe(advanceTo(st, P, kst(14, 40)));
    expect(later.links.find((l) => l.id === 'intl-hyehwa')!.outPct).toBeGreaterThan(90);
  });

  it('DNS, IDS and call-centre figures lag and carry seeded noise', () => {
    const a = advanceTo(createEngine(P, 1), P, kst(15, 10));
    const b = advanceTo(createEngine(P, 2), P, kst(15, 10));
    const oa = observe(a);
    expect(oa.dnsAsOfMs).toBe(kst(15, 10));
    expect(oa.dns.find((c) => c.id === 'dns-hyehwa')!.status).toBe('no answer');
    expect(oa.idsAlertsPerMin).toBeGreaterThan(0);
    expect(oa.callsPerMin).toBeGreaterThan(0);
    expect(oa.dns[1]!.queriesPerSec).not.toBe(observe(b).dns[1]!.queriesPerSec);
    // Calls build up minutes after the outage starts.
    const early = observe(advanceTo(createEngine(P, 1), P, kst(14, 45)));
    expect(early.callsPerMin).toBeLessThan(oa.callsPerMin);
  });

  it('reading observations, metrics or activity consumes no randomness', () => {
    const st = advanceTo(createEngine(P, 1), P, kst(14, 40));
    const h = hashState(st);
    observe(st);
    metrics(st);
    pacingActivity(st);
    expect(hashState(st)).toBe(h);
    expect(hashState(advanceTo(st, P, kst(14, 50)))).toBe(
      hashState(advanceTo(createEngine(P, 1), P, kst(14, 50))),
    );
  });
});

describe('pacing signal', () => {
  it('is quiet before the worm, high in its first minutes, lower again later', () => {
    const quiet = pacingActivity(advanceTo(createEngine(P, 1), P, kst(14, 10)));
    const burst = pacingActivity(advanceTo(createEngine(P, 1), P, kst(14, 30, 30)));
    const after = pacingActivity(advanceTo(createEngine(P, 1), P, kst(17, 0)));
    expect(quiet).toBeLessThan(0.001);
    expect(burst).toBeGreaterThan(0.02);
    expect(after).toBeLessThan(burst / 10);
  });
});

describe('step schedule', () => {
  it('is coarse before the worm, fine while it grows, coarse again when quiet', () => {
    const st0 = createEngine(P, 1);
    expect(nextStepMs(st0, P)).toBe(10_000);
    const atOnset = advanceTo(st0, P, P.global.onsetMs);
    expect(atOnset.tMs).toBe(P.global.onsetMs);
    expect(nextStepMs(atOnset, P) - atOnset.tMs).toBe(100);
    const late = advanceTo(st0, P, kst(20, 0));
    expect(nextStepMs(late, P) - late.tMs).toBe(10_000);
    // advanceTo stops at the last boundary at or before the target.
    const mid = advanceTo(st0, P, kst(14, 10, 5));
    expect(mid.tMs).toBe(kst(14, 10));
  });
});
