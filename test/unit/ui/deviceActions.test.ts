import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLevel, type Level } from '../../../src/game';
import { actionsFor, deviceList } from '../../../src/ui/panels/ops/deviceActions';

function fixtureLevel(): Level {
  const json = JSON.parse(
    readFileSync(new URL('../../../levels/backbone-isp.json', import.meta.url), 'utf8'),
  );
  const parsed = parseLevel(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.level;
}

const level = fixtureLevel();
const offered = new Set(Object.keys(level.commands));

describe('device actions', () => {
  it('should offer UDP 1434 filters both ways on a gateway, but nothing on the Internet', () => {
    const gw = actionsFor({ kind: 'node', id: 'hyehwa' }, level, offered);
    expect(gw.filter((a) => a.type === 'filter.apply').map((a) => a.args)).toEqual([
      { device: 'hyehwa', direction: 'ingress' },
      { device: 'hyehwa', direction: 'egress' },
    ]);
    expect(actionsFor({ kind: 'node', id: 'internet' }, level, offered)).toEqual([]);
  });

  it('should offer DNS actions per cluster on a DNS node, moving resolution to another cluster', () => {
    const dns = actionsFor({ kind: 'node', id: 'dns-hyehwa' }, level, offered);
    expect(dns.map((a) => a.type).sort()).toEqual(
      ['diag.dnsLogs', 'dns.addServers', 'dns.moveResolution', 'dns.restart'].sort(),
    );
    const move = dns.find((a) => a.type === 'dns.moveResolution')!;
    expect(move.args).toEqual({ from: 'dns-hyehwa' });
    expect(move.fields[0].options?.map((o) => o.value)).toEqual(['dns-guro']);
  });

  it('should offer patch, reboot and null-route for the segments a customer node serves', () => {
    const cust = actionsFor({ kind: 'node', id: 'cust-seoul' }, level, offered);
    const segments = new Set(cust.map((a) => a.args.segment));
    expect(segments).toEqual(new Set(['bb-seoul', 'leased-seoul', 'pcbang-seoul']));
    const patch = cust.find((a) => a.type === 'patch.start' && a.args.segment === 'bb-seoul')!;
    expect(patch.fields[0]).toMatchObject({ name: 'hostsPerHour', kind: 'number' });
  });

  it('should offer NetFlow, filters and disconnect on a link', () => {
    const link = actionsFor({ kind: 'link', id: 'intl-hyehwa' }, level, offered);
    expect(link.map((a) => a.type)).toContain('diag.netflow');
    expect(link.map((a) => a.type)).toContain('link.disconnect');
    expect(link.find((a) => a.type === 'diag.netflow')?.args).toEqual({ device: 'intl-hyehwa' });
  });

  it('should hide commands the level does not offer', () => {
    const none = actionsFor({ kind: 'node', id: 'hyehwa' }, level, new Set(['filter.apply']));
    expect(new Set(none.map((a) => a.type))).toEqual(new Set(['filter.apply']));
  });

  it('should list every device except the Internet, nodes before links', () => {
    const list = deviceList(level);
    expect(list.some((d) => d.id === 'internet')).toBe(false);
    expect(list.filter((d) => d.kind === 'link')).toHaveLength(level.engine.network.links.length);
    expect(list.findIndex((d) => d.kind === 'link')).toBe(
      list.filter((d) => d.kind === 'node').length,
    );
  });
});
