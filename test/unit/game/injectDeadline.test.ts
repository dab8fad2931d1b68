// A situation's deadline: the facilitator's inject.extend (accepted, refused with a reason, in the
// log so replays and verification see it) and what an unanswered situation says (its own
// no-answer text, never the outcome text of the answer the game falls back on).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashGame } from '../../../src/game/incident';
import { NO_ANSWER_TEXT } from '../../../src/game/injects';
import { parseLevel, type Level } from '../../../src/game/levelSchema';
import { deadlineTickOf } from '../../../src/game/pacing';
import { advanceToTick, applyCommand, replayLog, type Run } from '../../../src/game/run';
import { toRunFile } from '../../../src/game/runFile';
import { verifyRunFile } from '../../../src/game/verify';
import { snapshotView } from '../../../src/game/view';
import type { Role } from '../../../src/game/roles';
import type { Rejection } from '../../../src/game/rejectionText';
import { fixtureLevel, levelVariant, must, runAt, tick } from './helpers';

const LEVELS_DIR = fileURLToPath(new URL('../../../levels/', import.meta.url));

function loadLevel(file: string): Level {
  const r = parseLevel(JSON.parse(readFileSync(LEVELS_DIR + file, 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.level;
}

const refusal = (run: Run, role: Role, args: Record<string, unknown>) => {
  const r = applyCommand(run, { role, type: 'inject.extend', args });
  return r.outcome.ok ? 'accepted' : r.outcome.rejection;
};

describe('inject.extend', () => {
  const level = fixtureLevel();
  // The division head's "brief me within 10 minutes" is open at 14:59 (15 minutes to answer).
  const open = runAt(level, '2003-01-25T14:59:00+09:00');
  const ID = 'hyehwa-dns-exec';
  const rt = (r: Run) => r.state.injects.find((i) => i.id === ID)!;
  const def = level.injects.find((i) => i.id === ID)!;

  it('moves the deadline by the minutes given; the situation then expires that much later', () => {
    expect(rt(open).status).toBe('active');
    const before = deadlineTickOf(def, rt(open))!;
    const r = must(open, 'facilitator', 'inject.extend', { inject: ID, minutes: 10 });
    expect(deadlineTickOf(def, rt(r))).toBe(before + 600);
    expect(snapshotView(r).activeInjects.find((i) => i.id === ID)!.expiresAt).toBe(before + 600);
    expect(r.state.feed.at(-1)).toMatchObject({ kind: 'inject.extended', params: { inject: ID } });
    // Still open at the old deadline, gone at the new one.
    expect(rt(advanceToTick(r, before + 30)).status).toBe('active');
    expect(rt(advanceToTick(r, before + 600 + 60)).status).toBe('expired');
    expect(rt(advanceToTick(open, before + 60)).status).toBe('expired');
  });

  it('is refused, with the reason, for other roles, closed situations and too long extensions', () => {
    expect(refusal(open, 'commander', { inject: ID, minutes: 10 })).toMatchObject({
      code: 'ROLE_FORBIDDEN',
    });
    const answered = must(open, 'commander', 'inject.answer', { inject: ID, choice: 'brief-now' });
    expect(refusal(answered, 'facilitator', { inject: ID, minutes: 10 })).toMatchObject({
      code: 'INJECT_NOT_ACTIVE',
      params: { id: ID, status: 'answered' },
    });
    // Not yet arrived (the press calls 30 minutes after the outage; armed once the outage began).
    expect(refusal(open, 'facilitator', { inject: 'press-call', minutes: 10 })).toMatchObject({
      code: 'INJECT_NOT_ACTIVE',
      params: { status: expect.stringMatching(/^(pending|armed)$/) },
    });
    expect(refusal(open, 'facilitator', { inject: 'nope', minutes: 10 })).toMatchObject({
      code: 'UNKNOWN_INJECT',
    });
    // Sixty game minutes in all: 30 + 30 is fine, a further 10 is not.
    let r = must(open, 'facilitator', 'inject.extend', { inject: ID, minutes: 30 });
    r = must(r, 'facilitator', 'inject.extend', { inject: ID, minutes: 30 });
    expect(refusal(r, 'facilitator', { inject: ID, minutes: 10 })).toMatchObject({
      code: 'EXTENSION_TOO_LARGE',
      params: { id: ID, extended: 60, minutes: 10, max: 60 },
    });
    // The arguments' shape names the field.
    const bad = refusal(open, 'facilitator', { inject: ID, minutes: 500 });
    expect(bad).toMatchObject({ code: 'MALFORMED' });
    expect(String((bad as Rejection).params.detail)).toContain('args.minutes');
  });

  it('a custom inject has no deadline to extend', () => {
    const custom = must(open, 'facilitator', 'inject.custom', {
      to: 'network',
      text: { ko: '질문', en: 'A question' },
      choices: [{ id: 'a', text: { ko: '가', en: 'A' } }],
    });
    expect(refusal(custom, 'facilitator', { inject: 'custom-1', minutes: 10 })).toMatchObject({
      code: 'INJECT_NO_DEADLINE',
    });
  });

  it('is in the log: replaying and verifying the run gives the same hashes', () => {
    const r = must(open, 'facilitator', 'inject.extend', { inject: ID, minutes: 30 });
    const later = advanceToTick(r, rt(r).firedTick! + 50 * 60);
    expect(later.log.some((c) => c.type === 'inject.extend')).toBe(true);
    const replayed = replayLog(level, later.seed, later.log, later.state.engine.tMs);
    expect(replayed.ok).toBe(true);
    if (!replayed.ok) return;
    expect(hashGame(replayed.run.state)).toBe(hashGame(later.state));
    expect(rt(replayed.run).extendedMin).toBe(30);
    const file = JSON.parse(JSON.stringify(toRunFile(later)));
    expect(verifyRunFile(file, level)).toMatchObject({ ok: true });
    // Dropping the extension from the log changes what happened: verification notices.
    const forged = {
      ...file,
      commands: file.commands.filter((c: { type: string }) => c.type !== 'inject.extend'),
    };
    expect(verifyRunFile(forged, level).ok).toBe(false);
  });
});

describe('an unanswered situation', () => {
  it('says its own no-answer text, not the outcome of the answer the game falls back on', () => {
    const tutorial = loadLevel('tutorial.json');
    const def = tutorial.injects.find((i) => i.id === 't-callcentre')!;
    const deny = def.choices.find((c) => c.id === def.defaultChoice)!;
    // The fallback is the dishonest answer ("our network is fine"): its text must not appear.
    expect(deny.consequences.outcome).toBeDefined();
    const r = advanceToTick(
      runAt(tutorial, '2003-01-25T14:20:00+09:00'),
      tick(tutorial.meta.end) - 1,
    );
    const rt = r.state.injects.find((i) => i.id === 't-callcentre')!;
    expect(rt.status).toBe('expired');
    const outcome = r.state.inbox.find((m) => m.id === 'outcome:t-callcentre')!;
    expect(outcome.body).toEqual(def.noAnswer);
    expect(outcome.body.en).not.toBe(deny.consequences.outcome!.en);
    expect(outcome.body.ko).not.toBe(deny.consequences.outcome!.ko);
  });

  it('without a text of its own in the level, says the generic no-answer text', () => {
    const level = levelVariant((j) => {
      for (const inj of j.injects as Record<string, unknown>[]) delete inj.noAnswer;
    });
    const r = runAt(level, '2003-01-25T15:00:00+09:00');
    expect(r.state.injects.find((i) => i.id === 'ids-noise')!.status).toBe('expired');
    expect(r.state.inbox.find((m) => m.id === 'outcome:ids-noise')!.body).toEqual(NO_ANSWER_TEXT);
  });

  it('every level gives each situation with a deadline a no-answer text unlike any answer’s outcome', () => {
    const files = readdirSync(LEVELS_DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const level = loadLevel(file);
      for (const inj of level.injects) {
        if (inj.choices.length === 0 || inj.expiresAfterMin === undefined) continue;
        const where = `${file} ${inj.id}`;
        expect(inj.noAnswer, where).toBeDefined();
        for (const c of inj.choices) {
          expect(inj.noAnswer!.en, where).not.toBe(c.consequences.outcome?.en);
          expect(inj.noAnswer!.ko, where).not.toBe(c.consequences.outcome?.ko);
        }
      }
    }
  });

  it('a no-answer text on a situation without a deadline is refused, naming the field', () => {
    const json = JSON.parse(readFileSync(LEVELS_DIR + 'tutorial.json', 'utf8'));
    const welcome = json.injects.find((i: { id: string }) => i.id === 't-welcome');
    welcome.noAnswer = { ko: '가', en: 'a' };
    const r = parseLevel(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/injects\[0\]\.noAnswer: .*no deadline/);
  });
});
