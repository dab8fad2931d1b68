// Property tests: determinism (same level, seed and actions → same hash), split invariance of advanceTo,
// purity of every API call, and physical invariants (finite, non-negative, within population, hosts
// conserved) under random action lists. Runs use the shipped level with a coarser step schedule so a
// thousand random histories fit in seconds; the properties do not depend on the step size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceTo,
  applyAction,
  createEngine,
  drainEvents,
  hashState,
  metrics,
  observe,
  pacingActivity,
  type EngineAction,
  type EngineParams,
  type EngineState,
} from '../../../src/engine';
import { derive } from '../../../src/engine/derived';
import { coarseParams, kst } from './helpers';

const P = coarseParams();
const HORIZON = kst(15, 0);

function actionArb(p: EngineParams): fc.Arbitrary<EngineAction | Record<string, unknown>> {
  const links = p.network.links.map((l) => l.id);
  const nodes = p.network.nodes.map((n) => n.id);
  const segs = p.network.segments.map((s) => s.id);
  const clusters = p.network.clusters.map((c) => c.id);
  const link = fc.constantFrom(...links);
  const dev = fc.oneof(link, fc.constantFrom(...nodes), fc.constant('no-such-device'));
  const seg = fc.oneof(fc.constantFrom(...segs), fc.constant('no-such-segment'));
  const cl = fc.constantFrom(...clusters);
  const dir = fc.constantFrom('ingress' as const, 'egress' as const);
  return fc.oneof(
    fc.record({
      type: fc.constant('acl.apply'),
      device: dev,
      direction: dir,
      port: fc.constant(1434),
    }),
    fc.record({ type: fc.constant('acl.remove'), device: dev, direction: dir }),
    fc.record({
      type: fc.constant('ratelimit.apply'),
      device: dev,
      direction: dir,
      mbps: fc.integer({ min: 0, max: 5000 }),
    }),
    fc.record({ type: fc.constant('ratelimit.remove'), device: dev, direction: dir }),
    fc.record({ type: fc.constantFrom('nullroute.apply', 'nullroute.remove'), segment: seg }),
    fc.record({ type: fc.constantFrom('link.disconnect', 'link.reconnect'), link }),
    fc.record({
      type: fc.constant('dns.addCapacity'),
      cluster: cl,
      servers: fc.integer({ min: 1, max: 20 }),
    }),
    fc.record({ type: fc.constant('dns.restart'), cluster: cl }),
    fc.record({ type: fc.constant('dns.moveResolution'), from: cl, to: cl }),
    fc.record({
      type: fc.constant('patch.start'),
      segment: seg,
      hostsPerHour: fc.integer({ min: 1, max: 20000 }),
    }),
    fc.record({ type: fc.constant('patch.stop'), segment: seg }),
    fc.record({ type: fc.constant('reboot.segment'), segment: seg }),
    fc.record({ type: fc.constant('no.such.action'), segment: seg }),
  );
}

const timedArb = fc.array(
  fc.record({ atMs: fc.integer({ min: 0, max: HORIZON }), action: actionArb(P) }),
  { maxLength: 8 },
);

type TimedAny = { atMs: number; action: unknown };

function runWith(seed: number, actions: TimedAny[], stops: number[] = []): EngineState {
  let st = createEngine(P, seed);
  const points = [
    ...actions.map((a, i) => ({ t: a.atMs, i })),
    ...stops.map((t) => ({ t, i: -1 })),
  ].sort((a, b) => a.t - b.t || a.i - b.i);
  for (const pt of points) {
    st = advanceTo(st, P, pt.t);
    if (pt.i >= 0) {
      const r = applyAction(st, P, actions[pt.i]!.action);
      if (r.ok) st = r.state;
    }
  }
  return advanceTo(st, P, HORIZON);
}

function checkInvariants(st: EngineState, p: EngineParams): void {
  const d = derive(p);
  // Every number in the state is finite and non-negative, except the "-1 = none" sentinels.
  const sentinels = new Set([
    'rebootDoneMs',
    'statusUntilMs',
    'rateIngressMbps',
    'rateEgressMbps',
    'outageCrossMs',
  ]);
  const bad: string[] = [];
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'number') {
      const floor = sentinels.has(key) ? -1 : 0;
      if (!Number.isFinite(v) || v < floor) bad.push(`${key}=${v}`);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(st, 'state');
  expect(bad).toEqual([]);
  // Hosts conserved per segment, integer counts.
  p.network.segments.forEach((seg, i) => {
    const s = st.segments[i]!;
    for (const n of [s.exposed, s.patched, s.infected, s.offline]) {
      expect(Number.isInteger(n)).toBe(true);
    }
    expect(s.exposed + s.patched + s.infected + s.offline).toBe(
      seg.sqlHosts.exposed + seg.sqlHosts.patched + seg.sqlHosts.infected,
    );
    for (const f of [s.conn, s.dnsOk, s.online]) expect(f).toBeLessThanOrEqual(1);
  });
  // Global compartments within their populations.
  st.global.infected.forEach((v, k) => expect(v).toBeLessThanOrEqual(d.globalN[k]! + 1e-9));
  for (const l of st.links) {
    for (const f of [l.utilUp, l.utilDown, l.lossUp, l.lossDown]) expect(f).toBeLessThanOrEqual(1);
  }
  for (const c of st.clusters) expect(c.successRate).toBeLessThanOrEqual(1);
  const m = metrics(st);
  for (const pct of [m.subscribersOnlinePct, m.dnsSuccessPct, m.intlLinkUtilPct]) {
    expect(pct).toBeGreaterThanOrEqual(0);
    expect(pct).toBeLessThanOrEqual(100 + 1e-9);
  }
  expect(m.globalInfected).toBeLessThanOrEqual(
    d.globalN.reduce((a, b) => a + b, 0) +
      m.ownInfected +
      m.ownExposed +
      m.ownOffline +
      m.ownPatched,
  );
  expect(pacingActivity(st)).toBeGreaterThanOrEqual(0);
  const regionSum = m.regionsInfected.reduce((a, r) => a + r.infected, 0);
  expect(Math.abs(regionSum + m.ownInfected - m.globalInfected)).toBeLessThan(
    1e-6 * (1 + regionSum),
  );
}

describe('engine properties', () => {
  it('same level, seed and actions give the same hash (1,000 random action lists)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), timedArb, (seed, actions) => {
        const a = runWith(seed, actions);
        const b = runWith(seed, structuredClone(actions));
        expect(hashState(a)).toBe(hashState(b));
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('splitting advanceTo into more calls never changes the result', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        timedArb,
        fc.array(fc.integer({ min: 0, max: HORIZON }), { maxLength: 12 }),
        (seed, actions, stops) => {
          expect(hashState(runWith(seed, actions, stops))).toBe(hashState(runWith(seed, actions)));
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('states stay finite, non-negative, within population, hosts conserved', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), timedArb, (seed, actions) => {
        let st = createEngine(P, seed);
        checkInvariants(st, P);
        const sorted = [...actions].sort((a, b) => a.atMs - b.atMs);
        for (const a of sorted) {
          st = advanceTo(st, P, a.atMs);
          const r = applyAction(st, P, a.action);
          if (r.ok) st = r.state;
          checkInvariants(st, P);
        }
        st = advanceTo(st, P, HORIZON);
        checkInvariants(st, P);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('API calls never mutate their input state', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), actionArb(P), (seed, action) => {
        const st = advanceTo(createEngine(P, seed), P, kst(14, 31));
        const before = hashState(st);
        advanceTo(st, P, kst(14, 33));
        applyAction(st, P, action);
        metrics(st);
        observe(st);
        pacingActivity(st);
        expect(hashState(st)).toBe(before);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('applyAction never throws, whatever it is given', () => {
    const st = createEngine(P, 1);
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const r = applyAction(st, P, junk);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('draining events does not change the hash; a non-finite target is refused', () => {
    const st = advanceTo(createEngine(P, 1), P, kst(14, 40));
    expect(st.events.length).toBeGreaterThan(0);
    const d = drainEvents(st);
    expect(hashState(d.state)).toBe(hashState(st));
    expect(() => advanceTo(st, P, Number.NaN)).toThrow(RangeError);
  });

  it('different seeds give different own-network histories', () => {
    const hashes = new Set([1, 2, 3].map((s) => hashState(runWith(s, []))));
    expect(hashes.size).toBe(3);
  });
});
