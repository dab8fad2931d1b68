// The game half of `npm run sim`: play a level headless with game commands (--commands), the
// level's historical response (--history) or nothing, score it, and optionally write a run file
// (--out). sim.ts wires these options in; `tsx src/cli/gameSim.ts --level <file> …` also runs alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from '../engine/zod';
import {
  createRun,
  finishRun,
  ghostRun,
  advanceToTick,
  isoToTick,
  parseLevel,
  playScript,
  runScore,
  tickToClock,
  toRunFile,
  renderRejection,
  type Level,
  type RunFile,
  type ScriptedCommand,
} from '../game/index';
import { roleSchema } from '../game/roles';
import { formatZodIssues } from '../engine/index';
import { intOption, parseArgs } from './cliArgs';

export const GAME_SIM_ARGS = {
  values: ['level', 'seed', 'until', 'commands', 'out'],
  flags: ['history', 'json', 'help'],
} as const;

type Loaded<T> = { ok: true; value: T } | { ok: false; errors: string[] };

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

export interface GameSimResult {
  runFile: RunFile;
  score: { total: number; parts: Record<string, number> };
  refused: { index: number; at: string; type: string; code: string; message: string }[];
  /** Scripted commands after --until, left out of the run. */
  notPlayed: number;
  summary: string;
}

/** Plays a level headless and scores it. Pure apart from reading nothing: pass loaded data. */
export function runGameSim(opts: {
  level: Level;
  seed: number;
  script: readonly ScriptedCommand[];
  untilIso?: string;
  /** Also play the level's historical response (the ghost) and print its score for comparison. */
  ghost?: boolean;
}): GameSimResult {
  const { level, seed, script } = opts;
  const untilTick = opts.untilIso ? isoToTick(opts.untilIso) : undefined;
  const cut = scriptUntil(script, untilTick);
  const played = playScript(createRun(level, seed), cut.played);
  const run =
    untilTick === undefined ? finishRun(played.run) : advanceToTick(played.run, untilTick);
  const score = runScore(run);
  const runFile = toRunFile(run);
  const refused = played.refused.map((r) => ({
    index: cut.indices[r.index]!,
    at: r.at,
    type: r.type,
    code: r.rejection.code,
    message: renderRejection(r.rejection, 'en'),
  }));
  const lines = [
    `score ${score.total} / 1000   (level ${level.meta.id}, seed ${seed}, ${run.log.length} commands, ended ${run.state.ended ? 'yes' : 'no'} at ${tickToClock(run.state.tick)})`,
    ...Object.entries(score.parts).map(
      ([p, v]) =>
        `  ${p.padEnd(18)} ${String(v).padStart(6)}   raw ${score.raw[p as keyof typeof score.raw]}`,
    ),
    `final hash ${runFile.result.finalHash}`,
    ...(opts.ghost
      ? [
          `ghost (the historical response, same seed): ${runScore(ghostRun(level, seed).run).total} / 1000`,
        ]
      : []),
    ...refused.map((r) => `refused #${r.index} ${r.type} at ${r.at}: ${r.code} — ${r.message}`),
    ...(cut.notPlayed > 0
      ? [`${cut.notPlayed} scripted command(s) after --until ${opts.untilIso} not played`]
      : []),
  ];
  return {
    runFile,
    score: { total: score.total, parts: { ...score.parts } },
    refused,
    notPlayed: cut.notPlayed,
    summary: lines.join('\n'),
  };
}

/**
 * Entry point for the game options of `npm run sim`. Returns the exit code: 0 ok, 1 a file is
 * invalid or a command was refused, 2 bad arguments.
 */
export function gameSimMain(argv: readonly string[]): number {
  const args = parseArgs(argv, GAME_SIM_ARGS);
  if (args.flags.has('help')) {
    console.log(
      'usage: npm run sim -- --level <file> [--seed N] [--until <ISO>] [--commands <file> | --history] [--out <run.json>] [--json]',
    );
    return 0;
  }
  const seed = intOption(args, 'seed', 1, 0);
  if (!args.values.level) args.errors.push('--level <file> is required');
  if (args.values.commands && args.flags.has('history'))
    args.errors.push('--commands and --history exclude each other');
  if (args.values.until && isoToTick(args.values.until) === undefined)
    args.errors.push(`--until: expected an ISO date-time with zone, got "${args.values.until}"`);
  if (args.errors.length > 0) {
    for (const e of args.errors) console.error(`error: ${e}`);
    return 2;
  }
  const level = loadLevelFile(args.values.level!);
  if (!level.ok) {
    console.error(`error: invalid level ${args.values.level}:`);
    for (const e of level.errors) console.error(`  ${e}`);
    return 1;
  }
  let script: readonly ScriptedCommand[] = [];
  if (args.flags.has('history')) script = level.value.history.response as ScriptedCommand[];
  if (args.values.commands) {
    const c = loadCommandsFile(args.values.commands);
    if (!c.ok) {
      console.error(`error: invalid commands file ${args.values.commands}:`);
      for (const e of c.errors) console.error(`  ${e}`);
      return 1;
    }
    script = c.value;
  }
  const result = runGameSim({
    level: level.value,
    seed,
    script,
    untilIso: args.values.until,
    ghost: !args.flags.has('history') && !args.flags.has('json'),
  });
  if (args.values.out)
    writeFileSync(args.values.out, JSON.stringify(result.runFile, null, 2) + '\n');
  if (args.flags.has('json')) {
    console.log(
      JSON.stringify({
        level: level.value.meta.id,
        seed,
        score: result.score,
        finalHash: result.runFile.result.finalHash,
        refused: result.refused,
      }),
    );
  } else {
    console.log(result.summary);
  }
  return result.refused.length > 0 ? 1 : 0;
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('gameSim.ts') || invoked.endsWith('gameSim.js')) {
  process.exitCode = gameSimMain(process.argv.slice(2));
}
