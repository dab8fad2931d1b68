// Operator actions. Each one changes a parameter of the physical model (a filter on a link direction, a
// route, a server count, a patch rate); what follows is left to the model. Unknown ids and malformed actions
// return { ok: false } with a code and the offending path instead of throwing, so the game can show a
// rejection and a lockstep peer can never crash on a bad command.
import { z } from './zod';
import { derive, type Derived } from './derived';
import type { EngineParams } from './params';
import { cloneJson, type EngineState } from './state';
import { formatZodIssues } from './validation';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const direction = z.enum(['ingress', 'egress']);

export const engineActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('acl.apply'),
    device: id,
    direction,
    port: z._default(z.literal(1434), 1434),
    /**
     * Applied by the party at the far (Internet) end of the link, e.g. a transit provider filtering
     * what it sends us: it relieves the link itself. Ingress only.
     */
    upstream: z.optional(z.boolean()),
  }),
  z.object({
    type: z.literal('acl.remove'),
    device: id,
    direction,
    upstream: z.optional(z.boolean()),
  }),
  z.object({
    type: z.literal('ratelimit.apply'),
    device: id,
    direction,
    mbps: z.number().check(z.nonnegative()),
  }),
  z.object({ type: z.literal('ratelimit.remove'), device: id, direction }),
  z.object({ type: z.literal('nullroute.apply'), segment: id }),
  z.object({ type: z.literal('nullroute.remove'), segment: id }),
  z.object({ type: z.literal('link.disconnect'), link: id }),
  z.object({ type: z.literal('link.reconnect'), link: id }),
  z.object({
    type: z.literal('dns.addCapacity'),
    cluster: id,
    servers: z.number().check(z.int(), z.minimum(1), z.maximum(1000)),
  }),
  z.object({ type: z.literal('dns.restart'), cluster: id }),
  z.object({ type: z.literal('dns.moveResolution'), from: id, to: id }),
  z.object({
    type: z.literal('patch.start'),
    segment: id,
    hostsPerHour: z.number().check(z.positive(), z.maximum(1e6)),
  }),
  z.object({ type: z.literal('patch.stop'), segment: id }),
  z.object({ type: z.literal('reboot.segment'), segment: id }),
]);

export type EngineAction = z.infer<typeof engineActionSchema>;
export type EngineActionType = EngineAction['type'];
export const ENGINE_ACTION_TYPES: readonly EngineActionType[] = engineActionSchema.def.options.map(
  (o) => o.shape.type.def.values[0]!,
);

export type ApplyResult =
  { ok: true; state: EngineState } | { ok: false; code: string; message: string; path?: string };

type Rejection = Extract<ApplyResult, { ok: false }>;

function unknownId(kind: string, path: string, value: string): Rejection {
  return { ok: false, code: 'unknown-id', message: `unknown ${kind} id "${value}"`, path };
}

/** Check that the ids an action names exist in the level; null when fine. */
export function checkActionIds(
  params: EngineParams,
  a: EngineAction,
): { path: string; message: string } | null {
  const d = derive(params);
  const has = (m: Map<string, number>, v: string): boolean => m.has(v);
  const nodeOrLink = (v: string): boolean =>
    d.linkIndex.has(v) || params.network.nodes.some((n) => n.id === v);
  switch (a.type) {
    case 'acl.apply':
    case 'acl.remove':
    case 'ratelimit.apply':
    case 'ratelimit.remove':
      return nodeOrLink(a.device)
        ? null
        : {
            path: 'device',
            message: `unknown device id "${a.device}" (expected a link or node id)`,
          };
    case 'nullroute.apply':
    case 'nullroute.remove':
    case 'patch.start':
    case 'patch.stop':
    case 'reboot.segment':
      return has(d.segmentIndex, a.segment)
        ? null
        : { path: 'segment', message: `unknown segment id "${a.segment}"` };
    case 'link.disconnect':
    case 'link.reconnect':
      return has(d.linkIndex, a.link)
        ? null
        : { path: 'link', message: `unknown link id "${a.link}"` };
    case 'dns.addCapacity':
    case 'dns.restart':
      return has(d.clusterIndex, a.cluster)
        ? null
        : { path: 'cluster', message: `unknown cluster id "${a.cluster}"` };
    case 'dns.moveResolution':
      if (!has(d.clusterIndex, a.from)) {
        return { path: 'from', message: `unknown cluster id "${a.from}"` };
      }
      return has(d.clusterIndex, a.to)
        ? null
        : { path: 'to', message: `unknown cluster id "${a.to}"` };
  }
}

/** Schema check of an untrusted action: an unknown type is told apart from a malformed action. */
function parseAction(action: unknown): EngineAction | Rejection {
  const parsed = engineActionSchema.safeParse(action);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const isType =
    first !== undefined &&
    first.path.length === 1 &&
    first.path[0] === 'type' &&
    typeof (action as { type?: unknown } | null)?.type === 'string';
  return {
    ok: false,
    code: isType ? 'unknown-action' : 'invalid-action',
    message: isType
      ? `unknown action type "${(action as { type: string }).type}"`
      : formatZodIssues(parsed.error).join('; '),
    path: first ? first.path.join('.') : undefined,
  };
}

/** Links an ACL or rate limit on `dev` acts on: that link, or every link attached to that node. */
function linksOfDevice(params: EngineParams, d: Derived, dev: string): number[] {
  const li = d.linkIndex.get(dev);
  if (li !== undefined) return [li];
  const out: number[] = [];
  params.network.links.forEach((l, i) => {
    if (l.from === dev || l.to === dev) out.push(i);
  });
  return out;
}

type FilterAction = Extract<
  EngineAction,
  { type: 'acl.apply' | 'acl.remove' | 'ratelimit.apply' | 'ratelimit.remove' }
>;

/** ACLs and rate limits on our end of a link, or (upstream) a filter by the party at its far end. */
function applyFilter(
  st: EngineState,
  params: EngineParams,
  d: Derived,
  a: FilterAction,
): Rejection | null {
  const ls = linksOfDevice(params, d, a.device);
  if (ls.length === 0) return unknownId('device (link or node)', 'device', a.device);
  const on = a.type === 'acl.apply';
  if ((a.type === 'acl.apply' || a.type === 'acl.remove') && a.upstream) {
    if (a.direction !== 'ingress') {
      return {
        ok: false,
        code: 'invalid-action',
        message:
          'an upstream filter acts on what the far end sends us: direction must be "ingress"',
        path: 'direction',
      };
    }
    for (const l of ls) st.links[l]!.upstreamIngress = on;
    return null;
  }
  for (const l of ls) {
    const link = st.links[l]!;
    if (a.type === 'acl.apply' || a.type === 'acl.remove') {
      if (a.direction === 'ingress') link.aclIngress = on;
      else link.aclEgress = on;
    } else {
      const v = a.type === 'ratelimit.apply' ? a.mbps : -1;
      if (a.direction === 'ingress') link.rateIngressMbps = v;
      else link.rateEgressMbps = v;
    }
  }
  return null;
}

type DnsAction = Extract<
  EngineAction,
  { type: 'dns.addCapacity' | 'dns.restart' | 'dns.moveResolution' }
>;

/** Resolver clusters: servers ordered (ready after a delay), a restart, or clients moved elsewhere. */
function applyDns(
  st: EngineState,
  params: EngineParams,
  d: Derived,
  a: DnsAction,
): Rejection | null {
  if (a.type === 'dns.moveResolution') {
    const from = d.clusterIndex.get(a.from);
    if (from === undefined) return unknownId('cluster', 'from', a.from);
    const to = d.clusterIndex.get(a.to);
    if (to === undefined) return unknownId('cluster', 'to', a.to);
    for (const ss of st.segments) if (ss.resolver === from) ss.resolver = to;
    return null;
  }
  const k = d.clusterIndex.get(a.cluster);
  if (k === undefined) return unknownId('cluster', 'cluster', a.cluster);
  if (a.type === 'dns.addCapacity') {
    st.clusters[k]!.pending.push({
      readyMs: st.tMs + params.network.clusters[k]!.addCapacityS * 1000,
      servers: a.servers,
    });
    return null;
  }
  const cs = st.clusters[k]!;
  cs.status = 'restarting';
  cs.statusUntilMs = st.tMs + params.network.clusters[k]!.restartS * 1000;
  cs.overloadS = 0;
  return null;
}

type SegmentAction = Extract<
  EngineAction,
  {
    type: 'nullroute.apply' | 'nullroute.remove' | 'patch.start' | 'patch.stop' | 'reboot.segment';
  }
>;

/** Null routes, patch campaigns and reboots of one customer segment's hosts. */
function applyToSegment(
  st: EngineState,
  params: EngineParams,
  d: Derived,
  a: SegmentAction,
): Rejection | null {
  const s = d.segmentIndex.get(a.segment) ?? -1;
  if (s < 0) return unknownId('segment', 'segment', a.segment);
  const ss = st.segments[s]!;
  switch (a.type) {
    case 'nullroute.apply':
    case 'nullroute.remove':
      ss.nullRouted = a.type === 'nullroute.apply';
      break;
    case 'patch.start':
    case 'patch.stop':
      ss.patchPerHour = a.type === 'patch.start' ? a.hostsPerHour : 0;
      break;
    case 'reboot.segment':
      ss.offline += ss.infected;
      ss.infected = 0;
      ss.rebootDoneMs = st.tMs + params.network.rebootS * 1000;
      break;
  }
  return null;
}

/** Change `st` (a private copy) by one validated action; a rejection leaves the caller to drop it. */
function applyValidAction(
  st: EngineState,
  params: EngineParams,
  d: Derived,
  a: EngineAction,
): Rejection | null {
  switch (a.type) {
    case 'acl.apply':
    case 'acl.remove':
    case 'ratelimit.apply':
    case 'ratelimit.remove':
      return applyFilter(st, params, d, a);
    case 'link.disconnect':
    case 'link.reconnect': {
      const l = d.linkIndex.get(a.link);
      if (l === undefined) return unknownId('link', 'link', a.link);
      st.links[l]!.connected = a.type === 'link.reconnect';
      return null;
    }
    case 'dns.addCapacity':
    case 'dns.restart':
    case 'dns.moveResolution':
      return applyDns(st, params, d, a);
    case 'nullroute.apply':
    case 'nullroute.remove':
    case 'patch.start':
    case 'patch.stop':
    case 'reboot.segment':
      return applyToSegment(st, params, d, a);
  }
}

/**
 * Apply one action at the state's current time. Never throws; never mutates the input state.
 * ACL and rate-limit `device` may name a link (that interface) or a node (every link attached to it).
 */
export function applyAction(
  state: EngineState,
  params: EngineParams,
  action: EngineAction | unknown,
): ApplyResult {
  const a = parseAction(action);
  if ('ok' in a) return a;
  const bad = checkActionIds(params, a);
  if (bad) return { ok: false, code: 'unknown-id', message: bad.message, path: bad.path };
  const d = derive(params);
  const st = cloneJson(state);
  const rejected = applyValidAction(st, params, d, a);
  if (rejected) return rejected;
  st.events.push({ tMs: st.tMs, kind: 'action.' + a.type });
  return { ok: true, state: st };
}
