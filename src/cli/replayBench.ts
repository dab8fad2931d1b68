// Replay figures for `npm run bench` (issue #7): building a replay timeline of a full run, seeking
// anywhere in it (median and max over 200 seeded random ticks; target ≤ 200 ms), what its snapshots
// hold in memory, generating the after-action review, and POST /api/runs end to end (HTTP, JSON,
// verification, SQLite) on a server in this process. Run alone: `npx tsx src/cli/replayBench.ts`.
import { mkdtempSync, readFileSync, rmSync, copyFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ghostRun,
  hashGame,
  parseLevel,
  SNAPSHOT_EVERY_MIN,
  timelineOfRunFile,
  toRunFile,
  type Level,
} from '../game';
import { drawU32, seedSaltedPrng, type PrngState } from '../engine/prng';
import { buildAar } from '../aar/buildAar';
import { renderAarHtml } from '../aar/renderHtml';
import { openDatabase } from '../../server/db';
import { createLevelStore } from '../../server/levels';
import { createRunsApi } from '../../server/runsApi';

import { runWhenMain, type Figure } from './benchKit';

const LEVEL_ID = process.env.BENCH_LEVEL ?? 'backbone-isp';
const levelPath = fileURLToPath(new URL(`../../levels/${LEVEL_ID}.json`, import.meta.url));

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function loadLevel(): Level {
  const r = parseLevel(JSON.parse(readFileSync(levelPath, 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.level;
}

/** Heap in use after a full collection when node runs with --expose-gc, else as it stands. */
function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function postFigures(level: Level, files: unknown[]): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'one25-replay-bench-'));
  const levelsDir = join(root, 'levels');
  mkdirSync(levelsDir);
  copyFileSync(levelPath, join(levelsDir, `${level.meta.id}.json`));
  const api = createRunsApi({
    db: openDatabase(join(root, 'data')),
    levels: createLevelStore(levelsDir),
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    void api(req, res, url.pathname, url.searchParams);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const total: number[] = [];
  const verify: number[] = [];
  try {
    for (const file of files) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(file),
      });
      await res.json();
      total.push(performance.now() - t0);
      if (res.status !== 201) throw new Error(`bench POST /api/runs answered ${res.status}`);
      const dur = /verify;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
      if (dur) verify.push(Number(dur[1]));
    }
  } finally {
    server.closeAllConnections();
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
  return [
    {
      name: `POST /api/runs round trip, full ${level.meta.id} run (median of ${total.length}, distinct files)`,
      value: Math.round(median(total)),
      unit: 'ms',
      budget: '≤ 500',
      ok: median(total) <= 500,
    },
    {
      name: 'POST /api/runs: of which verification (Server-Timing, median)',
      value: Math.round(median(verify)),
      unit: 'ms',
    },
  ];
}

export async function replayBench(): Promise<Figure[]> {
  const level = loadLevel();
  const file = JSON.parse(JSON.stringify(toRunFile(ghostRun(level, 1).run)));
  timelineOfRunFile(level, file); // warm-up (JIT)

  const before = heapUsed();
  const t0 = performance.now();
  const timeline = timelineOfRunFile(level, file);
  const buildMs = performance.now() - t0;
  const heapMb = (heapUsed() - before) / 1e6;
  const jsonMb =
    timeline.snapshots.reduce((n, s) => n + JSON.stringify(s.run.state).length, 0) / 1e6;

  // Seeks at 200 seeded random ticks, in random order (backwards and forwards).
  let rng: PrngState = seedSaltedPrng(125);
  const span = timeline.endTick - timeline.startTick;
  const times: number[] = [];
  let sink = '';
  for (let i = 0; i < 200; i++) {
    let u: number;
    [u, rng] = drawU32(rng);
    const tick = timeline.startTick + (u % (span + 1));
    const s0 = performance.now();
    const c = timeline.seek(tick);
    times.push(performance.now() - s0);
    if (i % 50 === 0) sink += hashGame(c.run.state);
  }
  if (!sink) throw new Error('no seek');

  const aarTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const a0 = performance.now();
    const aar = buildAar(file, level);
    renderAarHtml(aar, 'both');
    aarTimes.push(performance.now() - a0);
  }

  const posts = [2, 3, 4, 5, 6].map((seed) =>
    JSON.parse(JSON.stringify(toRunFile(ghostRun(level, seed).run))),
  );
  const seekMedian = median(times);
  const seekMax = Math.max(...times);
  return [
    {
      name: `replay timeline build, full ${level.meta.id} run (${timeline.snapshots.length} snapshots, every ${SNAPSHOT_EVERY_MIN} sim min)`,
      value: Math.round(buildMs),
      unit: 'ms',
    },
    {
      name: 'replay snapshots in memory (heap growth; canonical JSON of their states)',
      value: `${round(heapMb)} (${round(jsonMb)})`,
      unit: 'MB',
    },
    {
      name: 'replay seek to a random tick (median of 200)',
      value: round(seekMedian),
      unit: 'ms',
      budget: '≤ 200',
      ok: seekMedian <= 200,
    },
    {
      name: 'replay seek to a random tick (max of 200)',
      value: round(seekMax),
      unit: 'ms',
      budget: '≤ 200',
      ok: seekMax <= 200,
    },
    {
      name: 'after-action review: build + HTML (ko and en), full run (median of 5)',
      value: Math.round(median(aarTimes)),
      unit: 'ms',
    },
    ...(await postFigures(level, posts)),
  ];
}

runWhenMain(import.meta.url, replayBench);
