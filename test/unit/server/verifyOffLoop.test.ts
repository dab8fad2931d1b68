// Issue 14 item 3: run verification happens in worker threads behind a bounded queue, so the
// event loop (health checks, room relay) does not wait for it, and a full queue answers 503 with
// Retry-After instead of queueing without end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Level, RunFile } from '../../../src/game';
import { VerifyPool } from '../../../server/verifyPool';
import { idleRunFile, loadFixtureLevel, tempDirs } from './fixtures';
import { startSessionServer, type RunningServer } from './sessionsHelpers';

let level: Level;
let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer & { server: import('../../../server/app').AppServer };

const post = (base: string, body: RunFile, from: number) =>
  fetch(`${base}/api/runs?player=p${from}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  level = loadFixtureLevel();
  dirs = tempDirs();
  srv = await startSessionServer({
    dataDir: dirs.dataDir,
    levelsDir: dirs.levelsDir,
    verify: { workers: 1, maxQueue: 1 },
  });
  await srv.server.verifyPool!.warm();
}, 60_000);

afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

describe('verification off the event loop', () => {
  it('should keep answering /api/health while runs are being verified', async () => {
    const files = [11, 12].map((seed) => idleRunFile(level, seed));
    let verifying = true;
    const posts = Promise.all(files.map((f, i) => post(srv.base, f, i))).finally(
      () => (verifying = false),
    );
    const healthMs: number[] = [];
    while (verifying) {
      const t0 = performance.now();
      await (await fetch(`${srv.base}/api/health`)).json();
      healthMs.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const answers = await posts;
    const verifyMs = answers.map((r) =>
      Number(/dur=([\d.]+)/.exec(r.headers.get('server-timing') ?? '')?.[1] ?? NaN),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    // On the event loop, a health check that arrives during a verification waits for all of it.
    expect(healthMs.length).toBeGreaterThan(3);
    expect(Math.max(...healthMs), JSON.stringify({ healthMs, verifyMs })).toBeLessThan(
      Math.max(...verifyMs) / 2,
    );
  }, 120_000);

  it('should answer 503 with Retry-After when the queue is full, and take runs again after', async () => {
    const files = [21, 22, 23, 24].map((seed) => idleRunFile(level, seed));
    const answers = await Promise.all(files.map((f, i) => post(srv.base, f, i)));
    const statuses = answers.map((r) => r.status);
    // One worker running one, one waiting in the queue: the rest are refused at once.
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 503)).toHaveLength(2);
    for (const r of answers.filter((a) => a.status === 503)) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('BUSY');
    }
    const health = (await (await fetch(`${srv.base}/api/health`)).json()) as {
      verify: { refused: number; queued: number };
    };
    expect(health.verify).toMatchObject({ refused: 2, queued: 0 });
    const again = await post(srv.base, files[statuses.indexOf(503)]!, 9);
    expect(again.status).toBe(201);
  }, 120_000);
});

describe('the verification pool', () => {
  it('should replace a worker whose job runs over time and go on with the next job', async () => {
    const logs: string[] = [];
    const pool = new VerifyPool({ size: 1, jobTimeoutMs: 50, log: (m) => logs.push(m) });
    try {
      await pool.warm();
      const file = idleRunFile(level, 31);
      await expect(pool.submit(file, level)).rejects.toThrow(/longer than 50 ms/);
      expect(logs.join('\n')).toMatch(/replaced/);
      await pool.warm();
      expect(pool.stats()).toMatchObject({ size: 1, busy: 0, queued: 0 });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('should put work owed to rooms ahead of queued submissions and never refuse it', async () => {
    const pool = new VerifyPool({ size: 1, maxQueue: 1 });
    try {
      await pool.warm();
      const order: string[] = [];
      const file = idleRunFile(level, 41);
      const a = pool.submit(file, level).then(() => order.push('submission 1'));
      const b = pool.submit(file, level).then(() => order.push('submission 2'));
      await expect(pool.submit(file, level)).rejects.toThrow(/queue is full/);
      const r = pool
        .replay({ level, seed: 41, log: [], untilMs: 60_000 })
        .then((x) => order.push(`replay ${x.ok}`));
      await Promise.all([a, b, r]);
      expect(order).toEqual(['submission 1', 'replay true', 'submission 2']);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
