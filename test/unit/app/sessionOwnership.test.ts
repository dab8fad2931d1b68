// The app-flow machine owns every session (docs/ARCHITECTURE.md "Sessions"): no scene or panel may
// make one or put one in the shared context. This reads the view folders' sources and fails on
// any such line, naming the file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const VIEW_DIRS = ['src/ui/scenes', 'src/ui/panels'];

/** Assigning the context's session (`ctx.session =`, `this.ctx.session =`, `.endedSeat =`), or
 *  constructing a session class. `==`/`===` comparisons are not assignments. */
const FORBIDDEN = [
  /\bctx\s*\.\s*(session|endedSeat)\s*=(?!=)/,
  /\bcontext\s*\.\s*(session|endedSeat)\s*=(?!=)/,
  /\bnew\s+(SoloSession|ReplaySession|TeamSession)\b/,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

export function sessionWrites(files: { path: string; text: string }[]): string[] {
  return files.flatMap(({ path, text }) =>
    text
      .split('\n')
      .flatMap((line, i) =>
        FORBIDDEN.some((re) => re.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

describe('session ownership', () => {
  it('should find no session made or assigned under src/ui/scenes or src/ui/panels', () => {
    const files = VIEW_DIRS.flatMap((d) => sources(join(ROOT, d))).map((path) => ({
      path: relative(ROOT, path),
      text: readFileSync(path, 'utf8'),
    }));
    expect(files.length).toBeGreaterThan(20);
    expect(sessionWrites(files)).toEqual([]);
  });

  it('should catch each kind of write it is meant to catch', () => {
    const lines = [
      'this.ctx.session = session;',
      'ctx.session = undefined;',
      'this.ctx.endedSeat = seat.keepAfterEnd();',
      'const s = new SoloSession(level, { seed }, audio);',
      'const r = new ReplaySession(level, file, id);',
      'session = new TeamSession(net, welcome, audio, early);',
    ];
    expect(sessionWrites(lines.map((text) => ({ path: 'x.ts', text })))).toHaveLength(6);
    const fine = ['if (ctx.session === session) return;', 'const s = ctx.session;'];
    expect(sessionWrites(fine.map((text) => ({ path: 'x.ts', text })))).toEqual([]);
  });
});
