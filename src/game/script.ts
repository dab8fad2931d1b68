/**
 * Scripted play: a list of commands with ISO times (a level's historical response, a CLI
 * --commands file, a test) applied to a run. A scripted time that falls between engine steps is
 * applied at the first boundary at or after it; two scripted commands landing on the same boundary
 * keep their order. The resulting log is an ordinary run log, verifiable like any other.
 */
import type { Rejection } from './rejectionText';
import type { Role } from './roles';
import { applyCommand, createRun, finishRun, advanceToTick, type Run } from './run';
import type { Level } from './levelSchema';
import { isoToTick } from './simTime';

export interface ScriptedCommand {
  at: string;
  role: Role;
  type: string;
  args?: Record<string, unknown>;
}

export interface ScriptResult {
  run: Run;
  /** Scripted commands the game refused, with why (the run goes on without them). */
  refused: { index: number; at: string; type: string; rejection: Rejection }[];
}

/**
 * Orders again, a minute after it failed, every ordered task that failed by `upTo` — what the real
 * organisation did when a router refused a change. Staff procedures retry on their own. The retries
 * are ordinary commands in the log.
 */
function retryFailed(run: Run, upTo: number, retried: Set<number>): Run {
  let r = run;
  for (;;) {
    const failed = r.state.tasks.find(
      (t) =>
        t.status === 'failed' &&
        t.by === undefined &&
        !retried.has(t.id) &&
        t.dueTick + RETRY_AFTER_S <= upTo,
    );
    if (!failed) return r;
    retried.add(failed.id);
    const tick = Math.max(failed.dueTick + RETRY_AFTER_S, Math.ceil(r.state.engine.tMs / 1000));
    r = applyCommand(
      r,
      { role: failed.role, type: failed.command.type, args: failed.command.args },
      tick,
    ).run;
  }
}

const RETRY_AFTER_S = 60;

/** Applies scripted commands in order to `run`; unparseable times are refused as MALFORMED. */
export function playScript(
  start: Run,
  script: readonly ScriptedCommand[],
  opts: { retryFailed?: boolean } = {},
): ScriptResult {
  let run = start;
  const refused: ScriptResult['refused'] = [];
  const retried = new Set<number>();
  script.forEach((c, index) => {
    const at = isoToTick(c.at);
    if (at === undefined) {
      refused.push({
        index,
        at: c.at,
        type: c.type,
        rejection: {
          code: 'MALFORMED',
          params: { command: c.type, detail: `at: not an ISO time "${c.at}"` },
        },
      });
      return;
    }
    if (opts.retryFailed) run = retryFailed(advanceToTick(run, at), at, retried);
    const tick = Math.max(at, Math.ceil(run.state.engine.tMs / 1000));
    const r = applyCommand(run, { role: c.role, type: c.type, args: c.args ?? {} }, tick);
    run = r.run;
    if (!r.outcome.ok)
      refused.push({ index, at: c.at, type: c.type, rejection: r.outcome.rejection });
  });
  if (opts.retryFailed) {
    // Tasks still running after the last order: wait for each to land, retry what failed.
    for (;;) {
      const due = run.state.tasks
        .filter((t) => t.status === 'running' && t.by === undefined)
        .reduce((m, t) => Math.max(m, t.dueTick), -1);
      if (due < 0 || run.state.ended) break;
      const upTo = Math.min(due + RETRY_AFTER_S, run.state.endTick);
      run = retryFailed(advanceToTick(run, upTo), upTo, retried);
      if (upTo >= run.state.endTick) break;
    }
  }
  return { run, refused };
}

/** Plays a script from the start and on to `untilTick` (default: the level's end). */
export function runScripted(
  level: Level,
  seed: number,
  script: readonly ScriptedCommand[],
  untilTick?: number,
  opts: { retryFailed?: boolean } = {},
): ScriptResult {
  const r = playScript(createRun(level, seed), script, opts);
  return {
    ...r,
    run: untilTick === undefined ? finishRun(r.run) : advanceToTick(r.run, untilTick),
  };
}

/** The ghost: the level's historical response, played and scored like any player's run. */
export function ghostRun(level: Level, seed: number): ScriptResult {
  return runScripted(level, seed, level.history.response as ScriptedCommand[], undefined, {
    retryFailed: true,
  });
}
