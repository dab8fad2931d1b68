// npm run sitman -- --level <levels/x.json> --lang ko|en --out <sitman.html>
// Writes the printable Situation Manual of a level (src/aar/situationManual.ts): what a trainer
// hands participants before a facilitated session. Exit 0 on success; 1 when the level cannot be
// read or is invalid, or the page cannot be written (naming the file and why); 2 for bad arguments.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderSituationManual } from '../aar/situationManual';
import { parseArgs } from './cliArgs';
import { loadLevelFile } from './levelFiles';

const USAGE = 'usage: npm run sitman -- --level <levels/x.json> --lang ko|en --out <sitman.html>';

export function sitmanMain(argv: readonly string[]): number {
  const args = parseArgs(argv, { values: ['level', 'lang', 'out'], flags: ['help'] });
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const errors = [...args.errors];
  const { level: levelFile, lang, out } = args.values;
  if (!levelFile) errors.push('--level <file> is required');
  if (!out) errors.push('--out <file.html> is required');
  if (lang === undefined) errors.push('--lang ko|en is required');
  else if (lang !== 'ko' && lang !== 'en') errors.push(`--lang must be ko or en, got "${lang}"`);
  if (errors.length > 0) {
    for (const e of errors) console.error(`error: ${e}`);
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(levelFile!)) {
    console.error(`${levelFile}: level file not found`);
    return 1;
  }
  const level = loadLevelFile(levelFile!);
  if (!level.ok) {
    console.error(`${levelFile}: invalid level: ${level.errors.join('; ')}`);
    return 1;
  }
  const target = resolve(out!);
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error(`--out ${out}: folder ${folder} does not exist`);
    return 1;
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    console.error(`--out ${out}: is a folder; give a file name such as sitman.html`);
    return 1;
  }
  try {
    writeFileSync(target, renderSituationManual(level.value, lang as 'ko' | 'en'));
  } catch (e) {
    console.error(`--out ${out}: cannot write: ${(e as Error).message}`);
    return 1;
  }
  console.log(`situation manual of ${level.value.meta.id} (${lang}) → ${out}`);
  return 0;
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('sitman.ts') || invoked.endsWith('sitman.js')) {
  process.exitCode = sitmanMain(process.argv.slice(2));
}
