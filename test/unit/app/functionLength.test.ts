// No function in src/ or server/ runs over 120 lines (issue: 350-line closures that mount whole
// screens). A long function is split into named pieces whose names say what each does. Generated
// data (locale JSON, level files) is not code and is not read here. The parser is TypeScript's own,
// so arrow functions, methods, getters and nested closures are all measured the same way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const MAX_LINES = 120;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every function-like node with a body longer than `max` lines: "file:line name (n lines)". */
function longFunctions(file: string, text: string, max = MAX_LINES): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      const name = node.name?.getText(sf) ?? '(anonymous)';
      if (lines > max) found.push(`${relative(root, file)}:${first + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('function length', () => {
  it('should find a long function when there is one (the checker itself works)', () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = `export function tooLong() {\n${body}\n}\nconst ok = () => 1;\n`;
    expect(longFunctions(join(root, 'src/x.ts'), text)).toEqual([
      `src/x.ts:1 tooLong (${MAX_LINES + 2} lines)`,
    ]);
    const method = `class A {\n  run() {\n${body}\n  }\n}\n`;
    expect(longFunctions(join(root, 'src/y.ts'), method)).toHaveLength(1);
  });

  it(`should have no function over ${MAX_LINES} lines in src/ or server/`, () => {
    const files = [...sources(join(root, 'src')), ...sources(join(root, 'server'))];
    const long = files.flatMap((f) => longFunctions(f, readFileSync(f, 'utf8')));
    expect(long).toEqual([]);
  });
});
