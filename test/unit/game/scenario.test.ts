// Headless scenarios on the backbone ISP fixture: the historical response completes and scores;
// an early, sensible response does better; doing nothing does worse.
import { describe, expect, it } from 'vitest';
import { ghostRun, runScripted, type ScriptedCommand } from '../../../src/game/script';
import { runScore } from '../../../src/game/run';
import { toRunFile } from '../../../src/game/runFile';
import { verifyRunFile } from '../../../src/game/verify';
import { fixtureLevel } from './helpers';

const at = (hhmm: string, day = 25) => `2003-01-${day}T${hhmm}:00+09:00`;

/** What a well-drilled team could have done: detect fast, filter both ways at the gateways, tell people, clean up. */
export const SENSIBLE: ScriptedCommand[] = [
  { at: at('14:31'), role: 'security', type: 'diag.ids' },
  { at: at('14:31'), role: 'network', type: 'diag.netflow', args: { device: 'intl-hyehwa' } },
  { at: at('14:31'), role: 'commander', type: 'staff.call', args: { staff: 'net-jung' } },
  { at: at('14:31'), role: 'commander', type: 'staff.call', args: { staff: 'sys-han' } },
  { at: at('14:31'), role: 'commander', type: 'staff.call', args: { staff: 'sys-seo' } },
  { at: at('14:31'), role: 'commander', type: 'staff.call', args: { staff: 'pr-song' } },
  {
    at: at('14:36'),
    role: 'network',
    type: 'filter.apply',
    args: { device: 'intl-hyehwa', direction: 'ingress' },
  },
  {
    at: at('14:37'),
    role: 'commander',
    type: 'comms.send',
    args: { to: 'kisa', blocks: ['report-worm'] },
  },
  {
    at: at('14:40'),
    role: 'systems',
    type: 'dns.addServers',
    args: { cluster: 'dns-hyehwa', servers: 10 },
  },
  {
    at: at('14:41'),
    role: 'network',
    type: 'filter.apply',
    args: { device: 'intl-busan', direction: 'ingress' },
  },
  {
    at: at('14:45'),
    role: 'commander',
    type: 'inject.answer',
    args: { inject: 'kisa-asks', choice: 'share-now' },
  },
  {
    at: at('14:45'),
    role: 'commander',
    type: 'comms.send',
    args: { to: 'executives', blocks: ['brief-situation'] },
  },
  {
    at: at('14:51'),
    role: 'network',
    type: 'filter.apply',
    args: { device: 'intl-hyehwa', direction: 'egress' },
  },
  {
    at: at('14:56'),
    role: 'network',
    type: 'filter.apply',
    args: { device: 'intl-busan', direction: 'egress' },
  },
  {
    at: at('15:00'),
    role: 'commander',
    type: 'comms.send',
    args: { to: 'customers', blocks: ['notice-outage', 'advise-patch'] },
  },
  { at: at('15:12'), role: 'systems', type: 'reboot.segment', args: { segment: 'idc-mokdong' } },
  {
    at: at('15:20'),
    role: 'systems',
    type: 'patch.start',
    args: { segment: 'idc-mokdong', hostsPerHour: 150 },
  },
  { at: at('15:35'), role: 'systems', type: 'reboot.segment', args: { segment: 'idc-hyehwa' } },
  {
    at: at('15:40'),
    role: 'commander',
    type: 'comms.send',
    args: { to: 'mic', blocks: ['status-degraded', 'cause-worm'] },
  },
  {
    at: at('15:45'),
    role: 'systems',
    type: 'patch.start',
    args: { segment: 'idc-hyehwa', hostsPerHour: 150 },
  },
  { at: at('16:00'), role: 'systems', type: 'reboot.segment', args: { segment: 'leased-seoul' } },
  {
    at: at('16:30'),
    role: 'systems',
    type: 'patch.start',
    args: { segment: 'leased-seoul', hostsPerHour: 100 },
  },
  {
    at: at('16:40'),
    role: 'systems',
    type: 'reboot.segment',
    args: { segment: 'leased-regional' },
  },
  {
    at: at('17:05'),
    role: 'systems',
    type: 'patch.start',
    args: { segment: 'leased-regional', hostsPerHour: 80 },
  },
  {
    at: at('17:10'),
    role: 'commander',
    type: 'comms.send',
    args: { to: 'press', blocks: ['statement-cause'] },
  },
  { at: at('17:30'), role: 'systems', type: 'reboot.segment', args: { segment: 'bb-seoul' } },
  {
    at: at('18:00'),
    role: 'systems',
    type: 'patch.start',
    args: { segment: 'bb-seoul', hostsPerHour: 60 },
  },
];

describe('backbone ISP scenarios', () => {
  const level = fixtureLevel();

  it('should play the historical response to the end, accept every command, score it, and verify', () => {
    const ghost = ghostRun(level, 1);
    expect(ghost.refused).toEqual([]);
    expect(ghost.run.state.ended).toBe(true);
    expect(ghost.run.log).toHaveLength(level.history.response.length);
    // A checkpoint at the start and at the first game point of every sim hour.
    expect(ghost.run.checkpoints.map((c) => c.tick)).toEqual(
      Array.from({ length: 35 }, (_, h) => h * 3600),
    );
    const score = runScore(ghost.run);
    expect(score.total).toBeGreaterThan(0);
    expect(score.total).toBeLessThan(1000);
    // The real day: Hyehwa DNS fell, then Guro after resolution moved there.
    const kinds = ghost.run.state.feed.map((f) => `${f.kind}:${f.params.id ?? ''}`);
    expect(kinds).toContain('engine.dns.down:dns-hyehwa');
    expect(kinds).toContain('engine.dns.down:dns-guro');
    const verified = verifyRunFile(JSON.parse(JSON.stringify(toRunFile(ghost.run))), level);
    expect(verified.ok).toBe(true);
  });

  it('an early, sensible response should beat history, and doing nothing should score worse', () => {
    const history = runScore(ghostRun(level, 1).run);
    const sensibleRun = runScripted(level, 1, SENSIBLE);
    expect(sensibleRun.refused).toEqual([]);
    const sensible = runScore(sensibleRun.run);
    const nothing = runScore(runScripted(level, 1, []).run);
    expect(sensible.total).toBeGreaterThan(history.total);
    expect(nothing.total).toBeLessThan(history.total);
    expect(sensible.parts.timeToFilter).toBeGreaterThan(history.parts.timeToFilter);
    expect(nothing.parts.timeToDetect).toBe(0);
    // Silence is not free: contacts expect to hear once the outage is public.
    expect(nothing.parts.communications).toBeLessThan(history.parts.communications);
  });

  it('should score the same seeds the same way', () => {
    expect(runScore(ghostRun(level, 42).run)).toEqual(runScore(ghostRun(level, 42).run));
  });
});

describe('after-action series', () => {
  it('should replay a log into curves that end at the run’s final state', async () => {
    const { runSeries } = await import('../../../src/game/series');
    const level = fixtureLevel();
    const ghost = ghostRun(level, 1);
    const s = runSeries(level, 1, ghost.run.log, 1800);
    expect(s.tick[0]).toBe(0);
    expect(s.tick.at(-1)).toBe(ghost.run.state.endTick);
    expect(s.scoreTotal.at(-1)).toBe(runScore(ghost.run).total);
    expect(Math.min(...s.subscribersOnlinePct)).toBeLessThan(50);
    expect(s.tick.every((t, i) => i === 0 || t > s.tick[i - 1]!)).toBe(true);
  });
});

describe('level start', () => {
  it('should run the network alone until a later level start', async () => {
    const { levelVariant } = await import('./helpers');
    const { createRun } = await import('../../../src/game/run');
    const late = levelVariant((j) => {
      j.meta.start = '2003-01-25T15:00:00+09:00';
      j.history.response = [];
      j.injects = j.injects.filter(
        (i: { trigger: { at?: string } }) => !i.trigger.at || i.trigger.at >= j.meta.start,
      );
    });
    const run = createRun(late, 1);
    expect(run.state.tick).toBe(3600);
    expect(run.state.acc.onsetTick).not.toBeNull();
    expect(run.checkpoints[0]!.tick).toBe(3600);
    expect(run.state.staff.find((s) => s.id === 'noc-kim')!.onShiftSince).toBe(3600);
  });
});
