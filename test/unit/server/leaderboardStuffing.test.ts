// Issue 14 item 5: a run is what it replays (level, seed, command log). Changing informational
// fields must not store it again, free-text fields are bounded with a 400 naming the field, and
// result.endMs must be the time the replay ends at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Level, RunFile } from '../../../src/game';
import { openDatabase } from '../../../server/db';
import { clone, idleRunFile, loadFixtureLevel, startServer, tempDirs } from './fixtures';

let level: Level;
let idle: RunFile;
let dirs: ReturnType<typeof tempDirs>;
let app: Awaited<ReturnType<typeof startServer>>;

const post = (body: unknown) =>
  fetch(`${app.base}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  level = loadFixtureLevel();
  idle = idleRunFile(level, 7);
  dirs = tempDirs();
  app = await startServer({ dataDir: dirs.dataDir, levelsDir: dirs.levelsDir });
}, 60_000);

afterAll(async () => {
  await app.close();
  dirs.cleanup();
});

describe('leaderboard stuffing', () => {
  it('should store a run once whatever its informational fields say', async () => {
    const first = await post(idle);
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: number };
    const variants: RunFile[] = [
      { ...clone(idle), gameVersion: '0.1.0-again' },
      { ...clone(idle), engineVersion: '9.9.9' },
      { ...clone(idle), players: [{ id: 'someone else', roles: ['solo'] }] },
      { ...clone(idle), players: [...clone(idle).players, { id: 'extra', roles: ['network'] }] },
    ];
    for (const v of variants) {
      const res = await post(v);
      const body = (await res.json()) as { id: number; duplicate?: boolean };
      expect(res.status, JSON.stringify(v.players)).toBe(200);
      expect(body).toMatchObject({ id, duplicate: true });
    }
    const list = (await (await fetch(`${app.base}/api/runs?level=backbone-isp`)).json()) as {
      runs: unknown[];
    };
    expect(list.runs).toHaveLength(1);
  });

  it('should refuse over-long free-text fields with a 400 naming the field', async () => {
    const cases: [string, RunFile][] = [
      ['gameVersion', { ...clone(idle), gameVersion: 'x'.repeat(100_000) }],
      ['engineVersion', { ...clone(idle), engineVersion: 'y'.repeat(1000) }],
      ['level.id', { ...clone(idle), level: { ...idle.level, id: 'z'.repeat(500) } }],
      [
        'players',
        {
          ...clone(idle),
          players: Array.from({ length: 50 }, (_, i) => ({
            id: `p${i}`,
            roles: ['solo' as const],
          })),
        },
      ],
    ];
    for (const [field, body] of cases) {
      const res = await post(body);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(res.status, field).toBe(400);
      expect(json.error.code).toBe('FIELD_TOO_LONG');
      expect(json.error.message.startsWith(`${field}: `), json.error.message).toBe(true);
    }
  });

  it('should refuse a result.endMs that is not where the replay ends', async () => {
    for (const endMs of [idle.result.endMs - 1, idle.result.endMs + 60_000]) {
      const res = await post({ ...clone(idle), result: { ...idle.result, endMs } });
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(res.status, String(endMs)).toBe(422);
      expect(json.error.code).toBe('END_MISMATCH');
      expect(json.error.message).toMatch(/^result\.endMs: /);
    }
  });

  it('should key the runs an older schema stored, duplicates alike', () => {
    // A version-2 database holding the same run twice (as an older server stored it): the
    // upgrade keys both rows the same and deletes nothing.
    const own = tempDirs();
    try {
      const db = openDatabase(own.dataDir);
      db.exec(
        // Back to version 2: migration 6's evaluator key and observations, migration 5's exercise
        // tables and columns, migration 4's review tables and migration 3's key go.
        'DROP TABLE session_observations; ALTER TABLE sessions DROP COLUMN evaluator_sha256; ' +
          'DROP TABLE session_refusals; DROP INDEX sessions_by_exercise; ' +
          'ALTER TABLE session_log DROP COLUMN bot; ALTER TABLE sessions DROP COLUMN bots_json; ' +
          'ALTER TABLE sessions DROP COLUMN team; ALTER TABLE sessions DROP COLUMN exercise_id; ' +
          'DROP TABLE exercises; ' +
          'DROP TABLE session_feedback; DROP TABLE session_feedback_sent; DROP TABLE session_plan; ' +
          'DROP INDEX runs_by_key; ALTER TABLE runs DROP COLUMN run_key; UPDATE schema_version SET version = 2',
      );
      const insert = db.prepare(
        `INSERT INTO runs (level_id, level_sha256, seed, player, score_total, parts_json, final_hash, file_sha256, run_json, game_version, created_at)
         VALUES ('backbone-isp', ?, ?, NULL, 0, '{}', 'x', ?, ?, ?, 'then')`,
      );
      for (const v of ['a', 'b'])
        insert.run(idle.level.sha256, idle.seed, v, JSON.stringify({ ...idle, gameVersion: v }), v);
      db.close();
      const again = openDatabase(own.dataDir);
      const rows = again.prepare('SELECT run_key FROM runs').all() as { run_key: string }[];
      again.close();
      expect(rows).toHaveLength(2);
      expect(rows[0]!.run_key).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[1]!.run_key).toBe(rows[0]!.run_key);
    } finally {
      own.cleanup();
    }
  });
});
