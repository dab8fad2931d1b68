import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelHash, type Level, type RunFile } from '../../../src/game';
import {
  clone,
  historyRunFile,
  idleRunFile,
  loadFixtureLevel,
  partialRunFile,
  startServer,
  tempDirs,
} from './fixtures';

let level: Level;
let history: RunFile;
let idle: RunFile;
let dirs: ReturnType<typeof tempDirs>;
let app: Awaited<ReturnType<typeof startServer>>;

const post = (body: unknown, query = '') =>
  fetch(`${app.base}/api/runs${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function expectRefused(body: unknown, status: number, code: string, message?: RegExp) {
  const res = await post(body);
  const json = (await res.json()) as { error: { code: string; message: string } };
  expect(res.status, JSON.stringify(json)).toBe(status);
  expect(json.error.code).toBe(code);
  if (message) expect(json.error.message).toMatch(message);
  return json.error;
}

beforeAll(async () => {
  level = loadFixtureLevel();
  history = historyRunFile(level);
  idle = idleRunFile(level);
  dirs = tempDirs();
  app = await startServer({ dataDir: dirs.dataDir, levelsDir: dirs.levelsDir });
}, 60_000);

afterAll(async () => {
  await app.close();
  dirs.cleanup();
});

describe('POST /api/runs', () => {
  it('should verify a real run, store it and list verified runs best first', async () => {
    const a = await post(idle, '?player=Idle');
    expect(a.status).toBe(201);
    const stored = (await a.json()) as { id: number; score: number; parts: Record<string, number> };
    expect(stored.score).toBe(idle.result.score.total);
    expect(stored.parts).toEqual(idle.result.score.parts);
    expect(a.headers.get('location')).toBe(`/api/runs/${stored.id}`);
    expect(a.headers.get('server-timing')).toMatch(/^verify;dur=\d+(\.\d)?$/);

    const b = await post({ ...history, player: 'KT NOC' });
    expect(b.status).toBe(201);
    const best = (await b.json()) as { id: number; score: number };
    expect(best.score).toBe(history.result.score.total);
    expect(best.score).toBeGreaterThan(stored.score);

    const list = (await (await fetch(`${app.base}/api/runs?level=backbone-isp`)).json()) as {
      runs: { id: number; player: string | null; score: number; parts: object; date: string }[];
    };
    expect(list.runs.map((r) => [r.id, r.player, r.score])).toEqual([
      [best.id, 'KT NOC', history.result.score.total],
      [stored.id, 'Idle', idle.result.score.total],
    ]);
    expect(Date.parse(list.runs[0]!.date)).not.toBeNaN();
    expect(list.runs[0]!.parts).toEqual(history.result.score.parts);

    // The stored run file comes back exactly as verified (without the player field).
    const got = await fetch(`${app.base}/api/runs/${best.id}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(history);
  }, 60_000);

  it('should store the same run file once', async () => {
    const res = await post(history);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ duplicate: true, score: history.result.score.total });
  }, 30_000);

  it('should refuse a changed score', async () => {
    const f = clone(history);
    f.result.score.total += 10;
    await expectRefused(f, 422, 'SCORE_MISMATCH', /score differs — total: file/);
    const g = clone(history);
    g.result.score.parts.timeToFilter = 100;
    await expectRefused(g, 422, 'SCORE_MISMATCH', /timeToFilter/);
  }, 30_000);

  it('should refuse a reordered command log at the first checkpoint after the change', async () => {
    const f = clone(history);
    const i = f.commands.findIndex((c, k) => k > 0 && c.tick === f.commands[k - 1]!.tick);
    expect(i).toBeGreaterThan(0);
    [f.commands[i - 1], f.commands[i]] = [f.commands[i]!, f.commands[i - 1]!];
    await expectRefused(
      f,
      422,
      'CHECKPOINT_MISMATCH',
      /hash mismatch at checkpoint \d+ \(tick \d+/,
    );
  }, 30_000);

  it('should refuse a command moved behind an earlier one as refused at its tick', async () => {
    const f = clone(history);
    f.commands[3]!.tick = f.commands[2]!.tick - 600;
    await expectRefused(
      f,
      422,
      'COMMAND_REFUSED',
      /command #3 .* refused at tick \d+ .*TICK_IN_PAST/,
    );
  }, 30_000);

  it('should refuse another seed', async () => {
    await expectRefused(
      { ...clone(history), seed: 2 },
      422,
      'CHECKPOINT_MISMATCH',
      /checkpoint 0 /,
    );
  }, 30_000);

  it('should refuse an unknown level, another version of the level, and an unsupported format', async () => {
    const other = clone(history);
    other.level.id = 'broadband-isp';
    await expectRefused(other, 422, 'UNKNOWN_LEVEL', /unknown level "broadband-isp"/);
    const edited = clone(history);
    edited.level.sha256 = '0'.repeat(64);
    await expectRefused(
      edited,
      422,
      'LEVEL_MISMATCH',
      new RegExp(`level file has ${levelHash(level)}`),
    );
    await expectRefused(
      { ...clone(history), formatVersion: 2 },
      422,
      'UNSUPPORTED_VERSION',
      /unsupported version 2, expected 1/,
    );
    await expectRefused({ ...clone(history), seed: 'one' }, 422, 'MALFORMED', /^seed: /);
  }, 30_000);

  it('should refuse a run saved before the end (its score would not be comparable)', async () => {
    await expectRefused(partialRunFile(level, 3600), 422, 'RUN_NOT_FINISHED', /result\.ended/);
  }, 30_000);

  it('should answer 413 for an oversized body and 400 naming a malformed one', async () => {
    const big = JSON.stringify({ ...history, pad: 'x'.repeat(2 * 1024 * 1024) });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    const e = await expectRefused(
      '{"formatVersion": 1, "seed": ',
      400,
      'MALFORMED_JSON',
      /not valid JSON/,
    );
    expect(e.message.length).toBeGreaterThan(30);
    await expectRefused('', 400, 'MALFORMED_JSON', /empty/);
    await expectRefused('[1,2]', 400, 'MALFORMED_JSON', /expected a JSON object/);
  }, 30_000);

  it('should keep player names as plain text and limit their length', async () => {
    const name = '<script>alert(1)</script>';
    const res = await post({ ...idleRunFile(level, 3), player: name });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const list = (await (await fetch(`${app.base}/api/runs?level=backbone-isp`)).json()) as {
      runs: { id: number; player: string }[];
    };
    expect(list.runs.find((r) => r.id === id)!.player).toBe(name);
    await expectRefused(
      { ...clone(idle), player: 'x'.repeat(41) },
      400,
      'BAD_PLAYER',
      /at most 40/,
    );
    await expectRefused({ ...clone(idle), player: 'a\u0000b' }, 400, 'BAD_PLAYER', /control/);
    await expectRefused({ ...clone(idle), player: 7 }, 400, 'BAD_PLAYER', /string/);
  }, 60_000);
});

/** Streams `total` bytes with chunked encoding (no content-length), as a client uploading a huge file would. */
function postChunked(total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${app.base}/api/runs`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may close the socket once it has answered; a write error after that is expected.
    req.on('error', (e) => (req.writableEnded ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('request size', () => {
  it('should stop reading a chunked body at the limit and answer 413', async () => {
    const r = await postChunked(3 * 1024 * 1024);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect((await fetch(`${app.base}/api/health`)).status).toBe(200);
  }, 30_000);
});

describe('GET /api/runs', () => {
  it('should need a level and page within bounds', async () => {
    expect((await fetch(`${app.base}/api/runs`)).status).toBe(400);
    expect((await fetch(`${app.base}/api/runs?level=backbone-isp&limit=0`)).status).toBe(400);
    const one = (await (await fetch(`${app.base}/api/runs?level=backbone-isp&limit=1`)).json()) as {
      runs: unknown[];
    };
    expect(one.runs).toHaveLength(1);
    const none = (await (await fetch(`${app.base}/api/runs?level=tutorial`)).json()) as {
      runs: unknown[];
    };
    expect(none.runs).toEqual([]);
  });

  it('should answer 404 for unknown ids and 405 for other methods', async () => {
    expect((await fetch(`${app.base}/api/runs/999999`)).status).toBe(404);
    expect((await fetch(`${app.base}/api/runs/abc`)).status).toBe(404);
    expect((await fetch(`${app.base}/api/runs/%E0%A4%A`)).status).toBe(404);
    const del = await fetch(`${app.base}/api/runs/1`, { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${app.base}/api/runs`, { method: 'PUT' })).status).toBe(405);
  });

  it('should still be healthy after all the bad requests', async () => {
    expect((await fetch(`${app.base}/api/health`)).status).toBe(200);
  });
});

describe('levels on the server', () => {
  it('should report an invalid level file on the server as a server error, not a bad run', async () => {
    writeFileSync(join(dirs.levelsDir, 'broken.json'), '{ "formatVersion": 1 }');
    const f = clone(history);
    f.level.id = 'broken';
    await expectRefused(f, 500, 'INVALID_LEVEL', /level "broken" on this server is invalid/);
  });
});
