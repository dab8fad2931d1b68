// Resolver clusters. Korea's DNS fell to load, not to the worm itself: lost international packets made
// upstream (root/TLD/foreign) lookups time out, stub resolvers asked again several times, firewalls and
// IDSs added reverse lookups for every worm source they logged, and resolver work multiplied until the
// cluster fell over. The model keeps exactly that loop:
//   attempts per lookup grow as answers are lost → load → utilisation ρ → share of queries answered.
// Above overloadRho for failAfterS the cluster fails (answers nothing). Recovery is as physical as the
// failure: nothing brings a failed cluster back but a restart (dns.restart — a player's order, or staff
// following their standing procedure, both in the game's log), and a restart only sticks when the load
// it meets — every stub's first attempt plus PTR lookups, at today's upstream loss — is at most
// recoverRho. A restart into the same retry storm fails at once, so recovery waits for the links to be
// relieved, capacity added or load moved, and comes earlier the earlier the flood stops.
import { powInt } from './detmath';
import type { Derived } from './derived';
import type { EngineParams } from './params';
import type { ClusterState, EngineEvent, EngineState } from './state';

export function createClusterStates(p: EngineParams): ClusterState[] {
  return p.network.clusters.map((c) => ({
    id: c.id,
    status: 'up',
    servers: c.servers,
    qpsFactor: 1,
    pending: [],
    overloadS: 0,
    statusUntilMs: -1,
    attemptFail: 0,
    queriesPerSec: 0,
    rho: 0,
    freshRho: 0,
    successRate: 1,
  }));
}

/** Expected attempts a stub makes when each attempt succeeds with probability q, at most A attempts. */
function expectedAttempts(q: number, A: number): number {
  if (q <= 1e-12) return A;
  return (1 - powInt(1 - q, A)) / q;
}

let clientQ = new Float64Array(0);
let ptrQ = new Float64Array(0);

export function stepDns(
  st: EngineState,
  p: EngineParams,
  d: Derived,
  dtS: number,
  legit: number,
  events: EngineEvent[],
): void {
  const clusters = p.network.clusters;
  const nK = clusters.length;
  const A = p.network.dns.stubAttempts;
  if (clientQ.length < nK) {
    clientQ = new Float64Array(nK);
    ptrQ = new Float64Array(nK);
  }
  clientQ.fill(0);
  ptrQ.fill(0);
  const segs = p.network.segments;
  for (let s = 0; s < segs.length; s++) {
    const ss = st.segments[s]!;
    if (ss.nullRouted) continue;
    const seg = segs[s]!;
    // Queries only reach the resolver if the customer's path carries them.
    clientQ[ss.resolver]! += seg.dnsQps * legit * ss.conn;
    ptrQ[ss.resolver]! += (seg.ptrPerKpps * (ss.wormInPps + ss.wormOutPps)) / 1000;
  }
  for (let k = 0; k < nK; k++) {
    const c = clusters[k]!;
    const cs = st.clusters[k]!;
    // Servers added earlier come into service.
    if (cs.pending.length > 0) {
      const still: { readyMs: number; servers: number }[] = [];
      for (const pd of cs.pending) {
        if (st.tMs >= pd.readyMs) {
          cs.servers += pd.servers;
          events.push({ tMs: st.tMs, kind: 'dns.capacityReady', id: c.id });
        } else still.push(pd);
      }
      cs.pending = still;
    }
    // Upstream reachability across the cluster's path to the Internet (queries out, answers back).
    let up = 1;
    for (const l of d.clusterPath[k]!) {
      const ls = st.links[l]!;
      up *= (1 - ls.lossUp) * (1 - ls.lossDown);
    }
    const miss = c.missShare;
    const served = cs.status === 'up' ? 1 - cs.attemptFail : 0;
    // Cache hits need only the resolver; misses also need the upstream exchange.
    const attempts =
      (1 - miss) * expectedAttempts(served, A) + miss * expectedAttempts(served * up, A);
    const q = clientQ[k]! * attempts + ptrQ[k]!;
    const work = q * (1 + miss * (1 - up) * c.upstreamRetryCost);
    const capacity = cs.servers * c.qpsPerServer * cs.qpsFactor;
    const rho = work / capacity;
    cs.queriesPerSec = q;
    cs.rho = rho;
    // The load a cluster answering everything would meet: its own answers cause no retries, only the
    // upstream losses do.
    const freshAttempts = 1 - miss + miss * expectedAttempts(up, A);
    cs.freshRho =
      ((clientQ[k]! * freshAttempts + ptrQ[k]!) * (1 + miss * (1 - up) * c.upstreamRetryCost)) /
      capacity;
    if (cs.status === 'restarting' && st.tMs >= cs.statusUntilMs) {
      cs.statusUntilMs = -1;
      cs.overloadS = 0;
      if (cs.freshRho <= c.recoverRho) {
        cs.status = 'up';
        cs.attemptFail = 0;
        events.push({ tMs: st.tMs, kind: 'dns.up', id: c.id });
      } else {
        // Came up into the retry storm and fell over again before it answered much.
        cs.status = 'down';
        events.push({ tMs: st.tMs, kind: 'dns.restartFailed', id: c.id });
      }
    }
    if (cs.status === 'up') {
      const answered = rho > 1 ? 1 / rho : 1;
      cs.attemptFail = 1 - answered;
      cs.successRate =
        (1 - miss) * (1 - powInt(1 - answered, A)) + miss * (1 - powInt(1 - answered * up, A));
      if (rho > c.overloadRho) {
        cs.overloadS += dtS;
        if (cs.overloadS >= c.failAfterS) {
          cs.status = 'down';
          cs.statusUntilMs = -1;
          cs.attemptFail = 1;
          events.push({ tMs: st.tMs, kind: 'dns.down', id: c.id });
        }
      } else {
        cs.overloadS = Math.max(0, cs.overloadS - dtS);
      }
    } else {
      cs.attemptFail = 1;
      cs.successRate = 0;
    }
  }
  for (const ss of st.segments) ss.dnsOk = st.clusters[ss.resolver]!.successRate;
}
