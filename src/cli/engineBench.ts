// Engine benchmark (wired into `npm run bench` by the lead):
//   fullRunMs      — median wall time of the default no-action run 25 Jan 14:00 → 27 Jan 00:00 KST
//   stepMeanUs     — that time divided by the number of engine steps
//   microsimRatio  — microsim wall time ÷ aggregate wall time on one shared scaled population
//   peakHeapMB     — largest heapUsed sampled while running the default scenario
// Targets: fullRunMs ≤ 300, microsimRatio ≥ 1000.
import { advanceTo, createEngine, isoToSimMs } from '../engine';
import {
  DEFAULT_MICROSIM,
  runAggregate,
  runMicrosim,
  type MicrosimConfig,
} from '../engine/microsim';
import { DEFAULT_UNTIL_ISO, loadLevelEngine } from './simEngine';

const LEVEL = 'levels/backbone-isp.json';

/**
 * Population for the speed ratio: 4,000 hosts in a 2^23 space with the shipped level's biggest site class
 * (8 hosts behind one uplink), the outbreak run to its end. The microsim's cost grows with the address
 * space (every scan is simulated), the aggregate's does not.
 */
export const BENCH_MICROSIM: MicrosimConfig = {
  ...DEFAULT_MICROSIM,
  addressBits: 23,
  hosts: 4000,
  hostsPerSite: 8,
  linkPps: 500,
  hostPps: 250,
  siteFloodLoss: 0.74,
  seedHosts: 40,
  untilS: 600,
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function engineBench(): Promise<Record<string, number | string>> {
  const lv = loadLevelEngine(LEVEL);
  if (!lv.ok) throw new Error(lv.errors.join('\n'));
  const params = lv.value.params;
  const untilMs = isoToSimMs(DEFAULT_UNTIL_ISO)!;
  // Warm up the JIT, then time several full runs.
  for (let i = 0; i < 2; i++) advanceTo(createEngine(params, 1), params, untilMs);
  const times: number[] = [];
  let steps = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const st = advanceTo(createEngine(params, 1 + i), params, untilMs);
    times.push(performance.now() - t0);
    steps = st.steps;
  }
  const fullRunMs = median(times);
  // Heap: sample between hourly chunks (chunking does not change the run).
  globalThis.gc?.();
  let peakHeap = process.memoryUsage().heapUsed;
  let st = createEngine(params, 1);
  for (let t = 3_600_000; t <= untilMs; t += 3_600_000) {
    st = advanceTo(st, params, t);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  // Speed ratio on one shared population: the microsim once, the aggregate as a median of many runs.
  for (let i = 0; i < 3; i++) runAggregate(BENCH_MICROSIM);
  const aggTimes: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    runAggregate(BENCH_MICROSIM);
    aggTimes.push(performance.now() - t0);
  }
  const t0 = performance.now();
  const micro = runMicrosim(BENCH_MICROSIM);
  const microMs = performance.now() - t0;
  const aggMs = median(aggTimes);
  return {
    level: lv.value.id,
    fullRunMs: Math.round(fullRunMs * 10) / 10,
    fullRunSteps: steps,
    stepMeanUs: Math.round(((fullRunMs * 1000) / steps) * 100) / 100,
    microsimPopulation: `${BENCH_MICROSIM.hosts} hosts in 2^${BENCH_MICROSIM.addressBits} addresses, ${BENCH_MICROSIM.untilS} s`,
    microsimMs: Math.round(microMs),
    microsimScans: micro.scans,
    aggregateMs: Math.round(aggMs * 1000) / 1000,
    microsimRatio: Math.round(microMs / aggMs),
    peakHeapMB: Math.round((peakHeap / 1048576) * 10) / 10,
  };
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('engineBench.ts') || invoked.endsWith('engineBench.js')) {
  engineBench().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
