// The exercise console end to end on the real server, in Chromium: from the title, create an
// exercise of two teams (English, desktop); one team's empty network role goes to the historical
// bot; a second browser context opens the same exercise with its code and token (Korean, 375 px
// wide); start, pause and one inject reach both rooms; end all; the comparison board lists both
// teams beside the historical response and exports as CSV. axe on the console in both languages.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForScreen } from './browser';
import {
  axeViolations,
  launchBrowser,
  openSeat,
  startTeamServer,
  type TeamServer,
} from './teamHelpers';

const SHOTS = process.env.EXERCISE_SHOTS ?? 'test-results/screenshots';
let server: TeamServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTeamServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A screenshot with `target` scrolled into view (the console scrolls inside the overlay). */
const shot = async (page: Page, name: string, target?: string) => {
  // The console redraws every 2 s: an element found just before a redraw is gone; find it again.
  for (let i = 0; target && i < 5; i++)
    try {
      await page.locator(target).first().scrollIntoViewIfNeeded({ timeout: 2000 });
      break;
    } catch {
      await page.waitForTimeout(100);
    }
  await page.screenshot({ path: `${SHOTS}/exercise-${name}.png` });
};
const cards = (page: Page) => page.locator('.exercise-room');

describe('exercise console (two browser contexts, real server)', () => {
  it('creates two rooms, steers them together, and compares the teams at the end', async () => {
    const en = await openSeat(browser, 'controller-en');
    const ko = await openSeat(browser, 'controller-ko', {
      locale: 'ko-KR',
      viewport: { width: 375, height: 812 },
    });
    const { page } = en;
    await page.goto(server.url);
    await waitForScreen(page, 'title');
    await page.click('[data-entry="exercise"]');
    await page.waitForSelector('[data-testid="exercise-create"]');
    await page.fill('#ex-name', 'Seoul drill');
    await page.fill('#ex-seed', '7');
    await page.fill('#ex-teams', '2');
    expect(await axeViolations(page, 'exercise create (en)')).toEqual([]);
    await shot(page, 'create-en');
    await page.click('[data-testid="exercise-create"] button[type="submit"]');
    await expect.poll(() => cards(page).count(), { timeout: 15_000 }).toBe(2);
    const token = (await page.textContent('.exercise-token'))!.split(': ').at(-1)!.trim();
    const code = (await page.textContent('#ex-created-h'))!.match(/Exercise (\w{6})/)![1]!;
    const rooms = await cards(page).evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-room')!),
    );

    // Team 1's empty network seat goes to the historical bot, from the console.
    await page.selectOption(`#ex-bot-${rooms[0]}-network`, 'historical');
    await expect
      .poll(() => cards(page).nth(0).locator('.exercise-bot').first().textContent())
      .toBe('bot: historical');

    // Team 2's facilitator (its token from the console, kept by its tab as the lobby keeps a
    // seat) gives the empty comms seat to the sensible bot from the lobby.
    const facToken = (await page.textContent('.exercise-created li:nth-child(2)'))!
      .split(' ')
      .at(-1)!;
    const fac = await openSeat(browser, 'facilitator-2');
    await fac.page.addInitScript(
      ([seat]) => sessionStorage.setItem('one-twenty-five.team.seat.v1', seat!),
      [JSON.stringify({ token: facToken, code: rooms[1], kind: 'facilitator' })],
    );
    await fac.page.goto(server.url);
    await fac.page.waitForSelector('[data-testid="team-bot-comms"]');
    await fac.page.selectOption('[data-testid="team-bot-comms"]', 'sensible');
    await expect
      .poll(() => cards(page).nth(1).locator('.exercise-bot').first().textContent(), {
        timeout: 10_000,
      })
      .toBe('bot: sensible');
    expect(await axeViolations(fac.page, 'lobby with bots (en)')).toEqual([]);
    await shot(fac.page, 'lobby-bot-en', '[data-testid="team-bot-comms"]');

    // The Korean console on a phone opens the same exercise with its code and token.
    await ko.page.goto(server.url);
    await waitForScreen(ko.page, 'title');
    await ko.page.click('[data-entry="exercise"]');
    await ko.page.fill('#ex-code', code);
    await ko.page.fill('#ex-token', token);
    await ko.page.click('[data-testid="exercise-open"] button[type="submit"]');
    await expect.poll(() => cards(ko.page).count(), { timeout: 15_000 }).toBe(2);
    expect(await ko.page.textContent('.exercise-room h3')).toContain('1팀');
    expect(await ko.page.locator('.exercise-bot').first().textContent()).toBe('봇: 역사');
    // 375 px: nothing wider than the screen but the board's own scroller.
    const overflow = await ko.page.evaluate(
      () => document.querySelector('.exercise-console')!.scrollWidth,
    );
    expect(overflow).toBeLessThanOrEqual(375);

    // Keyboard: Start all is reachable and pressed with the keyboard.
    await page.focus('#ex-action-start');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => cards(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))))
      .toEqual(['running', 'running']);
    await page.click('#ex-action-pause');
    await expect
      .poll(() => page.textContent('.exercise-live'))
      .toContain('Pause all: 2 of 2 rooms');
    await page.fill('#ex-inject-ko', '언론사 기자가 원인을 묻습니다');
    await page.fill('#ex-inject-en', 'A reporter asks about the cause');
    await page.click('.exercise-inject button[type="submit"]');
    await expect.poll(() => page.textContent('.exercise-live')).toContain('2 of 2 rooms');
    await expect
      .poll(() => cards(page).nth(1).locator('.exercise-actions').textContent())
      .toContain('inject.custom');
    // The second console sees it at its next poll (every 2 s).
    await expect
      .poll(() => ko.page.locator('.exercise-room-state').first().textContent(), {
        timeout: 15_000,
      })
      .toContain('일시정지');
    expect(await ko.page.locator('.exercise-room-state').first().textContent()).not.toMatch(/Jan/);
    expect(await axeViolations(ko.page, 'exercise live (ko)')).toEqual([]);
    await shot(ko.page, 'live-ko-375', '.exercise-room');
    await shot(page, 'live-en', '.exercise-rooms');

    // Export while running: it says which rooms are not final.
    const early = page.waitForEvent('download');
    await page.click('[data-testid="exercise-export"]');
    await early;
    await expect.poll(() => page.textContent('.exercise-live')).toContain('still running');
    expect(await page.textContent('.exercise-live')).toContain(rooms[0]);

    await page.click('#ex-action-end');
    await expect
      .poll(() => cards(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))), {
        timeout: 60_000,
      })
      .toEqual(['ended', 'ended']);
    // The board: both teams and the historical response (scored on a worker after the end).
    await expect
      .poll(() => page.locator('[data-testid="exercise-board"] tbody tr').count(), {
        timeout: 60_000,
      })
      .toBe(3);
    const rowsText = await page.locator('[data-testid="exercise-board"] tbody').textContent();
    expect(rowsText).toContain('Team 1');
    expect(rowsText).toContain('Team 2');
    expect(rowsText).toContain('Historical response');
    const download = page.waitForEvent('download');
    await page.click('[data-testid="exercise-export"]');
    const csv = readFileSync((await (await download).path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^team,room,state,total,subscriberHours,/);
    for (const room of rooms) expect(csv).toContain(`,${room},ended,`);
    expect(lines[3]).toMatch(/^Historical response \(same seed\),,history,458,/);
    expect(await page.textContent('.exercise-live')).toContain(`exercise-${code}.csv`);
    expect(await axeViolations(page, 'exercise board (en)')).toEqual([]);
    await shot(page, 'board-en', '[data-testid="exercise-board"]');
    await expect
      .poll(() => ko.page.locator('[data-testid="exercise-board"] tbody tr').count(), {
        timeout: 30_000,
      })
      .toBe(3);
    expect(await ko.page.locator('[data-testid="exercise-board"] tbody').textContent()).toContain(
      '실제 대응',
    );
    await shot(ko.page, 'board-ko-375', '[data-testid="exercise-board"]');
    expect([...en.errors, ...ko.errors, ...fac.errors]).toEqual([]);
  }, 480_000);
});
