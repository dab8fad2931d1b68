// Restart recovery: the real server (`server/main.ts` under tsx, a child process with its own
// DATA_DIR) is killed with SIGKILL mid-play and started again on the same port. Clients reconnect
// by themselves and resume; every command accepted before the kill is still in the log, a command
// sent while the server was down gets in once, and every copy ends with the same hash as the
// verified run the server stores.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRunFile, type RunFile } from '../../../src/game';
import { loadFixtureLevel, tempDirs } from './fixtures';
import { converge, openRoomOn, spawnServer, waitFor } from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
const level = loadFixtureLevel();

beforeAll(() => {
  dirs = tempDirs();
});
afterAll(() => dirs.cleanup());

/** A port nobody listens on now (the restarted server must come back on the same one). */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('restart recovery', () => {
  it('SIGKILL mid-play, restart: clients resume, 0 commands lost, same hash', async () => {
    const port = await freePort();
    const env = {
      PORT: String(port),
      DATA_DIR: dirs.dataDir,
      LEVELS_DIR: dirs.levelsDir,
    };
    let server = await spawnServer(env);
    try {
      const { fac, players, all } = await openRoomOn(server, level, [
        'facilitator',
        'network',
        'comms',
      ]);
      const net = players.get('network')!;
      const comms = players.get('comms')!;
      fac.client.startSession();
      await fac.until('running', () => fac.of('session').length > 0);
      fac.client.sendCommand('clock.speed', { speed: 4 });
      net.client.sendCommand('diag.linkGraphs');
      comms.client.sendCommand('comms.send', { to: 'kisa', blocks: ['report-worm'] });
      fac.client.sendCommand('note.add', { text: '재시작 전 / before the crash' });
      await converge(all, 4);
      // Let the clock run (and be written at least once) before the crash.
      const before = fac.team.follower!.ms;
      await waitFor('the clock moved', () => fac.team.follower!.ms > before + 5000, 30_000);
      const acknowledged = fac.of('cmd').map((c) => [c.seq, c.type]);

      await server.kill('SIGKILL');
      await waitFor('every client noticed', () =>
        all.every((s) => s.client.state === 'reconnecting'),
      );
      // Sent while the server is down: queued by the client, resent after it resumes.
      const queued = net.client.sendCommand('diag.netflow', { device: 'intl-busan' });

      server = await spawnServer(env);
      await waitFor(
        'every client resumed',
        () => all.every((s) => s.of('welcome').length === 2),
        40_000,
      );
      expect(server.output()).toMatch(/rebuilt at tick \d+ \(4 commands\)/);
      const welcome = fac.of('welcome')[1]!;
      const resumed = welcome.log.map((e) => [e.seq, e.type]);
      expect(resumed.slice(0, acknowledged.length)).toEqual(acknowledged);
      // Another client may have resumed first and resent its queued command before this welcome:
      // then, and only then, it follows the acknowledged ones.
      expect(resumed.slice(acknowledged.length).map(([, type]) => type)).toEqual(
        resumed.length > acknowledged.length ? ['diag.netflow'] : [],
      );
      expect(welcome.session.state).toBe('running');
      await waitFor('the queued command got in', () =>
        // As a broadcast, or already in the log of the welcome if the network seat was back first.
        [...fac.of('cmd'), ...welcome.log].some(
          (c) => c.seat === net.client.seatId && c.clientSeq === queued,
        ),
      );
      await converge(all, 5);
      fac.client.sendCommand('note.add', { text: '재시작 후 / after the restart' });
      await converge(all, 6);
      const hashes = new Set(all.map((s) => s.team.follower!.hash()));
      expect(hashes.size).toBe(1);

      fac.client.endSession();
      for (const s of all) await s.until('ended', () => s.of('ended').length === 1);
      const ended = fac.of('ended')[0]!;
      for (const s of all) {
        await waitFor('final', () => s.team.follower!.run.state.ended);
        expect(s.team.follower!.hash()).toBe(ended.finalHash);
      }
      const file = (await (
        await fetch(`${server.base}/api/runs/${ended.runId}`)
      ).json()) as RunFile;
      // The four acknowledged before the crash (in the server's order), then the queued one and one more.
      expect(file.commands.map((c) => c.type)).toEqual([
        ...acknowledged.map(([, type]) => type),
        'diag.netflow',
        'note.add',
      ]);
      expect(verifyRunFile(file, level).ok).toBe(true);
      expect(file.result.finalHash).toBe(ended.finalHash);
      // Tokens are never written to the log.
      for (const s of all) expect(server.output()).not.toContain(s.token!);
      for (const s of all) s.stop();
    } finally {
      await server.kill('SIGTERM');
    }
  }, 180_000);
});
