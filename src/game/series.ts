/**
 * Time series for the after-action review: a run's log replayed with samples every `sampleS` sim
 * seconds — the truth the players could not see, beside the score as it built up. Computed from the
 * log, like everything else, so the AAR of a verified run file is trustworthy.
 */
import { metrics } from '../engine';
import type { Level } from './levelSchema';
import type { GameState } from './gameState';
import { currentScore } from './incident';
import { advanceToTick, applyCommand, createRun, type LoggedCommand } from './run';

export interface RunSeries {
  /** Sample ticks. */
  tick: number[];
  subscribersOnlinePct: number[];
  dnsSuccessPct: number[];
  ownInfected: number[];
  globalInfected: number[];
  intlLinkUtilPct: number[];
  scoreTotal: number[];
}

/**
 * Replays `log` exactly as verification does and samples at the first game point at or after every
 * `sampleS` sim seconds (game points fall every sim minute), so sampling never perturbs the run.
 */
export function runSeries(
  level: Level,
  seed: number,
  log: readonly LoggedCommand[],
  sampleS = 300,
  untilTick?: number,
): RunSeries {
  const out: RunSeries = {
    tick: [],
    subscribersOnlinePct: [],
    dnsSuccessPct: [],
    ownInfected: [],
    globalInfected: [],
    intlLinkUtilPct: [],
    scoreTotal: [],
  };
  let next = 0;
  const sample = (state: GameState) => {
    const m = metrics(state.engine);
    out.tick.push(state.tick);
    out.subscribersOnlinePct.push(m.subscribersOnlinePct);
    out.dnsSuccessPct.push(m.dnsSuccessPct);
    out.ownInfected.push(m.ownInfected);
    out.globalInfected.push(m.globalInfected);
    out.intlLinkUtilPct.push(m.intlLinkUtilPct);
    out.scoreTotal.push(currentScore(state, level).total);
  };
  let run = createRun(level, seed);
  sample(run.state);
  next = run.state.tick + sampleS;
  run.observer = (state) => {
    if (state.tick >= next || state.ended) {
      sample(state);
      next = Math.max(next + sampleS, state.tick + 1);
    }
  };
  for (const c of log) {
    if (untilTick !== undefined && c.tick > untilTick) break;
    run = applyCommand(run, { role: c.role, type: c.type, args: c.args }, c.tick).run;
  }
  run = advanceToTick(run, Math.min(untilTick ?? run.state.endTick, run.state.endTick));
  if (out.tick.at(-1) !== run.state.tick) sample(run.state);
  return out;
}
