// Which commands a selected device offers, with the arguments they fix and the fields the player
// fills in. Pure (no DOM): the action panel renders it, tests check it.
import type { CommandType, Level } from '../../../game';

type Net = Level['engine']['network'];

export interface ActionField {
  name: string;
  kind: 'number' | 'select';
  /** i18n key of the field label. */
  label: string;
  min?: number;
  max?: number;
  step?: number;
  value: number | string;
  options?: { value: string; label: string }[];
}

export interface ActionSpec {
  /** Unique within the device, for keys and test hooks. */
  key: string;
  type: CommandType;
  args: Record<string, unknown>;
  fields: ActionField[];
  /** What the action is applied to, for the label (a segment or cluster name). */
  subject?: string;
  direction?: 'ingress' | 'egress';
}

export type Device =
  { kind: 'node'; id: string } | { kind: 'link'; id: string } | { kind: 'global' };

const both = ['ingress', 'egress'] as const;

function filterActions(device: string): ActionSpec[] {
  return both.flatMap((direction) => [
    {
      key: `filter.apply:${direction}`,
      type: 'filter.apply',
      args: { device, direction },
      fields: [],
      direction,
    },
    {
      key: `ratelimit.apply:${direction}`,
      type: 'ratelimit.apply',
      args: { device, direction },
      direction,
      fields: [
        { name: 'mbps', kind: 'number', label: 'ops.mbps', min: 1, max: 10000, step: 1, value: 10 },
      ],
    },
    {
      key: `filter.remove:${direction}`,
      type: 'filter.remove',
      args: { device, direction },
      fields: [],
      direction,
    },
    {
      key: `ratelimit.remove:${direction}`,
      type: 'ratelimit.remove',
      args: { device, direction },
      fields: [],
      direction,
    },
  ]) as ActionSpec[];
}

function segmentActions(net: Net, nodeId: string): ActionSpec[] {
  const linkFrom = new Map(net.links.map((l) => [l.id, l.from]));
  return net.segments
    .filter((s) => linkFrom.get(s.path[0]) === nodeId)
    .flatMap((s) => {
      const subject = s.name ?? s.id;
      const hosts = s.sqlHosts.exposed + s.sqlHosts.infected;
      return [
        {
          key: `patch.start:${s.id}`,
          type: 'patch.start',
          args: { segment: s.id },
          subject,
          fields: [
            {
              name: 'hostsPerHour',
              kind: 'number',
              label: 'ops.hostsPerHour',
              min: 1,
              max: 100000,
              step: 10,
              value: Math.max(10, Math.round(hosts / 8 / 10) * 10),
            },
          ],
        },
        {
          key: `patch.stop:${s.id}`,
          type: 'patch.stop',
          args: { segment: s.id },
          subject,
          fields: [],
        },
        {
          key: `reboot.segment:${s.id}`,
          type: 'reboot.segment',
          args: { segment: s.id },
          subject,
          fields: [],
        },
        {
          key: `nullroute.apply:${s.id}`,
          type: 'nullroute.apply',
          args: { segment: s.id },
          subject,
          fields: [],
        },
        {
          key: `nullroute.remove:${s.id}`,
          type: 'nullroute.remove',
          args: { segment: s.id },
          subject,
          fields: [],
        },
      ] as ActionSpec[];
    });
}

function dnsActions(net: Net, nodeId: string): ActionSpec[] {
  return net.clusters
    .filter((c) => c.node === nodeId)
    .flatMap((c) => {
      const subject = c.name ?? c.id;
      const others = net.clusters.filter((o) => o.id !== c.id);
      const specs: ActionSpec[] = [
        {
          key: `diag.dnsLogs:${c.id}`,
          type: 'diag.dnsLogs',
          args: { cluster: c.id },
          subject,
          fields: [],
        },
        {
          key: `dns.restart:${c.id}`,
          type: 'dns.restart',
          args: { cluster: c.id },
          subject,
          fields: [],
        },
        {
          key: `dns.addServers:${c.id}`,
          type: 'dns.addServers',
          args: { cluster: c.id },
          subject,
          fields: [
            {
              name: 'servers',
              kind: 'number',
              label: 'ops.servers',
              min: 1,
              max: 100,
              step: 1,
              value: 4,
            },
          ],
        },
      ];
      if (others.length) {
        specs.push({
          key: `dns.moveResolution:${c.id}`,
          type: 'dns.moveResolution',
          args: { from: c.id },
          subject,
          fields: [
            {
              name: 'to',
              kind: 'select',
              label: 'ops.target',
              value: others[0].id,
              options: others.map((o) => ({ value: o.id, label: o.name ?? o.id })),
            },
          ],
        });
      }
      return specs;
    });
}

/** The actions for a device, limited to the commands the level offers. */
export function actionsFor(
  device: Device,
  level: Level,
  offered: ReadonlySet<string>,
): ActionSpec[] {
  const net = level.engine.network;
  let specs: ActionSpec[];
  if (device.kind === 'global') {
    specs = [
      { key: 'diag.linkGraphs', type: 'diag.linkGraphs', args: {}, fields: [] },
      { key: 'diag.ids', type: 'diag.ids', args: {}, fields: [] },
      {
        key: 'incident.escalate',
        type: 'incident.escalate',
        args: {},
        fields: [
          {
            name: 'severity',
            kind: 'number',
            label: 'ops.escalate',
            min: 1,
            max: 3,
            step: 1,
            value: 2,
          },
        ],
      },
    ];
  } else if (device.kind === 'link') {
    const link = net.links.find((l) => l.id === device.id);
    if (!link) return [];
    specs = [
      { key: 'diag.netflow', type: 'diag.netflow', args: { device: link.id }, fields: [] },
      ...filterActions(link.id),
      { key: 'link.disconnect', type: 'link.disconnect', args: { link: link.id }, fields: [] },
      { key: 'link.reconnect', type: 'link.reconnect', args: { link: link.id }, fields: [] },
    ];
  } else {
    const node = net.nodes.find((n) => n.id === device.id);
    if (!node || node.kind === 'internet') return [];
    if (node.kind === 'dns') specs = dnsActions(net, node.id);
    else if (node.kind === 'customer') specs = segmentActions(net, node.id);
    else
      specs = [
        ...filterActions(node.id),
        ...segmentActions(net, node.id),
        ...dnsActions(net, node.id),
      ];
  }
  return specs.filter((s) => offered.has(s.type));
}

/** Every selectable device in a stable order: nodes first (west→east by kind), then links. */
export function deviceList(
  level: Level,
): { kind: 'node' | 'link'; id: string; name: string; type: string }[] {
  const net = level.engine.network;
  return [
    ...net.nodes
      .filter((n) => n.kind !== 'internet')
      .map((n) => ({ kind: 'node' as const, id: n.id, name: n.name ?? n.id, type: n.kind })),
    ...net.links.map((l) => ({
      kind: 'link' as const,
      id: l.id,
      name: l.name ?? l.id,
      type: 'link',
    })),
  ];
}
