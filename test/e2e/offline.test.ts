import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, waitForScreen, type Session } from './browser';
import { startByKeyboard, waitForTick } from './play';

const baseUrl = inject('baseUrl');
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('offline play (service worker)', () => {
  it('should start a solo game from the cache after one visit with the network gone', async () => {
    session = await openBrowser();
    const { page, context } = session;
    await page.goto(baseUrl);
    await waitForScreen(page, 'title');
    // Wait until the service worker has installed (precached everything) and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });

    await context.setOffline(true);
    await page.reload();
    await waitForScreen(page, 'title');
    await page.click('[data-lang="ko"]');
    await expect.poll(() => page.locator('[data-entry="new"]').textContent()).toBe('새 게임');
    // The Korean font came from the cache too.
    expect(
      await page.evaluate(() => document.fonts.check('700 20px "Noto Sans KR"', '새 게임')),
    ).toBe(true);
    // And a solo game runs: the level file and the game code came from the cache as well.
    await startByKeyboard(page, 'backbone-isp');
    await waitForTick(page, 60);
    // The code fetched on use after the game is up came from the cache too: the Inbox tab's body,
    // Howler (the ambience loop starts through it), the autosave writer with the level hash.
    await page.keyboard.press('i');
    await page.waitForSelector('[data-testid="compose-to"]', { timeout: 30_000 });
    await expect
      .poll(
        async () =>
          (await page.evaluate(() => window.__app?.cueLog() ?? [])).some(
            (c) => c.cue === 'hum' && c.started,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('one-twenty-five.autosave.v1') ?? ''), {
        timeout: 30_000,
      })
      .toMatch(/"sha256":"[0-9a-f]{64}"/);
  });
});
