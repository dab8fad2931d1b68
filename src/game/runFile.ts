/**
 * Run files (docs/RUN-FORMAT.md): everything needed to reproduce and check a run — game version,
 * level id and SHA-256, seed, players, the ordered command log — and what it produced: the final
 * score with its parts, the final state hash and hourly checkpoint hashes (verify.ts checks them by
 * re-simulation). Autosaves are the same minus the result, restored by replaying the log.
 *
 * A what-if fork (replay.ts `forkAt`) also records `parent`: the SHA-256 of its parent run file's
 * canonical JSON and the tick it was taken over at. It is optional so every older file still parses;
 * verification re-simulates the fork's own log and does not need the parent.
 */
import { z } from '../engine/zod';
import { ENGINE_VERSION } from '../engine';
import { SCORE_PARTS } from './levelSchema';
import { GAME_VERSION } from './incident';
import { hashGame, runScore } from './run';
import { levelHash } from './levelHash';
import { canonicalJson } from '../engine/hash';
import { sha256 } from './sha256';
import type { Score } from './scoring';
import { OBSERVATIONS_MAX, observationRecordSchema } from './evaluationGuide';
import {
  RUN_FORMAT_VERSION,
  hashSchema,
  levelRefSchema,
  loggedCommandSchema,
  msSchema,
  nonEmpty,
  parentOut,
  parentRefSchema,
  parseVersioned,
  playerSchema,
  seedSchema,
  tickSchema,
  type ForkableRun,
} from './runFileFields';

export {
  RUN_FORMAT_VERSION,
  loggedCommandSchema,
  parentRefSchema,
  type ParentRef,
  type ForkableRun,
} from './runFileFields';
export {
  autosaveSchema,
  parseAutosave,
  toAutosave,
  restoreAutosave,
  type Autosave,
} from './autosave';

const scoreSchema = z.strictObject({
  total: z.number(),
  parts: z.strictObject(
    Object.fromEntries(SCORE_PARTS.map((p) => [p, z.number()])) as Record<
      (typeof SCORE_PARTS)[number],
      z.ZodMiniNumber
    >,
  ),
});

/** SHA-256 of a run file's canonical JSON: the identity a fork's `parent.sha256` refers to. */
export const runFileSha256 = (file: RunFile): string => sha256(canonicalJson(file));

export const runFileSchema = z.strictObject({
  formatVersion: z.literal(RUN_FORMAT_VERSION),
  gameVersion: nonEmpty,
  engineVersion: nonEmpty,
  level: levelRefSchema,
  seed: seedSchema,
  players: z.array(playerSchema).check(z.minLength(1)),
  /** Only in forks (optional in version 1): see ParentRef. */
  parent: z.optional(parentRefSchema),
  commands: z.array(loggedCommandSchema),
  /**
   * Only in a team session with evaluators (optional in version 1): their observations, in the
   * order recorded. Never applied to the game; verification checks them against the log.
   */
  observations: z.optional(
    z
      .array(observationRecordSchema)
      .check(z.maxLength(OBSERVATIONS_MAX, `must have at most ${OBSERVATIONS_MAX} observations`)),
  ),
  result: z.strictObject({
    /** Engine time (ms since 14:00 KST) at which the run was saved or ended. */
    endMs: msSchema,
    endTick: tickSchema,
    ended: z.boolean(),
    score: scoreSchema,
    finalHash: hashSchema,
    checkpoints: z.array(z.strictObject({ tick: tickSchema, hash: hashSchema })),
  }),
});
export type RunFile = z.infer<typeof runFileSchema>;

const scoreOut = (s: Score) => ({ total: s.total, parts: { ...s.parts } });

/** The run file of a run as it stands (finished or not). */
export function toRunFile(run: ForkableRun): RunFile {
  return {
    formatVersion: RUN_FORMAT_VERSION,
    gameVersion: GAME_VERSION,
    engineVersion: String(ENGINE_VERSION),
    level: { id: run.level.meta.id, sha256: levelHash(run.level) },
    seed: run.seed,
    players: run.players.map((p) => ({ id: p.id, roles: [...p.roles] })),
    ...parentOut(run),
    commands: run.log.map((c) => ({
      tick: c.tick,
      role: c.role,
      type: c.type,
      args: c.args,
      ...(c.bot ? { bot: c.bot } : {}),
    })),
    result: {
      endMs: run.state.engine.tMs,
      endTick: run.state.tick,
      ended: run.state.ended,
      score: scoreOut(runScore(run)),
      finalHash: hashGame(run.state),
      checkpoints: run.checkpoints.map((c) => ({ ...c })),
    },
  };
}

export const parseRunFile = (json: unknown) => parseVersioned(json, runFileSchema);
