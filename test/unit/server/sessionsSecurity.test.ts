// Security and limits of team sessions: Origin check, the per-connection rate limit, failed joins
// limited per IP, tokens kept only as hashes, idle rooms expiring, unknown WebSocket paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadFixtureLevel, tempDirs } from './fixtures';
import {
  createSession,
  openRoomOn,
  rawSocket,
  startSessionServer,
  waitFor,
  type RunningServer,
} from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer & { server: NonNullable<RunningServer['server']> };
const level = loadFixtureLevel();
const logged: string[] = [];
let fakeNow = Date.now();

beforeAll(async () => {
  dirs = tempDirs();
  srv = await startSessionServer({
    dataDir: dirs.dataDir,
    levelsDir: dirs.levelsDir,
    sessions: {
      allowedOrigins: ['https://train.example.org'],
      joinFailuresPerIp: 3,
      idleMs: 60_000,
      log: (m) => logged.push(m),
      // Limits, pacing and the idle sweep all read this clock: rooms here stand still unless it moves.
      wallNow: () => fakeNow,
    },
  });
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

/** Resolves with the HTTP status of a refused upgrade, or 101 when it opens. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

describe('team-session security', () => {
  it('checks Origin: same host or ALLOWED_ORIGINS; refuses others and unknown paths', async () => {
    const host = new URL(srv.base).host;
    expect(await upgradeStatus(srv.wsUrl, { origin: `http://${host}` })).toBe(101);
    expect(await upgradeStatus(srv.wsUrl, { origin: 'https://train.example.org' })).toBe(101);
    expect(await upgradeStatus(srv.wsUrl, { origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(srv.wsUrl, { origin: 'null' })).toBe(403);
    expect(await upgradeStatus(srv.wsUrl.replace('/ws', '/other'), {})).toBe(404);
  });

  it('limits messages per connection (error frames, then a close) without touching others', async () => {
    const raw = await rawSocket(srv.wsUrl);
    const other = await rawSocket(srv.wsUrl);
    for (let i = 0; i < 60; i++) raw.ws.send(JSON.stringify({ t: 'ping', id: i }));
    await waitFor('rate-limited', () =>
      raw.frames.some((f) => f.t === 'error' && f.code === 'RATE_LIMITED'),
    );
    expect(raw.frames.filter((f) => f.t === 'pong').length).toBeLessThan(60);
    // At most one error frame per second: a flood is not answered message for message.
    expect(raw.frames.filter((f) => f.t === 'error').length).toBe(1);
    for (let i = 0; i < 400; i++) raw.ws.send(JSON.stringify({ t: 'ping', id: i }));
    await waitFor('closed after flooding', raw.closed);
    other.ws.send(JSON.stringify({ t: 'ping', id: 7 }));
    expect(await other.next('pong')).toMatchObject({ id: 7 });
    other.ws.close();
  });

  it('limits failed joins per IP, so room codes cannot be guessed', async () => {
    const { code } = await createSession(srv.base);
    const raw = await rawSocket(srv.wsUrl);
    for (const guess of ['AAAAAA', 'BBBBBB', 'CCCCCC']) {
      raw.ws.send(JSON.stringify({ t: 'join', v: 1, room: guess, name: 'x', as: 'player' }));
      expect(await raw.next('error')).toMatchObject({ code: 'UNKNOWN_ROOM', field: 'room' });
    }
    // From now on this address's joins wait in the slow lane (the same notice for any code, valid
    // or not: gateLockouts.test.ts); the right code is let in at the lane's next lookup.
    raw.ws.send(JSON.stringify({ t: 'join', v: 1, room: code, name: 'x', as: 'player' }));
    expect(await raw.next('error')).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await raw.next('welcome')).toMatchObject({ t: 'welcome' });
    // The failures age out with the window: later tests join from this address without waiting.
    fakeNow += 11 * 60_000;
    raw.ws.close();
  });

  it('stores tokens only as SHA-256 and never logs them', async () => {
    const { fac, players, all } = await openRoomOn(srv, level, ['facilitator', 'comms']);
    const tokens = [fac.token!, players.get('comms')!.token!];
    // Through the server's own connection: the database is locked to the server's process.
    const db = srv.server.db!;
    const dump = JSON.stringify(db.prepare('SELECT * FROM session_seats').all());
    for (const t of tokens) expect(dump).not.toContain(t);
    expect(dump).toMatch(/"token_sha256":"[0-9a-f]{64}"/);
    for (const t of tokens) expect(logged.join('\n')).not.toContain(t);
    for (const s of all) s.stop();
  });

  it('expires a room nobody is connected to; a room in use stays', async () => {
    const idle = await createSession(srv.base);
    const used = await openRoomOn(srv, level, ['facilitator', 'comms']);
    const hub = srv.server.sessions!;
    fakeNow += 2 * 60_000;
    hub.sweep();
    expect(hub.rooms.get(idle.code)!.state).toBe('ended');
    expect(hub.rooms.get(used.session.code)!.state).toBe('lobby');
    expect(
      srv.server
        .db!.prepare('SELECT state, end_reason, run_id FROM sessions WHERE code = ?')
        .get(idle.code),
    ).toEqual({ state: 'ended', end_reason: 'idle', run_id: null });
    // Its code no longer lets anyone in.
    const raw = await rawSocket(srv.wsUrl);
    raw.ws.send(JSON.stringify({ t: 'join', v: 1, room: idle.code, name: 'late', as: 'player' }));
    expect(await raw.next('error')).toMatchObject({ code: 'ROOM_ENDED' });
    // Ended rooms are forgotten after their grace period.
    fakeNow += 11 * 60_000;
    hub.sweep();
    expect(hub.rooms.has(idle.code)).toBe(false);
    raw.ws.close();
    for (const s of used.all) s.stop();
  });
});
