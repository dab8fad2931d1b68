// Pacing in the built game (issue 16): at the fastest speed a situation that arrives is still open
// and counting down when it is shown; with "pause when a situation arrives" (the solo default) the
// clock stops, says why, and the card says the clock is paused. Screenshots go to SHOTS.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './browser';
import { startByKeyboard } from './play';

const baseUrl = inject('baseUrl');
const SHOTS = process.env.PACING_SHOTS ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The first open situation card with a deadline: its inject id and game seconds left. */
async function countdown(page: Page): Promise<{ id: string; leftS: number; text: string } | null> {
  return page.evaluate(() => {
    const line = document.querySelector<HTMLElement>('.situation .deadline[data-left-s]');
    const card = line?.closest<HTMLElement>('[data-inject]');
    if (!line || !card) return null;
    return {
      id: card.dataset.inject!,
      leftS: Number(line.dataset.leftS),
      text: line.textContent ?? '',
    };
  });
}

async function waitForSituation(page: Page): Promise<{ id: string; leftS: number; text: string }> {
  // The inbox tab shows the cards (I also focuses the first answer).
  await page.keyboard.press('i');
  await page.waitForSelector('.situation .deadline[data-left-s]', { timeout: 180_000 });
  return (await countdown(page))!;
}

describe('pacing at the fastest speed (built game in Chromium)', () => {
  it('a situation arriving at ×4 is still open and its countdown is visible and decreasing', async () => {
    session = await openBrowser({ pauseOnSituation: false });
    const { page, errors } = session;
    await page.goto(`${baseUrl}?lang=en`);
    await startByKeyboard(page, 'tutorial');
    await page.keyboard.press('3'); // ×4, the fastest
    const first = await waitForSituation(page);
    expect(first.leftS).toBeGreaterThan(0);
    expect(first.text).toMatch(/min of game time left · about .* in real time at this pace/);
    await page.screenshot({ path: `${SHOTS}/pacing-countdown-en.png` });
    // Five real seconds later it is the same situation, still open, with less time left — and at
    // this rate its whole window could not have passed in so little real time.
    await page.waitForTimeout(5000);
    const later = await countdown(page);
    expect(later?.id).toBe(first.id);
    expect(later!.leftS).toBeLessThan(first.leftS);
    expect(first.leftS - later!.leftS).toBeLessThan(first.leftS);
    const state = await page.evaluate(() => window.__app?.run());
    expect(state?.ended).toBe(false);
    expect(errors).toEqual([]);
  });

  it('with pause-on-situation (the solo default) the clock stops and says why, in Korean', async () => {
    session = await openBrowser({ locale: 'ko-KR', pauseOnSituation: true });
    const { page, errors } = session;
    await page.goto(`${baseUrl}?lang=ko`);
    await startByKeyboard(page, 'tutorial');
    await page.keyboard.press('3');
    const first = await waitForSituation(page);
    await page.waitForFunction(
      () => (document.querySelector('.ops-state')?.textContent ?? '').includes('새 상황'),
      null,
      { timeout: 10_000 },
    );
    const tick = (await page.evaluate(() => window.__app?.run()))!.tick;
    await page.waitForTimeout(2000);
    expect((await page.evaluate(() => window.__app?.run()))!.tick).toBe(tick);
    const paused = await countdown(page);
    expect(paused?.id).toBe(first.id);
    expect(paused!.text).toContain('시계가 멈춰 있음');
    expect(await page.textContent('[data-testid="feed"]')).toContain('새 상황이 들어와 일시정지');
    await page.screenshot({ path: `${SHOTS}/pacing-paused-ko.png` });
    // Resume: it counts down again.
    await page.click('[data-action="pause"]');
    await page.waitForTimeout(3000);
    const running = await countdown(page);
    expect(running!.leftS).toBeLessThan(paused!.leftS);
    expect(running!.text).toMatch(/지금 속도로 실제 약/);
    await page.screenshot({ path: `${SHOTS}/pacing-countdown-ko.png` });
    expect(errors).toEqual([]);
  });
});
