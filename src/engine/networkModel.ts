// Network layer: the player's network as a graph. Worm datagrams from infected hosts inside flow outwards
// along each segment's path; scans from the Internet flow inwards along the same path. On every link and
// direction the carried load is min(offered, capacity) and the excess is tail-dropped evenly, so worm and
// legit packets lose alike. Filters act where they sit: our ACLs are on our routers, at the outer end of a
// domestic link (so an ingress filter there relieves the link and everything inwards of it) and at the
// near end of an international link (the far end is abroad): our ingress filter on an international link
// protects what lies behind it but leaves the link itself as flooded as before. Only the party upstream
// (a transit provider asked to filter) can relieve that link's inbound direction. An egress filter acts at
// our end before the link, relieving it and everything outwards — which is why filtering outbound at the
// gateway relieves a flood from inside while an inbound filter does not.
// Scans from the Internet reach us through the Korean core, losing what the global layer says that core
// drops (the same loss every other Korean host sees).
import { clamp, oneMinusExpNeg } from './detmath';
import { IPV4_SPACE, type Derived } from './derived';
import { drawBinomial } from './draws';
import type { EngineParams, SegmentParams } from './params';
import type { EngineState, LinkState, SegmentState } from './state';

export function createSegmentStates(p: EngineParams, d: Derived): SegmentState[] {
  return p.network.segments.map((s) => ({
    id: s.id,
    exposed: s.sqlHosts.exposed,
    patched: s.sqlHosts.patched,
    infected: s.sqlHosts.infected,
    offline: 0,
    rebootDoneMs: -1,
    nullRouted: false,
    patchPerHour: 0,
    patchCarry: 0,
    resolver: d.clusterIndex.get(s.resolver) ?? 0,
    wormInPps: 0,
    wormOutPps: 0,
    conn: 1,
    intlOk: 1,
    dnsOk: 1,
    online: 1,
  }));
}

export function createLinkStates(p: EngineParams): LinkState[] {
  return p.network.links.map((l) => ({
    id: l.id,
    connected: true,
    aclIngress: false,
    aclEgress: false,
    upstreamIngress: false,
    rateIngressMbps: -1,
    rateEgressMbps: -1,
    utilUp: 0,
    utilDown: 0,
    lossUp: 0,
    lossDown: 0,
    wormUpPps: 0,
    wormDownPps: 0,
    wormFilteredUpPps: 0,
    wormFilteredDownPps: 0,
    goodputUpMbps: 0,
    goodputDownMbps: 0,
    saturated: false,
  }));
}

let segAmt = new Float64Array(0);
let segFirst = new Float64Array(0);

/** Tail-drop loss of one link direction: the excess over capacity is dropped evenly from all packets. */
function linkLoss(capacityMbps: number, connected: boolean, offeredMbps: number): number {
  if (!connected) return 1;
  return offeredMbps > capacityMbps ? 1 - capacityMbps / offeredMbps : 0;
}

/** Share of worm packets our ingress ACL or rate limit on this link lets through. */
function ourIngressPass(ls: LinkState, offeredPps: number, mbPerPkt: number): number {
  if (ls.aclIngress) return 0;
  if (ls.rateIngressMbps >= 0 && offeredPps > 0 && mbPerPkt > 0) {
    return Math.min(1, ls.rateIngressMbps / mbPerPkt / offeredPps);
  }
  return 1;
}

/** Users' experience of a path that delivers `ok` of its packets: fine up to lossFine, gone at lossOffline. */
function usable(net: EngineParams['network'], ok: number): number {
  return clamp((net.lossOffline - (1 - ok)) / (net.lossOffline - net.lossFine), 0, 1);
}

/** Worm datagrams/s each infected, routed segment offers to its uplink (outbound sweep's start). */
function loadOutboundSources(st: EngineState, segs: readonly SegmentParams[], nS: number): void {
  for (let s = 0; s < nS; s++) {
    const ss = st.segments[s]!;
    segAmt[s] = ss.nullRouted ? 0 : ss.infected * segs[s]!.hostPps;
    segFirst[s] = 0;
  }
}

/**
 * Outbound (towards the Internet), links in path order: each link carries what its segments still send,
 * after our egress filter and its own tail drop. segFirst keeps what got past each segment's first hop.
 */
function routeOutbound(st: EngineState, p: EngineParams, d: Derived, legit: number): void {
  const mb = d.mbPerPkt;
  for (const l of d.upOrder) {
    const ls = st.links[l]!;
    const users = d.linkUsers[l]!;
    let offered = 0;
    for (const s of users) offered += segAmt[s]!;
    let pass = ls.aclEgress ? 0 : 1;
    if (pass > 0 && ls.rateEgressMbps >= 0 && offered > 0) {
      pass = Math.min(1, ls.rateEgressMbps / mb / offered);
    }
    const cap = p.network.links[l]!.capacityMbps;
    const legitMbps = legit * d.legitUpBase[l]!;
    const total = legitMbps + offered * pass * mb;
    const loss = linkLoss(cap, ls.connected, total);
    ls.lossUp = loss;
    ls.goodputUpMbps = legitMbps * (1 - loss);
    ls.utilUp = ls.connected ? Math.min(total, cap) / cap : 0;
    ls.wormUpPps = offered * pass * (1 - loss);
    ls.wormFilteredUpPps = offered * (1 - pass);
    const keep = pass * (1 - loss);
    for (const s of users) {
      if (d.segPath[s]![0] === l) segFirst[s] = segAmt[s]! * keep;
      segAmt[s] = segAmt[s]! * keep;
    }
  }
}

/**
 * Inbound (towards customers), links in reverse path order: scans from the Internet enter at the outer
 * end of each path, after the Korean core's loss. Leaves in segAmt what reaches each segment.
 * @returns worm datagrams/s that crossed our border (international links) after our filters
 */
function routeInbound(
  st: EngineState,
  p: EngineParams,
  d: Derived,
  legit: number,
  deliveredScans: number,
): number {
  const segs = p.network.segments;
  const mb = d.mbPerPkt;
  const krKeep = 1 - (st.global.coreLoss[d.krIndex] ?? 0);
  const perAddress = (deliveredScans * krKeep) / IPV4_SPACE;
  for (let s = 0; s < segs.length; s++) {
    segAmt[s] = st.segments[s]!.nullRouted ? 0 : perAddress * segs[s]!.addresses;
  }
  let borderIn = 0;
  for (let k = d.upOrder.length - 1; k >= 0; k--) {
    const l = d.upOrder[k]!;
    const ls = st.links[l]!;
    const intl = d.isIntl[l]!;
    const users = d.linkUsers[l]!;
    let offered = 0;
    for (const s of users) offered += segAmt[s]!;
    // Before the link: the upstream party's filter, and on a domestic link our own.
    let pre = ls.upstreamIngress ? 0 : 1;
    if (!intl && pre > 0) pre = ourIngressPass(ls, offered, mb);
    const cap = p.network.links[l]!.capacityMbps;
    const legitMbps = legit * d.legitDownBase[l]!;
    const total = legitMbps + offered * pre * mb;
    const loss = linkLoss(cap, ls.connected, total);
    ls.lossDown = loss;
    ls.goodputDownMbps = legitMbps * (1 - loss);
    ls.utilDown = ls.connected ? Math.min(total, cap) / cap : 0;
    const carried = offered * pre * (1 - loss);
    ls.wormDownPps = carried;
    // After an international link: our filter at the gateway.
    const post = intl ? ourIngressPass(ls, carried, mb) : 1;
    ls.wormFilteredDownPps = offered * (1 - pre) + carried * (1 - post);
    if (intl) borderIn += carried * post;
    const keep = pre * (1 - loss) * post;
    for (const s of users) segAmt[s] = segAmt[s]! * keep;
  }
  return borderIn;
}

/** Product of (1 − loss) both ways over the given links of a path: the share of packets delivered. */
function deliveredShare(
  st: EngineState,
  links: readonly number[],
  skip?: (l: number) => boolean,
): number {
  let ok = 1;
  for (const l of links) {
    if (skip?.(l)) continue;
    const ls = st.links[l]!;
    ok *= (1 - ls.lossUp) * (1 - ls.lossDown);
  }
  return ok;
}

/**
 * Per segment: worm arriving (from outside and from our own infected hosts), new infections among its
 * exposed hosts, and how well its users reach domestic and foreign sites.
 * @param internal worm datagrams/s our own infected hosts got past their first hop
 */
function infectAndReach(
  st: EngineState,
  p: EngineParams,
  d: Derived,
  dtS: number,
  internal: number,
): void {
  const segs = p.network.segments;
  const net = p.network;
  // Scans from infected hosts inside that target the player's own addresses travel the backbone and
  // enter each segment through its own uplink (backbone load of this small share is not modelled).
  const internalPerAddress = internal / IPV4_SPACE;
  for (let s = 0; s < segs.length; s++) {
    const ss = st.segments[s]!;
    const seg = segs[s]!;
    const first = st.links[d.segPath[s]![0]!]!;
    let inPps = segAmt[s]!;
    if (!ss.nullRouted && ourIngressPass(first, 1, 0) > 0) {
      inPps += internalPerAddress * seg.addresses * (1 - first.lossDown);
    }
    ss.wormInPps = inPps;
    // Each scan names one address; an exposed host is hit at (scans per address per second).
    const rate = inPps / seg.addresses;
    if (ss.exposed > 0 && rate > 0) {
      const n = drawBinomial(st.prng, ss.exposed, oneMinusExpNeg(rate * dtS));
      ss.exposed -= n;
      ss.infected += n;
    }
    // Domestic reachability: loss along the non-international part of the path, both directions.
    const ok = deliveredShare(st, d.segDomestic[s]!);
    ss.conn = ss.nullRouted ? 0 : usable(net, ok);
    // Foreign sites, game servers and mail abroad: loss along the international part of the path.
    const intlOk = deliveredShare(st, d.segPath[s]!, (l) => !d.isIntl[l]);
    ss.intlOk = ss.nullRouted ? 0 : usable(net, intlOk);
  }
}

/**
 * Route worm and legit traffic, update link loads, infect exposed hosts.
 * @param deliveredScans worm datagrams/s crossing the Internet's core this step (global layer)
 * @returns worm datagrams/s the player's network sends out to the Internet
 */
export function stepNetwork(
  st: EngineState,
  p: EngineParams,
  d: Derived,
  dtS: number,
  legit: number,
  deliveredScans: number,
): number {
  const nS = p.network.segments.length;
  if (segAmt.length < nS) {
    segAmt = new Float64Array(nS);
    segFirst = new Float64Array(nS);
  }
  loadOutboundSources(st, p.network.segments, nS);
  routeOutbound(st, p, d, legit);
  let sentOut = 0;
  let internal = 0;
  for (let s = 0; s < nS; s++) {
    sentOut += segAmt[s]!;
    internal += segFirst[s]!;
    st.segments[s]!.wormOutPps = segFirst[s]!;
  }
  st.m.wormBorderInPps = routeInbound(st, p, d, legit, deliveredScans);
  infectAndReach(st, p, d, dtS, internal);
  return sentOut;
}

/** Reboots finishing and patch campaigns progressing (host-state bookkeeping on the sim clock). */
export function stepHosts(st: EngineState, dtS: number): void {
  for (const ss of st.segments) {
    if (ss.offline > 0 && ss.rebootDoneMs >= 0 && st.tMs >= ss.rebootDoneMs) {
      // Memory-resident worm is gone, but the hole is still there: back to exposed.
      ss.exposed += ss.offline;
      ss.offline = 0;
      ss.rebootDoneMs = -1;
    }
    if (ss.patchPerHour > 0) {
      ss.patchCarry += (ss.patchPerHour * dtS) / 3600;
      let n = Math.floor(ss.patchCarry);
      if (n > 0) {
        ss.patchCarry -= n;
        // Exposed first (quick), then infected hosts (patch + reboot clears them), then rebooting ones.
        const a = Math.min(n, ss.exposed);
        ss.exposed -= a;
        n -= a;
        const b = Math.min(n, ss.infected);
        ss.infected -= b;
        n -= b;
        const c = Math.min(n, ss.offline);
        ss.offline -= c;
        ss.patched += a + b + c;
        if (ss.exposed + ss.infected + ss.offline === 0) ss.patchCarry = 0;
      }
    }
  }
}
