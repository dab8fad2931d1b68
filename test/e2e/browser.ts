// Drives Debian's Chromium with playwright-core for e2e tests: a fresh profile per launch, the
// flags that give software WebGL and audio without a gesture, and a record of console errors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, requireChromium } from '../../src/cli/chromium';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowser(
  options: {
    locale?: string;
    viewport?: { width: number; height: number };
    /** The solo "pause when a situation arrives" setting (default here: off, so tests that let
     *  the clock run are not stopped by every situation; the game's own default is on). */
    pauseOnSituation?: boolean;
  } = {},
): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'one25-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireChromium(),
    args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
    viewport: options.viewport ?? { width: 1280, height: 720 },
    locale: options.locale ?? 'en-US',
  });
  // Only when the profile has no choice stored yet, so a test that changes it keeps its choice.
  await context.addInitScript((pause: boolean) => {
    const key = 'one-twenty-five.settings.v1';
    let stored: Record<string, unknown>;
    try {
      stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
    } catch {
      return;
    }
    if (typeof stored !== 'object' || stored === null || 'pauseOnSituation' in stored) return;
    localStorage.setItem(key, JSON.stringify({ ...stored, pauseOnSituation: pause }));
  }, options.pauseOnSituation ?? false);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function waitForScreen(page: Page, screen: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((s) => window.__app?.screen() === s, screen, { timeout });
}

/** Fraction of sampled canvas pixels that differ from the background colour. */
export async function canvasInk(page: Page): Promise<number> {
  return page.evaluate(() => {
    const source = document.querySelector('#game canvas') as HTMLCanvasElement | null;
    if (!source) return 0;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const g = copy.getContext('2d');
    if (!g) return 0;
    g.drawImage(source, 0, 0);
    const { data } = g.getImageData(0, 0, copy.width, copy.height);
    let ink = 0;
    let samples = 0;
    for (let i = 0; i < data.length; i += 4 * 97) {
      samples++;
      const [r, gr, b] = [data[i], data[i + 1], data[i + 2]];
      if (Math.abs(r - 0x0b) + Math.abs(gr - 0x13) + Math.abs(b - 0x20) > 24) ink++;
    }
    return ink / samples;
  });
}
