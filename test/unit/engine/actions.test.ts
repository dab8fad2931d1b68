// Physical effects of each operator action on the shipped KT-like level (full step schedule).
import { describe, expect, it } from 'vitest';
import {
  advanceTo,
  applyAction,
  createEngine,
  drainEvents,
  metrics,
  type EngineMetrics,
  type EngineState,
} from '../../../src/engine';
import { kst, levelParams, run, type Timed } from './helpers';

const P = levelParams();
const link = (m: EngineMetrics, id: string) => m.links.find((l) => l.id === id)!;
const seg = (m: EngineMetrics, id: string) => m.segments.find((s) => s.id === id)!;
const cluster = (m: EngineMetrics, id: string) => m.clusters.find((c) => c.id === id)!;
const INTL = ['intl-hyehwa', 'intl-busan'];
const acl = (atMs: number, device: string, direction: 'ingress' | 'egress'): Timed => ({
  atMs,
  action: { type: 'acl.apply', device, direction, port: 1434 },
});

const baseline1445 = metrics(run(P, kst(14, 45)));
const quiet1445 = metrics(
  run(P, kst(14, 45), [
    {
      atMs: 0,
      action: { type: 'acl.apply', device: 'intl-hyehwa', direction: 'ingress', port: 1434 },
    },
    {
      atMs: 0,
      action: { type: 'acl.apply', device: 'intl-busan', direction: 'ingress', port: 1434 },
    },
  ]),
);
/** Same time of day, no worm inside: the legit goodput to compare with. */
const run0 = () => quiet1445;

describe('filters', () => {
  it('an ingress filter at the gateways before the worm arrives keeps every inside host clean', () => {
    const m = metrics(
      run(
        P,
        kst(15, 0),
        INTL.map((l) => acl(0, l, 'ingress')),
      ),
    );
    expect(m.ownInfected).toBe(0);
    expect(baseline1445.ownInfected).toBeGreaterThan(3000);
    // Nothing inside floods the gateway, so the international links carry legit traffic only.
    expect(link(m, 'intl-hyehwa').lossUpPct).toBe(0);
  });

  it('a late ingress filter does not relieve links flooded from inside', () => {
    const late = INTL.map((l) => acl(kst(14, 38), l, 'ingress'));
    const m = metrics(run(P, kst(14, 45), late));
    // Our filter sits at our end of the international link: nothing gets in, but the link still
    // carries what the Internet sends.
    expect(m.wormBorderInPps).toBe(0);
    expect(baseline1445.wormBorderInPps).toBeGreaterThan(0);
    expect(link(m, 'intl-hyehwa').wormFilteredDownPps).toBeGreaterThan(0);
    expect(link(m, 'intl-hyehwa').wormDownPps).toBeCloseTo(
      link(baseline1445, 'intl-hyehwa').wormDownPps,
      -3,
    );
    // Outbound worm traffic from infected hosts inside still fills the gateway.
    expect(link(m, 'intl-hyehwa').lossUpPct).toBeGreaterThan(40);
    expect(link(m, 'intl-hyehwa').lossUpPct).toBeCloseTo(
      link(baseline1445, 'intl-hyehwa').lossUpPct,
      -1,
    );
    expect(link(m, 'lan-idc-mokdong').lossUpPct).toBeGreaterThan(90);
  });

  it("only the upstream party's filter relieves an international link's inbound direction", () => {
    const ours = metrics(run(P, kst(14, 45), [acl(kst(14, 20), 'intl-hyehwa', 'ingress')]));
    const theirs = metrics(
      run(P, kst(14, 45), [
        {
          atMs: kst(14, 20),
          action: {
            type: 'acl.apply',
            device: 'intl-hyehwa',
            direction: 'ingress',
            port: 1434,
            upstream: true,
          },
        },
      ]),
    );
    expect(link(theirs, 'intl-hyehwa').wormDownPps).toBe(0);
    expect(link(theirs, 'intl-hyehwa').upstreamIngress).toBe(true);
    expect(link(ours, 'intl-hyehwa').wormDownPps).toBeGreaterThan(0);
    expect(link(theirs, 'intl-hyehwa').utilDownPct).toBeLessThan(
      link(ours, 'intl-hyehwa').utilDownPct,
    );
    // Both keep the worm out of the network behind the link (what is left comes in at Busan).
    expect(theirs.wormBorderInPps).toBeLessThan(baseline1445.wormBorderInPps);
    expect(ours.wormBorderInPps).toBeLessThan(baseline1445.wormBorderInPps);
  });

  it('an upstream filter must be inbound', () => {
    const r = applyAction(run(P, kst(14, 0)), P, {
      type: 'acl.apply',
      device: 'intl-hyehwa',
      direction: 'egress',
      upstream: true,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.path).toBe('direction');
  });

  it('an egress filter protects upstream links and the Internet, not the LAN behind it', () => {
    const m = metrics(
      run(
        P,
        kst(14, 45),
        INTL.map((l) => acl(kst(14, 38), l, 'egress')),
      ),
    );
    expect(m.wormSentOutPps).toBe(0);
    expect(baseline1445.wormSentOutPps).toBeGreaterThan(1e6);
    expect(link(m, 'intl-hyehwa').lossUpPct).toBe(0);
    // The IDC LAN is still flooded by its own infected servers.
    expect(link(m, 'lan-idc-mokdong').lossUpPct).toBeGreaterThan(90);
    expect(m.ownInfected).toBeGreaterThan(3000);
    // Legit traffic gets through the gateway again; the IDC's own uplink still starves it.
    const gw = link(m, 'intl-hyehwa');
    expect(gw.goodputUpMbps).toBeGreaterThan(0.99 * link(run0(), 'intl-hyehwa').goodputUpMbps);
    expect(link(m, 'lan-idc-mokdong').goodputUpMbps).toBeLessThan(
      0.1 * link(run0(), 'lan-idc-mokdong').goodputUpMbps,
    );
  });

  it('an egress filter on a segment uplink relieves everything outwards of it', () => {
    const m = metrics(run(P, kst(14, 45), [acl(kst(14, 20), 'lan-idc-mokdong', 'egress')]));
    expect(seg(m, 'idc-mokdong').wormOutPps).toBe(0);
    expect(link(m, 'lan-idc-mokdong').lossUpPct).toBe(0);
    expect(m.wormSentOutPps).toBeLessThan(baseline1445.wormSentOutPps);
  });

  it('a node device applies the filter on every link attached to it', () => {
    const r = applyAction(createEngine(P, 1), P, {
      type: 'acl.apply',
      device: 'hyehwa',
      direction: 'egress',
      port: 1434,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const on = metrics(r.state)
      .links.filter((l) => l.aclEgress)
      .map((l) => l.id);
    expect(on).toContain('intl-hyehwa');
    expect(on).toContain('bb-guro-hyehwa');
    expect(on).not.toContain('intl-busan');
  });

  it('a rate limit caps the worm traffic crossing the interface', () => {
    const m = metrics(
      run(P, kst(14, 45), [
        {
          atMs: kst(14, 20),
          action: {
            type: 'ratelimit.apply',
            device: 'intl-hyehwa',
            direction: 'egress',
            mbps: 100,
          },
        },
      ]),
    );
    const maxPps = 100 / ((404 * 8) / 1e6);
    expect(link(m, 'intl-hyehwa').wormUpPps).toBeLessThanOrEqual(maxPps + 1e-6);
    expect(link(m, 'intl-hyehwa').lossUpPct).toBe(0);
  });
});

describe('hosts', () => {
  // Random scanning at ~60 M/s over 2^32 addresses hits each address every ~70 s on average, so an exposed
  // host is re-infected within a minute or two of coming back, not literally seconds.
  it('a reboot without patch or filter is undone as soon as the hosts come back', () => {
    const before = run(P, kst(15, 0));
    const infectedBefore = seg(metrics(before), 'idc-mokdong').infected;
    expect(infectedBefore).toBeGreaterThan(600);
    const r = applyAction(before, P, { type: 'reboot.segment', segment: 'idc-mokdong' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const justAfter = seg(metrics(r.state), 'idc-mokdong');
    expect(justAfter.infected).toBe(0);
    expect(justAfter.offline).toBe(infectedBefore);
    // rebootS (90 s) later the hosts are back, exposed, and the first are re-infected within seconds.
    const t0 = kst(15, 0) + 90_000;
    const back = metrics(advanceTo(r.state, P, t0 + 10_000));
    expect(seg(back, 'idc-mokdong').offline).toBe(0);
    expect(seg(back, 'idc-mokdong').infected).toBeGreaterThan(50);
    const two = metrics(advanceTo(r.state, P, t0 + 120_000));
    expect(seg(two, 'idc-mokdong').infected).toBeGreaterThan(0.75 * infectedBefore);
    const five = metrics(advanceTo(r.state, P, t0 + 300_000));
    expect(seg(five, 'idc-mokdong').infected).toBeGreaterThan(0.95 * infectedBefore);
  });

  it('a reboot behind an ingress filter (all paths) stays clean', () => {
    const filtered = run(P, kst(15, 0), [
      ...INTL.map((l) => acl(kst(14, 50), l, 'ingress')),
      // internal scans enter through the segment's own uplink
      acl(kst(14, 50), 'lan-idc-mokdong', 'ingress'),
    ]);
    const r = applyAction(filtered, P, { type: 'reboot.segment', segment: 'idc-mokdong' });
    if (!r.ok) throw new Error(r.message);
    const later = metrics(advanceTo(r.state, P, kst(15, 10)));
    expect(seg(later, 'idc-mokdong').infected).toBe(0);
    expect(seg(later, 'idc-mokdong').exposed).toBeGreaterThan(600);
  });

  it('a patch campaign moves hosts to patched at the given rate, infected ones included', () => {
    const start = run(P, kst(15, 0));
    const r = applyAction(start, P, {
      type: 'patch.start',
      segment: 'idc-hyehwa',
      hostsPerHour: 360,
    });
    if (!r.ok) throw new Error(r.message);
    const s0 = seg(metrics(start), 'idc-hyehwa');
    const s1 = seg(metrics(advanceTo(r.state, P, kst(16, 0))), 'idc-hyehwa');
    // One step short of 16:00 at most (advanceTo stops on the step grid).
    expect(s1.patched - s0.patched).toBeGreaterThanOrEqual(359);
    expect(s1.patched - s0.patched).toBeLessThanOrEqual(360);
    expect(s1.infected).toBeLessThan(s0.infected);
    const total = (s: typeof s0) => s.exposed + s.infected + s.patched + s.offline;
    expect(total(s1)).toBe(total(s0));
  });

  it('patching before the worm arrives lowers the infected count', () => {
    const m = metrics(
      run(P, kst(15, 0), [
        { atMs: 0, action: { type: 'patch.start', segment: 'idc-mokdong', hostsPerHour: 2000 } },
      ]),
    );
    expect(seg(m, 'idc-mokdong').infected).toBeLessThan(
      seg(metrics(run(P, kst(15, 0))), 'idc-mokdong').infected - 500,
    );
  });

  it('null-routing a segment isolates it: no infection in, no worm out, its customers offline', () => {
    const m = metrics(
      run(P, kst(15, 0), [
        { atMs: 0, action: { type: 'nullroute.apply', segment: 'idc-mokdong' } },
      ]),
    );
    const s = seg(m, 'idc-mokdong');
    expect(s.infected).toBe(0);
    expect(s.wormOutPps).toBe(0);
    expect(s.onlinePct).toBe(0);
    expect(m.idcServicesDown).toBeGreaterThanOrEqual(700);
    const lifted = metrics(
      run(P, kst(15, 2), [
        { atMs: 0, action: { type: 'nullroute.apply', segment: 'idc-mokdong' } },
        { atMs: kst(15, 0), action: { type: 'nullroute.remove', segment: 'idc-mokdong' } },
      ]),
    );
    expect(seg(lifted, 'idc-mokdong').infected).toBeGreaterThan(500);
  });
});

describe('links', () => {
  it('disconnecting a link drops everything on it; reconnecting restores it', () => {
    const st = run(P, kst(14, 10), [
      { atMs: kst(14, 5), action: { type: 'link.disconnect', link: 'acc-bb-daegu' } },
    ]);
    const m = metrics(st);
    expect(link(m, 'acc-bb-daegu').lossDownPct).toBe(100);
    expect(seg(m, 'bb-daegu').onlinePct).toBe(0);
    expect(seg(m, 'bb-seoul').onlinePct).toBeGreaterThan(99);
    const r = applyAction(st, P, { type: 'link.reconnect', link: 'acc-bb-daegu' });
    if (!r.ok) throw new Error(r.message);
    expect(seg(metrics(advanceTo(r.state, P, kst(14, 12))), 'bb-daegu').onlinePct).toBeGreaterThan(
      99,
    );
  });
});

describe('DNS', () => {
  const events = (st: EngineState) => drainEvents(st).events;

  it('Hyehwa fails from the retry storm when the gateway floods, not from a timer', () => {
    const st = run(P, kst(15, 0));
    const down = events(st).filter((e) => e.kind === 'dns.down');
    expect(down.map((e) => e.id)).toContain('dns-hyehwa');
    const t = down.find((e) => e.id === 'dns-hyehwa')!.tMs;
    expect(t).toBeGreaterThan(kst(14, 35));
    expect(t).toBeLessThan(kst(14, 55));
    // With the gateways filtered both ways before the worm, the same resolvers never fail.
    const calm = run(P, kst(15, 0), [
      ...INTL.map((l) => acl(0, l, 'ingress')),
      ...INTL.map((l) => acl(0, l, 'egress')),
    ]);
    expect(events(calm).filter((e) => e.kind === 'dns.down')).toEqual([]);
  });

  it('restarting while links are still flooded fails again; after egress filtering it holds', () => {
    const st = run(P, kst(15, 0));
    expect(cluster(metrics(st), 'dns-hyehwa').status).toBe('down');
    const again = run(
      P,
      kst(15, 30),
      [{ atMs: kst(15, 0), action: { type: 'dns.restart', cluster: 'dns-hyehwa' } }],
      1,
    );
    const ev = events(again).filter((e) => e.id === 'dns-hyehwa');
    // The restart meets the same retry storm and does not stick; nothing else brings it back.
    const failed = ev.find((e) => e.kind === 'dns.restartFailed');
    expect(failed?.tMs).toBeGreaterThanOrEqual(kst(15, 0) + 300_000);
    expect(failed!.tMs).toBeLessThan(kst(15, 0) + 301_000);
    expect(ev.some((e) => e.kind === 'dns.up')).toBe(false);
    expect(cluster(metrics(again), 'dns-hyehwa').status).toBe('down');
    const fixed = run(P, kst(15, 30), [
      ...INTL.map((l) => acl(kst(14, 58), l, 'egress')),
      { atMs: kst(15, 0), action: { type: 'dns.restart', cluster: 'dns-hyehwa' } },
    ]);
    const m = metrics(fixed);
    expect(cluster(m, 'dns-hyehwa').status).toBe('up');
    expect(m.dnsSuccessPct).toBeGreaterThan(95);
    expect(m.subscribersOnlinePct).toBeGreaterThan(90);
  });

  it('added servers answer only after the delay', () => {
    const st = run(P, kst(14, 10), [
      { atMs: kst(14, 0), action: { type: 'dns.addCapacity', cluster: 'dns-guro', servers: 10 } },
    ]);
    expect(cluster(metrics(st), 'dns-guro').servers).toBe(6);
    const later = advanceTo(st, P, kst(14, 0) + 5400_000);
    expect(cluster(metrics(later), 'dns-guro').servers).toBe(16);
    expect(
      drainEvents(later).events.some((e) => e.kind === 'dns.capacityReady' && e.tMs === 5400_000),
    ).toBe(true);
  });

  it('enough added capacity lets a restarted cluster ride out the storm', () => {
    const acts: Timed[] = [
      { atMs: 0, action: { type: 'dns.addCapacity', cluster: 'dns-hyehwa', servers: 40 } },
      { atMs: kst(15, 31), action: { type: 'dns.restart', cluster: 'dns-hyehwa' } },
    ];
    // Servers arrive at 15:30 (addCapacityS = 90 min); before that Hyehwa has failed as usual.
    expect(cluster(metrics(run(P, kst(15, 0), acts)), 'dns-hyehwa').status).toBe('down');
    const m = metrics(run(P, kst(16, 10), acts));
    expect(cluster(m, 'dns-hyehwa').servers).toBe(52);
    expect(cluster(m, 'dns-hyehwa').status).toBe('up');
    expect(m.dnsSuccessPct).toBeGreaterThan(80);
  });

  it('moving resolution moves the load, and Guro falls in turn', () => {
    const before = run(P, kst(14, 20));
    const q0 = metrics(before);
    const r = applyAction(before, P, {
      type: 'dns.moveResolution',
      from: 'dns-hyehwa',
      to: 'dns-guro',
    });
    if (!r.ok) throw new Error(r.message);
    const m = metrics(advanceTo(r.state, P, kst(14, 21)));
    expect(cluster(m, 'dns-hyehwa').queriesPerSec).toBe(0);
    expect(cluster(m, 'dns-guro').queriesPerSec).toBeGreaterThan(
      0.9 * (cluster(q0, 'dns-hyehwa').queriesPerSec + cluster(q0, 'dns-guro').queriesPerSec),
    );
    expect(seg(m, 'bb-seoul').resolver).toBe('dns-guro');
    const storm = advanceTo(r.state, P, kst(15, 0));
    expect(cluster(metrics(storm), 'dns-guro').status).not.toBe('up');
  });
});

describe('rejections', () => {
  it('unknown ids and action types come back as ok:false with a code and path', () => {
    const st = createEngine(P, 1);
    const r1 = applyAction(st, P, {
      type: 'acl.apply',
      device: 'nowhere',
      direction: 'ingress',
      port: 1434,
    });
    expect(r1).toMatchObject({ ok: false, code: 'unknown-id', path: 'device' });
    const r2 = applyAction(st, P, { type: 'dns.restart', cluster: 'dns-seoul' });
    expect(r2).toMatchObject({ ok: false, code: 'unknown-id', path: 'cluster' });
    const r3 = applyAction(st, P, { type: 'firewall.magic' });
    expect(r3).toMatchObject({ ok: false, code: 'unknown-action' });
    const r4 = applyAction(st, P, { type: 'patch.start', segment: 'bb-seoul', hostsPerHour: -5 });
    expect(r4).toMatchObject({ ok: false, code: 'invalid-action', path: 'hostsPerHour' });
  });
});
