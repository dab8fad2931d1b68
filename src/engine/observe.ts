// What 2003 monitoring would show, kept apart from the truth. MRTG polled interface counters and drew
// 5-minute averages; DNS statistics came from resolver logs once a minute; an IDS counted alerts; the call
// centre counted calls, which arrive minutes after customers lose service. Published values are computed
// inside the step (noise drawn from the engine PRNG at publication), so reading them consumes nothing.
import { oneMinusExpNeg } from './detmath';
import type { Derived } from './derived';
import type { EngineParams } from './params';
import { nextNormal } from './prng';
import type { EngineObservation, EngineState, ObserveAccumulators } from './state';

export function createObservation(p: EngineParams): EngineObservation {
  return {
    tMs: 0,
    linksAsOfMs: 0,
    links: p.network.links.map((l) => ({ id: l.id, inPct: 0, outPct: 0 })),
    dnsAsOfMs: 0,
    dns: p.network.clusters.map((c) => ({
      id: c.id,
      queriesPerSec: 0,
      successPct: 100,
      status: 'answering' as const,
    })),
    idsAlertsPerMin: 0,
    callsPerMin: 0,
    minuteAsOfMs: 0,
  };
}

export function createAccumulators(p: EngineParams): ObserveAccumulators {
  return {
    linkUp: p.network.links.map(() => 0),
    linkDown: p.network.links.map(() => 0),
    linkS: 0,
    dnsQ: p.network.clusters.map(() => 0),
    dnsOk: p.network.clusters.map(() => 0),
    dnsS: 0,
    idsPkts: 0,
    minuteS: 0,
    offlineLagged: 0,
  };
}

function crossed(prevMs: number, tMs: number, periodMs: number): boolean {
  return Math.floor(prevMs / periodMs) < Math.floor(tMs / periodMs);
}

function noisy(st: EngineState, v: number, sigma: number): number {
  if (sigma <= 0 || v === 0) return v;
  const x = v * (1 + sigma * nextNormal(st.prng));
  return x < 0 ? 0 : x;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function updateObservation(
  st: EngineState,
  p: EngineParams,
  d: Derived,
  prevMs: number,
  dtS: number,
): void {
  const o = p.observe;
  const acc = st.acc;
  const obs = st.obs;
  obs.tMs = st.tMs;
  for (let l = 0; l < st.links.length; l++) {
    acc.linkUp[l]! += st.links[l]!.utilUp * dtS;
    acc.linkDown[l]! += st.links[l]!.utilDown * dtS;
  }
  acc.linkS += dtS;
  for (let k = 0; k < st.clusters.length; k++) {
    const cs = st.clusters[k]!;
    acc.dnsQ[k]! += cs.queriesPerSec * dtS;
    acc.dnsOk[k]! += cs.successRate * dtS;
  }
  acc.dnsS += dtS;
  let gw = 0;
  for (const l of d.intlLinks) gw += st.links[l]!.wormDownPps + st.links[l]!.wormUpPps;
  acc.idsPkts += gw * dtS;
  acc.minuteS += dtS;
  const offline = d.totalSubscribers * (1 - st.m.subscribersOnlinePct / 100);
  acc.offlineLagged +=
    (offline - acc.offlineLagged) * (o.callDelayS > 0 ? oneMinusExpNeg(dtS / o.callDelayS) : 1);

  // SNMP counters are exact; the small noise stands for polling jitter.
  if (crossed(prevMs, st.tMs, o.linkAvgS * 1000) && acc.linkS > 0) {
    for (let l = 0; l < st.links.length; l++) {
      const ol = obs.links[l]!;
      ol.inPct = round1(
        Math.min(100, noisy(st, (100 * acc.linkDown[l]!) / acc.linkS, o.noise / 4)),
      );
      ol.outPct = round1(Math.min(100, noisy(st, (100 * acc.linkUp[l]!) / acc.linkS, o.noise / 4)));
      acc.linkUp[l] = 0;
      acc.linkDown[l] = 0;
    }
    acc.linkS = 0;
    obs.linksAsOfMs = st.tMs;
  }
  if (crossed(prevMs, st.tMs, o.dnsSampleS * 1000) && acc.dnsS > 0) {
    for (let k = 0; k < st.clusters.length; k++) {
      const oc = obs.dns[k]!;
      oc.queriesPerSec = Math.round(noisy(st, acc.dnsQ[k]! / acc.dnsS, o.noise));
      oc.successPct = round1(Math.min(100, noisy(st, (100 * acc.dnsOk[k]!) / acc.dnsS, o.noise)));
      oc.status = st.clusters[k]!.status === 'up' ? 'answering' : 'no answer';
      acc.dnsQ[k] = 0;
      acc.dnsOk[k] = 0;
    }
    acc.dnsS = 0;
    obs.dnsAsOfMs = st.tMs;
  }
  if (crossed(prevMs, st.tMs, 60_000) && acc.minuteS > 0) {
    const pps = acc.idsPkts / acc.minuteS;
    obs.idsAlertsPerMin = Math.round(
      Math.min(o.idsMaxPerMin, noisy(st, (o.idsAlertsPerKpps * pps) / 1000, o.noise)),
    );
    obs.callsPerMin = Math.round(
      noisy(st, (o.callsPer10kOffline * acc.offlineLagged) / 10_000, o.noise),
    );
    acc.idsPkts = 0;
    acc.minuteS = 0;
    obs.minuteAsOfMs = st.tMs;
  }
}
