/**
 * Run files (docs/RUN-FORMAT.md): everything needed to reproduce and check a run — game version,
 * level id and SHA-256, seed, players, the ordered command log — and what it produced: the final
 * score with its parts, the final state hash and hourly checkpoint hashes. `verifyRunFile`
 * re-simulates the log and accepts only identical checkpoints, final hash and score, and says
 * exactly what differs otherwise. Autosaves are the same minus the result.
 */
import { z } from 'zod';
import { ENGINE_VERSION } from '../engine/index';
import { formatIssues, SCORE_PARTS, type Level } from './levelSchema';
import { GAME_VERSION } from './incident';
import { renderRejection } from './rejectionText';
import { roleSchema } from './roles';
import { hashGame, levelHash, replayLog, runScore, type Run } from './run';
import type { Score } from './scoring';
import { tickToClock } from './simTime';

export const RUN_FORMAT_VERSION = 1;

const hashSchema = z.string().regex(/^[0-9a-f]+(-[0-9a-f]+)?$/, 'expected a hex hash');
const tickSchema = z
  .number()
  .int()
  .min(-86400)
  .max(7 * 86400);

export const loggedCommandSchema = z
  .object({
    tick: tickSchema,
    role: roleSchema,
    type: z.string().min(1).max(80),
    args: z.record(z.string(), z.unknown()),
  })
  .strict();

const playerSchema = z
  .object({ id: z.string().min(1).max(80), roles: z.array(roleSchema).min(1) })
  .strict();

const scoreSchema = z
  .object({
    total: z.number(),
    parts: z
      .object(
        Object.fromEntries(SCORE_PARTS.map((p) => [p, z.number()])) as Record<
          (typeof SCORE_PARTS)[number],
          z.ZodNumber
        >,
      )
      .strict(),
  })
  .strict();

const levelRefSchema = z
  .object({
    id: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits'),
  })
  .strict();

export const runFileSchema = z
  .object({
    formatVersion: z.literal(RUN_FORMAT_VERSION),
    gameVersion: z.string().min(1),
    engineVersion: z.string().min(1),
    level: levelRefSchema,
    seed: z.number().int().min(0).max(0xffffffff),
    players: z.array(playerSchema).min(1),
    commands: z.array(loggedCommandSchema),
    result: z
      .object({
        /** Engine time (ms since 14:00 KST) at which the run was saved or ended. */
        endMs: z.number().int().min(0),
        endTick: tickSchema,
        ended: z.boolean(),
        score: scoreSchema,
        finalHash: hashSchema,
        checkpoints: z.array(z.object({ tick: tickSchema, hash: hashSchema }).strict()),
      })
      .strict(),
  })
  .strict();
export type RunFile = z.infer<typeof runFileSchema>;

export const autosaveSchema = z
  .object({
    formatVersion: z.literal(RUN_FORMAT_VERSION),
    kind: z.literal('autosave'),
    gameVersion: z.string().min(1),
    level: levelRefSchema,
    seed: z.number().int().min(0).max(0xffffffff),
    players: z.array(playerSchema).min(1),
    commands: z.array(loggedCommandSchema),
    atMs: z.number().int().min(0),
    hash: hashSchema,
  })
  .strict();
export type Autosave = z.infer<typeof autosaveSchema>;

const scoreOut = (s: Score) => ({ total: s.total, parts: { ...s.parts } });

/** The run file of a run as it stands (finished or not). */
export function toRunFile(run: Run): RunFile {
  return {
    formatVersion: RUN_FORMAT_VERSION,
    gameVersion: GAME_VERSION,
    engineVersion: String(ENGINE_VERSION),
    level: { id: run.level.meta.id, sha256: run.levelHash },
    seed: run.seed,
    players: run.players.map((p) => ({ id: p.id, roles: [...p.roles] })),
    commands: run.log.map((c) => ({ tick: c.tick, role: c.role, type: c.type, args: c.args })),
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

/** Parses unknown JSON as a file of the given schema, version first ("unsupported version N, expected M"). */
function parseVersioned<T>(
  json: unknown,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; errors: string[] } {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, errors: ['(root): expected a JSON object'] };
  const v = (json as { formatVersion?: unknown }).formatVersion;
  if (v !== RUN_FORMAT_VERSION) {
    return {
      ok: false,
      errors: [`formatVersion: unsupported version ${String(v)}, expected ${RUN_FORMAT_VERSION}`],
    };
  }
  const r = schema.safeParse(json);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: formatIssues(r.error) };
}

export const parseRunFile = (json: unknown) => parseVersioned(json, runFileSchema);
export const parseAutosave = (json: unknown) => parseVersioned(json, autosaveSchema);

export type VerifyFailureCode =
  | 'MALFORMED'
  | 'UNSUPPORTED_VERSION'
  | 'LEVEL_MISMATCH'
  | 'ROLE_NOT_HELD'
  | 'COMMAND_REFUSED'
  | 'CHECKPOINT_MISMATCH'
  | 'FINAL_HASH_MISMATCH'
  | 'SCORE_MISMATCH';

export type VerifyResult =
  | { ok: true; score: Score; run: Run }
  | { ok: false; code: VerifyFailureCode; message: string; details?: string[] };

/**
 * Re-simulates a run file against a level and accepts it only if everything matches. The first
 * problem found is reported, in the order a reader would want: file shape, version, level, the
 * commands, checkpoints in time order, final hash, score.
 */
export function verifyRunFile(json: unknown, level: Level): VerifyResult {
  const parsed = parseRunFile(json);
  if (!parsed.ok) {
    const unsupported =
      parsed.errors.length === 1 && parsed.errors[0]!.includes('unsupported version');
    return {
      ok: false,
      code: unsupported ? 'UNSUPPORTED_VERSION' : 'MALFORMED',
      message: parsed.errors[0]!,
      details: parsed.errors,
    };
  }
  const file = parsed.value;
  if (file.level.id !== level.meta.id) {
    return {
      ok: false,
      code: 'LEVEL_MISMATCH',
      message: `level id "${file.level.id}" does not match the level "${level.meta.id}"`,
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
  const replay = replayLog(level, file.seed, file.commands, file.result.endMs, file.players);
  if (!replay.ok) {
    const c = file.commands[replay.index]!;
    return {
      ok: false,
      code: 'COMMAND_REFUSED',
      message: `command #${replay.index} (${c.type}) refused at tick ${replay.tick} (${tickToClock(replay.tick)}): ${replay.rejection.code} — ${renderRejection(replay.rejection, 'en')}`,
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

/** A run in progress, serialised for autosave (restored by re-simulation, not by trusting state). */
export function toAutosave(run: Run): Autosave {
  return {
    formatVersion: RUN_FORMAT_VERSION,
    kind: 'autosave',
    gameVersion: GAME_VERSION,
    level: { id: run.level.meta.id, sha256: run.levelHash },
    seed: run.seed,
    players: run.players.map((p) => ({ id: p.id, roles: [...p.roles] })),
    commands: run.log.map((c) => ({ ...c })),
    atMs: run.state.engine.tMs,
    hash: hashGame(run.state),
  };
}

/** Restores an autosave to the same engine time by replaying its log; checks the hash it saved. */
export function restoreAutosave(
  json: unknown,
  level: Level,
): { ok: true; run: Run } | { ok: false; message: string } {
  const parsed = parseAutosave(json);
  if (!parsed.ok) return { ok: false, message: parsed.errors.join('\n') };
  const save = parsed.value;
  if (save.level.id !== level.meta.id || save.level.sha256 !== levelHash(level)) {
    return {
      ok: false,
      message: `autosave is for level ${save.level.id} (${save.level.sha256.slice(0, 12)}…), not this one`,
    };
  }
  const r = replayLog(level, save.seed, save.commands, save.atMs, save.players);
  if (!r.ok)
    return {
      ok: false,
      message: `command #${r.index} refused at tick ${r.tick}: ${r.rejection.code}`,
    };
  const hash = hashGame(r.run.state);
  if (hash !== save.hash)
    return {
      ok: false,
      message: `restored state hash ${hash} differs from the saved ${save.hash}`,
    };
  return { ok: true, run: r.run };
}
