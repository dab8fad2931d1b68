/**
 * Verification: re-simulate a run file's log from its seed and accept it only if every checkpoint
 * hash, the final hash and the score are identical. The first problem found is reported, in the
 * order a reader would want: file shape, version, level, roles, the commands, checkpoints in time
 * order, final hash, score — each naming where (command #, tick, checkpoint #).
 *
 * A fork's `parent` reference is accepted as it is: the fork's own log, replayed from the seed, is
 * all its score depends on, so it verifies without its parent. Only its tick is checked for sense.
 */
import { replayLog, runScore, hashGame, type Run } from './run';
import { levelHash } from './levelHash';
import { parseRunFile, type RunFile } from './runFile';
import { SCORE_PARTS, type Level } from './levelSchema';
import type { Score } from './scoring';
import { tickToClock } from './simTime';
import { ENGINE_VERSION } from '../engine';
import { observationsProblem } from './evaluationGuide';

export type VerifyFailureCode =
  | 'MALFORMED'
  | 'UNSUPPORTED_VERSION'
  | 'LEVEL_MISMATCH'
  | 'ROLE_NOT_HELD'
  | 'COMMAND_REFUSED'
  | 'OBSERVATION_INVALID'
  | 'CHECKPOINT_MISMATCH'
  | 'FINAL_HASH_MISMATCH'
  | 'SCORE_MISMATCH';

export type VerifyResult =
  | { ok: true; score: Score; run: Run }
  | { ok: false; code: VerifyFailureCode; message: string; details?: string[] };

/** A run file read, or why it is not one at all (schema or version), before any level is needed. */
function readRunFile(
  json: unknown,
): { ok: true; file: RunFile } | { ok: false; result: VerifyResult } {
  const parsed = parseRunFile(json);
  if (parsed.ok) return { ok: true, file: parsed.value };
  const unsupported =
    parsed.errors.length === 1 && parsed.errors[0]!.includes('unsupported version');
  return {
    ok: false,
    result: {
      ok: false,
      code: unsupported ? 'UNSUPPORTED_VERSION' : 'MALFORMED',
      message: parsed.errors[0]!,
      details: parsed.errors,
    },
  };
}

/** Why a file is not a run file at all, or undefined when its shape and version are right. */
export function runFileProblem(json: unknown): VerifyResult | undefined {
  const read = readRunFile(json);
  return read.ok ? undefined : read.result;
}

/**
 * Re-simulates a run file against a level and accepts it only if everything matches. The first
 * problem found is reported, in the order a reader would want: file shape, version, level, the
 * commands, checkpoints in time order, final hash, score.
 */
export function verifyRunFile(json: unknown, level: Level): VerifyResult {
  const read = readRunFile(json);
  if (!read.ok) return read.result;
  const file = read.file;
  if (file.parent && file.parent.tick > file.result.endTick) {
    return {
      ok: false,
      code: 'MALFORMED',
      message: `parent.tick: the fork was taken at tick ${file.parent.tick}, after the run's end tick ${file.result.endTick}`,
    };
  }
  if (file.level.id !== level.meta.id) {
    return {
      ok: false,
      code: 'LEVEL_MISMATCH',
      message: `level id "${file.level.id}" does not match the level "${level.meta.id}"`,
    };
  }
  const major = (v: string) => v.split('.')[0];
  if (major(file.engineVersion) !== major(ENGINE_VERSION)) {
    // A new major engine changes what the same commands do (2.0: DNS recovers only through a
    // restart the load allows, the score measures effects), so the log cannot replay to its score.
    return {
      ok: false,
      code: 'UNSUPPORTED_VERSION',
      message: `engineVersion: the run was played on engine ${file.engineVersion}; this game runs engine ${ENGINE_VERSION}, whose network and score differ (docs/SCORING.md), so it cannot be replayed here`,
    };
  }
  const hash = levelHash(level);
  if (file.level.sha256 !== hash) {
    return {
      ok: false,
      code: 'LEVEL_MISMATCH',
      message: `level hash mismatch: run file has ${file.level.sha256}, level file has ${hash}`,
    };
  }
  const held = new Set(file.players.flatMap((p) => p.roles));
  for (let i = 0; i < file.commands.length; i++) {
    const c = file.commands[i]!;
    if (!held.has('solo') && !held.has(c.role)) {
      return {
        ok: false,
        code: 'ROLE_NOT_HELD',
        message: `command #${i} (${c.type}) at tick ${c.tick}: no player holds the role "${c.role}"`,
      };
    }
  }
  // Observations change nothing in the game, but they are part of the file: each must name a
  // known task and sit within the run, after the decision it is about.
  const observed = observationsProblem(file.observations ?? [], file.commands, file.result.endTick);
  if (observed) return { ok: false, code: 'OBSERVATION_INVALID', message: observed };
  const replay = replayLog(level, file.seed, file.commands, file.result.endMs, file.players);
  if (!replay.ok) {
    const c = file.commands[replay.index]!;
    return {
      ok: false,
      code: 'COMMAND_REFUSED',
      message: `command #${replay.index} (${c.type}) refused at tick ${replay.tick} (${tickToClock(replay.tick)}): ${replay.rejection.code} ${JSON.stringify(replay.rejection.params)}`,
    };
  }
  const run = replay.run;
  const mine = run.checkpoints;
  const theirs = file.result.checkpoints;
  for (let i = 0; i < Math.max(mine.length, theirs.length); i++) {
    const a = theirs[i];
    const b = mine[i];
    if (!a || !b || a.tick !== b.tick || a.hash !== b.hash) {
      const tick = (a ?? b)!.tick;
      return {
        ok: false,
        code: 'CHECKPOINT_MISMATCH',
        message: `hash mismatch at checkpoint ${i} (tick ${tick}, ${tickToClock(tick)}): file has ${a ? a.hash : 'none'}, re-simulation gives ${b ? b.hash : 'none'}`,
      };
    }
  }
  const finalHash = hashGame(run.state);
  if (
    finalHash !== file.result.finalHash ||
    run.state.tick !== file.result.endTick ||
    run.state.ended !== file.result.ended
  ) {
    return {
      ok: false,
      code: 'FINAL_HASH_MISMATCH',
      message: `final state differs at tick ${run.state.tick}: file has ${file.result.finalHash}, re-simulation gives ${finalHash}`,
    };
  }
  const score = runScore(run);
  const diffs: string[] = [];
  if (score.total !== file.result.score.total)
    diffs.push(`total: file ${file.result.score.total}, re-simulation ${score.total}`);
  for (const p of SCORE_PARTS) {
    if (score.parts[p] !== file.result.score.parts[p])
      diffs.push(`${p}: file ${file.result.score.parts[p]}, re-simulation ${score.parts[p]}`);
  }
  if (diffs.length > 0)
    return {
      ok: false,
      code: 'SCORE_MISMATCH',
      message: `score differs — ${diffs[0]}`,
      details: diffs,
    };
  return { ok: true, score, run };
}
