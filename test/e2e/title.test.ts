import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { canvasInk, openBrowser, waitForScreen, type Session } from './browser';

const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('title screen (built game in Chromium)', () => {
  it('should reach the title, switch to Korean, draw the canvas and play the button cue', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await page.goto(baseUrl);
    await waitForScreen(page, 'title');
    // Headless Chromium only has software WebGL, where the game picks Canvas (faster there).
    expect(await page.evaluate(() => window.__app?.rendererType())).toBe('CANVAS');
    await expect.poll(() => page.locator('[data-entry="new"]').textContent()).toBe('New game');

    await page.click('[data-lang="ko"]');
    await expect.poll(() => page.locator('[data-entry="new"]').textContent()).toBe('새 게임');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await page.evaluate(() => window.__app?.language())).toBe('ko');
    // The Korean glyphs are drawn with the bundled font, not a system fallback.
    expect(
      await page.evaluate(() => document.fonts.check('700 20px "Noto Sans KR"', '대한민국 인터넷')),
    ).toBe(true);

    expect(await canvasInk(page)).toBeGreaterThan(0.05);
    await page.screenshot({ path: `${SHOTS}/title-ko.png` });

    const cues = await page.evaluate(() => window.__app?.cueLog() ?? []);
    expect(cues.map((c) => c.cue)).toContain('click');
    await expect
      .poll(async () =>
        (await page.evaluate(() => window.__app?.cueLog() ?? [])).some((c) => c.started),
      )
      .toBe(true);
    expect(errors).toEqual([]);
  });

  it('should draw the title with WebGL when asked to', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await page.goto(`${baseUrl}?renderer=webgl`);
    await waitForScreen(page, 'title');
    expect(await page.evaluate(() => window.__app?.rendererType())).toBe('WEBGL');
    expect(await canvasInk(page)).toBeGreaterThan(0.05);
    expect(errors).toEqual([]);
  });

  it('should remember the language and sound settings across a reload', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await page.goto(baseUrl);
    await waitForScreen(page, 'title');
    await page.click('[data-lang="ko"]');
    await page.check('#setting-mute');
    await page.check('#setting-motion');
    await page.selectOption('#setting-text', '1.5');
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('24px');
    await page.reload();
    await waitForScreen(page, 'title');
    expect(await page.evaluate(() => window.__app?.language())).toBe('ko');
    expect(await page.isChecked('#setting-mute')).toBe(true);
    expect(await page.isChecked('#setting-motion')).toBe(true);
    expect(await page.inputValue('#setting-text')).toBe('1.5');
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('24px');
    // Muted: the cue is logged as requested but muted.
    await page.click('[data-lang="ko"]');
    const last = (await page.evaluate(() => window.__app?.cueLog() ?? [])).at(-1);
    expect(last).toMatchObject({ cue: 'click', muted: true });
    expect(errors).toEqual([]);
  });

  it('should be usable from the keyboard: New game opens the level list, Escape returns', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(baseUrl);
    await waitForScreen(page, 'title');
    // The first entry has focus on arrival.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-entry'))).toBe(
      'new',
    );
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'levelSelect');
    await expect.poll(() => page.locator('[data-level="backbone-isp"]').count()).toBe(1);
    // The first level has focus; Escape goes back like the Back button.
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('data-level')),
    ).toBeTruthy();
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');
  });

  it('should fall back to English for an unknown ?lang= without errors', async () => {
    session = await openBrowser({ locale: 'ko-KR' });
    const { page, errors } = session;
    await page.goto(`${baseUrl}?lang=xx-YY`);
    await waitForScreen(page, 'title');
    expect(await page.evaluate(() => window.__app?.language())).toBe('en');
    await expect.poll(() => page.locator('[data-entry="new"]').textContent()).toBe('New game');
    expect(errors).toEqual([]);
  });

  it('should use the browser language when nothing else says', async () => {
    session = await openBrowser({ locale: 'ko-KR' });
    await session.page.goto(baseUrl);
    await waitForScreen(session.page, 'title');
    expect(await session.page.evaluate(() => window.__app?.language())).toBe('ko');
  });

  it('should name a missing asset on screen instead of showing a black screen', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.route('**/audio/click.wav', (route) =>
      route.fulfill({ status: 404, body: 'Not found' }),
    );
    await page.goto(baseUrl);
    await waitForScreen(page, 'loadFailed');
    const alert = page.locator('[data-testid="load-error"]');
    await expect.poll(() => alert.textContent()).toContain('audio/click.wav');
    expect(await alert.textContent()).toContain('HTTP 404');
    await page.screenshot({ path: `${SHOTS}/load-error.png` });
  });

  it('should name an asset that arrives as the wrong kind of file', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.route('**/audio/confirm.wav', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><html><body>index</body></html>',
      }),
    );
    await page.goto(baseUrl);
    await waitForScreen(page, 'loadFailed');
    await expect
      .poll(() => page.locator('[data-testid="load-error"]').textContent())
      .toContain('audio/confirm.wav');
    expect(await page.locator('[data-testid="load-error"]').textContent()).toContain('not a WAV');
  });
});
