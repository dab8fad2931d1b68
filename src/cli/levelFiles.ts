// The files the game CLIs read (`npm run sim`, `verify`, `aar`): a level, validated and named after
// its id, and a commands script; and the part of a script a run cut at --until plays.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from '../engine/zod';
import { isoToTick, parseLevel, type Level, type ScriptedCommand } from '../game';
import { roleSchema } from '../game/roles';
import { formatZodIssues } from '../engine';

export type Loaded<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function readJson(file: string): Loaded<unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, errors: [`cannot read ${file}: ${(e as Error).message}`] };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, errors: [`${file}: not valid JSON: ${(e as Error).message}`] };
  }
}

/** Reads and validates a level file; its meta.id must be the file name without .json. */
export function loadLevelFile(file: string): Loaded<Level> {
  const json = readJson(file);
  if (!json.ok) return json;
  const parsed = parseLevel(json.value);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const expected = basename(file).replace(/\.json$/, '');
  if (parsed.level.meta.id !== expected) {
    return {
      ok: false,
      errors: [`meta.id: "${parsed.level.meta.id}" must equal the file name "${expected}"`],
    };
  }
  return { ok: true, value: parsed.level };
}

const scriptedSchema = z.strictObject({
  at: z
    .string()
    .check(z.refine((s) => isoToTick(s) !== undefined, 'expected ISO time with offset')),
  role: roleSchema,
  type: z.string().check(z.minLength(1)),
  args: z._default(z.record(z.string(), z.unknown()), {}),
});
const commandListSchema = z.array(scriptedSchema);

/** Reads a --commands file: `[{ at, role, type, args }]` or `{ "commands": [...] }`. */
export function loadCommandsFile(file: string): Loaded<ScriptedCommand[]> {
  const json = readJson(file);
  if (!json.ok) return json;
  const v = json.value as { commands?: unknown } | null;
  // Not a zod union: a union would report "(root): Invalid input" instead of the failing path.
  const wrapped = v !== null && typeof v === 'object' && !Array.isArray(v);
  if (wrapped && Object.keys(v).some((k) => k !== 'commands')) {
    return {
      ok: false,
      errors: ['(root): expected an array of commands or { "commands": [...] }'],
    };
  }
  const list = wrapped ? v.commands : v;
  const r = commandListSchema.safeParse(list);
  if (!r.success) return { ok: false, errors: formatZodIssues(r.error, wrapped ? 'commands' : '') };
  return { ok: true, value: r.data };
}

/**
 * The part of a script a run cut at `untilTick` plays: commands after it are left out (not
 * refused), so `--until` stops the run there instead of being overtaken by later commands. A
 * command whose time does not parse stays in, to be refused with its reason. `indices` maps each
 * played command back to its place in the script (refusals name that place).
 */
export function scriptUntil(
  script: readonly ScriptedCommand[],
  untilTick: number | undefined,
): { played: ScriptedCommand[]; indices: number[]; notPlayed: number } {
  const indices = script
    .map((c, i) => ({ at: isoToTick(c.at), i }))
    .filter(({ at }) => untilTick === undefined || at === undefined || at <= untilTick)
    .map(({ i }) => i);
  return {
    played: indices.map((i) => script[i]!),
    indices,
    notPlayed: script.length - indices.length,
  };
}
