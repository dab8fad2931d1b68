// Every player-facing Korean string lives in the locale files (src/i18n/locales), read through
// i18next: a Hangul string literal anywhere else in src/ or server/ is text that escaped the
// catalogue. Comments and regular expressions are not string literals and are not read.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/**
 * Files that may keep Hangul in string literals, and why. Keep it short: each entry is a file
 * whose Korean is not catalogue text.
 */
export const ALLOWED: Record<string, string> = {
  // The game core writes both languages of its messages into the run's state, which is hashed and
  // replayed; turning them into keys changes every run file, so they stay data of the core.
  'src/game/comms.ts': 'run-state messages of the core (hashed with the run)',
  'src/game/diagnosis.ts': 'run-state messages of the core (hashed with the run)',
  'src/game/injects.ts': 'run-state messages of the core (hashed with the run)',
  'src/game/tasks.ts': 'run-state messages of the core (hashed with the run)',
  'src/i18n/josa.ts': 'the particles themselves (이/가, 을/를…), which the formatter appends',
  'src/ui/panels/titleMenu.ts': 'autonyms: each language named in itself, the same in every locale',
  'src/cli/teamBench.ts': 'what a simulated player types into a note, not text of the game',
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return path.endsWith(join('src', 'i18n', 'locales')) ? [] : tsFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

/** "file:line: literal" for each string literal with Hangul in it. */
export function koreanLiterals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) &&
      HANGUL.test(node.text)
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${file}:${line}: ${node.getText().slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('player text lives in the locale files', () => {
  const files = ['src', 'server'].flatMap((d) => tsFiles(join(ROOT, d)));

  it('has no Korean string literal outside src/i18n/locales and the allow-list', () => {
    const found = files
      .map((f) => relative(ROOT, f).split('\\').join('/'))
      .filter((f) => !(f in ALLOWED))
      .flatMap((f) => koreanLiterals(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('keeps the allow-list honest: every entry still holds Korean', () => {
    const stale = Object.keys(ALLOWED).filter(
      (f) => koreanLiterals(f, readFileSync(join(ROOT, f), 'utf8')).length === 0,
    );
    expect(stale).toEqual([]);
  });

  it('sees literals of every kind and skips comments and regular expressions', () => {
    const sample = [
      '// 주석은 괜찮다',
      "const a = { ko: '개요', en: 'Overview' };",
      'const b = `1월 ${day}일`;',
      'const c = /웜|감염/;',
    ].join('\n');
    expect(koreanLiterals('x.ts', sample).map((s) => s.split(':')[1])).toEqual(['2', '3', '3']);
  });
});
