// npm run verify -- <run.json> [--level <file>]
// Re-simulates a run file and accepts it only if every checkpoint hash, the final hash and the
// score match. Exit 0 prints the verified score; exit 1 prints exactly why not (unsupported format
// version, level hash mismatch, command refused at tick N, hash mismatch at checkpoint N, score
// differs); exit 2 for bad arguments.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFileProblem, verifyRunFile, type VerifyResult } from '../game';
import { parseArgs } from './cliArgs';
import { loadLevelFile } from './levelFiles';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Verifies a run file on disk; `levelFile` defaults to levels/<level id>.json in the repository. */
export function verifyFile(
  runPath: string,
  levelFile?: string,
): VerifyResult | { ok: false; code: 'FILE'; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(runPath, 'utf8'));
  } catch (e) {
    return { ok: false, code: 'FILE', message: `cannot read ${runPath}: ${(e as Error).message}` };
  }
  const id = (json as { level?: { id?: unknown } } | null)?.level?.id;
  const file =
    levelFile ??
    (typeof id === 'string' && /^[a-z0-9][a-z0-9._-]*$/.test(id)
      ? join(repoRoot, 'levels', `${id}.json`)
      : undefined);
  if (!file) {
    // Let the run-file schema name the problem (missing level id) before our own file-name rule.
    const problem = runFileProblem(json);
    if (problem) return problem;
    return {
      ok: false,
      code: 'LEVEL_MISMATCH',
      message: `level.id: "${String(id)}" is not a level file name`,
    };
  }
  if (!existsSync(file))
    return {
      ok: false,
      code: 'FILE',
      message: `level file ${file} not found (pass --level <file>)`,
    };
  const level = loadLevelFile(file);
  if (!level.ok)
    return {
      ok: false,
      code: 'FILE',
      message: `invalid level ${file}: ${level.errors.join('; ')}`,
    };
  return verifyRunFile(json, level.value);
}

export function verifyMain(argv: readonly string[]): number {
  const positional = argv.filter(
    (a, i) => a !== '--' && !a.startsWith('--') && argv[i - 1] !== '--level',
  );
  const args = parseArgs(
    argv.filter((a) => !positional.includes(a)),
    { values: ['level'], flags: ['help', 'json'] },
  );
  if (args.flags.has('help') || positional.length !== 1) {
    console.log('usage: npm run verify -- <run.json> [--level <file>] [--json]');
    return args.flags.has('help') ? 0 : 2;
  }
  if (args.errors.length > 0) {
    for (const e of args.errors) console.error(`error: ${e}`);
    return 2;
  }
  const r = verifyFile(positional[0]!, args.values.level);
  if (args.flags.has('json')) {
    console.log(
      JSON.stringify(
        r.ok
          ? { ok: true, score: { total: r.score.total, parts: r.score.parts } }
          : { ok: false, code: r.code, message: r.message },
      ),
    );
  } else if (r.ok) {
    console.log(`verified: score ${r.score.total} / 1000`);
    for (const [p, v] of Object.entries(r.score.parts)) console.log(`  ${p.padEnd(18)} ${v}`);
  } else {
    console.log(`not verified: ${r.message}`);
    if ('details' in r && r.details && r.details.length > 1)
      for (const d of r.details.slice(1)) console.log(`  ${d}`);
  }
  return r.ok ? 0 : 1;
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('verify.ts') || invoked.endsWith('verify.js')) {
  process.exitCode = verifyMain(process.argv.slice(2));
}
