// Exercise figures for `npm run bench` (BENCH_PARTS=exercise), loopback only and bounded in time:
// one exercise of BENCH_EXERCISE_TEAMS teams (default 20) × 6 seats (facilitator + 5 roles) on the
// real server (a child process), every player acting every 10–30 s as in the team bench.
//
//  A. BENCH_EXERCISE_S seconds (default 60) of play without the console: command relay p99 and
//     the server's CPU.
//  B. The same length with the controller console polling GET /api/exercises/<code> every 2 s (as
//     the browser console does): relay p99, server CPU, and the console's share = B − A.
//  C. The console's cost measured directly: 10 s of back-to-back GETs on the loaded server; the
//     server's CPU above its rate in A, per request, times the console's 0.5 requests per second.
import type { CreateExerciseResponse } from '../net/exerciseProtocol';
import {
  cpuOf,
  loadAverage,
  newStats,
  pct,
  populate,
  round,
  sleep,
  startServer,
  type ServerProcess,
  type Stats,
} from './teamBench';
import { envNum, type Figure } from './benchKit';

/** The browser console's polling period. */
const POLL_MS = 2000;

async function measure(
  server: ServerProcess,
  seconds: number,
  stats: () => Stats,
  reset: () => void,
  during?: () => Promise<void>,
): Promise<{ p99: number; p50: number; cpuPct: number; sent: number }> {
  reset();
  const pid = server.child.pid!;
  const cpu0 = cpuOf(pid);
  const t0 = performance.now();
  const end = Date.now() + seconds * 1000;
  let polling = true;
  const poller = (async () => {
    if (!during) return;
    while (polling) {
      await during();
      await sleep(POLL_MS);
    }
  })();
  while (Date.now() < end) await sleep(500);
  polling = false;
  await poller;
  const wallS = (performance.now() - t0) / 1000;
  const s = stats();
  return {
    p99: pct(s.fanout, 99),
    p50: pct(s.fanout, 50),
    cpuPct: ((cpuOf(pid) - cpu0) / wallS) * 100,
    sent: s.sent,
  };
}

export async function exerciseBench(): Promise<Figure[]> {
  const teams = envNum('BENCH_EXERCISE_TEAMS', 20);
  const seconds = envNum('BENCH_EXERCISE_S', 60);
  const server = await startServer();
  try {
    const res = await fetch(`${server.base}/api/exercises`, {
      method: 'POST',
      body: JSON.stringify({
        level: 'backbone-isp',
        seed: 7,
        teams,
        roles: ['commander', 'network', 'security', 'systems', 'comms'],
        name: 'bench',
      }),
    });
    if (res.status !== 201)
      throw new Error(`POST /api/exercises: ${res.status} ${await res.text()}`);
    const ex = (await res.json()) as CreateExerciseResponse;
    let stats = newStats();
    const pop = await populate(server, teams, () => stats, { made: ex.rooms });
    const auth = { authorization: `Bearer ${ex.controllerToken}` };
    const getMs: number[] = [];
    let bytes = 0;
    const poll = async () => {
      const t0 = performance.now();
      const r = await fetch(`${server.base}/api/exercises/${ex.code}`, { headers: auth });
      bytes = (await r.text()).length;
      getMs.push(performance.now() - t0);
    };
    await sleep(20_000); // every player's first command has gone out
    const load0 = loadAverage();
    const reset = () => (stats = newStats());
    const a = await measure(server, seconds, () => stats, reset);
    const b = await measure(server, seconds, () => stats, reset, poll);
    // C: back-to-back GETs for 10 s on the same load.
    const pid = server.child.pid!;
    const cpu0 = cpuOf(pid);
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 10_000) {
      await poll();
      n++;
    }
    const wallS = (performance.now() - t0) / 1000;
    const extraCpuS = cpuOf(pid) - cpu0 - (a.cpuPct / 100) * wallS;
    const msPerGet = Math.max(0, (extraCpuS * 1000) / n);
    const consolePct = (msPerGet / POLL_MS) * 100;
    const load1 = loadAverage();
    pop.close();
    const label = `exercise: ${teams} teams × 6 seats`;
    return [
      {
        name: `${label}, ${seconds} s without the console: relay send → other clients p50 / p99 (${a.sent} commands)`,
        value: `${round(a.p50)} / ${round(a.p99)}`,
        unit: 'ms',
      },
      {
        name: `${label}, ${seconds} s with the console polling every 2 s: relay p99`,
        value: round(b.p99),
        unit: 'ms',
        budget: '≤ 50',
        ok: b.p99 <= 50,
      },
      {
        name: `${label}: server CPU without / with the console (100 % = one core)`,
        value: `${round(a.cpuPct)} / ${round(b.cpuPct)}`,
        unit: '%',
      },
      {
        name: `${label}: console GET /api/exercises/<code> (${Math.round(bytes / 1024)} kB) server CPU per request, measured over ${n} back-to-back requests`,
        value: round(msPerGet, 2),
        unit: 'ms',
      },
      {
        name: `${label}: the console's polling (one GET per 2 s) as a share of one core`,
        value: round(consolePct, 2),
        unit: '%',
        budget: '≤ 5',
        ok: consolePct <= 5,
      },
      {
        // A relay tail far above the server's own CPU share is the machine's, not the server's.
        name: `${label}: machine load average at the start / end of the measurement (cores: see nproc)`,
        value: `${load0} / ${load1}`,
        unit: '',
      },
      {
        name: `${label}: console GET latency p50 / p99 under load`,
        value: `${round(pct(getMs, 50))} / ${round(pct(getMs, 99))}`,
        unit: 'ms',
      },
    ];
  } finally {
    await server.stop();
  }
}
