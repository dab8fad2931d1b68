// The sim CLI contract: exit codes, messages naming bad paths, and the --json shape other work depends on.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { main } from '../../../src/cli/sim';
import { parseArgs } from '../../../src/cli/cliArgs';
import { runSim, loadActions, loadLevelEngine } from '../../../src/cli/simEngine';
import { hashState } from '../../../src/engine';

let out: MockInstance;
let err: MockInstance;
const printed = (m: MockInstance) => m.mock.calls.map((c) => String(c[0])).join('\n');

beforeEach(() => {
  out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('npm run sim', () => {
  it('rejects an invalid engine block, naming each bad path', () => {
    expect(main(['--level', 'test/fixtures/engine/bad-level.json'])).not.toBe(0);
    const e = printed(err);
    expect(e).toContain('engine.network.links[3].capacityMbps: expected number');
    expect(e).toContain('engine.global.seedHosts:');
    expect(e).toContain('engine.observe.noise:');
    expect(e).toContain(
      'engine.network.segments[0].resolver: unknown resolver cluster id "dns-nowhere"',
    );
  });

  it('rejects a bad actions file, naming unknown types, ids and bad fields', () => {
    const code = main([
      '--level',
      'levels/backbone-isp.json',
      '--actions',
      'test/fixtures/engine/bad-actions.json',
    ]);
    expect(code).not.toBe(0);
    const e = printed(err);
    expect(e).toContain('actions[0].action.device: unknown device id "intl-mars"');
    expect(e).toContain('actions[1].action.type: unknown action type "firewall.magic"');
    expect(e).toContain('actions[2].at:');
    expect(e).toContain('actions[3].action.hostsPerHour: expected number');
    expect(e).toContain('actions[4].action.to: unknown cluster id "dns-busan"');
  });

  it('rejects unknown options and missing files', () => {
    expect(main(['--level', 'levels/backbone-isp.json', '--seeed', '3'])).not.toBe(0);
    expect(printed(err)).toContain('unknown option --seeed');
    expect(main(['--level', 'no/such/file.json'])).not.toBe(0);
    expect(main(['--level', 'levels/backbone-isp.json', '--until', 'tomorrow'])).not.toBe(0);
  });

  it('prints the documented JSON object', () => {
    const code = main([
      '--level',
      'levels/backbone-isp.json',
      '--seed',
      '7',
      '--until',
      '2003-01-25T15:00:00+09:00',
      '--sample',
      '30',
      '--json',
    ]);
    expect(code).toBe(0);
    const j = JSON.parse(printed(out));
    // A full level plays through the game core, which adds its score to the engine's keys.
    expect(Object.keys(j).sort()).toEqual(
      [
        'engineVersion',
        'events',
        'from',
        'hash',
        'level',
        'score',
        'seed',
        'series',
        'until',
      ].sort(),
    );
    expect(j.level).toBe('backbone-isp');
    expect(j.seed).toBe(7);
    expect(j.from).toBe('2003-01-25T14:00:00+09:00');
    expect(j.until).toBe('2003-01-25T15:00:00+09:00');
    expect(j.hash).toMatch(/^[0-9a-f]{16}(-[0-9a-f]{8})?$/);
    const keys = [
      't',
      'globalInfected',
      'globalScansPerSec',
      'krInfected',
      'ownInfected',
      'ownExposed',
      'subscribersOnlinePct',
      'dnsSuccessPct',
      'intlLinkUtilPct',
    ];
    expect(Object.keys(j.series).sort()).toEqual([...keys].sort());
    expect(j.series.t.length).toBe(121);
    for (const k of keys) expect(j.series[k].length).toBe(j.series.t.length);
    expect(j.series.t[1]).toBe(30);
    const kinds = j.events.map((e: { kind: string }) => e.kind);
    for (const k of ['worm.onset', 'worm.local', 'dns.down', 'outage.start'])
      expect(kinds).toContain(k);
    expect(j.events.find((e: { kind: string }) => e.kind === 'dns.down').id).toBe('dns-hyehwa');
  });

  it('prints a readable summary without --json', () => {
    expect(
      main(['--level', 'levels/backbone-isp.json', '--until', '2003-01-25T15:00:00+09:00']),
    ).toBe(0);
    const o = printed(out);
    expect(o).toContain('worm.onset');
    expect(o).toContain('key times (KST)');
  });
});

describe('runSim', () => {
  it('applies timed actions and is reproducible', () => {
    const lv = loadLevelEngine('levels/backbone-isp.json');
    if (!lv.ok) throw new Error(lv.errors.join('\n'));
    const acts = loadActions('test/fixtures/engine/kt-actions.json', lv.value.params);
    if (!acts.ok) throw new Error(acts.errors.join('\n'));
    const opts = {
      levelId: 'backbone-isp',
      params: lv.value.params,
      seed: 3,
      actions: acts.value,
      untilMs: 3 * 3_600_000,
    };
    const a = runSim(opts);
    const b = runSim(opts);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).toBe(hashState(a.state));
    expect(a.rejected).toEqual([]);
    expect(a.events.filter((e) => e.kind.startsWith('action.')).length).toBe(7);
    // Filtering the gateway at 15:40 ends the flood of its international link.
    const i1600 = a.series.t.indexOf(2 * 3600);
    expect(a.series.intlLinkUtilPct[i1600]).toBeLessThan(90);
  });
});

describe('cliArgs', () => {
  it('parses values, flags and = forms', () => {
    const r = parseArgs(['--', '--level', 'x.json', '--json', '--seed=4'], {
      values: ['level', 'seed'],
      flags: ['json'],
    });
    expect(r.values).toEqual({ level: 'x.json', seed: '4' });
    expect(r.flags.has('json')).toBe(true);
    expect(r.errors).toEqual([]);
    expect(parseArgs(['--level'], { values: ['level'], flags: [] }).errors).toEqual([
      '--level needs a value',
    ]);
  });
});
