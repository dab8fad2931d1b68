// One engine step: global layer → player's network → DNS → host bookkeeping → headline metrics, events,
// observations and the pacing signal. Mutates the state it is given (callers pass a private clone).
import { legitFactor } from './profile';
import type { Derived } from './derived';
import { globalInfectedTotal, regionInfected, seedOutbreak, stepGlobal } from './globalModel';
import { stepDns } from './dns';
import { stepHosts, stepNetwork } from './networkModel';
import { updateObservation } from './observe';
import type { EngineParams } from './params';
import type { EngineState } from './state';

export function step(st: EngineState, p: EngineParams, d: Derived, endMs: number): void {
  const prevMs = st.tMs;
  const dtS = (endMs - prevMs) / 1000;
  const events = st.events;
  if (!st.global.started && prevMs >= p.global.onsetMs) {
    seedOutbreak(st.global, p, d);
    events.push({ tMs: prevMs, kind: 'worm.onset' });
  }
  st.tMs = endMs;
  st.steps++;
  const legit = legitFactor(p.network.legitProfile, prevMs);
  // The network sees the scans the Internet delivered in the previous step (one step of lag keeps the two
  // layers explicit and costs nothing at ≤0.1 s steps).
  const sentOut = stepNetwork(st, p, d, dtS, legit, st.global.scansPerSec);
  if (st.global.started) stepGlobal(st.global, p, d, dtS, sentOut);
  stepDns(st, p, d, dtS, legit, events);
  stepHosts(st, dtS);
  updateHeadline(st, p, d, sentOut);
  updateEvents(st);
  updateObservation(st, p, d, prevMs, dtS);
  updateActivity(st, dtS);
}

function updateHeadline(st: EngineState, p: EngineParams, d: Derived, sentOut: number): void {
  const m = st.m;
  let inf = 0;
  let exp = 0;
  let pat = 0;
  let off = 0;
  let subsOn = 0;
  let dnsW = 0;
  let leasedDown = 0;
  let idcDown = 0;
  const segs = p.network.segments;
  for (let s = 0; s < segs.length; s++) {
    const ss = st.segments[s]!;
    const seg = segs[s]!;
    inf += ss.infected;
    exp += ss.exposed;
    pat += ss.patched;
    off += ss.offline;
    ss.online = ss.nullRouted
      ? 0
      : ss.conn *
        (1 - seg.dnsDependence * (1 - ss.dnsOk)) *
        (1 - seg.intlDependence * (1 - ss.intlOk));
    subsOn += seg.subscribers * ss.online;
    dnsW += seg.dnsQps * ss.dnsOk;
    if (seg.kind === 'leased') leasedDown += Math.round(seg.lines * (1 - ss.online));
    if (seg.kind === 'idc') idcDown += Math.round(seg.lines * (1 - ss.online));
  }
  let util = 0;
  let loss = 0;
  for (const l of d.intlLinks) {
    const ls = st.links[l]!;
    util = Math.max(util, ls.utilUp, ls.utilDown);
    loss = Math.max(loss, ls.lossUp, ls.lossDown);
  }
  m.ownInfected = inf;
  m.ownExposed = exp;
  m.ownPatched = pat;
  m.ownOffline = off;
  m.globalInfected = globalInfectedTotal(st.global) + inf;
  m.krInfected = regionInfected(st.global, p, d.krIndex) + inf;
  m.globalScansPerSec = st.global.scansPerSec;
  m.subscribersOnlinePct = d.totalSubscribers > 0 ? (100 * subsOn) / d.totalSubscribers : 100;
  m.dnsSuccessPct = d.totalDnsQps > 0 ? (100 * dnsW) / d.totalDnsQps : 100;
  m.intlLinkUtilPct = 100 * util;
  m.intlLinkLossPct = 100 * loss;
  m.leasedLinesDown = leasedDown;
  m.idcServicesDown = idcDown;
  m.wormSentOutPps = sentOut;
  const regions = p.global.regions;
  if (m.regionsInfected.length !== regions.length) {
    m.regionsInfected = regions.map((r) => ({ id: r.id, infected: 0 }));
  }
  for (let r = 0; r < regions.length; r++) {
    m.regionsInfected[r]!.infected = regionInfected(st.global, p, r);
  }
}

function updateEvents(st: EngineState): void {
  const t = st.tMs;
  const m = st.m;
  if (!st.flags.wormLocal && m.ownInfected > 0) {
    st.flags.wormLocal = true;
    st.events.push({ tMs: t, kind: 'worm.local' });
  }
  updateOutage(st, t);
  for (const ls of st.links) {
    const loss = Math.max(ls.lossUp, ls.lossDown);
    if (!ls.saturated && loss > 0.05) {
      ls.saturated = true;
      st.events.push({ tMs: t, kind: 'link.saturated', id: ls.id });
    } else if (ls.saturated && loss < 0.01) {
      ls.saturated = false;
      st.events.push({ tMs: t, kind: 'link.cleared', id: ls.id });
    }
  }
}

/**
 * An outage is what an operator would call one: fewer than half the subscribers online for a whole
 * minute; it ends when at least half have been back for ten minutes without a break. Both events carry
 * the time the line was crossed (so a cluster that comes back for a moment and falls again makes no
 * event at all), and are raised when they are confirmed.
 */
export const OUTAGE_LINE_PCT = 50;
export const OUTAGE_CONFIRM_START_MS = 60_000;
export const OUTAGE_CONFIRM_END_MS = 600_000;

function updateOutage(st: EngineState, t: number): void {
  const f = st.flags;
  const below = st.m.subscribersOnlinePct < OUTAGE_LINE_PCT;
  if (below === f.outage) {
    f.outageCrossMs = -1;
    return;
  }
  if (f.outageCrossMs < 0) f.outageCrossMs = t;
  const need = below ? OUTAGE_CONFIRM_START_MS : OUTAGE_CONFIRM_END_MS;
  if (t - f.outageCrossMs >= need) {
    f.outage = below;
    st.events.push({ tMs: f.outageCrossMs, kind: below ? 'outage.start' : 'outage.end' });
    f.outageCrossMs = -1;
  }
}

/** Key values for the pacing signal and the floor below which a change counts as relative to the floor. */
const PACE_FLOORS = [10, 100, 0.05, 0.05, 0.05];

function paceValue(m: EngineState['m'], i: number): number {
  switch (i) {
    case 0:
      return m.ownInfected;
    case 1:
      return m.globalInfected;
    case 2:
      return m.intlLinkLossPct / 100;
    case 3:
      return m.dnsSuccessPct / 100;
    default:
      return m.subscribersOnlinePct / 100;
  }
}

function updateActivity(st: EngineState, dtS: number): void {
  const m = st.m;
  const prev = st.pacePrev;
  const n = PACE_FLOORS.length;
  let a = 0;
  if (prev.length === n && dtS > 0) {
    for (let i = 0; i < n; i++) {
      const now = paceValue(m, i);
      const p = prev[i]!;
      const rel = Math.abs(now - p) / Math.max(Math.abs(p), PACE_FLOORS[i]!) / dtS;
      if (rel > a) a = rel;
      prev[i] = now;
    }
  } else {
    prev.length = 0;
    for (let i = 0; i < n; i++) prev.push(paceValue(m, i));
  }
  st.activity = a;
}
