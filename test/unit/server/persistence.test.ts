import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE, SCHEMA_VERSION, openDatabase, schemaVersion } from '../../../server/db';
import { historyRunFile, loadFixtureLevel, startServer, tempDirs } from './fixtures';

let dirs: ReturnType<typeof tempDirs>;
beforeAll(() => {
  dirs = tempDirs();
});
afterAll(() => dirs.cleanup());

describe('database', () => {
  it('should create DATA_DIR, the schema and its version table on start, in WAL mode', () => {
    const dataDir = join(dirs.root, 'fresh', 'nested');
    const db = openDatabase(dataDir);
    try {
      expect(existsSync(join(dataDir, DB_FILE))).toBe(true);
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all();
      expect(tables).toEqual([
        { name: 'exercises' },
        { name: 'runs' },
        { name: 'schema_version' },
        { name: 'session_feedback' },
        { name: 'session_feedback_sent' },
        { name: 'session_log' },
        { name: 'session_observations' },
        { name: 'session_plan' },
        { name: 'session_refusals' },
        { name: 'session_seats' },
        { name: 'sessions' },
      ]);
    } finally {
      db.close();
    }
    // Opening again keeps one version row and does not re-run migrations.
    const again = openDatabase(dataDir);
    expect(again.prepare('SELECT count(*) AS n FROM schema_version').get()).toEqual({ n: 1 });
    again.close();
  });

  it('should refuse a database from a newer server instead of guessing', () => {
    const dataDir = join(dirs.root, 'newer');
    const db = openDatabase(dataDir);
    db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION + 1);
    db.close();
    expect(() => openDatabase(dataDir)).toThrow(/newer than this server/);
  });

  it('should still list stored runs after the app restarts on the same DATA_DIR', async () => {
    const level = loadFixtureLevel();
    const run = historyRunFile(level);
    const first = await startServer({
      dataDir: dirs.dataDir,
      levelsDir: dirs.levelsDir,
      now: () => new Date('2026-01-25T05:30:00Z'),
    });
    const res = await fetch(`${first.base}/api/runs?player=${encodeURIComponent('혜화 NOC')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(run),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    await first.close();
    expect(statSync(join(dirs.dataDir, DB_FILE)).size).toBeGreaterThan(0);

    const second = await startServer({ dataDir: dirs.dataDir, levelsDir: dirs.levelsDir });
    try {
      const list = (await (
        await fetch(`${second.base}/api/runs?level=backbone-isp`)
      ).json()) as unknown;
      expect(list).toEqual({
        level: 'backbone-isp',
        runs: [
          {
            id,
            player: '혜화 NOC',
            score: run.result.score.total,
            parts: run.result.score.parts,
            seed: 1,
            date: '2026-01-25T05:30:00.000Z',
          },
        ],
      });
      expect(await (await fetch(`${second.base}/api/runs/${id}`)).json()).toEqual(run);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('should leave the runs API unmounted (404) when the app has no DATA_DIR', async () => {
    const app = await startServer({});
    try {
      expect((await fetch(`${app.base}/api/runs?level=backbone-isp`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
