// Issue 14 item 4: after a SIGKILL and restart, a seat that kept sending (~6.7 commands/s) resends
// its backlog at a rate the server accepts, and every command it sent ends, visibly to it, as
// accepted or refused with a reason — none pending for ever. The restart gives back the game clock
// the clients had last seen (clocks are written before they are broadcast), not an older one.
import Database from 'better-sqlite3';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DB_FILE } from '../../../server/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureLevel, tempDirs } from './fixtures';
import { openRoomOn, spawnServer, waitFor } from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
const level = loadFixtureLevel();

beforeAll(() => {
  dirs = tempDirs();
});
afterAll(() => dirs.cleanup());

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('reconnect burst', () => {
  it('every command sent across a restart ends accepted or refused with a reason', async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dirs.dataDir, LEVELS_DIR: dirs.levelsDir };
    let server = await spawnServer(env);
    try {
      const { fac, players, all } = await openRoomOn(server, level, ['facilitator', 'network']);
      const net = players.get('network')!;
      fac.client.startSession();
      await fac.until('running', () => fac.of('session').length > 0);
      const lost: number[] = [];
      net.client.on('lost', (l) => lost.push(l.clientSeq));
      const sent: number[] = [];
      // ~6.7 commands per second from this seat, through the crash and after it.
      const sender = setInterval(() => sent.push(net.client.sendCommand('diag.linkGraphs')), 150);
      let restarted = false;
      try {
        await new Promise((r) => setTimeout(r, 2000));
        await server.kill('SIGKILL');
        await waitFor('every client noticed', () =>
          all.every((s) => s.client.state === 'reconnecting'),
        );
        // Down for a few seconds: the backlog grows to well over the server's burst of 20.
        await new Promise((r) => setTimeout(r, 4000));
        server = await spawnServer(env);
        restarted = true;
        await waitFor(
          'every client resumed',
          () => all.every((s) => s.of('welcome').length === 2),
          40_000,
        );
        console.log(`restart: backlog ${net.client.queuedCommands + net.client.pendingCommands}`);
        await new Promise((r) => setTimeout(r, 2000));
      } finally {
        clearInterval(sender);
        expect(restarted).toBe(true);
      }
      await waitFor('no command pending', () => net.client.pendingCommands === 0, 60_000);
      const accepted = new Set(
        net
          .of('cmd')
          .filter((c) => c.seat === net.client.seatId)
          .map((c) => c.clientSeq),
      );
      for (const e of net.of('welcome')[1]!.log)
        if (e.seat === net.client.seatId) accepted.add(e.clientSeq);
      const rejected = new Set(net.of('rejected').map((r) => r.clientSeq));
      const refused = new Map(
        net
          .of('error')
          .filter((e) => e.clientSeq !== undefined)
          .map((e) => [e.clientSeq!, e.code]),
      );
      const unanswered = sent.filter(
        (s) => !accepted.has(s) && !rejected.has(s) && !refused.has(s) && !lost.includes(s),
      );
      expect(sent.length).toBeGreaterThan(50);
      expect(unanswered).toEqual([]);
      // Paced under the server's limit: nothing was refused for the rate.
      expect([...refused.values()].filter((c) => c === 'RATE_LIMITED')).toEqual([]);
      // Sent while the server was down and resent after: accepted (or refused by the game).
      expect(accepted.size + rejected.size).toBeGreaterThan(sent.length - 5);
      for (const s of all) s.stop();
    } finally {
      await server.kill('SIGTERM');
    }
  }, 180_000);

  it('a restart gives back the game clock the clients last saw', async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dirs.dataDir, LEVELS_DIR: dirs.levelsDir };
    let server = await spawnServer(env);
    try {
      const { session, fac, all } = await openRoomOn(server, level, ['facilitator', 'network']);
      let lastTick: { ms: number; pace: number } | undefined;
      fac.client.on('tick', (t) => (lastTick = t));
      fac.client.startSession();
      await fac.until('running', () => fac.of('session').length > 0);
      // No commands: only the pacing moves the clock (up to 75 game seconds per real second).
      await new Promise((r) => setTimeout(r, 3000));
      await server.kill('SIGKILL');
      const seen = lastTick!;
      // What the next start rebuilds the room from: the clock in the database after the kill.
      const db = new Database(join(dirs.dataDir, DB_FILE));
      const { now_ms: storedMs } = db
        .prepare('SELECT now_ms FROM sessions WHERE code = ?')
        .get(session.code) as { now_ms: number };
      db.close();
      const rewindMs = seen.ms - storedMs;
      console.log(
        `restart without commands: clock rewound ${rewindMs} ms of game time (pace ${seen.pace})`,
      );
      expect(rewindMs).toBeLessThanOrEqual(0);
      server = await spawnServer(env);
      await waitFor('resumed', () => fac.of('welcome').length === 2, 40_000);
      expect(fac.of('welcome')[1]!.ms).toBeGreaterThanOrEqual(seen.ms);
      for (const s of all) s.stop();
    } finally {
      await server.kill('SIGTERM');
    }
  }, 120_000);
});
