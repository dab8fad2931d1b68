// Engine state: plain JSON data only (arrays aligned with the level's arrays, no classes or Maps), so it can
// be cloned, hashed, saved in a run file and sent over the wire as is.
import type { PrngState } from './prng';

export interface EngineEvent {
  tMs: number;
  kind: string;
  id?: string;
}

export interface GlobalState {
  /** Infected hosts per region × access class (row-major: region index * classes + class index). */
  infected: number[];
  /**
   * Sites by number of infected hosts: for each region × class (same order), hostsPerSite + 1 entries
   * (k = 0…m). Fractional: expected counts over the Internet's many sites.
   */
  sites: number[];
  /** Upstream/core loss per region (0..1), carried to the next step because inbound load depends on it. */
  coreLoss: number[];
  /** Worm datagrams/s leaving all access links (offered to the core) and delivered across it. */
  offeredScansPerSec: number;
  scansPerSec: number;
  started: boolean;
  /** Seconds since the onset (the world's response is timed from it). */
  ageS: number;
  /** Share of sites behind a UDP 1434 border filter put up by the world's response (0..1). */
  filtered: number;
  /** Hosts per region × class that left the vulnerable population: cleaned after infection, or patched first. */
  removedInfected: number[];
  removedPatched: number[];
}

export interface SegmentState {
  id: string;
  exposed: number;
  patched: number;
  infected: number;
  /** Hosts rebooting (worm cleared from memory, not reachable until rebootDoneMs). */
  offline: number;
  rebootDoneMs: number;
  nullRouted: boolean;
  patchPerHour: number;
  /** Fractional hosts carried between steps so slow patch rates still add up. */
  patchCarry: number;
  /** Index of the resolver cluster the segment's users currently reach (dns.moveResolution). */
  resolver: number;
  /** Scans/s reaching the segment's addresses, worm datagrams/s leaving its hosts. */
  wormInPps: number;
  wormOutPps: number;
  /** Share of the path usable (domestic), DNS lookup success, subscribers online (all 0..1). */
  conn: number;
  /** Usable share of the segment's international path (foreign sites, games, mail). */
  intlOk: number;
  dnsOk: number;
  online: number;
}

export interface LinkState {
  id: string;
  connected: boolean;
  /**
   * UDP 1434 ACLs: ingress = towards customers (from the Internet side), egress = towards the Internet.
   * Ours sit on our router at the link's end; on an international link that is the near (Korean) end,
   * so our ingress filter acts only after the link has carried the flood.
   */
  aclIngress: boolean;
  aclEgress: boolean;
  /** A filter the party upstream of the link applied at its far end (a transit provider's ACL). */
  upstreamIngress: boolean;
  /** Rate limits on UDP 1434 in Mb/s per direction; -1 = none. */
  rateIngressMbps: number;
  rateEgressMbps: number;
  /** Carried load / capacity (0..1) and loss (0..1), up = towards the Internet. */
  utilUp: number;
  utilDown: number;
  lossUp: number;
  lossDown: number;
  wormUpPps: number;
  wormDownPps: number;
  /** Worm datagrams/s this link's filters and rate limits dropped in the last step, per direction. */
  wormFilteredUpPps: number;
  wormFilteredDownPps: number;
  /** Legit traffic delivered across the link (offered legit × (1 − loss)), Mb/s. */
  goodputUpMbps: number;
  goodputDownMbps: number;
  saturated: boolean;
}

export type ClusterStatus = 'up' | 'down' | 'restarting';

export interface ClusterState {
  id: string;
  status: ClusterStatus;
  servers: number;
  /** This run's share of the rated queries per server (seeded, see capacityJitter). */
  qpsFactor: number;
  pending: { readyMs: number; servers: number }[];
  /** Seconds spent above the overload threshold (decays when below). */
  overloadS: number;
  /** When a restarting cluster finishes its restart (-1: not restarting). */
  statusUntilMs: number;
  /** Per-attempt failure probability of the last step (stub retries react to it). */
  attemptFail: number;
  queriesPerSec: number;
  rho: number;
  /**
   * Utilisation the cluster would face if it answered every attempt (no retries caused by itself):
   * the load a restart meets. A restart only sticks when this is at most the cluster's recoverRho.
   */
  freshRho: number;
  successRate: number;
}

export interface ObservedLink {
  id: string;
  inPct: number;
  outPct: number;
}

export interface ObservedCluster {
  id: string;
  queriesPerSec: number;
  successPct: number;
  status: 'answering' | 'no answer';
}

/** What 2003-style monitoring shows: delayed, averaged, noisy. */
export interface EngineObservation {
  tMs: number;
  /** MRTG 5-minute averages, published at the end of each averaging bucket. */
  linksAsOfMs: number;
  links: ObservedLink[];
  dnsAsOfMs: number;
  dns: ObservedCluster[];
  idsAlertsPerMin: number;
  callsPerMin: number;
  minuteAsOfMs: number;
}

export interface ObserveAccumulators {
  linkUp: number[];
  linkDown: number[];
  linkS: number;
  dnsQ: number[];
  dnsOk: number[];
  dnsS: number;
  idsPkts: number;
  minuteS: number;
  /** First-order lag of subscribers offline: people call some minutes after losing service. */
  offlineLagged: number;
}

/** Headline truth, recomputed at the end of every step so metrics(state) needs no params. */
export interface HeadlineMetrics {
  globalInfected: number;
  globalScansPerSec: number;
  krInfected: number;
  ownInfected: number;
  ownExposed: number;
  ownPatched: number;
  ownOffline: number;
  subscribersOnlinePct: number;
  dnsSuccessPct: number;
  intlLinkUtilPct: number;
  intlLinkLossPct: number;
  leasedLinesDown: number;
  idcServicesDown: number;
  wormSentOutPps: number;
  /** Worm datagrams/s from the Internet that got past our international gateways into our network. */
  wormBorderInPps: number;
  /** Infected hosts per region of the global layer (KR excludes the player's own hosts here). */
  regionsInfected: { id: string; infected: number }[];
}

export interface EngineState {
  v: 1;
  tMs: number;
  steps: number;
  prng: PrngState;
  global: GlobalState;
  segments: SegmentState[];
  links: LinkState[];
  clusters: ClusterState[];
  obs: EngineObservation;
  acc: ObserveAccumulators;
  /** Key values at the end of the previous step, for the pacing activity. */
  pacePrev: number[];
  m: HeadlineMetrics;
  activity: number;
  flags: {
    wormLocal: boolean;
    outage: boolean;
    /** When subscribers online last crossed the outage line in the direction not yet confirmed (-1: none). */
    outageCrossMs: number;
  };
  events: EngineEvent[];
}

/** Deep copy of plain JSON data (faster than a JSON round-trip and keeps -0/NaN out of the picture). */
export function cloneJson<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = cloneJson(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v as object)) out[k] = cloneJson((v as Record<string, unknown>)[k]);
  return out as T;
}
