// A session's review records (issue 17): the facilitator puts a discussion question on the
// screens and records the team's answer (note.add with the question); after the end each player
// seat sends one anonymous feedback form over the session's ws; the facilitator reads the review
// and saves the improvement plan over HTTP with the facilitator token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Level } from '../../../src/game';
import type { AppServer } from '../../../server/app';
import type { SessionReview } from '../../../src/aar/exerciseRecords';
import { tempDirs } from './fixtures';
import {
  openRoomOn,
  rawSocket,
  startSessionServer,
  waitFor,
  type RunningServer,
  type TestSeat,
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

const form = (over: Record<string, unknown> = {}) => ({
  ratings: { objectives: 4, realism: 5 },
  wentWell: 'We filtered <b>early</b>',
  improve: '',
  monday: 'Write the UDP 1434 ACL into the runbook',
  ...over,
});

const lastError = (s: TestSeat) => s.of('error').at(-1);

async function review(code: string, token?: string): Promise<Response> {
  return fetch(`${srv.base}/api/sessions/${code}/review`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

describe('discussion, feedback and the improvement plan of a session', () => {
  it('runs from the question on the projector to the stored, anonymous review', async () => {
    const { session, fac, players, projector, all } = await openRoomOn(
      srv,
      short,
      ['facilitator', 'commander', 'comms'],
      { projector: true },
    );
    const commander = players.get('commander')!;
    const comms = players.get('comms')!;
    // TestSeat records the frames of the game; these two are the review's own.
    for (const seat of all)
      for (const t of ['discussion', 'feedback.ok'] as const)
        seat.client.on(t, (m) => seat.frames.push(m));
    fac.client.startSession();
    await fac.until('running', () => fac.of('session').length > 0);

    // The question goes up on every screen; only the facilitator may put one up.
    comms.client.showQuestion(0);
    await comms.until('refused', () => lastError(comms)?.code === 'FORBIDDEN');
    fac.client.showQuestion(7);
    await fac.until('refused', () => lastError(fac)?.field === 'question');
    expect(lastError(fac)!.text.en).toMatch(/question: 7 is not a discussion question/);
    fac.client.showQuestion(0);
    await projector!.until('shown', () => projector!.frames.some((f) => f.t === 'discussion'));
    expect(projector!.frames.find((f) => f.t === 'discussion')).toEqual({
      t: 'discussion',
      question: 0,
    });

    // The answer is a note carrying the question; an unknown question is refused by the core.
    fac.client.sendCommand('note.add', { text: 'Ask the NOC for link graphs first', question: 0 });
    fac.client.sendCommand('note.add', { text: 'no such question', question: 42 });
    await fac.until('answer logged', () => fac.of('cmd').some((c) => c.type === 'note.add'));
    await fac.until('unknown question refused', () => fac.of('rejected').length > 0);
    expect(fac.of('rejected')[0]!.text.en).toMatch(/discussion/);

    // Feedback before the end is refused.
    commander.client.sendFeedback(form());
    await commander.until('not ended', () => lastError(commander)?.code === 'NOT_ENDED');

    fac.client.endSession();
    for (const s of all) await s.until('ended', () => s.of('ended').length === 1, 30_000);

    // After the end: validation, one per player seat, never from the facilitator.
    commander.client.sendFeedback(form({ wentWell: 'x'.repeat(1001) }));
    await commander.until('too long', () => lastError(commander)?.field === 'form.wentWell');
    expect(lastError(commander)!.text.en).toMatch(/at most 1000 characters/);
    commander.client.send({ t: 'feedback', form: { ...form(), name: 'me' } } as never);
    await commander.until('unknown field', () => lastError(commander)?.field === 'form.name');
    commander.client.sendFeedback(form({ ratings: { objectives: 6 } }));
    await commander.until(
      'rating',
      () => lastError(commander)?.field === 'form.ratings.objectives',
    );
    commander.client.sendFeedback(form({ ratings: {}, wentWell: ' ', monday: '' }));
    await commander.until('empty', () => /rate a statement/.test(lastError(commander)!.text.en));
    commander.client.sendFeedback(form());
    await commander.until('stored', () => commander.frames.some((f) => f.t === 'feedback.ok'));
    commander.client.sendFeedback(form());
    await commander.until('once', () => lastError(commander)?.code === 'ALREADY_SENT');
    comms.client.sendFeedback(form({ ratings: { objectives: 2, useful: 3 }, wentWell: '' }));
    await comms.until('stored', () => comms.frames.some((f) => f.t === 'feedback.ok'));
    fac.client.sendFeedback(form());
    await fac.until('facilitator refused', () => lastError(fac)?.code === 'FORBIDDEN');

    // The review: facilitator token only.
    expect((await review(session.code)).status).toBe(401);
    expect((await review(session.code, commander.token)).status).toBe(401);
    expect((await review('ZZZZZZ', session.facilitatorToken)).status).toBe(401);
    const res = await review(session.code, session.facilitatorToken);
    expect(res.status).toBe(200);
    const r = (await res.json()) as SessionReview;
    expect(r.state).toBe('ended');
    expect(r.playerSeats).toBe(2);
    expect(r.feedback).toHaveLength(2);
    expect(r.feedback[0]).toEqual({ n: 1, ...form() });
    expect(r.feedbackSummary).toEqual({
      responses: 2,
      averages: { objectives: 3, realism: 5, roles: null, facilitation: null, useful: 3 },
    });
    expect(r.improvementPlan).toEqual([]);
    // Anonymous: nothing stored with an entry says whose it is.
    const db = (srv.server as AppServer).db!;
    const cols = (
      db.prepare('PRAGMA table_info(session_feedback)').all() as { name: string }[]
    ).map((c) => c.name);
    const stored = db.prepare('SELECT form_json FROM session_feedback').all() as {
      form_json: string;
    }[];
    expect(cols).toEqual(['id', 'session_id', 'form_json']);
    for (const row of stored) expect(row.form_json).not.toMatch(/담당|commander|comms|s\d/);

    // The improvement plan: validated, saved, returned.
    const put = (body: unknown, token = session.facilitatorToken, type = 'application/json') =>
      fetch(`${srv.base}/api/sessions/${session.code}/plan`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body: JSON.stringify(body),
      });
    const row = {
      issue: 'KISA was told late',
      action: 'Put KISA’s number, "=1+1", in the runbook',
      capability: 'Public Information and Warning',
      owner: 'NOC lead',
      due: '2027-02-01',
      lesson: 'kisa-late',
    };
    expect((await put({ rows: [row] }, commander.token!)).status).toBe(401);
    expect((await put({ rows: [row] }, session.facilitatorToken, 'text/plain')).status).toBe(415);
    const bad = await put({ rows: [{ ...row, due: 'next week' }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      'rows[0].due: must be a date YYYY-MM-DD or empty',
    );
    const many = await put({ rows: Array.from({ length: 51 }, () => row) });
    expect(((await many.json()) as { error: { message: string } }).error.message).toMatch(
      /rows: must have at most 50 rows/,
    );
    const extra = await put({ rows: [{ ...row, secret: 1 }] });
    expect(((await extra.json()) as { error: { message: string } }).error.message).toBe(
      'rows[0].secret: unknown field "secret"',
    );
    const ok = await put({ rows: [row] });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as SessionReview).improvementPlan).toEqual([row]);
    const again = (await (
      await review(session.code, session.facilitatorToken)
    ).json()) as SessionReview;
    expect(again.improvementPlan).toEqual([row]);
    for (const s of all) s.stop();
  }, 90_000);

  it('refuses a feedback frame with the wrong shape before it reaches a room', async () => {
    const raw = await rawSocket(srv.wsUrl);
    raw.ws.send(JSON.stringify({ t: 'feedback', form: form() }));
    const m = await raw.next('error');
    expect(m).toMatchObject({ t: 'error', code: 'NOT_JOINED' });
    raw.ws.send(JSON.stringify({ t: 'discussion.show', question: -1 }));
    const bad = await raw.next('error');
    expect(bad).toMatchObject({ code: 'BAD_MESSAGE', field: 'question' });
    raw.ws.close();
    await waitFor('closed', () => raw.closed());
  });
});
