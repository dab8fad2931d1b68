// The engine's public operations: create, act, advance, read. All are pure with respect to their inputs:
// a state is cloned once on entry and the clone is stepped in place.
import { derive } from './derived';
import { createGlobalState } from './globalModel';
import { hashValue } from './hash';
import { createLinkStates, createSegmentStates } from './networkModel';
import { createClusterStates } from './dns';
import { createAccumulators, createObservation } from './observe';
import type { EngineParams } from './params';
import { nextFloat, seedPrng } from './prng';
import { nextStepEndMs } from './schedule';
import {
  cloneJson,
  type ClusterStatus,
  type EngineEvent,
  type EngineObservation,
  type EngineState,
  type HeadlineMetrics,
} from './state';
import { step } from './step';

export const ENGINE_VERSION = '2.0.0';

export function createEngine(params: EngineParams, seed: number): EngineState {
  const d = derive(params);
  const segments = createSegmentStates(params, d);
  const st: EngineState = {
    v: 1,
    tMs: 0,
    steps: 0,
    prng: seedPrng(seed),
    global: createGlobalState(params, d),
    segments,
    links: createLinkStates(params),
    clusters: createClusterStates(params),
    obs: createObservation(params),
    acc: createAccumulators(params),
    pacePrev: [],
    m: {
      globalInfected: 0,
      globalScansPerSec: 0,
      krInfected: 0,
      ownInfected: segments.reduce((a, s) => a + s.infected, 0),
      ownExposed: segments.reduce((a, s) => a + s.exposed, 0),
      ownPatched: segments.reduce((a, s) => a + s.patched, 0),
      ownOffline: 0,
      subscribersOnlinePct: 100,
      dnsSuccessPct: 100,
      intlLinkUtilPct: 0,
      intlLinkLossPct: 0,
      leasedLinesDown: 0,
      idcServicesDown: 0,
      wormSentOutPps: 0,
      wormBorderInPps: 0,
      regionsInfected: params.global.regions.map((r) => ({ id: r.id, infected: 0 })),
    },
    activity: 0,
    flags: { wormLocal: false, outage: false, outageCrossMs: -1 },
    events: [],
  };
  varyTheDay(st, params);
  return st;
}

/**
 * The seed's own day: exposure and resolver capacity drawn within the level's bands from the engine
 * PRNG (so the same seed is the same day everywhere). Hosts not exposed count as patched.
 */
function varyTheDay(st: EngineState, p: EngineParams): void {
  const net = p.network;
  const j = net.exposureJitter;
  if (j > 0) {
    for (const ss of st.segments) {
      const pool = ss.exposed + ss.patched;
      const want = Math.round(ss.exposed * (1 + j * (2 * nextFloat(st.prng) - 1)));
      const exposed = Math.max(0, Math.min(pool, want));
      ss.patched = pool - exposed;
      ss.exposed = exposed;
    }
  }
  const c = net.capacityJitter;
  if (c > 0) {
    for (const cs of st.clusters) cs.qpsFactor = 1 + c * (2 * nextFloat(st.prng) - 1);
  }
  st.m.ownExposed = st.segments.reduce((a, s) => a + s.exposed, 0);
  st.m.ownPatched = st.segments.reduce((a, s) => a + s.patched, 0);
}

/** Sim time (ms) at which the next step ends; steps never depend on how advanceTo calls are split. */
export function nextStepMs(state: EngineState, params: EngineParams): number {
  return nextStepEndMs(state, params);
}

/**
 * Run whole steps of the fixed schedule while the next one ends at or before tMs. The returned state's
 * tMs is the last step boundary ≤ tMs (at most one step short), so any split of an interval into calls
 * gives the same state.
 */
export function advanceTo(state: EngineState, params: EngineParams, tMs: number): EngineState {
  if (!Number.isFinite(tMs)) throw new RangeError(`advanceTo: tMs must be finite, got ${tMs}`);
  const d = derive(params);
  const st = cloneJson(state);
  for (;;) {
    const end = nextStepEndMs(st, params);
    if (end > tMs) break;
    step(st, params, d, end);
  }
  return st;
}

export interface LinkMetrics {
  id: string;
  utilUpPct: number;
  utilDownPct: number;
  lossUpPct: number;
  lossDownPct: number;
  wormUpPps: number;
  wormDownPps: number;
  /** Worm datagrams/s the link's filters and rate limits dropped, per direction. */
  wormFilteredUpPps: number;
  wormFilteredDownPps: number;
  goodputUpMbps: number;
  goodputDownMbps: number;
  connected: boolean;
  aclIngress: boolean;
  aclEgress: boolean;
  upstreamIngress: boolean;
  rateIngressMbps: number;
  rateEgressMbps: number;
}

export interface ClusterMetrics {
  id: string;
  status: ClusterStatus;
  servers: number;
  queriesPerSec: number;
  utilisation: number;
  /** Utilisation a restart would meet now (recovery needs it at most recoverRho). */
  restartUtilisation: number;
  successPct: number;
}

export interface SegmentMetrics {
  id: string;
  exposed: number;
  patched: number;
  infected: number;
  offline: number;
  onlinePct: number;
  intlOkPct: number;
  dnsSuccessPct: number;
  wormInPps: number;
  wormOutPps: number;
  nullRouted: boolean;
  resolver: string;
}

export interface EngineMetrics extends HeadlineMetrics {
  tMs: number;
  links: LinkMetrics[];
  clusters: ClusterMetrics[];
  segments: SegmentMetrics[];
}

/** The truth (for the debrief and tests). */
export function metrics(state: EngineState): EngineMetrics {
  return {
    tMs: state.tMs,
    ...state.m,
    regionsInfected: state.m.regionsInfected.map((r) => ({ ...r })),
    links: state.links.map((l) => ({
      id: l.id,
      utilUpPct: 100 * l.utilUp,
      utilDownPct: 100 * l.utilDown,
      lossUpPct: 100 * l.lossUp,
      lossDownPct: 100 * l.lossDown,
      wormUpPps: l.wormUpPps,
      wormDownPps: l.wormDownPps,
      wormFilteredUpPps: l.wormFilteredUpPps,
      wormFilteredDownPps: l.wormFilteredDownPps,
      goodputUpMbps: l.goodputUpMbps,
      goodputDownMbps: l.goodputDownMbps,
      connected: l.connected,
      aclIngress: l.aclIngress,
      aclEgress: l.aclEgress,
      upstreamIngress: l.upstreamIngress,
      rateIngressMbps: l.rateIngressMbps,
      rateEgressMbps: l.rateEgressMbps,
    })),
    clusters: state.clusters.map((c) => ({
      id: c.id,
      status: c.status,
      servers: c.servers,
      queriesPerSec: c.queriesPerSec,
      utilisation: c.rho,
      restartUtilisation: c.freshRho,
      successPct: 100 * c.successRate,
    })),
    segments: state.segments.map((s) => ({
      id: s.id,
      exposed: s.exposed,
      patched: s.patched,
      infected: s.infected,
      offline: s.offline,
      onlinePct: 100 * s.online,
      intlOkPct: 100 * s.intlOk,
      dnsSuccessPct: 100 * s.dnsOk,
      wormInPps: s.wormInPps,
      wormOutPps: s.wormOutPps,
      nullRouted: s.nullRouted,
      resolver: state.clusters[s.resolver]?.id ?? '',
    })),
  };
}

/** What monitoring shows (precomputed in the step; reading consumes no randomness). */
export function observe(state: EngineState): EngineObservation {
  return cloneJson(state.obs);
}

export function pacingActivity(state: EngineState): number {
  return state.activity;
}

/**
 * FNV-1a 64 of the canonical serialisation of everything but the pending events list: events are outputs
 * that callers drain at moments of their own choosing (every frame live, once in a replay), so including
 * them would make equal simulations hash differently.
 */
export function hashState(state: EngineState): string {
  const { events: _events, ...rest } = state;
  return hashValue(rest);
}

/** Events since the last drain, and a state without them. */
export function drainEvents(state: EngineState): { state: EngineState; events: EngineEvent[] } {
  const events = state.events.map((e) => ({ ...e }));
  const st = { ...state, events: [] };
  return { state: st, events };
}
