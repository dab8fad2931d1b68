// npm run sim -- --level <file> [--seed N] [--actions <file>] [--until <ISO time>] [--sample <seconds>] [--json]
//                [--commands <file> | --history] [--out <run.json>]
// Runs a level headless and prints a summary (or one JSON object). A level with its game blocks is
// played through the game core (commands, staff, injects, score; src/cli/simGame.ts); --actions
// drives the bare engine instead (engine actions, no game rules), as does a level that has only
// its engine block. --until ends the run there in every mode: scripted commands after it
// (--history, --commands) are left out and counted. Samples are states at engine step boundaries
// (10 s before the onset), so a --sample finer than a step gives each step once.
import { isoToSimMs, simMsToIso } from '../engine';
import { intOption, parseArgs } from './cliArgs';
import { readFileSync } from 'node:fs';
import { ghostRun, runScore, type ScriptedCommand } from '../game';
import {
  DEFAULT_UNTIL_ISO,
  loadActions,
  loadLevelEngine,
  runSim,
  type SimResult,
} from './simEngine';
import { loadCommandsFile, loadLevelFile } from './levelFiles';
import { runGameJson } from './simGame';

export const SIM_ARGS = {
  values: ['level', 'seed', 'actions', 'until', 'sample', 'commands', 'out'],
  flags: ['json', 'help', 'history'],
} as const;

function kst(tS: number): string {
  return simMsToIso(Math.round(tS * 1000)).slice(11, 19);
}

function dayKst(tS: number): string {
  const iso = simMsToIso(Math.round(tS * 1000));
  return `${iso.slice(5, 10)} ${iso.slice(11, 19)}`;
}

/** What the summary prints: a bare engine run or a game run (which has no engine rejections). */
export type SummaryInput = Omit<SimResult, 'state' | 'rejected'> & {
  rejected?: SimResult['rejected'];
};

export function formatSummary(r: SummaryInput): string {
  const s = r.series;
  const lines: string[] = [];
  lines.push(`level ${r.level}  seed ${r.seed}  engine ${r.engineVersion}`);
  lines.push(`run ${r.from} → ${r.until}   state hash ${r.hash}`);
  const idx = (arr: number[], pick: (a: number, b: number) => boolean): number => {
    let k = 0;
    for (let i = 1; i < arr.length; i++) if (pick(arr[i]!, arr[k]!)) k = i;
    return k;
  };
  const pk = idx(s.globalScansPerSec, (a, b) => a > b);
  const minSubs = idx(s.subscribersOnlinePct, (a, b) => a < b);
  const minDns = idx(s.dnsSuccessPct, (a, b) => a < b);
  const maxOwn = idx(s.ownInfected, (a, b) => a > b);
  lines.push('');
  lines.push('key times (KST):');
  for (const e of r.events) {
    if (e.kind.startsWith('link.')) continue;
    lines.push(`  ${dayKst(e.t)}  ${e.kind}${e.id ? ' ' + e.id : ''}`);
  }
  lines.push('');
  lines.push('peaks:');
  lines.push(
    `  global scans/s      ${(s.globalScansPerSec[pk]! / 1e6).toFixed(1)} M at ${kst(s.t[pk]!)}`,
  );
  lines.push(`  own infected        ${s.ownInfected[maxOwn]} at ${kst(s.t[maxOwn]!)}`);
  lines.push(
    `  subscribers online  min ${s.subscribersOnlinePct[minSubs]!.toFixed(1)} % at ${dayKst(s.t[minSubs]!)}`,
  );
  lines.push(
    `  DNS success         min ${s.dnsSuccessPct[minDns]!.toFixed(1)} % at ${dayKst(s.t[minDns]!)}`,
  );
  const n = s.t.length - 1;
  lines.push('');
  lines.push(`final (${dayKst(s.t[n]!)} KST):`);
  lines.push(`  global infected     ${s.globalInfected[n]}`);
  lines.push(`  Korea infected      ${s.krInfected[n]}`);
  lines.push(`  own infected        ${s.ownInfected[n]}  exposed ${s.ownExposed[n]}`);
  lines.push(`  subscribers online  ${s.subscribersOnlinePct[n]!.toFixed(1)} %`);
  lines.push(`  DNS success         ${s.dnsSuccessPct[n]!.toFixed(1)} %`);
  lines.push(`  intl link util      ${s.intlLinkUtilPct[n]!.toFixed(1)} %`);
  if (r.rejected && r.rejected.length > 0) {
    lines.push('');
    lines.push(`rejected actions: ${r.rejected.map((x) => x.message).join('; ')}`);
  }
  return lines.join('\n');
}

export function main(argv: readonly string[]): number {
  const args = parseArgs(argv, SIM_ARGS);
  if (args.flags.has('help')) {
    console.log(
      'usage: npm run sim -- --level <file> [--seed N] [--until <ISO>] [--sample <s>] [--json]\n' +
        '         [--commands <file> | --history] [--out <run.json>]   (game: staff, injects, score)\n' +
        '         [--actions <file>]                                   (bare engine actions)',
    );
    return 0;
  }
  const seed = intOption(args, 'seed', 1, 0);
  const sampleS = intOption(args, 'sample', 60, 1);
  const untilIso = args.values.until ?? DEFAULT_UNTIL_ISO;
  const untilMs = isoToSimMs(untilIso);
  if (untilMs === null)
    args.errors.push(`--until: expected an ISO date-time with zone, got "${untilIso}"`);
  else if (untilMs <= 0) args.errors.push(`--until must be after 2003-01-25T14:00:00+09:00`);
  if (!args.values.level) args.errors.push('--level <file> is required');
  const gameOptions = args.values.commands || args.values.out || args.flags.has('history');
  if (args.values.actions && gameOptions)
    args.errors.push('--actions (bare engine) excludes --commands, --history and --out (game)');
  if (args.values.commands && args.flags.has('history'))
    args.errors.push('--commands and --history exclude each other');
  if (args.errors.length > 0) {
    for (const e of args.errors) console.error(`error: ${e}`);
    return 2;
  }
  if (!args.values.actions && (gameOptions || hasGameBlocks(args.values.level!))) {
    return gameMain(args.values.level!, {
      seed,
      sampleS,
      untilIso: args.values.until,
      commands: args.values.commands,
      history: args.flags.has('history'),
      out: args.values.out,
      json: args.flags.has('json'),
    });
  }
  const level = loadLevelEngine(args.values.level!);
  if (!level.ok) {
    console.error(`error: invalid level ${args.values.level}:`);
    for (const e of level.errors) console.error(`  ${e}`);
    return 1;
  }
  let actions: { atMs: number; action: never }[] | undefined;
  if (args.values.actions) {
    const a = loadActions(args.values.actions, level.value.params);
    if (!a.ok) {
      console.error(`error: invalid actions file ${args.values.actions}:`);
      for (const e of a.errors) console.error(`  ${e}`);
      return 1;
    }
    actions = a.value as never;
  }
  const result = runSim({
    levelId: level.value.id,
    params: level.value.params,
    seed,
    actions,
    untilMs: untilMs!,
    sampleS,
  });
  if (args.flags.has('json')) {
    const { state: _state, rejected: _rejected, ...out } = result;
    console.log(JSON.stringify(out));
  } else {
    console.log(formatSummary(result));
  }
  return result.rejected.length > 0 ? 1 : 0;
}

/** Whether the file is a full level (the game core's blocks beside the engine's). */
function hasGameBlocks(file: string): boolean {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    return !!raw && typeof raw === 'object' && 'commands' in raw && 'staff' in raw;
  } catch {
    return false; // the engine path reports the unreadable file with its reason
  }
}

function gameMain(
  file: string,
  o: {
    seed: number;
    sampleS: number;
    untilIso?: string;
    commands?: string;
    history: boolean;
    out?: string;
    json: boolean;
  },
): number {
  const level = loadLevelFile(file);
  if (!level.ok) {
    console.error(`error: invalid level ${file}:`);
    for (const e of level.errors) console.error(`  ${e}`);
    return 1;
  }
  let script: readonly ScriptedCommand[] = [];
  if (o.history) script = level.value.history.response as ScriptedCommand[];
  if (o.commands) {
    const c = loadCommandsFile(o.commands);
    if (!c.ok) {
      console.error(`error: invalid commands file ${o.commands}:`);
      for (const e of c.errors) console.error(`  ${e}`);
      return 1;
    }
    script = c.value;
  }
  const result = runGameJson({
    level: level.value,
    seed: o.seed,
    script,
    untilIso: o.untilIso,
    sampleS: o.sampleS,
    out: o.out,
  });
  if (o.json) {
    console.log(JSON.stringify(result));
  } else {
    console.log(formatSummary(result));
    console.log('');
    console.log(`score ${result.score.total} / 1000`);
    for (const [part, v] of Object.entries(result.score.parts))
      console.log(`  ${part.padEnd(18)} ${v}`);
    // Beside a player's run, what the real organisation's response scores on the same seed.
    if (!o.history)
      console.log(
        `ghost (the historical response, same seed): ${runScore(ghostRun(level.value, o.seed).run).total} / 1000`,
      );
    for (const r of result.refused ?? [])
      console.log(`refused #${r.index} ${r.type} at ${r.at}: ${r.code} — ${r.message}`);
    if (result.notPlayed)
      console.log(`${result.notPlayed} scripted command(s) after --until not played`);
    if (o.out)
      console.log(`run file written to ${o.out} (check it with: npm run verify -- ${o.out})`);
  }
  return (result.refused?.length ?? 0) > 0 ? 1 : 0;
}

// Run when executed directly (tsx src/cli/sim.ts), not when imported.
const invoked = process.argv[1] ?? '';
if (invoked.endsWith('sim.ts') || invoked.endsWith('sim.js')) {
  process.exitCode = main(process.argv.slice(2));
}
