// npm run aar -- <run.json> --out <report.html> [--lang ko|en|both] [--json [<report.json>]] [--level <file>] [--review <records.json>]
// Writes the after-action review of a run file headless: a printable HTML page and, optionally,
// the review as JSON (`--json` alone, or `--json -`, prints it). `--review` adds a team session's
// records — feedback, improvement plan — as GET /api/sessions/<code>/review returns them. The run is verified first (re-simulated), so a tampered file gets no report.
// The level is levels/<level.id>.json (LEVELS_DIR overrides the folder, --level the file).
// Exit 0 on success; 1 when the run file or level cannot be read or does not verify (naming the
// file and field); 2 for bad arguments.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AarError, buildAar } from '../aar/buildAar';
import { parseReviewRecords, withRecords } from '../aar/withRecords';
import { renderAarHtml } from '../aar/renderHtml';
import { parseArgs } from './cliArgs';
import { loadLevelFile } from './levelFiles';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const USAGE =
  'usage: npm run aar -- <run.json> --out <report.html> [--lang ko|en|both] [--json [<report.json>|-]] [--level <file>] [--review <records.json>]';

export function aarMain(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const spec = { values: ['out', 'lang', 'json', 'level', 'review'], flags: ['help'] } as const;
  const positional: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (a === '--json' && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--'))) {
      // `--json` with no file: print the review.
      rest.push('--json=-');
    } else if (a.startsWith('--')) {
      rest.push(a);
      if (
        !a.includes('=') &&
        (spec.values as readonly string[]).includes(a.slice(2)) &&
        i + 1 < argv.length
      )
        rest.push(argv[++i]!);
    } else positional.push(a);
  }
  const args = parseArgs(rest, spec);
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const lang = args.values.lang ?? 'en';
  const errors = [...args.errors];
  if (positional.length !== 1) errors.push('expected exactly one run file');
  if (!args.values.out && !args.values.json)
    errors.push('--out <report.html> (or --json <file>) is required');
  if (lang !== 'ko' && lang !== 'en' && lang !== 'both')
    errors.push(`--lang must be ko, en or both, got "${lang}"`);
  if (errors.length > 0) {
    for (const e of errors) console.error(`error: ${e}`);
    console.error(USAGE);
    return 2;
  }
  const runPath = positional[0]!;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(runPath, 'utf8'));
  } catch (e) {
    console.error(`${runPath}: ${(e as Error).message}`);
    return 1;
  }
  const id = (json as { level?: { id?: unknown } } | null)?.level?.id;
  let levelFile = args.values.level;
  if (!levelFile) {
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(id)) {
      console.error(`${runPath}: level.id: expected a level id, got ${JSON.stringify(id ?? null)}`);
      return 1;
    }
    levelFile = join(env.LEVELS_DIR ?? join(repoRoot, 'levels'), `${id}.json`);
  }
  if (!existsSync(levelFile)) {
    console.error(
      `${runPath}: level file ${levelFile} not found (pass --level <file> or set LEVELS_DIR)`,
    );
    return 1;
  }
  const level = loadLevelFile(levelFile);
  if (!level.ok) {
    console.error(`${levelFile}: invalid level: ${level.errors.join('; ')}`);
    return 1;
  }
  let records;
  if (args.values.review) {
    try {
      records = parseReviewRecords(JSON.parse(readFileSync(args.values.review, 'utf8')));
    } catch (e) {
      console.error(`${args.values.review}: ${(e as Error).message}`);
      return 1;
    }
  }
  let aar;
  try {
    aar = buildAar(json, level.value);
    if (records) aar = withRecords(aar, records);
  } catch (e) {
    if (e instanceof AarError) {
      console.error(`${runPath}: does not verify (${e.code}): ${e.message}`);
      return 1;
    }
    throw e;
  }
  if (args.values.out)
    writeFileSync(args.values.out, renderAarHtml(aar, lang as 'ko' | 'en' | 'both'));
  const toStdout = args.values.json === '-';
  if (args.values.json && !toStdout)
    writeFileSync(args.values.json, JSON.stringify(aar, null, 2) + '\n');
  if (toStdout) console.log(JSON.stringify(aar, null, 2));
  // With the review on stdout, the summary goes to stderr so the output stays valid JSON.
  (toStdout ? console.error : console.log)(
    `after-action review of ${runPath}: score ${aar.score.total} (historical ${aar.score.ghostTotal}), ` +
      `${aar.lessons.length} lessons${args.values.out ? ` → ${args.values.out}` : ''}${args.values.json && !toStdout ? ` → ${args.values.json}` : ''}`,
  );
  return 0;
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('aar.ts') || invoked.endsWith('aar.js')) {
  process.exitCode = aarMain(process.argv.slice(2));
}
