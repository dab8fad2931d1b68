// Index structures derived from the params (id → index maps, link order for pushing flows). Derived data is
// a pure function of the params object, so caching it per params object cannot change any result.
import type { EngineParams } from './params';

export interface Derived {
  linkIndex: Map<string, number>;
  segmentIndex: Map<string, number>;
  clusterIndex: Map<string, number>;
  regionIndex: Map<string, number>;
  krIndex: number;
  seedRegion: number;
  /** Links in an order where every link comes after the links feeding it on any segment path. */
  upOrder: number[];
  /** For each link: the segments whose path crosses it. */
  linkUsers: number[][];
  segPath: number[][];
  clusterPath: number[][];
  /** Per segment, the path links that are not international (domestic reachability). */
  segDomestic: number[][];
  intlLinks: number[];
  /** Per link: is it international (its far end abroad)? */
  isIntl: boolean[];
  legitUpBase: number[];
  legitDownBase: number[];
  /** Worm datagram size in megabits (404 bytes). */
  mbPerPkt: number;
  ownAddresses: number;
  totalSubscribers: number;
  totalDnsQps: number;
  /** Vulnerable hosts per region × class (row-major like GlobalState.infected). */
  globalN: number[];
  /** Start of each region × class block in GlobalState.sites. */
  siteOffset: number[];
}

const cache = new WeakMap<EngineParams, Derived>();

export const WORM_DATAGRAM_BYTES = 404;
export const IPV4_SPACE = 4294967296;

export function derive(p: EngineParams): Derived {
  const hit = cache.get(p);
  if (hit) return hit;
  const net = p.network;
  const linkIndex = new Map(net.links.map((l, i) => [l.id, i] as const));
  const segmentIndex = new Map(net.segments.map((s, i) => [s.id, i] as const));
  const clusterIndex = new Map(net.clusters.map((c, i) => [c.id, i] as const));
  const regionIndex = new Map(p.global.regions.map((r, i) => [r.id as string, i] as const));
  const segPath = net.segments.map((s) => s.path.map((id) => linkIndex.get(id)!));
  const clusterPath = net.clusters.map((c) => c.path.map((id) => linkIndex.get(id)!));
  const nL = net.links.length;
  // Topological order of links along segment paths (Kahn); params validation rejects cycles.
  const nextOf: Set<number>[] = Array.from({ length: nL }, () => new Set<number>());
  for (const path of segPath) {
    for (let j = 0; j + 1 < path.length; j++) nextOf[path[j]!]!.add(path[j + 1]!);
  }
  const indeg = new Array<number>(nL).fill(0);
  for (const s of nextOf) for (const m of s) indeg[m]!++;
  const queue: number[] = [];
  for (let i = 0; i < nL; i++) if (indeg[i] === 0) queue.push(i);
  const upOrder: number[] = [];
  while (queue.length > 0) {
    const n = queue.shift()!;
    upOrder.push(n);
    for (const m of [...nextOf[n]!].sort((a, b) => a - b)) {
      indeg[m]!--;
      if (indeg[m] === 0) queue.push(m);
    }
  }
  for (let i = 0; i < nL; i++) if (!upOrder.includes(i)) upOrder.push(i);
  const linkUsers: number[][] = Array.from({ length: nL }, () => []);
  segPath.forEach((path, s) => path.forEach((l) => linkUsers[l]!.push(s)));
  const intl = net.links.map((l) => l.kind === 'international');
  const segDomestic = segPath.map((path) => path.filter((l) => !intl[l]));
  const intlLinks = net.links.map((_, i) => i).filter((i) => intl[i]);
  const legitUpBase = new Array<number>(nL).fill(0);
  const legitDownBase = new Array<number>(nL).fill(0);
  net.segments.forEach((s, i) => {
    for (const l of segPath[i]!) {
      // Only the international share of legit traffic leaves the country.
      const f = intl[l] ? net.intlTrafficShare : 1;
      legitUpBase[l]! += s.legitUpMbps * f;
      legitDownBase[l]! += s.legitDownMbps * f;
    }
  });
  const classes = p.global.accessClasses;
  const globalN: number[] = [];
  const siteOffset: number[] = [];
  let off = 0;
  for (const r of p.global.regions) {
    for (const c of classes) {
      globalN.push(r.vulnerableHosts * c.share);
      siteOffset.push(off);
      off += c.hostsPerSite + 1;
    }
  }
  const d: Derived = {
    linkIndex,
    segmentIndex,
    clusterIndex,
    regionIndex,
    krIndex: regionIndex.get('KR') ?? 0,
    seedRegion: regionIndex.get(p.global.seedRegion) ?? 0,
    upOrder,
    linkUsers,
    segPath,
    clusterPath,
    segDomestic,
    intlLinks,
    isIntl: intl,
    legitUpBase,
    legitDownBase,
    mbPerPkt: (WORM_DATAGRAM_BYTES * 8) / 1e6,
    ownAddresses: net.segments.reduce((a, s) => a + s.addresses, 0),
    totalSubscribers: net.segments.reduce((a, s) => a + s.subscribers, 0),
    totalDnsQps: net.segments.reduce((a, s) => a + s.dnsQps, 0),
    globalN,
    siteOffset,
  };
  cache.set(p, d);
  return d;
}
