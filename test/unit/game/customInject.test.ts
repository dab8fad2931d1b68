// The facilitator's custom inject (team sessions) and commandRoles, the per-role action list.
import { describe, expect, it } from 'vitest';
import { commandRoles, COMMAND_TYPES, snapshotView, verifyRunFile } from '../../../src/game';
import { hashGame } from '../../../src/game/incident';
import { applyCommand, finishRun, replayLog } from '../../../src/game/run';
import { toRunFile } from '../../../src/game/runFile';
import { fixtureLevel, must, runAt } from './helpers';

const level = fixtureLevel();
const text = {
  ko: '기자가 로비에 와 있습니다. 응대하시겠습니까?',
  en: 'A reporter is in the lobby. Talk?',
};
const choices = [
  { id: 'talk', text: { ko: '응대한다', en: 'Talk to them' } },
  { id: 'decline', text: { ko: '거절한다', en: 'Decline' } },
];

describe('inject.custom', () => {
  const early = runAt(level, '2003-01-25T14:05:00+09:00');

  it('raises an active inject in the addressed role’s inbox, answered by that role only', () => {
    const r = must(early, 'facilitator', 'inject.custom', { to: 'network', text, choices });
    expect(r.state.customInjects).toHaveLength(1);
    const v = snapshotView(r);
    const inj = v.activeInjects.find((i) => i.id === 'custom-1')!;
    expect(inj).toMatchObject({ to: 'network', roles: ['network'], message: text });
    expect(inj.choices.map((c) => c.id)).toEqual(['talk', 'decline']);
    expect(v.inbox.at(-1)).toMatchObject({ injectId: 'custom-1', to: 'network', body: text });

    const wrong = applyCommand(r, {
      role: 'comms',
      type: 'inject.answer',
      args: { inject: 'custom-1', choice: 'talk' },
    });
    expect(wrong.outcome.ok).toBe(false);
    if (!wrong.outcome.ok) expect(wrong.outcome.rejection.code).toBe('ROLE_FORBIDDEN');
    const badChoice = applyCommand(r, {
      role: 'network',
      type: 'inject.answer',
      args: { inject: 'custom-1', choice: 'nope' },
    });
    if (!badChoice.outcome.ok) expect(badChoice.outcome.rejection.code).toBe('UNKNOWN_CHOICE');
    else throw new Error('an unknown choice was accepted');

    const answered = must(r, 'network', 'inject.answer', { inject: 'custom-1', choice: 'talk' });
    expect(answered.state.customInjects![0]).toMatchObject({ status: 'answered', choice: 'talk' });
    expect(snapshotView(answered).activeInjects.some((i) => i.id === 'custom-1')).toBe(false);
    const again = applyCommand(answered, {
      role: 'network',
      type: 'inject.answer',
      args: { inject: 'custom-1', choice: 'decline' },
    });
    if (!again.outcome.ok) expect(again.outcome.rejection.code).toBe('INJECT_NOT_ACTIVE');
    else throw new Error('answered twice');
  });

  it('to "all" may be answered by any team role but the facilitator; no choices = information', () => {
    let r = must(early, 'facilitator', 'inject.custom', { to: 'all', text, choices });
    r = must(r, 'facilitator', 'inject.custom', { to: 'comms', text });
    expect(r.state.customInjects!.map((c) => [c.id, c.status])).toEqual([
      ['custom-1', 'active'],
      ['custom-2', 'informed'],
    ]);
    const byFacilitator = applyCommand(r, {
      role: 'facilitator',
      type: 'inject.answer',
      args: { inject: 'custom-1', choice: 'talk' },
    });
    expect(byFacilitator.outcome.ok).toBe(false);
    must(r, 'systems', 'inject.answer', { inject: 'custom-1', choice: 'decline' });
  });

  it('only the facilitator may raise one, and bad args name the field', () => {
    for (const role of ['commander', 'network', 'security', 'systems', 'comms'] as const) {
      const res = applyCommand(early, { role, type: 'inject.custom', args: { to: 'all', text } });
      if (res.outcome.ok) throw new Error(`${role} raised a custom inject`);
      expect(res.outcome.rejection.code).toBe('ROLE_FORBIDDEN');
    }
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ to: 'facilitator', text }, /args\.to/],
      [{ to: 'all', text: { ko: 'x'.repeat(501), en: 'y' } }, /args\.text\.ko/],
      [{ to: 'all', text: { ko: '   ', en: 'y' } }, /args\.text\.ko/],
      [{ to: 'all', text, choices: [...choices, ...choices, choices[0]] }, /args\.choices/],
      [{ to: 'all', text, choices: [choices[0], choices[0]] }, /unique/],
      [{ to: 'all', text, extra: 1 }, /extra|unrecognized/i],
    ];
    for (const [args, why] of cases) {
      const res = applyCommand(early, { role: 'facilitator', type: 'inject.custom', args });
      if (res.outcome.ok) throw new Error(`accepted ${JSON.stringify(args)}`);
      expect(res.outcome.rejection.code).toBe('MALFORMED');
      expect(String(res.outcome.rejection.params.detail)).toMatch(why);
    }
  });

  it('replays and verifies like any other command; runs without one keep their hashes', () => {
    const plain = runAt(level, '2003-01-25T14:05:00+09:00');
    expect('customInjects' in plain.state).toBe(false);
    let r = must(early, 'facilitator', 'inject.custom', { to: 'network', text, choices });
    r = must(r, 'network', 'inject.answer', { inject: 'custom-1', choice: 'decline' });
    const players = [
      { id: 'f', roles: ['facilitator' as const] },
      { id: 'n', roles: ['network' as const] },
    ];
    const done = finishRun({ ...r, players });
    const replay = replayLog(level, done.seed, done.log, done.state.engine.tMs, players);
    expect(replay.ok).toBe(true);
    if (replay.ok) expect(hashGame(replay.run.state)).toBe(hashGame(done.state));
    const verified = verifyRunFile(toRunFile(done), level);
    expect(verified.ok).toBe(true);
  });
});

describe('commandRoles', () => {
  it('gives the level’s roles, the instant commands’ roles, and undefined for what is not offered', () => {
    expect(commandRoles(level, 'filter.apply')).toEqual(level.commands['filter.apply']!.roles);
    expect(commandRoles(level, 'clock.pause')).toEqual(['facilitator']);
    expect(commandRoles(level, 'inject.custom')).toEqual(['facilitator']);
    expect(commandRoles(level, 'no.such')).toBeUndefined();
    expect(commandRoles(level, 'toString')).toBeUndefined();
    for (const t of COMMAND_TYPES) {
      const roles = commandRoles(level, t);
      if (roles === undefined) expect(level.commands[t]).toBeUndefined();
      else expect(roles.length).toBeGreaterThan(0);
    }
  });
});
