// A device as the player's monitoring and own records show it: observed load and DNS answers
// (delayed, averaged: what 2003 tools showed), what the player's finished orders put in place
// (filters, rate limits, null routes, patching, disconnected links, added servers), findings of
// diagnoses run on it, and orders still under way. Never the engine's truth: a filter is "in
// place" because the player's task to put it there landed, not because the engine says so.
// Pure (no DOM, no i18n): the device panel renders the lines, tests read them.
import type { Level, ViewSnapshot } from '../../../game';
import type { Device } from './deviceActions';

type Task = ViewSnapshot['tasks'][number];
type Direction = 'ingress' | 'egress';

/** What the player's landed orders have put in place, by target. */
export interface PlayerRecords {
  filters: Map<string, number>;
  rateLimits: Map<string, { since: number; mbps: number }>;
  nullRoutes: Map<string, number>;
  disconnected: Map<string, number>;
  patching: Map<string, { since: number; hostsPerHour: number }>;
  rebooted: Map<string, number>;
  serversAdded: Map<string, number>;
  moved: Map<string, { to: string; since: number }>;
}

const key = (device: unknown, direction: unknown) => `${String(device)}|${String(direction)}`;

/** Replays the player's finished tasks in the order they landed. */
export function playerRecords(view: Pick<ViewSnapshot, 'tasks'>): PlayerRecords {
  const r: PlayerRecords = {
    filters: new Map(),
    rateLimits: new Map(),
    nullRoutes: new Map(),
    disconnected: new Map(),
    patching: new Map(),
    rebooted: new Map(),
    serversAdded: new Map(),
    moved: new Map(),
  };
  const landed = view.tasks
    .filter((t) => t.status === 'done')
    .sort((a, b) => a.dueTick - b.dueTick || a.id - b.id);
  for (const t of landed) {
    const a = t.args;
    const at = t.dueTick;
    switch (t.type) {
      case 'filter.apply':
        r.filters.set(key(a.device, a.direction), at);
        break;
      case 'filter.remove':
        r.filters.delete(key(a.device, a.direction));
        break;
      case 'ratelimit.apply':
        r.rateLimits.set(key(a.device, a.direction), { since: at, mbps: Number(a.mbps) });
        break;
      case 'ratelimit.remove':
        r.rateLimits.delete(key(a.device, a.direction));
        break;
      case 'nullroute.apply':
        r.nullRoutes.set(String(a.segment), at);
        break;
      case 'nullroute.remove':
        r.nullRoutes.delete(String(a.segment));
        break;
      case 'link.disconnect':
        r.disconnected.set(String(a.link), at);
        break;
      case 'link.reconnect':
        r.disconnected.delete(String(a.link));
        break;
      case 'patch.start':
        r.patching.set(String(a.segment), { since: at, hostsPerHour: Number(a.hostsPerHour) });
        break;
      case 'patch.stop':
        r.patching.delete(String(a.segment));
        break;
      case 'reboot.segment':
        r.rebooted.set(String(a.segment), at);
        break;
      case 'dns.addServers':
        r.serversAdded.set(
          String(a.cluster),
          (r.serversAdded.get(String(a.cluster)) ?? 0) + Number(a.servers),
        );
        break;
      case 'dns.moveResolution':
        r.moved.set(String(a.from), { to: String(a.to), since: at });
        break;
    }
  }
  return r;
}

/** One line of the device's state: an i18n key under `state.` and its values. Ticks are sim
 *  times; ids are device ids (the panel puts both into words). */
export interface StateLine {
  key: string;
  params: Record<string, string | number>;
  tone?: 'ok' | 'warn' | 'bad';
}

/** The segments, DNS clusters and links that belong to a device (what its orders act on). */
export function partsOf(level: Level, device: Device) {
  const net = level.engine.network;
  if (device.kind === 'global') return { segments: [], clusters: [], links: [] };
  if (device.kind === 'link')
    return { segments: [], clusters: [], links: net.links.filter((l) => l.id === device.id) };
  const linkFrom = new Map(net.links.map((l) => [l.id, l.from]));
  return {
    segments: net.segments.filter((s) => linkFrom.get(s.path[0]!) === device.id),
    clusters: net.clusters.filter((c) => c.node === device.id),
    links: net.links.filter((l) => l.from === device.id || l.to === device.id),
  };
}

/** Whether an order acts on this device (on it, its links' filters, its segments or clusters). */
export function targets(level: Level, device: Device, args: Record<string, unknown>): boolean {
  if (device.kind === 'global') return false;
  if (args.device === device.id || args.link === device.id) return true;
  if (device.kind === 'link') return false;
  const { segments, clusters } = partsOf(level, device);
  return (
    segments.some((s) => s.id === args.segment) ||
    clusters.some((c) => c.id === args.cluster || c.id === args.from)
  );
}

function filterLines(r: PlayerRecords, id: string): StateLine[] {
  const lines: StateLine[] = [];
  for (const direction of ['ingress', 'egress'] as Direction[]) {
    const since = r.filters.get(key(id, direction));
    if (since !== undefined)
      lines.push({ key: 'filterInPlace', params: { direction, since }, tone: 'ok' });
    const limit = r.rateLimits.get(key(id, direction));
    if (limit)
      lines.push({
        key: 'rateLimitInPlace',
        params: { direction, since: limit.since, mbps: limit.mbps },
        tone: 'ok',
      });
  }
  return lines;
}

/** The device's state as the player knows it, most telling first. */
export function deviceState(level: Level, view: ViewSnapshot, device: Device): StateLine[] {
  if (device.kind === 'global') return [];
  const r = playerRecords(view);
  const lines: StateLine[] = [];
  const { segments, clusters, links } = partsOf(level, device);
  const linkObs = new Map(view.monitoring.links.map((l) => [l.id, l]));
  const linksAsOf = Math.floor(view.monitoring.linksAsOfMs / 1000);
  const dnsAsOf = Math.floor(view.monitoring.dnsAsOfMs / 1000);

  if (device.kind === 'link') {
    const o = linkObs.get(device.id);
    const since = r.disconnected.get(device.id);
    if (since !== undefined) lines.push({ key: 'disconnected', params: { since }, tone: 'bad' });
    else if (o)
      lines.push({
        key: 'linkLoad',
        params: { inPct: o.inPct, outPct: o.outPct, at: linksAsOf },
        tone:
          Math.max(o.inPct, o.outPct) >= 90
            ? 'bad'
            : Math.max(o.inPct, o.outPct) >= 70
              ? 'warn'
              : undefined,
      });
    lines.push(...filterLines(r, device.id));
    // The latest NetFlow finding on this link: where worm traffic, and which way, is known.
    const flow = view.observations
      .filter((x) => x.command === 'diag.netflow' && x.data.link === device.id)
      .at(-1);
    if (flow)
      lines.push(
        flow.data.udp1434
          ? {
              key: 'netflowWorm',
              params: {
                at: flow.tick,
                outKpps: Number(flow.data.outboundKpps),
                inKpps: Number(flow.data.inboundKpps),
              },
              tone: 'bad',
            }
          : { key: 'netflowClean', params: { at: flow.tick } },
      );
  } else {
    lines.push(...filterLines(r, device.id));
    // The busiest of its links, as MRTG shows it.
    const busiest = links
      .map((l) => ({ id: l.id, o: linkObs.get(l.id) }))
      .filter((x) => x.o)
      .sort((a, b) => Math.max(b.o!.inPct, b.o!.outPct) - Math.max(a.o!.inPct, a.o!.outPct))[0];
    if (busiest && !clusters.length) {
      const pct = Math.max(busiest.o!.inPct, busiest.o!.outPct);
      lines.push({
        key: 'busiestLink',
        params: { link: busiest.id, pct, at: linksAsOf },
        tone: pct >= 90 ? 'bad' : pct >= 70 ? 'warn' : undefined,
      });
    }
    for (const c of clusters) {
      const o = view.monitoring.dns.find((d) => d.id === c.id);
      if (o)
        lines.push({
          key: o.status === 'answering' ? 'dnsAnswering' : 'dnsNotAnswering',
          params: { cluster: c.id, qps: o.queriesPerSec, ok: o.successPct, at: dnsAsOf },
          tone: o.status !== 'answering' ? 'bad' : o.successPct < 90 ? 'warn' : 'ok',
        });
      const added = r.serversAdded.get(c.id);
      if (added)
        lines.push({ key: 'serversAdded', params: { cluster: c.id, n: added }, tone: 'ok' });
      const moved = r.moved.get(c.id);
      if (moved)
        lines.push({
          key: 'resolutionMoved',
          params: { cluster: c.id, to: moved.to, since: moved.since },
        });
    }
    for (const s of segments) {
      const nulled = r.nullRoutes.get(s.id);
      if (nulled !== undefined)
        lines.push({ key: 'nullRouted', params: { segment: s.id, since: nulled }, tone: 'warn' });
      const patch = r.patching.get(s.id);
      if (patch) {
        // What the staff on it report: their pace (free hands × the level's rate, never the
        // number typed) and the hosts they have done; the inventory is the level's, known to the operator.
        const hosts = s.sqlHosts.exposed + s.sqlHosts.infected + s.sqlHosts.patched;
        const campaign = view.campaigns.find((c) => c.segment === s.id);
        const rate = campaign ? Math.round(campaign.hostsPerHour * 10) / 10 : 0;
        const done = campaign?.done ?? 0;
        lines.push({
          key: 'patching',
          params: { segment: s.id, rate, since: patch.since, done, hosts },
          tone: 'ok',
        });
      }
      const rebooted = r.rebooted.get(s.id);
      if (rebooted !== undefined)
        lines.push({ key: 'rebooted', params: { segment: s.id, at: rebooted } });
    }
  }
  for (const t of view.tasks.filter(
    (x) => x.status === 'running' && targets(level, device, x.args),
  ))
    lines.push({
      key: 'underWay',
      params: { task: t.id, pct: Math.round(t.progress * 100), due: t.dueTick },
    });
  const failed = view.tasks
    .filter((x) => x.status === 'failed' && targets(level, device, x.args))
    .at(-1);
  if (failed)
    lines.push({ key: 'failed', params: { task: failed.id, at: failed.dueTick }, tone: 'bad' });
  if (!lines.length) lines.push({ key: 'nothingKnown', params: {} });
  return lines;
}

export type { Task };
