// The evaluator seat (issue 17): joined with the room code and the evaluator key the facilitator
// makes (stored hashed), read-only for the game, records HSEEP observations that travel beside the
// log into the run file, which verifies with them (and without them, as older files do).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRunFile, type Level, type RunFile } from '../../../src/game';
import { buildAar } from '../../../src/aar/buildAar';
import { renderAarHtml } from '../../../src/aar/renderHtml';
import type { AppServer } from '../../../server/app';
import { tokenHash } from '../../../server/sessions/secrets';
import { tempDirs } from './fixtures';
import {
  openRoomOn,
  rawSocket,
  startSessionServer,
  TestSeat,
  type RunningServer,
  writeShortTutorial,
} from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer;
let short: Level;

beforeAll(async () => {
  dirs = tempDirs();
  short = writeShortTutorial(dirs.levelsDir);
  srv = await startSessionServer({ dataDir: dirs.dataDir, levelsDir: dirs.levelsDir });
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

const lastError = (s: TestSeat) => s.of('error').at(-1);
const FRAMES = ['evaluator.key', 'observation'] as const;

function evaluator(code: string, key: string | undefined, name = '평가자 김'): TestSeat {
  const auth = key
    ? { join: { room: code, name, as: 'evaluator' as const, key } }
    : ({ join: { room: code, name, as: 'evaluator' } } as never);
  const seat = new TestSeat(srv.wsUrl, auth, short);
  for (const t of FRAMES) seat.client.on(t, (m) => seat.frames.push(m));
  return seat.start();
}

describe('the evaluator seat', () => {
  it('joins with the key only, cannot play, records observations that reach the run file', async () => {
    const { session, fac, players, all } = await openRoomOn(srv, short, [
      'facilitator',
      'commander',
    ]);
    const commander = players.get('commander')!;
    for (const t of FRAMES) {
      fac.client.on(t, (m) => fac.frames.push(m));
      commander.client.on(t, (m) => commander.frames.push(m));
    }

    // No key made yet: an evaluator cannot join, with or without a key.
    const early = await rawSocket(srv.wsUrl);
    early.ws.send(
      JSON.stringify({ t: 'join', v: 1, room: session.code, name: 'e', as: 'evaluator' }),
    );
    expect(await early.next('error')).toMatchObject({ code: 'BAD_TOKEN', field: 'key' });
    early.ws.close();

    // Only the facilitator makes the key; the database keeps its hash, never the key.
    commander.client.requestEvaluatorKey();
    await commander.until('refused', () => lastError(commander)?.code === 'FORBIDDEN');
    fac.client.requestEvaluatorKey();
    await fac.until('key', () => fac.of('evaluator.key').length === 1);
    const key = fac.of('evaluator.key')[0]!.key;
    const db = (srv.server as AppServer).db!;
    const row = db
      .prepare('SELECT evaluator_sha256 FROM sessions WHERE code = ?')
      .get(session.code) as { evaluator_sha256: string };
    expect(row.evaluator_sha256).toBe(tokenHash(key));
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(key);

    // A wrong key and a missing key are refused, naming the field; the right one seats.
    const wrong = evaluator(session.code, 'A'.repeat(43));
    await wrong.until('wrong key', () => lastError(wrong)?.field === 'key');
    expect(lastError(wrong)!.text.en).toMatch(/not this room’s evaluator key/);
    wrong.stop();
    const none = evaluator(session.code, undefined);
    await none.until('no key', () => lastError(none)?.field === 'key');
    expect(lastError(none)!.text.en).toMatch(/evaluator key/);
    none.stop();
    const ev = evaluator(session.code, key);
    const ev2 = evaluator(session.code, key, 'Evaluator Lee');
    await ev.until('welcome', () => ev.of('welcome').length > 0);
    await ev2.until('welcome', () => ev2.of('welcome').length > 0);
    expect(ev.of('welcome')[0]!.seat.kind).toBe('evaluator');
    expect(ev.of('welcome')[0]!.observations).toEqual([]);
    // A player's welcome carries no observations.
    expect(commander.of('welcome')[0]!.observations).toBeUndefined();

    // Before the start: no observations; an evaluator takes no role.
    ev.client.observe({
      capability: 'cybersecurity',
      task: 'border-filter',
      rating: 'P',
      note: '',
    });
    await ev.until('not running', () => lastError(ev)?.code === 'NOT_RUNNING');
    ev.client.chooseRole('commander');
    await ev.until('no role', () => lastError(ev)?.field === 'role');
    expect(lastError(ev)!.text.en).toMatch(/an evaluator seat does not take a team role/);

    fac.client.startSession();
    await commander.until('running', () =>
      commander.of('session').some((m) => m.session.state === 'running'),
    );
    commander.client.sendCommand('note.add', { text: 'Link graphs first' });
    await ev.until('the command reaches the evaluator', () => ev.of('cmd').length === 1);

    // The evaluator sends no game command: the server refuses with the reason.
    ev.client.sendCommand('note.add', { text: 'I should not' });
    await ev.until('command refused', () => lastError(ev)?.clientSeq === 1);
    expect(lastError(ev)).toMatchObject({ code: 'FORBIDDEN', field: 't' });
    expect(lastError(ev)!.text.en).toMatch(/evaluator seat is read-only/);
    // …and a player records no observation.
    commander.client.observe({
      capability: 'cybersecurity',
      task: 'border-filter',
      rating: 'P',
      note: '',
    });
    await commander.until('observe refused', () =>
      /does not record observations/.test(lastError(commander)?.text.en ?? ''),
    );

    // Limits: an unknown task, a decision not in the log, a note too long, a bad rating.
    ev.client.observe({ capability: 'cybersecurity', task: 'report-kisa', rating: 'S', note: '' });
    await ev.until('unknown task', () => lastError(ev)?.field === 'task');
    ev.client.observe({
      capability: 'situational-assessment',
      task: 'notice-anomaly',
      rating: 'S',
      note: '',
      decisionSeq: 9,
    });
    await ev.until('unknown decision', () => lastError(ev)?.field === 'decisionSeq');
    ev.client.observe({
      capability: 'situational-assessment',
      task: 'notice-anomaly',
      rating: 'S',
      note: 'x'.repeat(2001),
    });
    await ev.until('too long', () => lastError(ev)?.field === 'note');
    expect(lastError(ev)!.text.en).toMatch(/at most 2000 characters/);
    ev.client.send({
      t: 'observe',
      capability: 'cybersecurity',
      task: 'border-filter',
      rating: 'X',
      note: '',
    } as never);
    await ev.until('rating', () => lastError(ev)?.field === 'rating');

    // Two observations, one about the logged decision; both evaluators and the facilitator see
    // them, the player does not.
    ev.client.observe({
      capability: 'situational-assessment',
      task: 'confirm-cause',
      rating: 'S',
      note: 'Asked for <b>graphs</b> before NetFlow',
      decisionSeq: 1,
    });
    ev2.client.observe({
      capability: 'operational-coordination',
      task: 'staff',
      rating: 'M',
      note: 'Nobody called in',
    });
    await fac.until('two observations', () => fac.of('observation').length === 2);
    await ev.until('both seen', () => ev.of('observation').length === 2);
    expect(commander.of('observation')).toEqual([]);
    const first = fac.of('observation')[0]!;
    expect(first.n).toBe(1);
    expect(first.observation).toMatchObject({
      v: 1,
      capability: 'situational-assessment',
      task: 'confirm-cause',
      rating: 'S',
      decisionSeq: 1,
    });
    expect(first.observation.tick).toBeGreaterThanOrEqual(commander.of('cmd')[0]!.tick);
    // The game is untouched: the log has the one command.
    expect(fac.of('cmd')).toHaveLength(1);

    fac.client.endSession();
    for (const s of [...all, ev, ev2])
      await s.until('ended', () => s.of('ended').length === 1, 30_000);
    const ended = fac.of('ended')[0]!;
    expect(ended.runId).not.toBeNull();
    // After the end: no more observations.
    ev.client.observe({
      capability: 'cybersecurity',
      task: 'border-filter',
      rating: 'P',
      note: '',
    });
    await ev.until('ended', () => lastError(ev)?.code === 'ROOM_ENDED');

    // The facilitator's review records carry them too (for a review built from a seat's copy).
    const review = (await (
      await fetch(`${srv.base}/api/sessions/${session.code}/review`, {
        headers: { authorization: `Bearer ${session.facilitatorToken}` },
      })
    ).json()) as { observations: unknown[] };
    expect(review.observations).toHaveLength(2);
    // The stored run file carries them and verifies, observations included; the review shows them.
    const res = await fetch(`${srv.base}/api/runs/${ended.runId}`);
    const file = (await res.json()) as RunFile;
    expect(file.observations).toHaveLength(2);
    expect(file.observations![1]).toMatchObject({
      capability: 'operational-coordination',
      rating: 'M',
    });
    expect(verifyRunFile(file, short).ok).toBe(true);
    const aar = buildAar(file, short);
    expect(aar.observations.map((o) => [o.capability, o.criticalTask, o.rating])).toEqual([
      ['situational-assessment', 'confirm-cause', 'S'],
      ['operational-coordination', 'staff', 'M'],
    ]);
    expect(aar.observations[0]!.decision).toMatchObject({ type: 'note.add', role: 'commander' });
    const html = renderAarHtml(aar, 'en');
    expect(html).toContain('Situational Assessment');
    expect(html).toContain('Asked for &lt;b&gt;graphs&lt;/b&gt; before NetFlow');
    expect(renderAarHtml(aar, 'ko')).toContain('큰 어려움 속에 수행');

    // Same game without the observations: the hashes are the same (they never entered the game),
    // and it verifies as an older file would.
    const { observations: _o, ...without } = file;
    expect(verifyRunFile(without, short).ok).toBe(true);
    // Tampered observations do not verify.
    const late = {
      ...file,
      observations: [{ ...file.observations![0]!, tick: file.result.endTick + 1 }],
    };
    expect(verifyRunFile(late, short)).toMatchObject({ ok: false, code: 'OBSERVATION_INVALID' });
    const before = {
      ...file,
      observations: [{ ...file.observations![0]!, tick: file.commands[0]!.tick - 1 }],
    };
    expect(verifyRunFile(before, short)).toMatchObject({ ok: false, code: 'OBSERVATION_INVALID' });
    const unknown = { ...file, observations: [{ ...file.observations![0]!, task: 'dance' }] };
    expect(verifyRunFile(unknown, short)).toMatchObject({ ok: false, code: 'OBSERVATION_INVALID' });
    const newer = { ...file, observations: [{ ...file.observations![0]!, v: 2 }] };
    expect(verifyRunFile(newer, short)).toMatchObject({ ok: false, code: 'MALFORMED' });
    for (const s of [...all, ev, ev2]) s.stop();
  }, 90_000);

  it('keeps the evaluator key and the observations across a server restart', async () => {
    const own = tempDirs();
    writeFileSync(join(own.levelsDir, 'tutorial-short.json'), JSON.stringify(short));
    let first: RunningServer | undefined = await startSessionServer({
      dataDir: own.dataDir,
      levelsDir: own.levelsDir,
    });
    try {
      const { session, fac, all } = await openRoomOn(first, short, ['facilitator', 'commander']);
      fac.client.on('evaluator.key', (m) => fac.frames.push(m));
      fac.client.requestEvaluatorKey();
      await fac.until('key', () => fac.of('evaluator.key').length === 1);
      const key = fac.of('evaluator.key')[0]!.key;
      fac.client.startSession();
      const ev = new TestSeat(
        first.wsUrl,
        { join: { room: session.code, name: 'E', as: 'evaluator', key } },
        short,
      );
      ev.client.on('observation', (m) => ev.frames.push(m));
      ev.start();
      await ev.until('welcome', () => ev.of('welcome').length > 0);
      ev.client.observe({
        capability: 'cybersecurity',
        task: 'border-filter',
        rating: 'U',
        note: '',
      });
      await ev.until('recorded', () => ev.of('observation').length === 1);
      for (const s of [...all, ev]) s.stop();
      await first.close();
      first = await startSessionServer({ dataDir: own.dataDir, levelsDir: own.levelsDir });
      const back = new TestSeat(
        first.wsUrl,
        { join: { room: session.code, name: 'E2', as: 'evaluator', key } },
        short,
      ).start();
      await back.until('welcome after restart', () => back.of('welcome').length > 0, 30_000);
      expect(back.of('welcome')[0]!.observations).toMatchObject([
        { v: 1, capability: 'cybersecurity', task: 'border-filter', rating: 'U' },
      ]);
      back.stop();
    } finally {
      await first?.close();
      own.cleanup();
    }
  }, 90_000);
});
