// Shared helpers for the engine tests: the shipped level, a coarse-schedule variant for property tests,
// and a small runner that applies timed actions.
import { readFileSync } from 'node:fs';
import {
  advanceTo,
  applyAction,
  createEngine,
  engineParamsSchema,
  type EngineAction,
  type EngineParams,
  type EngineState,
} from '../../../src/engine';

export const LEVEL_FILE = 'levels/backbone-isp.json';

let cached: EngineParams | undefined;

export function levelParams(): EngineParams {
  if (!cached) {
    const raw = JSON.parse(readFileSync(LEVEL_FILE, 'utf8')) as { engine: unknown };
    cached = engineParamsSchema.parse(raw.engine);
  }
  return cached;
}

/** Same level with a coarser step schedule, so thousands of property runs fit in seconds. */
export function coarseParams(): EngineParams {
  const p = levelParams();
  return {
    ...p,
    schedule: {
      fineStepMs: 1000,
      mediumStepMs: 5000,
      coarseStepMs: 60_000,
      fineForS: 300,
      mediumUntilS: 900,
    },
  };
}

export const min = (m: number): number => m * 60_000;
/** Sim ms for a KST wall-clock time on 25 Jan (hh:mm). */
export const kst = (hh: number, mm: number, ss = 0): number =>
  (hh - 14) * 3_600_000 + mm * 60_000 + ss * 1000;

export interface Timed {
  atMs: number;
  action: EngineAction;
}

export function run(
  params: EngineParams,
  untilMs: number,
  actions: Timed[] = [],
  seed = 1,
  start?: EngineState,
): EngineState {
  let st = start ?? createEngine(params, seed);
  const sorted = [...actions].sort((a, b) => a.atMs - b.atMs);
  for (const a of sorted) {
    if (a.atMs > untilMs) break;
    st = advanceTo(st, params, a.atMs);
    const r = applyAction(st, params, a.action);
    if (!r.ok) throw new Error(`action rejected: ${r.message}`);
    st = r.state;
  }
  return advanceTo(st, params, untilMs);
}
