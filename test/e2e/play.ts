// Keyboard drivers for e2e play: what a player does with Enter, Tab, arrows and the shortcuts.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitForScreen } from './browser';

export const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return {
      tag: a?.tagName,
      id: a?.id,
      key: a?.dataset.key,
      command: a?.dataset.command,
      entry: a?.dataset.entry,
      level: a?.dataset.level,
      testid: a?.dataset.testid,
      block: a?.dataset.block,
    };
  });

export const runInfo = (page: Page) => page.evaluate(() => window.__app?.run());

/** Presses Tab until `match` says focus is where we want it. */
export async function tabTo(
  page: Page,
  match: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  what: string,
  limit = 120,
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (match(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${what} not reachable by Tab`);
}

/** Title → New game → the level → Start, all from the keyboard; `shots` names screenshots of the
 *  level list and the briefing (test-results/screenshots/<shots>-levels.png, -briefing.png). */
export async function startByKeyboard(page: Page, level: string, shots?: string): Promise<void> {
  await waitForScreen(page, 'title');
  expect((await focused(page)).entry).toBe('new');
  await page.keyboard.press('Enter');
  // A saved run is replaced by a new game: the title asks first (the safe answer has focus).
  await page.waitForFunction(
    () =>
      window.__app?.screen() === 'levelSelect' ||
      !!document.querySelector('[data-testid="confirm"][open]'),
  );
  if (await page.$('[data-testid="confirm"][open]')) {
    await tabTo(page, (f) => f.testid === 'confirm-yes', 'replace the saved run');
    await page.keyboard.press('Enter');
  }
  await waitForScreen(page, 'levelSelect');
  await page.waitForSelector(`[data-level="${level}"]`);
  if (shots) await page.screenshot({ path: `test-results/screenshots/${shots}-levels.png` });
  await tabTo(page, (f) => f.level === level, `level ${level}`);
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'briefing');
  await page.waitForSelector('[data-testid="briefing-start"]');
  expect((await focused(page)).testid).toBe('briefing-start');
  if (shots) await page.screenshot({ path: `test-results/screenshots/${shots}-briefing.png` });
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'running.live');
  await page.waitForSelector('[data-testid="ops"]');
}

/** D, Home, then arrows until the device list shows `value`. */
export async function selectDevice(page: Page, value: string): Promise<void> {
  await page.keyboard.press('d');
  expect((await focused(page)).id).toBe('device-select');
  await page.keyboard.press('Home');
  for (let i = 0; i < 60; i++) {
    if ((await page.inputValue('#device-select')) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`device ${value} not reachable by arrows`);
}

/** From the device list: Enter to its actions, Tab to the action `key`, Enter. */
export async function runAction(page: Page, key: string): Promise<void> {
  await page.keyboard.press('Enter');
  await tabTo(page, (f) => f.key === key, `action ${key}`);
  await page.keyboard.press('Enter');
}

/** I, then the composer: recipient by arrows, the content block by Space, Send by Enter. */
export async function sendMessage(page: Page, to: string, block: string): Promise<void> {
  await page.keyboard.press('i');
  await tabTo(page, (f) => f.testid === 'compose-to', 'recipient');
  await page.keyboard.press('Home');
  for (let i = 0; i < 20 && (await page.inputValue('[data-testid="compose-to"]')) !== to; i++) {
    await page.keyboard.press('ArrowDown');
  }
  expect(await page.inputValue('[data-testid="compose-to"]')).toBe(to);
  await tabTo(page, (f) => f.block === block, `block ${block}`);
  await page.keyboard.press('Space');
  await tabTo(page, (f) => f.testid === 'compose-send', 'send');
  await page.keyboard.press('Enter');
  // A claim the player's own information contradicts is held with a warning first: the scripted
  // player sends it anyway, as a player who heeds nothing would (score.test.ts checks the warning).
  const warning = await page
    .waitForSelector('[data-testid="claim-send-anyway"]', { timeout: 1500 })
    .catch(() => null);
  if (warning) await warning.click();
}

export async function waitForTick(page: Page, tick: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction((t) => (window.__app?.run()?.tick ?? 0) >= t, tick, {
    timeout,
    polling: 200,
  });
}

/**
 * Drives the solo run's game time to `tick` through the test hook (no wall-clock sleeps); the
 * frames that follow let the views catch up. Returns where the run stopped.
 */
export async function advanceTo(
  page: Page,
  tick: number,
): Promise<{ tick: number; ended: boolean; paused: boolean }> {
  const at = await page.evaluate((t) => window.__app?.advance(t), tick);
  if (!at) throw new Error('no solo run in play to advance');
  return at;
}

/** Waits for two animation frames: the Ops scene has drawn what the run reached. */
export const nextFrames = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );

/** P resumes a clock that a situation (or anything) paused; a running clock is left alone. */
export async function resumeIfPaused(page: Page): Promise<void> {
  if ((await runInfo(page))?.paused) {
    await page.keyboard.press('p');
    await page.waitForFunction(() => window.__app?.run()?.paused === false);
  }
}

export const feedText = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-testid="feed"]')?.textContent ?? '');

/** End shift (or the facilitator's End the session), confirmed in the in-page dialog. */
export async function endShift(page: Page): Promise<void> {
  await page.click('[data-action="end"]');
  await page.click('[data-testid="confirm-yes"]');
}
