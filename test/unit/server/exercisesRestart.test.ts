// An exercise survives a server crash: the real server is killed with SIGKILL while its rooms run
// (one with a bot) and started again on the same DATA_DIR. The controller token still opens it,
// every room is rebuilt with its bot, the controller's actions still reach every room, and the
// bot goes on without repeating what it already sent.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CreateExerciseResponse,
  ExerciseActionResult,
  ExerciseStatus,
} from '../../../src/net/exerciseProtocol';
import { tempDirs } from './fixtures';
import { spawnServer, TestSeat, waitFor } from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
beforeAll(() => {
  dirs = tempDirs();
  // The history's first network command (link graphs, 14:50) moved to 14:05, so the bot acts
  // within seconds of real time instead of a minute.
  const file = join(dirs.levelsDir, 'backbone-isp.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    history: { response: { at: string; role: string; type: string }[] };
  };
  const first = json.history.response.find((c) => c.role === 'network')!;
  expect(first.type).toBe('diag.linkGraphs');
  first.at = '2003-01-25T14:05:00+09:00';
  writeFileSync(file, JSON.stringify(json));
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

describe('exercise restart', () => {
  it('SIGKILL while the rooms run: the exercise, its rooms and bots come back', async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dirs.dataDir, LEVELS_DIR: dirs.levelsDir };
    let server = await spawnServer(env);
    try {
      const created = await fetch(`${server.base}/api/exercises`, {
        method: 'POST',
        body: JSON.stringify({
          level: 'backbone-isp',
          seed: 7,
          teams: 2,
          roles: ['commander', 'network'],
          name: 'restart',
          bots: { network: 'historical' },
        }),
      });
      expect(created.status).toBe(201);
      const ex = (await created.json()) as CreateExerciseResponse;
      const auth = { authorization: `Bearer ${ex.controllerToken}` };
      const act = async (action: Record<string, unknown>) =>
        (await (
          await fetch(`${server.base}/api/exercises/${ex.code}/actions`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify(action),
          })
        ).json()) as ExerciseActionResult;
      const status = async () =>
        (await (
          await fetch(`${server.base}/api/exercises/${ex.code}`, { headers: auth })
        ).json()) as ExerciseStatus;
      expect((await act({ action: 'start' })).rooms.every((r) => r.ok)).toBe(true);
      // Each room's facilitator runs the clock at 4×.
      const facs = ex.rooms.map((r) =>
        new TestSeat(server.wsUrl, { resume: { token: r.facilitatorToken } }).start(),
      );
      for (const f of facs) {
        await f.until('welcome', () => f.of('welcome').length > 0);
        f.client.sendCommand('clock.speed', { speed: 4 });
      }
      // The historical network bot's first command (at 14:05 here): wait until both rooms have it.
      let before = await status();
      for (
        let i = 0;
        i < 300 && !before.rooms.every((r) => r.lastActions.some((a) => a.bot === 'historical'));
        i++
      ) {
        await new Promise((r) => setTimeout(r, 200));
        before = await status();
      }
      expect(
        before.rooms.every((r) => r.lastActions.some((a) => a.by === 'bot:historical')),
        JSON.stringify(before.rooms.map((r) => [r.tick, r.lastActions])),
      ).toBe(true);
      for (const f of facs) f.stop();

      await server.kill('SIGKILL');
      server = await spawnServer(env);
      await waitFor('rooms rebuilt', () => /rebuilt at tick/.test(server.output()), 40_000);
      const after = await status();
      expect(after.rooms.map((r) => r.code)).toEqual(ex.rooms.map((r) => r.code));
      for (const [i, r] of after.rooms.entries()) {
        expect(r.state).toBe('running');
        expect(r.tick).toBeGreaterThanOrEqual(before.rooms[i]!.tick);
        expect(r.roles.find((x) => x.role === 'network')?.bot).toBe('historical');
        // Nothing the bot sent before the crash is sent again.
        const sent = r.lastActions.filter((a) => a.type === 'diag.linkGraphs');
        expect(sent).toHaveLength(1);
      }
      const paused = await act({ action: 'pause' });
      expect(paused.rooms.every((r) => r.ok)).toBe(true);
      const wrong = await fetch(`${server.base}/api/exercises/${ex.code}`, {
        headers: { authorization: `Bearer ${'A'.repeat(43)}` },
      });
      expect(wrong.status).toBe(401);
    } finally {
      await server.kill('SIGTERM');
    }
  }, 180_000);
});
