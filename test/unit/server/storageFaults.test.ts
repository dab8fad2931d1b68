// Issue 14 item 7: storage faults. A second server on the same DATA_DIR, an emptied or damaged
// database file, and a full disk at the end of a session must each be refused or reported
// clearly, never served as if nothing happened.
import { closeSync, openSync, truncateSync, writeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Level } from '../../../src/game';
import { DB_FILE, openDatabase } from '../../../server/db';
import { createAppServer } from '../../../server/app';
import type { SessionStore } from '../../../server/sessions/store';
import { loadFixtureLevel, tempDirs } from './fixtures';
import { openRoomOn, spawnServer, startSessionServer, type RunningServer } from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
let level: Level;

beforeAll(() => {
  dirs = tempDirs();
  level = loadFixtureLevel();
});
afterAll(() => dirs.cleanup());

/** A database with enough rows to span many pages. */
function filledDatabase(dataDir: string): void {
  const db = openDatabase(dataDir);
  const insert = db.prepare(
    `INSERT INTO runs (level_id, level_sha256, seed, player, score_total, parts_json, final_hash, file_sha256, run_json, game_version, created_at, run_key)
     VALUES ('backbone-isp', 'x', ?, NULL, ?, '{}', 'x', ?, ?, '0', 'then', ?)`,
  );
  for (let i = 0; i < 300; i++) insert.run(i, i, `f${i}`, 'r'.repeat(1000), `k${i}`);
  db.close();
}

describe('storage faults', () => {
  it('should refuse a second server on the same DATA_DIR, in-process and as a process', async () => {
    const dataDir = join(dirs.root, 'shared');
    const first = createAppServer({ distDir: dirs.root, dataDir, levelsDir: dirs.levelsDir });
    try {
      expect(() =>
        createAppServer({ distDir: dirs.root, dataDir, levelsDir: dirs.levelsDir }),
      ).toThrow(/DATA_DIR .*shared is in use by another server process/);
      await expect(
        spawnServer({ PORT: '0', DATA_DIR: dataDir, LEVELS_DIR: dirs.levelsDir }),
      ).rejects.toThrow(/server exited \(1\)[\s\S]*in use by another server process/);
    } finally {
      await new Promise((r) => first.close(r));
    }
    // The lock goes with the server: the next one starts.
    const next = createAppServer({ distDir: dirs.root, dataDir, levelsDir: dirs.levelsDir });
    await new Promise((r) => next.close(r));
  }, 60_000);

  it('should refuse an emptied database file instead of starting with nothing', () => {
    const dataDir = join(dirs.root, 'emptied');
    filledDatabase(dataDir);
    truncateSync(join(dataDir, DB_FILE), 0);
    expect(() => openDatabase(dataDir)).toThrow(/is empty \(0 bytes\).*Restore it from a backup/);
    // Still 0 bytes: nothing was written over it.
    expect(statSync(join(dataDir, DB_FILE)).size).toBe(0);
  });

  it('should refuse a damaged database at start, or serve it with /api/health saying so', async () => {
    const dataDir = join(dirs.root, 'damaged');
    filledDatabase(dataDir);
    const fd = openSync(join(dataDir, DB_FILE), 'r+');
    const garbage = Buffer.alloc(8192);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 0xff;
    writeSync(fd, garbage, 0, garbage.length, 4096 * 3);
    closeSync(fd);
    expect(() => openDatabase(dataDir)).toThrow(/is damaged \(PRAGMA quick_check: .+\)/);
    const srv = await startSessionServer({
      dataDir,
      levelsDir: dirs.levelsDir,
      allowCorruptDb: true,
      verify: { workers: 0 },
    });
    try {
      const res = await fetch(`${srv.base}/api/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, storage: { state: 'corrupt' } });
    } finally {
      await srv.close();
    }
  }, 30_000);

  it('should keep a session running when its end cannot be stored, and end it when it can', async () => {
    const dataDir = join(dirs.root, 'full');
    const srv: RunningServer & { server: import('../../../server/app').AppServer } =
      await startSessionServer({ dataDir, levelsDir: dirs.levelsDir });
    try {
      const { fac, players, all } = await openRoomOn(srv, level, ['facilitator', 'network']);
      fac.client.startSession();
      await fac.until('running', () => fac.of('session').length > 0);
      // The disk is full: writing the session's run fails once, like SQLITE_FULL does.
      const store = (srv.server.sessions as unknown as { store: SessionStore }).store;
      const storeRun = store.storeRun.bind(store);
      store.storeRun = () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      };
      fac.client.endSession();
      await fac.until('storage error', () =>
        fac.of('error').some((e) => e.code === 'STORAGE_FAILED'),
      );
      expect(fac.of('error').find((e) => e.code === 'STORAGE_FAILED')!.text.en).toMatch(
        /disk is full/,
      );
      expect(fac.of('ended')).toHaveLength(0);
      const room = [...srv.server.sessions!.rooms.values()][0]!;
      expect(room.state).toBe('running');
      expect(room.ending).toBe(false);
      const health = (await (await fetch(`${srv.base}/api/health`)).json()) as object;
      expect(health).toMatchObject({ ok: false, storage: { state: 'failing' } });
      // The session goes on: a command is still accepted…
      const net = players.get('network')!;
      const seq = net.client.sendCommand('diag.linkGraphs');
      await net.until('command accepted', () =>
        net.of('cmd').some((c) => c.clientSeq === seq && c.seat === net.client.seatId),
      );
      // …and once the disk has room again, ending it stores the run.
      store.storeRun = storeRun;
      fac.client.endSession();
      for (const s of all) await s.until('ended', () => s.of('ended').length === 1, 30_000);
      expect(fac.of('ended')[0]).toMatchObject({
        reason: 'facilitator',
        runId: expect.any(Number),
      });
      for (const s of all) s.stop();
    } finally {
      await srv.close();
    }
  }, 90_000);
});
