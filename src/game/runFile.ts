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
import { ENGINE_VERSION } from '../engine/index';
import { formatIssues, SCORE_PARTS, type Level } from './levelSchema';
import { GAME_VERSION } from './incident';
import { roleSchema } from './roles';
import { hashGame, levelHash, replayLog, runScore, type Run } from './run';
import { canonicalJson } from './canonicalJson';
import { sha256 } from './sha256';
import type { Score } from './scoring';

export const RUN_FORMAT_VERSION = 1;

const hashSchema = z.string().check(z.regex(/^[0-9a-f]+(-[0-9a-f]+)?$/, 'expected a hex hash'));
const sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits'));
const nonEmpty = z.string().check(z.minLength(1));
const seedSchema = z.number().check(z.int(), z.minimum(0), z.maximum(0xffffffff));
const msSchema = z.number().check(z.int(), z.minimum(0));
const tickSchema = z.number().check(z.int(), z.minimum(-86400), z.maximum(7 * 86400));

export const loggedCommandSchema = z.strictObject({
  tick: tickSchema,
  role: roleSchema,
  type: z.string().check(z.minLength(1), z.maxLength(80)),
  args: z.record(z.string(), z.unknown()),
});

const playerSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(80)),
  roles: z.array(roleSchema).check(z.minLength(1)),
});

const scoreSchema = z.strictObject({
  total: z.number(),
  parts: z.strictObject(
    Object.fromEntries(SCORE_PARTS.map((p) => [p, z.number()])) as Record<
      (typeof SCORE_PARTS)[number],
      z.ZodMiniNumber
    >,
  ),
});

const levelRefSchema = z.strictObject({
  id: nonEmpty,
  sha256: sha256Schema,
});

/** Where a fork came from: its parent run file (by content) and the tick it was taken over at. */
export const parentRefSchema = z.strictObject({
  sha256: sha256Schema,
  tick: tickSchema,
});
export type ParentRef = z.infer<typeof parentRefSchema>;

/**
 * A run that may be a fork. The parent rides on the Run object itself (run.ts copies runs with a
 * spread, so it survives every command and step) rather than in the hashed state: the parent is
 * provenance, not simulation, and a fork's state must hash exactly like its parent's at the fork tick.
 */
export type ForkableRun = Run & { parent?: ParentRef };

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

export const autosaveSchema = z.strictObject({
  formatVersion: z.literal(RUN_FORMAT_VERSION),
  kind: z.literal('autosave'),
  gameVersion: nonEmpty,
  level: levelRefSchema,
  seed: seedSchema,
  players: z.array(playerSchema).check(z.minLength(1)),
  parent: z.optional(parentRefSchema),
  commands: z.array(loggedCommandSchema),
  atMs: msSchema,
  hash: hashSchema,
});
export type Autosave = z.infer<typeof autosaveSchema>;

const scoreOut = (s: Score) => ({ total: s.total, parts: { ...s.parts } });

/** `{ parent }` for a fork, nothing otherwise, so files of ordinary runs stay byte-for-byte as before. */
const parentOut = (run: ForkableRun): { parent?: ParentRef } =>
  run.parent ? { parent: { sha256: run.parent.sha256, tick: run.parent.tick } } : {};

/** The run file of a run as it stands (finished or not). */
export function toRunFile(run: ForkableRun): RunFile {
  return {
    formatVersion: RUN_FORMAT_VERSION,
    gameVersion: GAME_VERSION,
    engineVersion: String(ENGINE_VERSION),
    level: { id: run.level.meta.id, sha256: run.levelHash },
    seed: run.seed,
    players: run.players.map((p) => ({ id: p.id, roles: [...p.roles] })),
    ...parentOut(run),
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
  schema: z.ZodMiniType<T>,
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

/** A run in progress, serialised for autosave (restored by re-simulation, not by trusting state). */
export function toAutosave(run: ForkableRun): Autosave {
  return {
    formatVersion: RUN_FORMAT_VERSION,
    kind: 'autosave',
    gameVersion: GAME_VERSION,
    level: { id: run.level.meta.id, sha256: run.levelHash },
    seed: run.seed,
    players: run.players.map((p) => ({ id: p.id, roles: [...p.roles] })),
    ...parentOut(run),
    commands: run.log.map((c) => ({ ...c })),
    atMs: run.state.engine.tMs,
    hash: hashGame(run.state),
  };
}

/** Restores an autosave to the same engine time by replaying its log; checks the hash it saved. */
export function restoreAutosave(
  json: unknown,
  level: Level,
): { ok: true; run: ForkableRun } | { ok: false; message: string } {
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
  // A resumed fork keeps naming its parent, so its finished run file still does.
  return { ok: true, run: save.parent ? { ...r.run, parent: { ...save.parent } } : r.run };
}
