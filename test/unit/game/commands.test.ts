// Every command: its effect once the task lands, and every reason it can be refused.
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, INSTANT_COMMANDS, type CommandType } from '../../../src/game/commandSchema';
import { hashGame } from '../../../src/game/incident';
import type { Level } from '../../../src/game/levelSchema';
import { REJECTION_CODES, type RejectionCode } from '../../../src/game/rejectionText';
import { renderRejection } from '../../../src/i18n/rejection';
import { PLAYER_ROLES, type Role } from '../../../src/game/roles';
import { advanceToTick, applyCommand, finishRun, type Run } from '../../../src/game/run';
import { fixtureLevel, levelVariant, must, permissiveLevel, runAt, VALID_ARGS } from './helpers';

const VALID = VALID_ARGS;

/** Arguments naming an id the network does not have, for commands that name one. */
const UNKNOWN_ID: Partial<Record<CommandType, Record<string, unknown>>> = {
  'diag.netflow': { device: 'nowhere' },
  'diag.dnsLogs': { cluster: 'nowhere' },
  'filter.apply': { device: 'nowhere', direction: 'ingress' },
  'filter.remove': { device: 'nowhere', direction: 'ingress' },
  'ratelimit.apply': { device: 'nowhere', direction: 'egress', mbps: 5 },
  'ratelimit.remove': { device: 'nowhere', direction: 'egress' },
  'nullroute.apply': { segment: 'nowhere' },
  'nullroute.remove': { segment: 'nowhere' },
  'link.disconnect': { link: 'nowhere' },
  'link.reconnect': { link: 'nowhere' },
  'dns.addServers': { cluster: 'nowhere', servers: 1 },
  'dns.restart': { cluster: 'nowhere' },
  'dns.moveResolution': { from: 'dns-hyehwa', to: 'nowhere' },
  'patch.start': { segment: 'nowhere', hostsPerHour: 1 },
  'patch.stop': { segment: 'nowhere' },
  'reboot.segment': { segment: 'nowhere' },
};

const roleFor = (level: Level, type: CommandType): Role =>
  INSTANT_COMMANDS.includes(type)
    ? type.startsWith('clock.') || type === 'note.add'
      ? 'facilitator'
      : 'commander'
    : level.commands[type]!.roles[0]!;

function refuse(
  run: Run,
  role: Role,
  type: string,
  args: Record<string, unknown>,
  at?: number,
): RejectionCode {
  const before = hashGame(run.state);
  const r = applyCommand(run, { role, type, args }, at);
  if (r.outcome.ok) throw new Error(`${type} was accepted`);
  // A refused command changes nothing and is not logged.
  expect(hashGame(r.run.state)).toBe(before);
  expect(r.run.log).toHaveLength(run.log.length);
  expect(r.run.rejections.at(-1)!.rejection.code).toBe(r.outcome.rejection.code);
  return r.outcome.rejection.code;
}

describe('command effects', () => {
  // Nobody restarts DNS on their own here, so staff are free exactly when these tests expect.
  const base = permissiveLevel();
  const level = { ...base, procedures: { ...base.procedures, dnsRestart: null } };
  const early = runAt(level, '2003-01-25T14:05:00+09:00');
  const linkIdx = (id: string) => level.engine.network.links.findIndex((l) => l.id === id);
  const segIdx = (id: string) => level.engine.network.segments.findIndex((s) => s.id === id);
  const clIdx = (id: string) => level.engine.network.clusters.findIndex((c) => c.id === id);

  /** Issues a command and runs until its task has landed. */
  function land(run: Run, type: CommandType, args = VALID[type]): Run {
    let r = must(run, roleFor(level, type), type, args);
    const task = r.state.tasks.at(-1)!;
    r = advanceToTick(r, task.dueTick);
    expect(r.state.tasks.find((t) => t.id === task.id)!.status).toMatch(/done|failed/);
    return r;
  }
  const landOk = (run: Run, type: CommandType, args = VALID[type]) => {
    // Failure chances are drawn from the seeded PRNG; retry with the next tick until it lands.
    for (let i = 0; i < 10; i++) {
      const r = land(i === 0 ? run : advanceToTick(run, run.state.tick + 60 * i), type, args);
      if (r.state.tasks.at(-1)!.status === 'done') return r;
    }
    throw new Error(`${type} never landed`);
  };

  it('should hold staff while a task runs and release them when it lands', () => {
    const r = must(early, 'network', 'filter.apply', VALID['filter.apply']);
    const task = r.state.tasks.at(-1)!;
    expect(task.status).toBe('running');
    expect(task.dueTick - task.startTick).toBe(15 * 60);
    expect(r.state.staff.find((s) => s.id === task.staff[0])!.status).toBe('busy');
    const after = advanceToTick(r, task.dueTick);
    expect(after.state.staff.find((s) => s.id === task.staff[0])!.status).toBe('free');
  });

  it('filter.apply / filter.remove should set and clear the ACL on the link', () => {
    let r = landOk(early, 'filter.apply');
    expect(r.state.engine.links[linkIdx('intl-hyehwa')]!.aclIngress).toBe(true);
    r = landOk(r, 'filter.remove');
    expect(r.state.engine.links[linkIdx('intl-hyehwa')]!.aclIngress).toBe(false);
  });

  it('ratelimit.apply / ratelimit.remove should set and clear the rate limit', () => {
    let r = landOk(early, 'ratelimit.apply');
    expect(r.state.engine.links[linkIdx('intl-hyehwa')]!.rateEgressMbps).toBe(50);
    r = landOk(r, 'ratelimit.remove');
    expect(r.state.engine.links[linkIdx('intl-hyehwa')]!.rateEgressMbps).toBe(-1);
  });

  it('nullroute.apply / nullroute.remove should route the segment to null and back', () => {
    let r = landOk(early, 'nullroute.apply');
    expect(r.state.engine.segments[segIdx('idc-mokdong')]!.nullRouted).toBe(true);
    r = landOk(r, 'nullroute.remove');
    expect(r.state.engine.segments[segIdx('idc-mokdong')]!.nullRouted).toBe(false);
  });

  it('link.disconnect / link.reconnect should take the link down and up', () => {
    let r = landOk(early, 'link.disconnect');
    expect(r.state.engine.links[linkIdx('intl-busan')]!.connected).toBe(false);
    r = landOk(r, 'link.reconnect');
    expect(r.state.engine.links[linkIdx('intl-busan')]!.connected).toBe(true);
  });

  it('dns.addServers should queue servers that come online after the engine delay', () => {
    const r = landOk(early, 'dns.addServers');
    const c = r.state.engine.clusters[clIdx('dns-hyehwa')]!;
    expect(c.pending.reduce((a, p) => a + p.servers, 0)).toBe(4);
  });

  it('dns.restart should restart the cluster', () => {
    const r = landOk(early, 'dns.restart');
    expect(r.state.engine.clusters[clIdx('dns-guro')]!.status).toBe('restarting');
  });

  it('dns.moveResolution should point the segments at the other cluster', () => {
    const before = early.state.engine.segments.filter(
      (s) => s.resolver === clIdx('dns-hyehwa'),
    ).length;
    expect(before).toBeGreaterThan(0);
    const r = landOk(early, 'dns.moveResolution');
    expect(r.state.engine.segments.filter((s) => s.resolver === clIdx('dns-hyehwa'))).toHaveLength(
      0,
    );
  });

  it('patch.start / patch.stop should start and stop the campaign', () => {
    let r = landOk(early, 'patch.start');
    // The typed 200/h is a ceiling: the pace is the free systems staff × the level's per-person rate.
    const hands = r.state.staff.filter((x) => x.skill === 'systems' && x.status === 'free').length;
    expect(hands).toBeGreaterThan(0);
    expect(r.state.engine.segments[segIdx('idc-mokdong')]!.patchPerHour).toBe(
      Math.min(200, hands * r.level.procedures.patchHostsPerStaffHour.idc),
    );
    const patched = r.state.engine.segments[segIdx('idc-mokdong')]!.patched;
    r = advanceToTick(r, r.state.tick + 3600);
    expect(r.state.engine.segments[segIdx('idc-mokdong')]!.patched).toBeGreaterThan(patched);
    r = landOk(r, 'patch.stop');
    expect(r.state.engine.segments[segIdx('idc-mokdong')]!.patchPerHour).toBe(0);
  });

  it('reboot.segment should reboot the segment hosts', () => {
    const r = landOk(early, 'reboot.segment');
    expect(r.state.engine.segments[segIdx('idc-mokdong')]!.rebootDoneMs).toBeGreaterThan(0);
  });

  it('staff.call should bring the person in after their call-in time', () => {
    let r = landOk(early, 'staff.call');
    const s = r.state.staff.find((x) => x.id === 'net-jung')!;
    expect(s.status).toBe('enRoute');
    // 40 minutes on a usual day; ¾ to 1½ of that, drawn from the run's PRNG.
    expect(s.arrivesAt).toBeGreaterThanOrEqual(r.state.tick + 30 * 60);
    expect(s.arrivesAt).toBeLessThanOrEqual(r.state.tick + 60 * 60);
    r = advanceToTick(r, s.arrivesAt!);
    expect(r.state.staff.find((x) => x.id === 'net-jung')!.status).toBe('free');
    expect(r.state.feed.some((f) => f.kind === 'staff.arrived')).toBe(true);
  });

  it('incident.escalate should set the escalated flag and halve call-in times', () => {
    let r = landOk(early, 'incident.escalate');
    expect(r.state.flags.escalated).toBeDefined();
    r = landOk(r, 'staff.call');
    const arrives = r.state.staff.find((x) => x.id === 'net-jung')!.arrivesAt!;
    expect(arrives).toBeGreaterThanOrEqual(r.state.tick + 15 * 60);
    expect(arrives).toBeLessThanOrEqual(r.state.tick + 30 * 60);
  });

  it('comms.send should check claims against the truth and notify KISA', () => {
    // Before the worm exists, "a worm is spreading" is false.
    const r = landOk(early, 'comms.send');
    const sent = r.state.outbox.at(-1)!;
    expect(sent.claims).toEqual(['worm.active', 'worm.udp1434']);
    expect(sent.falseClaims).toEqual(['worm.active', 'worm.udp1434']);
    expect(r.state.acc.commsPenalty).toBeGreaterThanOrEqual(20);
    expect(r.state.acc.kisaNotifiedTick).toBe(r.state.tick);
    // After the onset the same message is true.
    const late = landOk(runAt(level, '2003-01-25T14:40:00+09:00'), 'comms.send');
    expect(late.state.outbox.at(-1)!.falseClaims).toEqual([]);
    expect(late.state.contacts.find((c) => c.id === 'kisa')!.trust).toBeGreaterThan(0);
  });

  it('diagnosis should reveal only what the network shows', () => {
    let r = landOk(early, 'diag.netflow');
    expect(r.state.flags.knowsUdp1434).toBeUndefined();
    expect(r.state.observations.at(-1)!.data.udp1434).toBe(false);
    r = landOk(early, 'diag.linkGraphs');
    expect(r.state.observations.at(-1)!.command).toBe('diag.linkGraphs');
    const worm = runAt(level, '2003-01-25T14:40:00+09:00');
    r = landOk(worm, 'diag.netflow');
    expect(r.state.flags.knowsUdp1434).toBeDefined();
    expect(r.state.acc.detectTick).toBe(r.state.tick);
    r = landOk(worm, 'diag.ids');
    expect(r.state.flags.knowsWorm).toBeDefined();
    const dnsDown = runAt(level, '2003-01-25T15:10:00+09:00');
    r = landOk(dnsDown, 'diag.dnsLogs');
    expect(r.state.flags.knowsDnsOverload).toBeDefined();
  });

  it('inject.answer should apply the choice at once', () => {
    // ids-noise fires three minutes after the IDC LAN at Hyehwa saturates (about 14:33).
    const r0 = runAt(level, '2003-01-25T14:40:00+09:00');
    expect(r0.state.injects.find((i) => i.id === 'ids-noise')!.status).toBe('active');
    const r = must(r0, 'commander', 'inject.answer', VALID['inject.answer']);
    expect(r.state.injects.find((i) => i.id === 'ids-noise')!.status).toBe('answered');
    expect(r.state.contacts.find((c) => c.id === 'idc-tenants')!.trust).toBe(5);
  });

  it('clock commands should pause, resume, change speed and skip', () => {
    let r = must(early, 'facilitator', 'clock.pause');
    expect(r.state.clock.paused).toBe(true);
    r = must(r, 'facilitator', 'clock.resume');
    expect(r.state.clock.paused).toBe(false);
    r = must(r, 'facilitator', 'clock.speed', { speed: 4 });
    expect(r.state.clock.speed).toBe(4);
    r = must(r, 'facilitator', 'clock.skip');
    expect(r.state.clock.skipTo).toBeGreaterThan(r.state.tick);
  });

  it('note.add should keep the note in the log for the after-action review', () => {
    const r = must(early, 'facilitator', 'note.add', VALID['note.add']);
    expect(r.state.notes.at(-1)!.text).toMatch(/hot wash/);
    const answer = must(r, 'facilitator', 'note.add', { text: 'Guro would fall too', question: 1 });
    expect(answer.state.notes.at(-1)).toMatchObject({ question: 1, role: 'facilitator' });
    expect(refuse(r, 'facilitator', 'note.add', { text: 'x', question: 7 })).toBe('UNKNOWN_CHOICE');
  });

  it('should cover every command type in these tests', () => {
    expect(Object.keys(VALID).sort()).toEqual([...COMMAND_TYPES].sort());
  });
});

describe('command rejections', () => {
  const level = fixtureLevel();
  const early = runAt(level, '2003-01-25T14:05:00+09:00');
  const permissive = runAt(permissiveLevel(), '2003-01-25T14:05:00+09:00');
  const ended = finishRun(early);
  const levelCommands = Object.keys(level.commands) as CommandType[];

  it.each(levelCommands)(
    '%s: ROLE_FORBIDDEN, NOT_ALLOWED_IN_LEVEL, MALFORMED, RUN_ENDED',
    (type) => {
      const rule = level.commands[type]!;
      const outsider = PLAYER_ROLES.find((r) => !rule.roles.includes(r))!;
      expect(refuse(early, outsider, type, VALID[type])).toBe('ROLE_FORBIDDEN');
      const without = runAt(
        levelVariant((j) => delete j.commands[type]),
        '2003-01-25T14:05:00+09:00',
      );
      expect(refuse(without, 'solo', type, VALID[type])).toBe('NOT_ALLOWED_IN_LEVEL');
      expect(refuse(early, 'solo', type, { ...VALID[type], bogus: 1 })).toBe('MALFORMED');
      expect(refuse(ended, 'solo', type, VALID[type])).toBe('RUN_ENDED');
    },
  );

  it.each(Object.keys(UNKNOWN_ID) as CommandType[])('%s: UNKNOWN_DEVICE', (type) => {
    expect(refuse(permissive, 'solo', type, UNKNOWN_ID[type]!)).toBe('UNKNOWN_DEVICE');
  });

  it.each(levelCommands.filter((t) => level.commands[t]!.requires.length > 0))(
    '%s: PRECONDITION until the knowledge is there',
    (type) => {
      expect(refuse(early, 'solo', type, VALID[type])).toBe('PRECONDITION');
    },
  );

  it.each(levelCommands.filter((t) => level.commands[t]!.staff > 0))('%s: NO_STAFF', (type) => {
    const skill = level.commands[type]!.skill;
    const shortHanded = levelVariant((j) => {
      for (const s of j.staff) if (s.skill === skill) s.onDuty = false;
      for (const rule of Object.values(j.commands as Record<string, { requires?: string[] }>))
        rule.requires = [];
    });
    expect(refuse(runAt(shortHanded, '2003-01-25T14:05:00+09:00'), 'solo', type, VALID[type])).toBe(
      'NO_STAFF',
    );
  });

  it.each(levelCommands.filter((t) => t !== 'staff.call' && t !== 'incident.escalate'))(
    '%s: ALREADY_DONE while the same task runs',
    (type) => {
      const once = must(permissive, 'solo', type, VALID[type]);
      expect(refuse(once, 'solo', type, VALID[type])).toBe('ALREADY_DONE');
    },
  );

  it('staff.call: UNKNOWN_STAFF and ALREADY_DONE', () => {
    expect(refuse(early, 'commander', 'staff.call', { staff: 'nobody' })).toBe('UNKNOWN_STAFF');
    expect(refuse(early, 'commander', 'staff.call', { staff: 'noc-kim' })).toBe('ALREADY_DONE');
  });

  it('incident.escalate: ALREADY_DONE once escalated', () => {
    const r = advanceToTick(
      must(early, 'commander', 'incident.escalate', { severity: 1 }),
      early.state.tick + 600,
    );
    expect(refuse(r, 'commander', 'incident.escalate', { severity: 2 })).toBe('ALREADY_DONE');
  });

  it('comms.send: UNKNOWN_CONTACT, UNKNOWN_CHOICE, MALFORMED claim', () => {
    expect(refuse(early, 'comms', 'comms.send', { to: 'nobody', blocks: ['x'] })).toBe(
      'UNKNOWN_CONTACT',
    );
    expect(refuse(early, 'comms', 'comms.send', { to: 'kisa', blocks: ['nope'] })).toBe(
      'UNKNOWN_CHOICE',
    );
    expect(
      refuse(early, 'comms', 'comms.send', {
        to: 'kisa',
        blocks: ['report-worm'],
        claims: ['moon.landing'],
      }),
    ).toBe('MALFORMED');
  });

  it('inject.answer: UNKNOWN_INJECT, UNKNOWN_CHOICE, INJECT_NOT_ACTIVE, ROLE_FORBIDDEN', () => {
    expect(refuse(early, 'commander', 'inject.answer', { inject: 'nope', choice: 'x' })).toBe(
      'UNKNOWN_INJECT',
    );
    expect(
      refuse(early, 'commander', 'inject.answer', { inject: 'ids-noise', choice: 'nope' }),
    ).toBe('UNKNOWN_CHOICE');
    expect(refuse(early, 'commander', 'inject.answer', VALID['inject.answer'])).toBe(
      'INJECT_NOT_ACTIVE',
    );
    expect(refuse(early, 'network', 'inject.answer', VALID['inject.answer'])).toBe(
      'ROLE_FORBIDDEN',
    );
  });

  it('clock commands: CLOCK_STATE and ROLE_FORBIDDEN (only the facilitator runs the clock)', () => {
    expect(refuse(early, 'facilitator', 'clock.resume', {})).toBe('CLOCK_STATE');
    const paused = must(early, 'facilitator', 'clock.pause');
    expect(refuse(paused, 'facilitator', 'clock.pause', {})).toBe('CLOCK_STATE');
    expect(refuse(paused, 'facilitator', 'clock.skip', {})).toBe('CLOCK_STATE');
    for (const t of ['clock.pause', 'clock.speed', 'clock.skip'] as const) {
      expect(refuse(early, 'network', t, VALID[t])).toBe('ROLE_FORBIDDEN');
    }
    expect(refuse(early, 'facilitator', 'clock.speed', { speed: 3 })).toBe('MALFORMED');
    expect(refuse(early, 'network', 'note.add', VALID['note.add'])).toBe('ROLE_FORBIDDEN');
  });

  it('UNKNOWN_COMMAND and TICK_IN_PAST', () => {
    expect(refuse(early, 'solo', 'worm.wish', {})).toBe('UNKNOWN_COMMAND');
    expect(refuse(early, 'solo', 'note.add', { text: 'x' }, early.state.tick - 60)).toBe(
      'TICK_IN_PAST',
    );
  });

  it('should have ko and en text for every reason code, with its placeholders filled', () => {
    for (const code of REJECTION_CODES) {
      expect(renderRejection({ code, params: {} }, 'ko').length).toBeGreaterThan(0);
      expect(renderRejection({ code, params: {} }, 'en').length).toBeGreaterThan(0);
    }
    const text = renderRejection(
      {
        code: 'NO_STAFF',
        params: { command: 'filter.apply', skill: 'network', needed: 1, available: 0 },
      },
      'en',
    );
    expect(text).toBe('"filter.apply" needs 1 network staff; only 0 free now.');
  });
});
