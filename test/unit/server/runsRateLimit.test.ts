// POST /api/runs is rate-limited per client IP (a token bucket): a burst, then one per refill
// interval; a refused POST is 429 with Retry-After and the API's JSON error, costs no verification,
// and GETs are never limited. The clock is driven by the test, not waited for.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunFile } from '../../../src/game';
import { openDatabase } from '../../../server/db';
import { createLevelStore } from '../../../server/levels';
import { createRunsApi, DEFAULT_RATE_LIMIT, SubmitLimiter } from '../../../server/runsApi';
import { idleRunFile, loadFixtureLevel, tempDirs } from './fixtures';

let dirs: ReturnType<typeof tempDirs>;
let server: Server;
let base: string;
let clock = 0;
let idle: RunFile;
let verifications = 0;

beforeAll(async () => {
  idle = idleRunFile(loadFixtureLevel());
  dirs = tempDirs();
  const levels = createLevelStore(dirs.levelsDir);
  // Count the level look-ups that precede every verification: a limited POST must make none.
  const counted: typeof levels = {
    ...levels,
    get: (id: string) => {
      verifications++;
      return levels.get(id);
    },
  };
  const api = createRunsApi({
    db: openDatabase(dirs.dataDir),
    levels: counted,
    rateLimit: { burst: 3, perMinute: 6 },
    clockMs: () => clock,
  });
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    void api(req, res, url.pathname, url.searchParams);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  dirs.cleanup();
});

const post = (body: unknown) =>
  fetch(`${base}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /api/runs rate limit', () => {
  it('allows a burst, then answers 429 with Retry-After until the bucket refills', async () => {
    // The burst: 3 POSTs (the first stores, the next are duplicates: still verified, still counted).
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(idle)).status);
    expect(statuses).toEqual([201, 200, 200]);
    expect(verifications).toBe(3);

    const limited = await post(idle);
    expect(limited.status).toBe(429);
    // 6 per minute: one token every 10 s.
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(await limited.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: 'too many run submissions from this address; try again in 10 s',
      },
    });
    expect(verifications).toBe(3);

    // Reading is never limited.
    expect((await fetch(`${base}/api/runs?level=backbone-isp`)).status).toBe(200);

    // 4 s later: 6 s still to wait.
    clock += 4000;
    const again = await post(idle);
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('6');

    // After the refill interval one more goes through, and only one.
    clock += 6000;
    expect((await post(idle)).status).toBe(200);
    expect((await post(idle)).status).toBe(429);
    expect(verifications).toBe(4);

    // A long pause refills the bucket to its burst, not beyond.
    clock += 3_600_000;
    const after: number[] = [];
    for (let i = 0; i < 4; i++) after.push((await post(idle)).status);
    expect(after).toEqual([200, 200, 200, 429]);
  });
});

describe('SubmitLimiter', () => {
  it('keeps one bucket per address and forgets idle ones when many are tracked', () => {
    let now = 0;
    const limiter = new SubmitLimiter({ burst: 2, perMinute: 60 }, () => now);
    expect(limiter.take('10.0.0.1')).toEqual({ ok: true });
    expect(limiter.take('10.0.0.1')).toEqual({ ok: true });
    expect(limiter.take('10.0.0.1')).toEqual({ ok: false, retryAfterS: 1 });
    // Another address has its own bucket.
    expect(limiter.take('10.0.0.2')).toEqual({ ok: true });
    now += 1000;
    expect(limiter.take('10.0.0.1')).toEqual({ ok: true });
    // Many one-off addresses: idle ones are dropped, so memory stays bounded.
    now += 10_000;
    for (let i = 0; i < 10_050; i++) limiter.take(`192.0.2.${i}`);
    expect(limiter.tracked).toBe(10_000);
    // The refilled early addresses went first: 10.0.0.1 starts again with a full bucket.
    expect(limiter.take('10.0.0.1')).toEqual({ ok: true });
  });

  it('has a default that lets a classroom behind one address submit at once', () => {
    expect(DEFAULT_RATE_LIMIT.burst).toBeGreaterThanOrEqual(30);
    let now = 0;
    const limiter = new SubmitLimiter(DEFAULT_RATE_LIMIT, () => now);
    for (let i = 0; i < DEFAULT_RATE_LIMIT.burst; i++)
      expect(limiter.take('203.0.113.9').ok).toBe(true);
    expect(limiter.take('203.0.113.9').ok).toBe(false);
    now += 60_000 / DEFAULT_RATE_LIMIT.perMinute;
    expect(limiter.take('203.0.113.9').ok).toBe(true);
  });
});

describe('POST /api/runs rate limit and proxies', () => {
  /** A runs API with a one-submission burst, trusting `hops` proxies of our own. */
  async function apiBehind(hops: number): Promise<{ url: string; close: () => Promise<void> }> {
    const d = tempDirs();
    const api = createRunsApi({
      db: openDatabase(d.dataDir),
      levels: createLevelStore(d.levelsDir),
      rateLimit: { burst: 1, perMinute: 1 },
      clockMs: () => 0,
      trustProxy: hops,
    });
    const s = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      void api(req, res, url.pathname, url.searchParams);
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    return {
      url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/api/runs`,
      close: async () => {
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
        d.cleanup();
      },
    };
  }
  const postFrom = (url: string, forwardedFor: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify(idle),
    }).then((r) => r.status);

  it('keys on the address our own proxy saw when TRUST_PROXY says there is one', async () => {
    const api = await apiBehind(1);
    try {
      expect(await postFrom(api.url, '198.51.100.1')).toBe(201);
      expect(await postFrom(api.url, '198.51.100.1')).toBe(429);
      // Another client behind the same proxy has its own bucket.
      expect(await postFrom(api.url, '198.51.100.2')).toBe(200);
    } finally {
      await api.close();
    }
  }, 60_000);

  it('ignores a forged X-Forwarded-For when no proxy is trusted', async () => {
    const api = await apiBehind(0);
    try {
      expect(await postFrom(api.url, '198.51.100.1')).toBe(201);
      expect(await postFrom(api.url, '198.51.100.2')).toBe(429);
    } finally {
      await api.close();
    }
  }, 60_000);
});
