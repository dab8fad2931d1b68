// Issue 14 item 6, lockouts that hurt a class: failures counted per address and code, a valid
// token always resumes, a limited address waits in a slow lane that answers valid and invalid
// codes alike (no oracle), removed seats free capacity, and seats are capped per address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SEATS } from '../../../server/sessions/room';
import { tempDirs } from './fixtures';
import { join, openSocket, type TestSocket } from './gateHelpers';
import { createSession, startSessionServer, waitFor, type RunningServer } from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer;
let fakeNow = Date.now();
/** 3 distinct wrong codes per 10 minutes: one slow-lane lookup every 200 s. */
const LANE_MS = 200_000;

beforeAll(async () => {
  dirs = tempDirs();
  srv = await startSessionServer({
    dataDir: dirs.dataDir,
    levelsDir: dirs.levelsDir,
    sessions: { joinFailuresPerIp: 3, seatsPerIp: 3, joinTimeoutMs: 400, wallNow: () => fakeNow },
  });
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

const from = (address: string) => openSocket(srv.wsUrl, { localAddress: address });
const codeOf = (m: { t: string; code?: string }) => (m.t === 'error' ? m.code : m.t);

async function failJoins(s: TestSocket, codes: string[]): Promise<void> {
  for (const c of codes) {
    const n = s.frames.length;
    s.send(join(c));
    expect(codeOf(await s.frame('error', n))).toBe('UNKNOWN_ROOM');
  }
}

describe('item 6: lockouts that hurt a class', () => {
  it('never blocks a valid token: facilitator and seat resumes from a limited address', async () => {
    const room = await createSession(srv.base);
    const student = await from('127.0.0.20');
    student.send(join(room.code, 'student'));
    const welcome = await student.frame('welcome');
    const seatToken = welcome.t === 'welcome' ? welcome.token! : '';
    student.ws.close();
    const prank = await from('127.0.0.20');
    await failJoins(prank, ['QQQQQA', 'QQQQQB', 'QQQQQC']);
    prank.ws.close();
    for (const token of [room.facilitatorToken, seatToken]) {
      const s = await from('127.0.0.20');
      s.send({ t: 'resume', v: 1, token });
      expect(codeOf(await s.frame('welcome'))).toBe('welcome');
      s.ws.close();
    }
  });

  it('counts a retyped typo once: the right code still joins at once', async () => {
    const room = await createSession(srv.base);
    const s = await from('127.0.0.21');
    await failJoins(s, ['TYPEAA', 'TYPEAA', 'TYPEAA', 'TYPEAA', 'TYPEAA', 'TYPEAB']);
    s.send(join(room.code));
    expect(codeOf(await s.frame('welcome'))).toBe('welcome');
    s.ws.close();
  });

  it('a limited address learns nothing faster than the limit: one lookup per interval, valid or not', async () => {
    const room = await createSession(srv.base);
    const guesser = await from('127.0.0.22');
    await failJoins(guesser, ['GUESSA', 'GUESSB', 'GUESSC']);
    // The class behind this NAT types the right code; a guesser tries another in parallel.
    const class1 = [await from('127.0.0.22'), await from('127.0.0.22')];
    const guess = await from('127.0.0.22');
    for (const s of class1) s.send(join(room.code, 'student'));
    guess.send(join('GUESSD'));
    // Everyone gets the same notice first, before any code is looked up.
    for (const s of [...class1, guess]) {
      const first = await s.frame('error');
      expect(first).toMatchObject({ code: 'RATE_LIMITED' });
      expect(first.t === 'error' && first.text.en).toBeTruthy();
    }
    // The first lookup lets the whole class in together; the guess waits for the next one.
    for (const s of class1) expect(codeOf(await s.frame('welcome'))).toBe('welcome');
    // Waiting in the lane outlasts the join timeout (400 ms here) without being closed …
    await new Promise((r) => setTimeout(r, 900));
    expect(guess.frames.map(codeOf)).toEqual(['RATE_LIMITED']);
    expect(guess.closeCode()).toBe(undefined);
    fakeNow += LANE_MS;
    await waitFor('the guess answered', () => guess.frames.length > 1, 5000);
    expect(guess.frames.map(codeOf)).toEqual(['RATE_LIMITED', 'UNKNOWN_ROOM']);
    // … but once answered without a seat, the connection gets one more timeout, then goes.
    await waitFor('the guess closed', () => guess.closeCode() !== undefined, 5000);
    expect(guess.closeCode()).toBe(4008);
    // A code that let this address in needs no wait any more.
    const late = await from('127.0.0.22');
    late.send(join(room.code, 'late'));
    expect(codeOf(await late.frame('welcome'))).toBe('welcome');
    for (const s of [...class1, guess, guesser, late]) s.ws.close();
  });

  it('caps seats per address and per connection; removed seats free capacity', async () => {
    const room = await createSession(srv.base);
    const fac = await openSocket(srv.wsUrl);
    fac.send({ t: 'resume', v: 1, token: room.facilitatorToken });
    await fac.frame('welcome');
    // One address: three seats, then refused.
    const mine: TestSocket[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await from('127.0.0.23');
      s.send(join(room.code, `p${i}`));
      await s.frame('welcome');
      mine.push(s);
    }
    const fourth = await from('127.0.0.23');
    fourth.send(join(room.code, 'p3'));
    expect(codeOf(await fourth.frame('error'))).toBe('ROOM_FULL');
    // One connection: one seat.
    mine[0]!.send(join(room.code, 'again'));
    expect(codeOf(await mine[0]!.frame('error'))).toBe('ALREADY_JOINED');
    // Fill the room from other addresses (three seats each).
    const others: TestSocket[] = [];
    for (let i = 4; MAX_SEATS - 4 - others.length > 0; i++)
      for (let k = 0; k < 3 && MAX_SEATS - 4 - others.length > 0; k++) {
        const s = await from(`127.0.1.${i}`);
        s.send(join(room.code, `o${i}.${k}`));
        await s.frame('welcome');
        others.push(s);
      }
    const full = await from('127.0.0.24');
    full.send(join(room.code, 'one too many'));
    expect(codeOf(await full.frame('error'))).toBe('ROOM_FULL');
    // The facilitator removes a seat: its place is free again, and it no longer counts against
    // the address that held it.
    const victim = mine[1]!.frames.find((f) => f.t === 'welcome');
    fac.send({ t: 'seat.remove', seat: victim!.t === 'welcome' ? victim!.seat.id : '' });
    await waitFor('removed', () => mine[1]!.closeCode() !== undefined);
    const back = await from('127.0.0.23');
    back.send(join(room.code, 'back'));
    expect(codeOf(await back.frame('welcome'))).toBe('welcome');
    const again = await from('127.0.0.24');
    again.send(join(room.code, 'full again'));
    expect(codeOf(await again.frame('error'))).toBe('ROOM_FULL');
    for (const s of [fac, ...mine, fourth, ...others, full, back, again]) s.ws.close();
  }, 60_000);
});
