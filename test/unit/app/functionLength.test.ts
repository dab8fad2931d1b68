// No function over 120 lines (issue 15: components, not long closures) in the folders already
// split: the core (engine, game, after-action review excepted until it is split), the CLI and the
// server. A function counts from its first line to its last, nested functions included, the way
// the issue counted `mountReplayControls`. Add a folder here once its long functions are split.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const MAX_LINES = 120;
const CHECKED = ['src/engine', 'src/game', 'src/cli', 'server'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Functions of one file longer than `max` lines, as "path:line name (n lines)". */
export function longFunctions(file: string, text: string, max: number): string[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = src.getLineAndCharacterOfPosition(node.getStart(src)).line;
      const last = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) {
        const named = node.name?.getText(src);
        const parent = node.parent;
        const name =
          named ??
          (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)
            ? parent.name.getText(src)
            : '(anonymous)');
        out.push(`${relative(root, file)}:${first + 1} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

describe('function length', () => {
  it('should find a long function, nested or not, and let a short one pass', () => {
    const body = Array.from({ length: 8 }, (_, i) => `  const a${i} = ${i};`).join('\n');
    const text = `export function outer() {\n${body}\n  const inner = () => {\n${body}\n  };\n}\n`;
    expect(longFunctions(join(root, 'x.ts'), text, 15)).toEqual(['x.ts:1 outer (20 lines)']);
    expect(longFunctions(join(root, 'x.ts'), text, 9)).toEqual([
      'x.ts:1 outer (20 lines)',
      'x.ts:10 inner (10 lines)',
    ]);
    expect(longFunctions(join(root, 'x.ts'), text, 20)).toEqual([]);
  });

  it(`should have no function over ${MAX_LINES} lines in ${CHECKED.join(', ')}`, () => {
    const long = CHECKED.flatMap((dir) => sources(join(root, dir))).flatMap((file) =>
      longFunctions(file, readFileSync(file, 'utf8'), MAX_LINES),
    );
    expect(long).toEqual([]);
  });
});
