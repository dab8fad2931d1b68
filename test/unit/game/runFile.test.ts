// Record → verify on random command logs, tampering of every kind, autosave restore.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandType } from '../../../src/game/commandSchema';
import { hashGame } from '../../../src/game/incident';
import type { Level } from '../../../src/game/levelSchema';
import type { Role } from '../../../src/game/roles';
import { advanceToTick, applyCommand, createRun, runScore, type Run } from '../../../src/game/run';
import { restoreAutosave, toAutosave, toRunFile, type RunFile } from '../../../src/game/runFile';
import { verifyRunFile } from '../../../src/game/verify';
import { levelVariant, tick } from './helpers';

/** Commands the random logs draw from: valid ones and some that are refused (and not logged). */
const POOL: { role: Role; type: CommandType | 'bogus.cmd'; args: Record<string, unknown> }[] = [
  { role: 'network', type: 'diag.linkGraphs', args: {} },
  { role: 'network', type: 'diag.netflow', args: { device: 'intl-hyehwa' } },
  { role: 'security', type: 'diag.ids', args: {} },
  { role: 'systems', type: 'diag.dnsLogs', args: { cluster: 'dns-guro' } },
  { role: 'network', type: 'filter.apply', args: { device: 'intl-hyehwa', direction: 'ingress' } },
  { role: 'network', type: 'filter.apply', args: { device: 'hyehwa', direction: 'egress' } },
  { role: 'network', type: 'filter.remove', args: { device: 'intl-hyehwa', direction: 'ingress' } },
  {
    role: 'network',
    type: 'ratelimit.apply',
    args: { device: 'intl-busan', direction: 'egress', mbps: 20 },
  },
  { role: 'network', type: 'nullroute.apply', args: { segment: 'idc-mokdong' } },
  { role: 'network', type: 'link.disconnect', args: { link: 'intl-busan' } },
  { role: 'network', type: 'link.reconnect', args: { link: 'intl-busan' } },
  { role: 'systems', type: 'dns.addServers', args: { cluster: 'dns-hyehwa', servers: 3 } },
  { role: 'systems', type: 'dns.restart', args: { cluster: 'dns-guro' } },
  { role: 'systems', type: 'dns.moveResolution', args: { from: 'dns-hyehwa', to: 'dns-guro' } },
  { role: 'systems', type: 'patch.start', args: { segment: 'leased-seoul', hostsPerHour: 300 } },
  { role: 'systems', type: 'reboot.segment', args: { segment: 'idc-mokdong' } },
  { role: 'commander', type: 'staff.call', args: { staff: 'net-jung' } },
  { role: 'commander', type: 'staff.call', args: { staff: 'sys-han' } },
  { role: 'commander', type: 'incident.escalate', args: { severity: 2 } },
  { role: 'comms', type: 'comms.send', args: { to: 'customers', blocks: ['notice-outage'] } },
  {
    role: 'commander',
    type: 'inject.answer',
    args: { inject: 'ids-noise', choice: 'investigate' },
  },
  { role: 'facilitator', type: 'clock.pause', args: {} },
  { role: 'facilitator', type: 'clock.resume', args: {} },
  { role: 'facilitator', type: 'clock.speed', args: { speed: 2 } },
  { role: 'facilitator', type: 'clock.skip', args: {} },
  { role: 'facilitator', type: 'note.add', args: { text: '메모' } },
  { role: 'network', type: 'staff.call', args: { staff: 'net-kang' } },
  { role: 'solo', type: 'bogus.cmd', args: {} },
  { role: 'network', type: 'filter.apply', args: { device: 'atlantis', direction: 'ingress' } },
];

/** A pre-worm window with every command available: short, but every command changes state. */
const shortLevel = levelVariant((j) => {
  j.meta.end = '2003-01-25T14:28:00+09:00';
  j.history.response = [];
  for (const rule of Object.values(j.commands as Record<string, { requires?: string[] }>))
    rule.requires = [];
});
const otherLevel = levelVariant((j) => {
  j.meta.end = '2003-01-25T14:28:00+09:00';
  j.history.response = [];
  j.staff[1].callInMin = 1;
});

const steps = fc.array(
  fc.record({ waitS: fc.integer({ min: 0, max: 240 }), pick: fc.nat(POOL.length - 1) }),
  { maxLength: 12 },
);

/** Plays the steps live ("now" commands after waiting), like a player would. */
function record(
  level: Level,
  seed: number,
  plan: { waitS: number; pick: number }[],
  endS: number,
): Run {
  let run = createRun(level, seed);
  for (const { waitS, pick } of plan) {
    run = advanceToTick(run, run.state.tick + waitS);
    const c = POOL[pick]!;
    run = applyCommand(run, { role: c.role, type: c.type, args: c.args }).run;
  }
  return advanceToTick(run, Math.min(run.state.tick + endS, run.state.endTick));
}

const roundTrip = (f: RunFile): RunFile => JSON.parse(JSON.stringify(f)) as RunFile;

describe('run files', () => {
  it('record → verify gives identical hashes and scores, and tampering is caught (1,000 logs)', () => {
    const kinds = [
      'score',
      'part',
      'reorder',
      'inject',
      'level',
      'otherLevel',
      'seed',
      'checkpoint',
    ] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        steps,
        fc.integer({ min: 0, max: 600 }),
        fc.constantFrom(...kinds),
        (seed, plan, endS, tamper) => {
          const run = record(shortLevel, seed, plan, endS);
          const file = roundTrip(toRunFile(run));
          const ok = verifyRunFile(file, shortLevel);
          if (!ok.ok) throw new Error(ok.message);
          expect(ok.score).toEqual(runScore(run));
          expect(hashGame(ok.run.state)).toBe(file.result.finalHash);

          const bad = roundTrip(file);
          let expected: string[];
          switch (tamper) {
            case 'score':
              bad.result.score.total += 0.1;
              expected = ['SCORE_MISMATCH'];
              break;
            case 'part':
              bad.result.score.parts.staffCost += 1;
              expected = ['SCORE_MISMATCH'];
              break;
            case 'reorder': {
              if (bad.commands.length < 2) return;
              const i = bad.commands.length - 2;
              [bad.commands[i], bad.commands[i + 1]] = [bad.commands[i + 1]!, bad.commands[i]!];
              if (JSON.stringify(bad.commands) === JSON.stringify(file.commands)) return;
              expected = ['COMMAND_REFUSED', 'CHECKPOINT_MISMATCH', 'FINAL_HASH_MISMATCH'];
              break;
            }
            case 'inject':
              bad.commands.push({
                tick: bad.result.endTick,
                role: 'facilitator',
                type: 'note.add',
                args: { text: 'x' },
              });
              expected = ['CHECKPOINT_MISMATCH', 'FINAL_HASH_MISMATCH', 'COMMAND_REFUSED'];
              break;
            case 'level':
              bad.level.sha256 = '0'.repeat(64);
              expected = ['LEVEL_MISMATCH'];
              break;
            case 'otherLevel': {
              const r = verifyRunFile(bad, otherLevel);
              expect(r.ok).toBe(false);
              if (!r.ok) expect(r.code).toBe('LEVEL_MISMATCH');
              return;
            }
            case 'seed':
              bad.seed = (bad.seed ^ 1) >>> 0;
              expected = ['CHECKPOINT_MISMATCH'];
              break;
            case 'checkpoint':
              bad.result.checkpoints[0]!.hash = 'ffff';
              expected = ['CHECKPOINT_MISMATCH'];
              break;
          }
          const r = verifyRunFile(bad, shortLevel);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(expected).toContain(r.code);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('should name the checkpoint, tick and command in its messages', () => {
    const run = record(
      shortLevel,
      5,
      [
        { waitS: 60, pick: 0 },
        { waitS: 60, pick: 11 },
      ],
      600,
    );
    const file = roundTrip(toRunFile(run));
    const seed = verifyRunFile({ ...file, seed: 6 }, shortLevel);
    expect(seed.ok ? '' : seed.message).toMatch(
      /^hash mismatch at checkpoint 0 \(tick 0, 25 Jan 14:00\)/,
    );
    const refused = roundTrip(file);
    refused.commands[1]!.tick = 0;
    const r = verifyRunFile(refused, shortLevel);
    expect(r.ok ? '' : r.message).toMatch(
      /^command #1 \(dns.addServers\) refused at tick 0 \(25 Jan 14:00\): TICK_IN_PAST/,
    );
    const score = roundTrip(file);
    score.result.score.total = 1;
    const s = verifyRunFile(score, shortLevel);
    expect(s.ok ? '' : s.message).toMatch(/^score differs — total: file 1, re-simulation/);
    const version = verifyRunFile({ ...file, formatVersion: 0 }, shortLevel);
    expect(version).toMatchObject({
      ok: false,
      code: 'UNSUPPORTED_VERSION',
      message: 'formatVersion: unsupported version 0, expected 1',
    });
    // A run from engine 1.x (DNS back on a timer, score from orders) is refused with the reason.
    const old = roundTrip(file);
    old.engineVersion = '1.1.0';
    const o = verifyRunFile(old, shortLevel);
    expect(o).toMatchObject({ ok: false, code: 'UNSUPPORTED_VERSION' });
    expect(o.ok ? '' : o.message).toMatch(/^engineVersion: the run was played on engine 1\.1\.0; /);
    const role = roundTrip(file);
    role.players = [{ id: 'ann', roles: ['network'] }];
    expect(verifyRunFile(role, shortLevel)).toMatchObject({ ok: false, code: 'ROLE_NOT_HELD' });
  });

  it('should verify runs across the worm onset too', () => {
    const level = levelVariant((j) => {
      j.meta.end = '2003-01-25T14:40:00+09:00';
      j.history.response = [];
      for (const rule of Object.values(j.commands as Record<string, { requires?: string[] }>))
        rule.requires = [];
    });
    fc.assert(
      fc.property(fc.nat(), steps, (seed, plan) => {
        let run = advanceToTick(createRun(level, seed), tick('2003-01-25T14:27:00+09:00'));
        for (const { waitS, pick } of plan) {
          run = advanceToTick(run, run.state.tick + Math.floor(waitS / 4));
          const c = POOL[pick]!;
          run = applyCommand(run, { role: c.role, type: c.type, args: c.args }).run;
        }
        run = advanceToTick(run, level.meta.end ? tick('2003-01-25T14:40:00+09:00') : 0);
        const r = verifyRunFile(roundTrip(toRunFile(run)), level);
        if (!r.ok) throw new Error(r.message);
      }),
      { numRuns: 15 },
    );
  });
});

describe('autosave', () => {
  it('should restore a run in progress to the same engine time and hash', () => {
    fc.assert(
      fc.property(fc.nat(), steps, fc.integer({ min: 0, max: 900 }), (seed, plan, endS) => {
        const run = record(shortLevel, seed, plan, endS);
        const save = JSON.parse(JSON.stringify(toAutosave(run)));
        const r = restoreAutosave(save, shortLevel);
        if (!r.ok) throw new Error(r.message);
        expect(r.run.state.engine.tMs).toBe(run.state.engine.tMs);
        expect(hashGame(r.run.state)).toBe(hashGame(run.state));
        expect(r.run.log).toEqual(run.log);
      }),
      { numRuns: 100 },
    );
  });

  it('should refuse an autosave of another level or a corrupted one', () => {
    const run = record(shortLevel, 1, [{ waitS: 30, pick: 0 }], 60);
    const save = toAutosave(run);
    expect(restoreAutosave(save, otherLevel)).toMatchObject({ ok: false });
    expect(restoreAutosave({ ...save, hash: 'abc' }, shortLevel)).toMatchObject({
      ok: false,
      message: /differs/,
    });
    expect(restoreAutosave({ ...save, formatVersion: 9 }, shortLevel)).toMatchObject({
      ok: false,
      message: 'formatVersion: unsupported version 9, expected 1',
    });
  });
});
