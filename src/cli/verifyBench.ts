// `npm run bench` part "verify" (issue 14 item 3): relay latency and /api/health while runs are
// being verified. 20 rooms × 4 seats play on the real server (a child process) while 4 submitters,
// each from its own loopback address (127.0.0.2–5, so each has its own per-address limit), post
// run files back to back; every post costs a full re-simulation unless refused first (429 rate
// limit, 503 full queue). First a baseline with no submissions, then the same play with them.
// Loopback only. Run alone: `npx tsx src/cli/verifyBench.ts` (BENCH_VERIFY_S, default 60).
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRun, finishRun, parseLevel, toRunFile, type RunFile } from '../game';
import {
  cpuOf,
  loadAverage,
  newStats,
  pct,
  populate,
  round,
  serverStats,
  sleep,
  startServer,
  summarise,
  type ServerProcess,
  type Stats,
} from './teamBench';
import { envNum, runWhenMain, type Figure } from './benchKit';

const SUBMITTERS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];

/** POST /api/runs from a given local address; resolves with the status. */
function postFrom(base: string, localAddress: string, body: string): Promise<number> {
  const url = new URL('/api/runs', base);
  return new Promise((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** Finished runs of the backbone level: an honest one per submitter, then other-seed variants. */
function runFiles(): RunFile[] {
  const json = JSON.parse(
    readFileSync(new URL('../../levels/backbone-isp.json', import.meta.url), 'utf8'),
  ) as unknown;
  const parsed = parseLevel(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return SUBMITTERS.map((_, i) => toRunFile(finishRun(createRun(parsed.level, 900 + i))));
}

async function measure(
  server: ServerProcess,
  stats: () => Stats,
  reset: () => void,
  seconds: number,
  files: RunFile[] | undefined,
) {
  reset();
  const pid = server.child.pid!;
  const cpu0 = cpuOf(pid);
  const outFrom = server.output().length;
  const t0 = performance.now();
  const stopAt = Date.now() + seconds * 1000;
  const health: number[] = [];
  const statuses = new Map<number, number>();
  const loads: number[] = [];
  const healthLoop = (async () => {
    while (Date.now() < stopAt) {
      const h0 = performance.now();
      await fetch(`${server.base}/api/health`).then((r) => r.arrayBuffer());
      health.push(performance.now() - h0);
      await sleep(100);
    }
  })();
  const submitters = (files ?? []).map(async (honest, k) => {
    for (let i = 0; Date.now() < stopAt; i++) {
      // The honest run first, then variants: another seed is another run, verified in full (and
      // refused at its first checkpoint once replayed).
      const file = i === 0 ? honest : { ...honest, seed: (honest.seed + 1000 * (k + 1) + i) >>> 0 };
      const status = await postFrom(server.base, SUBMITTERS[k]!, JSON.stringify(file));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 429 || status === 503) await sleep(200);
    }
  });
  const loadLoop = (async () => {
    while (Date.now() < stopAt) {
      await sleep(1000);
      loads.push(loadAverage());
    }
  })();
  await Promise.all([healthLoop, loadLoop, ...submitters]);
  const wallS = (performance.now() - t0) / 1000;
  return {
    fanout: [...stats().fanout],
    sent: stats().sent,
    health,
    statuses,
    cpuPct: ((cpuOf(pid) - cpu0) / wallS) * 100,
    inside: summarise(serverStats(server.output(), outFrom)),
    loads,
  };
}

export async function verifyBench(): Promise<Figure[]> {
  const seconds = envNum('BENCH_VERIFY_S', 60);
  const files = runFiles();
  const server = await startServer();
  try {
    let stats = newStats();
    const pop = await populate(server, 20, () => stats, {
      roles: ['network', 'security', 'comms'],
      actMs: [2000, 4000],
    });
    try {
      await sleep(10_000);
      const reset = () => (stats = newStats());
      const base = await measure(server, () => stats, reset, Math.max(10, seconds / 3), undefined);
      const busy = await measure(server, () => stats, reset, seconds, files);
      const relayP99 = pct(busy.fanout, 99);
      const healthP99 = pct(busy.health, 99);
      const count = (s: number) => busy.statuses.get(s) ?? 0;
      const started = server.output().match(/verification: .*/)?.[0] ?? '';
      return [
        {
          name: `verify load: baseline, 20 rooms × 4 seats, no submissions (${base.sent} commands): relay p50 / p99`,
          value: `${round(pct(base.fanout, 50))} / ${round(pct(base.fanout, 99))}`,
          unit: 'ms',
        },
        {
          name: `verify load: relay p50 while runs are being verified (${busy.sent} commands)`,
          value: round(pct(busy.fanout, 50)),
          unit: 'ms',
        },
        {
          name: 'verify load: relay p99 while runs are being verified',
          value: round(relayP99),
          unit: 'ms',
          budget: '≤ 50',
          ok: relayP99 <= 50,
        },
        {
          name: 'verify load: /api/health p50 while runs are being verified',
          value: round(pct(busy.health, 50)),
          unit: 'ms',
        },
        {
          name: 'verify load: /api/health p99 while runs are being verified',
          value: round(healthP99),
          unit: 'ms',
          budget: '≤ 100',
          ok: healthP99 <= 100,
        },
        {
          name: `verify load: posts from ${SUBMITTERS.length} addresses in ${seconds} s — verified (201 stored + 422 refused) / 503 queue full / 429 rate-limited`,
          value: `${count(201) + count(422)} / ${count(503)} / ${count(429)}`,
          unit: '',
        },
        {
          name: 'verify load: server CPU with its workers (100 % = one core), baseline / busy',
          value: `${round(base.cpuPct)} / ${round(busy.cpuPct)}`,
          unit: '%',
        },
        {
          name: 'verify load, inside the server: event-loop delay p99 / max while verifying',
          value: `${busy.inside.loopP99} / ${busy.inside.loopMax}`,
          unit: 'ms',
        },
        {
          name: `verify load: machine load average, min–max (${started})`,
          value: `${Math.min(...busy.loads)}–${Math.max(...busy.loads)}`,
          unit: '',
        },
      ];
    } finally {
      pop.close();
    }
  } finally {
    await server.stop();
  }
}

runWhenMain(import.meta.url, verifyBench);
