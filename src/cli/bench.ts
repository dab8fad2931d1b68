// `npm run bench`: the figures the issues ask for, printed as a table and as JSON.
//   App JS gzip two ways (what a solo game downloads, and every chunk the build has), Phaser and
//   chart chunks, navigation → title interactive in headless Chromium (median of 5), title → Ops,
//   Ops frames per second with the auto renderer and with WebGL forced, then the engine's, the game
//   core's, the replay and the team-session figures.
// Budgets are reported beside each figure; the bench measures, the tests assert behaviour.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { createAppServer } from '../../server/app';
import { chromiumArgs, requireChromium } from './chromium';

import type { Figure } from './benchKit';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Phaser and the chart library have their own lines; "app JS" is every other script. */
const isLibraryChunk = (file: string) => /^(phaser|uplot)-/.test(file);
const gzipOf = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Builds into `outDir`; sizes of every chunk in the build (the service worker precaches them all
 *  after the first visit, but only the solo path's chunks are fetched before play: see opsOnPage). */
async function bundleFigures(outDir: string): Promise<Figure[]> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const files = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
  let app = 0;
  let phaser = 0;
  let uplot = 0;
  for (const f of files) {
    const gz = gzipOf(join(outDir, 'assets', f));
    if (f.startsWith('phaser-')) phaser += gz;
    else if (f.startsWith('uplot-')) uplot += gz;
    else app += gz;
  }
  return [
    {
      name: 'all app JS chunks gzip (every chunk but Phaser and uPlot, lazy ones included)',
      value: kb(app),
      unit: 'kB',
    },
    { name: 'Phaser chunk gzip', value: kb(phaser), unit: 'kB' },
    { name: 'chart library (uPlot) chunk gzip', value: kb(uplot), unit: 'kB' },
  ];
}

/** Serves `outDir` on a free loopback port for the duration of `fn`. */
async function withServer<T>(outDir: string, fn: (url: string) => Promise<T>): Promise<T> {
  const server = createAppServer({ distDir: outDir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    server.close();
  }
}

/** A fresh Chromium profile (cold cache) for the duration of `fn`. */
async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'one25-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireChromium(),
    args: chromiumArgs,
    viewport: { width: 1280, height: 720 },
  });
  try {
    return await fn(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function titleInteractive(outDir: string, runs = 5): Promise<Figure[]> {
  const times: number[] = [];
  await withServer(outDir, async (url) => {
    for (let i = 0; i < runs; i++) {
      times.push(
        await withPage(async (page) => {
          await page.goto(url);
          await page.waitForFunction(() => window.__titleInteractiveAt !== undefined, null, {
            timeout: 30_000,
          });
          return page.evaluate(() => window.__titleInteractiveAt ?? NaN);
        }),
      );
    }
  });
  const ms = Math.round(median(times));
  return [
    {
      name: `navigation → title interactive (median of ${runs}, cold profile)`,
      value: ms,
      unit: 'ms',
      budget: '≤ 2000',
      ok: ms <= 2000,
    },
  ];
}

/** Title → Ops time (New game, first level, Start) and frames per second in Ops at the fastest
 *  speed (×4 while skipping), software WebGL. */
async function opsFigures(outDir: string, renderer: 'auto' | 'webgl'): Promise<Figure[]> {
  return withServer(outDir, (url) => withPage((page) => opsOnPage(page, url, renderer, outDir)));
}

async function opsOnPage(
  page: Page,
  url: string,
  renderer: 'auto' | 'webgl',
  outDir: string,
): Promise<Figure[]> {
  // Every script the page fetches from navigation until Ops is interactive: the JS a player
  // downloads to play a solo game (title, level list, briefing, Ops). Sized from the build, gzip -9.
  const scripts = new Set<string>();
  const onRequest = (req: { url(): string; resourceType(): string }) => {
    const path = new URL(req.url()).pathname;
    if (req.resourceType() === 'script' && path.endsWith('.js')) scripts.add(path);
  };
  page.on('request', onRequest);
  // The WebGL run plays in Korean, so the first download is measured in both languages (each
  // language's strings are a chunk of their own).
  const lang = renderer === 'webgl' ? 'ko' : 'en';
  await page.goto(renderer === 'webgl' ? `${url}?renderer=webgl&lang=ko` : `${url}?lang=en`);
  await page.waitForFunction(() => window.__app?.screen() === 'title', null, { timeout: 30_000 });
  const used = await page.evaluate(() => window.__app?.rendererType());
  const t0 = await page.evaluate(() => performance.now());
  await page.click('[data-entry="new"]');
  await page.click(`[data-level="${process.env.BENCH_LEVEL ?? 'backbone-isp'}"]`);
  await page.click('[data-testid="briefing-start"]');
  await page.waitForFunction(() => window.__opsReadyAt !== undefined, null, { timeout: 30_000 });
  const titleToOps = Math.round((await page.evaluate(() => window.__opsReadyAt ?? NaN)) - t0);
  page.off('request', onRequest);
  const soloFiles = [...scripts].filter((p) => !isLibraryChunk(p.split('/').pop() ?? ''));
  const soloJs = kb(soloFiles.reduce((sum, p) => sum + gzipOf(join(outDir, p)), 0));
  await page.keyboard.press('3');
  await page.keyboard.press('n');
  await page.waitForTimeout(1000);
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const fps = (await page.evaluate(`new Promise((resolve) => {
      let frames = 0;
      const start = performance.now();
      const step = () => {
        frames++;
        if (performance.now() - start < 5000) requestAnimationFrame(step);
        else resolve((frames * 1000) / (performance.now() - start));
      };
      requestAnimationFrame(step);
    })`)) as number;
  const fpsFigure: Figure = {
    name: `Ops frames per second at the fastest speed, ${used} renderer (${renderer === 'webgl' ? 'forced WebGL on SwiftShader' : 'auto: Canvas on software WebGL'})`,
    value: Math.round(fps * 10) / 10,
    unit: 'fps',
    budget: '≥ 30',
    ok: fps >= 30,
  };
  const jsFigure: Figure = {
    name: `initial app JS gzip, ${lang === 'ko' ? 'Korean' : 'English'} (to play a solo game: ${soloFiles.length} scripts fetched from navigation to Ops interactive, Phaser and uPlot aside)`,
    value: soloJs,
    unit: 'kB',
    budget: '≤ 100',
    ok: soloJs <= 100,
  };
  if (renderer === 'webgl') return [jsFigure, fpsFigure];
  return [
    jsFigure,
    {
      name: 'title → Ops interactive (3 clicks, level loaded and parsed)',
      value: titleToOps,
      unit: 'ms',
    },
    fpsFigure,
  ];
}

/** Figures contributed by other parts of the game, if present in this build. */
async function moduleFigures(path: string, exportName: string): Promise<Figure[]> {
  if (!existsSync(new URL(path, import.meta.url))) return [];
  const mod = (await import(path)) as Record<
    string,
    () => Promise<Figure[] | Record<string, number | string>>
  >;
  const result = await mod[exportName]();
  if (Array.isArray(result)) return result;
  return Object.entries(result).map(([name, value]) => ({ name, value, unit: '' }));
}

/**
 * `BENCH_PARTS=browser,engine,game,replay,team,verify,exercise,pacing` (the default: all) picks
 * what to measure.
 */
const PARTS = new Set(
  (process.env.BENCH_PARTS ?? 'browser,engine,game,replay,team,verify,exercise,pacing').split(','),
);

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'one25-bench-dist-'));
  const figures: Figure[] = [];
  if (PARTS.has('browser'))
    try {
      const bundle = await bundleFigures(outDir);
      const title = await titleInteractive(outDir);
      // The auto-renderer run also measures the solo path's JS; it is printed first, with its budget.
      const [initialJs, ...opsAuto] = await opsFigures(outDir, 'auto');
      const [initialJsKo, ...opsWebgl] = await opsFigures(outDir, 'webgl');
      figures.push(initialJs, initialJsKo, ...bundle, ...title, ...opsAuto, ...opsWebgl);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  for (const part of ['engine', 'game', 'replay', 'team', 'verify', 'exercise', 'pacing'])
    if (PARTS.has(part))
      figures.push(...(await moduleFigures(`./${part}Bench.ts`, `${part}Bench`)));

  const rows = figures.map((f) => [
    f.name,
    `${f.value}${f.unit ? ' ' + f.unit : ''}`,
    f.budget ? `${f.budget} ${f.unit}` : '',
    f.ok === undefined ? '' : f.ok ? 'ok' : 'OVER',
  ]);
  const head = ['figure', 'value', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r) => console.log(line(r)));
  console.log('');
  console.log(JSON.stringify({ bench: figures }, null, 2));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
