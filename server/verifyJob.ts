// The CPU-heavy work of the server, as plain functions of plain data: verifying a posted run
// file, and producing the verified run file of an ended team session. server/verifyWorker.ts runs
// them in worker threads (server/verifyPool.ts); tests and tools may call them directly. Inputs
// and outputs are structured-cloneable (no functions, no class instances), so they cross threads.
import {
  ghostRun,
  runScore,
  finishRun,
  hashGame,
  replayLog,
  toRunFile,
  verifyRunFile,
  type Level,
  type LoggedCommand,
  type ObservationRecord,
  type Player,
  type Run,
  type RunFile,
  type Score,
} from '../src/game';

export type VerifyOutcome = (
  { ok: true; score: Score; endMs: number } | { ok: false; code: string; message: string }
) & { verifyMs: number };

/** Re-simulates `file` against `level` (verify.ts); `endMs` is where the replay ended. */
export function verifyJob(file: RunFile, level: Level): VerifyOutcome {
  const t0 = performance.now();
  const v = verifyRunFile(file, level);
  const verifyMs = performance.now() - t0;
  return v.ok
    ? { ok: true, score: v.score, endMs: v.run.state.engine.tMs, verifyMs }
    : { ok: false, code: v.code, message: v.message, verifyMs };
}

export const verifyInThread = (file: RunFile, level: Level): Promise<VerifyOutcome> =>
  Promise.resolve(verifyJob(file, level));

export interface SessionEndInput {
  level: Level;
  seed: number;
  log: readonly LoggedCommand[];
  players: Player[];
  /** The evaluators' observations, in the order recorded (absent or empty: none). */
  observations?: ObservationRecord[];
}

export type SessionEndOutcome =
  | { ok: true; file: RunFile; score: Score; finalHash: string; endMs: number }
  | { ok: false; code: string; message: string; finalHash: string; endMs: number };

/**
 * A session's log played from its seed to the level's end (what the rest of the day costs
 * counts, as in solo play), turned into a run file and verified like any posted one.
 */
export function sessionEndJob(input: SessionEndInput): SessionEndOutcome {
  const replay = replayLog(input.level, input.seed, input.log, undefined, input.players);
  const finished = finishRun(replay.run);
  const finalHash = hashGame(finished.state);
  const endMs = finished.state.engine.tMs;
  if (!replay.ok)
    return {
      ok: false,
      code: 'COMMAND_REFUSED',
      message: `command #${replay.index} refused at tick ${replay.tick}: ${replay.rejection.code}`,
      finalHash,
      endMs,
    };
  const observations = input.observations ?? [];
  // Beside the log, never in it: the file's hashes are those of the game without them.
  const file: RunFile = {
    ...toRunFile(finished),
    ...(observations.length > 0 ? { observations } : {}),
  };
  const v = verifyRunFile(file, input.level);
  return v.ok
    ? { ok: true, file, score: v.score, finalHash, endMs }
    : { ok: false, code: v.code, message: v.message, finalHash, endMs };
}

export interface ReplayInput {
  level: Level;
  seed: number;
  log: readonly LoggedCommand[];
  untilMs: number;
}

/**
 * Restart recovery's re-simulation: the room's log replayed to its stored engine time. The run
 * comes back without its level (the caller has it; sending it back would only cost a copy).
 */
export type ReplayOutcome =
  { ok: true; run: Omit<Run, 'level'> } | { ok: false; index: number; code: string };

export function replayJob(input: ReplayInput): ReplayOutcome {
  const r = replayLog(input.level, input.seed, input.log, input.untilMs);
  if (!r.ok) return { ok: false, index: r.index, code: r.rejection.code };
  const { level: _level, observer: _observer, ...run } = r.run;
  return { ok: true, run };
}

export interface GhostInput {
  level: Level;
  seed: number;
}

/** The historical response's score and key times on a seed (an exercise's comparison board). */
export interface GhostOutcome {
  score: Score;
  /** Tick at which each knowledge flag was reached. */
  keyTimes: Record<string, number>;
}

/** Plays the level's historical response on `seed` to the end (ghostRun: about 2 s of CPU). */
export function ghostJob(input: GhostInput): GhostOutcome {
  const g = ghostRun(input.level, input.seed);
  return { score: runScore(g.run), keyTimes: { ...g.run.state.flags } as Record<string, number> };
}
