// The fields a run file (runFile.ts) and an autosave (autosave.ts) share, and the version check
// both parsers start with. Apart so that the title screen's autosave check does not carry the run
// file's schema and writer, which only the end of a run, the debrief and the run library need.
import { z } from '../engine/zod';
import { formatIssues } from './levelSchema';
import { roleSchema } from './roles';
import type { Run } from './run';

export const RUN_FORMAT_VERSION = 1;

export const hashSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]+(-[0-9a-f]+)?$/, 'expected a hex hash'));
export const sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits'));
export const nonEmpty = z.string().check(z.minLength(1));
export const seedSchema = z.number().check(z.int(), z.minimum(0), z.maximum(0xffffffff));
export const msSchema = z.number().check(z.int(), z.minimum(0));
export const tickSchema = z.number().check(z.int(), z.minimum(-86400), z.maximum(7 * 86400));

export const loggedCommandSchema = z.strictObject({
  tick: tickSchema,
  role: roleSchema,
  type: z.string().check(z.minLength(1), z.maxLength(80)),
  args: z.record(z.string(), z.unknown()),
  /**
   * Only on a command a bot sent in a team session (docs/TEAMS.md "Bots"): which bot. Provenance,
   * not simulation: a bot's command is checked and applied like anyone's, and files without the
   * field (all older ones) verify as before.
   */
  bot: z.optional(z.enum(['historical', 'sensible'])),
});

export const playerSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(80)),
  roles: z.array(roleSchema).check(z.minLength(1)),
});

export const levelRefSchema = z.strictObject({
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

/** `{ parent }` for a fork, nothing otherwise, so files of ordinary runs stay byte-for-byte as before. */
export const parentOut = (run: ForkableRun): { parent?: ParentRef } =>
  run.parent ? { parent: { sha256: run.parent.sha256, tick: run.parent.tick } } : {};

/** Parses unknown JSON as a file of the given schema, version first ("unsupported version N, expected M"). */
export function parseVersioned<T>(
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
