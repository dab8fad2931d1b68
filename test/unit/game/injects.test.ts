// Injects, contacts and task failure: the game's own rules between commands.
import { describe, expect, it } from 'vitest';
import { LATE_NOTICE_PENALTY, MISSED_NOTICE_PENALTY } from '../../../src/game/comms';
import { currentScore } from '../../../src/game/incident';
import { advanceToTick, createRun } from '../../../src/game/run';
import { tickToClock } from '../../../src/game/simTime';
import { fixtureLevel, levelVariant, must, permissiveLevel, runAt, tick } from './helpers';

describe('injects', () => {
  const level = fixtureLevel();

  it('should fire on time, expire into the default choice and apply its consequences', () => {
    const r = runAt(level, '2003-01-25T15:00:00+09:00');
    const noise = r.state.injects.find((i) => i.id === 'ids-noise')!;
    // It reports the IDC LAN's flood: three minutes after the engine saw that link saturate.
    const saturated = r.state.feed.find(
      (f) => f.kind === 'engine.link.saturated' && f.params.id === 'lan-idc-hyehwa',
    )!;
    expect(noise).toMatchObject({
      status: 'expired',
      choice: 'ignore',
    });
    // Injects fire at game points (every sim minute), so within a minute after the delay.
    expect(noise.firedTick! - saturated.tick).toBeGreaterThanOrEqual(180);
    expect(noise.firedTick! - saturated.tick).toBeLessThan(240);
    expect(r.state.contacts.find((c) => c.id === 'idc-tenants')!.trust).toBe(-5);
    expect(r.state.inbox.some((m) => m.injectId === 'ids-noise')).toBe(true);
  });

  it('should arm on an engine event and fire after its delay, following the player’s own outage', () => {
    const r = runAt(level, '2003-01-25T15:10:00+09:00');
    const down = r.state.feed.find(
      (f) => f.kind === 'engine.dns.down' && f.params.id === 'dns-hyehwa',
    )!;
    const exec = r.state.injects.find((i) => i.id === 'hyehwa-dns-exec')!;
    expect(exec.firedTick).toBeGreaterThanOrEqual(down.tick + 180);
    expect(exec.firedTick! - down.tick).toBeLessThan(180 + 60);
    // An information-only inject is "informed" at once.
    const pc = r.state.injects.find((i) => i.id === 'pcbang-flood')!;
    expect(pc.status).toBe('informed');
  });

  it('should bring in staff as a consequence', () => {
    let r = runAt(level, '2003-01-25T14:59:00+09:00');
    const exec = r.state.injects.find((i) => i.id === 'hyehwa-dns-exec')!;
    expect(exec.status).toBe('active');
    r = must(r, 'commander', 'inject.answer', { inject: 'hyehwa-dns-exec', choice: 'brief-now' });
    expect(r.state.staff.find((s) => s.id === 'exec-oh')!.status).toBe('enRoute');
  });

  it('should produce call-centre messages from what the network does', () => {
    const r = runAt(level, '2003-01-25T17:05:00+09:00');
    expect(r.state.inbox.some((m) => m.id === 'gen:dns.down:dns-hyehwa')).toBe(true);
    expect(r.state.inbox.some((m) => m.id === 'gen:outage.start:')).toBe(true);
    expect(r.state.inbox.some((m) => m.id.startsWith('calls:'))).toBe(true);
  });
});

describe('contacts', () => {
  const level = fixtureLevel();

  it('should expect news once the outage is public and count a missed window', () => {
    const r = runAt(level, '2003-01-25T16:00:00+09:00');
    const exec = r.state.contacts.find((c) => c.id === 'executives')!;
    expect(exec.status).toBe('overdue');
    const mic = r.state.contacts.find((c) => c.id === 'mic')!;
    expect(mic.status).toBe('expecting');
    const score = currentScore(r.state, level);
    expect(score.raw.communications).toBeGreaterThanOrEqual(MISSED_NOTICE_PENALTY);
  });

  it('should score a late first message lower than a timely one', () => {
    const base = runAt(level, '2003-01-25T14:44:00+09:00');
    const timely = advanceToTick(
      must(base, 'commander', 'comms.send', { to: 'executives', blocks: ['brief-situation'] }),
      tick('2003-01-25T17:00:00+09:00'),
    );
    const lateStart = runAt(level, '2003-01-25T15:40:00+09:00');
    const late = advanceToTick(
      must(lateStart, 'commander', 'comms.send', { to: 'executives', blocks: ['brief-situation'] }),
      tick('2003-01-25T17:00:00+09:00'),
    );
    expect(timely.state.contacts.find((c) => c.id === 'executives')!.status).toBe('informedTimely');
    expect(late.state.contacts.find((c) => c.id === 'executives')!.status).toBe('informedLate');
    expect(late.state.acc.commsPenalty - timely.state.acc.commsPenalty).toBeGreaterThanOrEqual(
      LATE_NOTICE_PENALTY,
    );
  });
});

describe('task failure', () => {
  it('should fail by the seeded PRNG, release staff and change nothing in the network', () => {
    const level = levelVariant((j) => {
      j.commands['filter.apply'].failureChance = 1;
      j.commands['filter.apply'].requires = [];
    });
    let r = runAt(level, '2003-01-25T14:05:00+09:00');
    r = must(r, 'network', 'filter.apply', { device: 'intl-hyehwa', direction: 'ingress' });
    const task = r.state.tasks.at(-1)!;
    r = advanceToTick(r, task.dueTick);
    expect(r.state.tasks.at(-1)!.status).toBe('failed');
    expect(r.state.tasks.at(-1)!.failure!.en).toMatch(/failed/);
    expect(r.state.staff.every((s) => s.status !== 'busy')).toBe(true);
    expect(r.state.engine.links[0]!.aclIngress).toBe(false);
    expect(r.state.feed.at(-1)!.kind).toBe('task.failed');
  });

  it('should draw failures from the run’s seed, the same on every replay', () => {
    const level = levelVariant((j) => {
      j.commands['diag.linkGraphs'].failureChance = 0.5;
    });
    const outcomes = (seed: number) => {
      let r = createRun(level, seed);
      for (let i = 0; i < 8; i++) {
        r = must(advanceToTick(r, r.state.tick + 180), 'network', 'diag.linkGraphs');
      }
      r = advanceToTick(r, r.state.tick + 600);
      return r.state.tasks.map((t) => t.status).join(',');
    };
    expect(outcomes(11)).toBe(outcomes(11));
    const all = [11, 12, 13, 14].map(outcomes).join(',');
    expect(all).toContain('failed');
    expect(all).toContain('done');
    void tickToClock;
    void permissiveLevel;
  });
});
