// The replay's ghost comparison on a 1366×768 laptop screen: opening it must not squeeze the map
// (issue 16, defect 9). The charts share the session bar above the map; the map slot keeps most of
// the height it had before they opened.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openBrowser, waitForScreen, type Session } from './browser';
import { endShift, runInfo, startByKeyboard, tabTo } from './play';

const baseUrl = inject('baseUrl');
const SHOTS = '/tmp/shots-wording';
mkdirSync(SHOTS, { recursive: true });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const mapSlot = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('#ops-map-slot')!.getBoundingClientRect();
    return { width: r.width, height: r.height };
  });

describe('replay ghost chart at 1366×768', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: opening the comparison keeps the map's room`, async () => {
      session = await openBrowser({ viewport: { width: 1366, height: 768 } });
      const { page, errors } = session;
      await page.goto(`${baseUrl}?lang=${lang}`);
      // A short run to replay: the tutorial, ended at once (the rest is simulated).
      await startByKeyboard(page, 'tutorial');
      await expect.poll(async () => (await runInfo(page))?.tick).toBeGreaterThan(0);
      await endShift(page);
      await waitForScreen(page, 'debrief', 60_000);
      await page.waitForSelector('[data-testid="debrief-done"]');
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'title');
      await tabTo(page, (f) => f.entry === 'replays', 'Replays');
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'runs');
      await page.waitForSelector('[data-testid="run-item"]');
      await tabTo(page, (f) => f.id?.endsWith('-watch') ?? false, 'Watch');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="replay-controls"]');
      await waitForScreen(page, 'replaying', 30_000);
      await page.waitForTimeout(300);
      const before = await mapSlot(page);
      await page.click('[data-testid="replay-ghost-toggle"]');
      await page
        .waitForSelector('[data-testid="ghost-chart"] canvas', { timeout: 60_000 })
        .catch(async (err: unknown) => {
          await page.screenshot({ path: `${SHOTS}/replay-ghost-1366-${lang}-failed.png` });
          throw err;
        });
      await page.waitForTimeout(300);
      const after = await mapSlot(page);
      await page.screenshot({ path: `${SHOTS}/replay-ghost-1366-${lang}.png` });
      // The map keeps most of its height and a usable size; the charts are all there.
      expect(after.height, JSON.stringify({ before, after })).toBeGreaterThanOrEqual(
        before.height * 0.75,
      );
      expect(after.height).toBeGreaterThanOrEqual(300);
      expect(after.width).toBeGreaterThanOrEqual(before.width * 0.95);
      expect(await page.locator('[data-testid="ghost-chart"] figure').count()).toBe(4);
      // Every chart fits inside the window (none pushed off screen).
      const charts = await page.$$eval('[data-testid="ghost-chart"] figure', (fs) =>
        fs.map((f) => f.getBoundingClientRect().bottom),
      );
      for (const bottom of charts) expect(bottom).toBeLessThanOrEqual(768);
      expect(errors).toEqual([]);
    });
  }
});
