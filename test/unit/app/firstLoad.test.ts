// The solo game's first download (issue 16: ≤ 100 kB gzip of app JS) stays small because some code
// is fetched on use. This builds the game and follows the entry chunk's static imports: the modules
// made lazy must not be in that graph, and must still be in the build, behind a dynamic import
// (a renamed module fails here rather than passing unnoticed). `npm run bench` measures the bytes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';

const root = resolve(__dirname, '../../..');

/** Fetched on use, never with the first screens (why: the comment at each module's top). */
const LAZY = [
  'node_modules/howler/', // sound engine: a second after the first loop is asked for (src/audio)
  'node_modules/@noble/hashes/', // SHA-256: saving, exporting and checking runs
  'src/game/levelHash.ts',
  'src/game/sha256.ts',
  'src/ui/session/autosaveWriter.ts',
  'src/ui/panels/ops/inboxPanel.ts', // tab bodies hidden at the start
  'src/ui/panels/ops/tasksPanel.ts',
  'src/ui/panels/ops/deviceInsight.ts',
  'src/ui/panels/score/scorePanel.ts',
  'src/ui/scenes/Debrief.ts',
  'src/ui/scenes/RunLibrary.ts',
  'src/ui/scenes/TeamLobby.ts',
];

type Chunk = Rollup.OutputChunk;
let outDir: string;
let chunks: Chunk[];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'one25-first-load-'));
  const out = await build({
    root,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  chunks = outputs.flatMap((o) => o.output.filter((x): x is Chunk => x.type === 'chunk'));
}, 240_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const rel = (id: string) => id.replace(/\\/g, '/').replace(`${root.replace(/\\/g, '/')}/`, '');
/** Packages by their folder wherever node_modules is (a linked one resolves elsewhere). */
const has = (c: Chunk, path: string) =>
  c.moduleIds.some((id) =>
    path.startsWith('node_modules/')
      ? id.replace(/\\/g, '/').includes(`/${path}`)
      : rel(id).startsWith(path),
  );

/** The entry chunk and every chunk it imports statically (what loads before any `import()`). */
function staticGraph(): Chunk[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith('index.html'));
  expect(entry, 'entry chunk of index.html').toBeDefined();
  const seen = new Map<string, Chunk>();
  const walk = (c: Chunk) => {
    if (seen.has(c.fileName)) return;
    seen.set(c.fileName, c);
    for (const f of c.imports) walk(byFile.get(f)!);
  };
  walk(entry!);
  return [...seen.values()];
}

describe('the solo first load (built game)', () => {
  it('should not pull the modules fetched on use into the entry graph', () => {
    const first = staticGraph();
    const pulled = LAZY.filter((path) => first.some((c) => has(c, path)));
    expect(pulled).toEqual([]);
  });

  it('should still build each of them into a chunk reached by a dynamic import', () => {
    const dynamicTargets = new Set(chunks.flatMap((c) => c.dynamicImports));
    const byFile = new Map(chunks.map((c) => [c.fileName, c]));
    for (const path of LAZY) {
      const home = chunks.filter((c) => has(c, path));
      expect(home.length, `${path} is in the build`).toBeGreaterThan(0);
      // Its chunk is itself fetched by import(), or is a static import of such a chunk.
      const reachable = home.some(
        (c) =>
          dynamicTargets.has(c.fileName) ||
          [...dynamicTargets].some((d) => byFile.get(d)?.imports.includes(c.fileName)),
      );
      expect(reachable, `${path} is reached by import()`).toBe(true);
    }
  });
});
