// A score that explains itself, in the built game: the score panel (S, or the score in the top
// bar) shows points, maximum and weight for every part beside its measured quantity; a claim the
// player's own information contradicts is warned about before sending, named as false in the
// event log once it lands, and named again in the score panel and the debrief. In English and
// Korean, with screenshots and the accessibility audit of the panel.
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, waitForScreen, type Session } from './browser';
import {
  endShift,
  feedText,
  runAction,
  selectDevice,
  startByKeyboard,
  tabTo,
  waitForTick,
} from './play';

const baseUrl = inject('baseUrl');
const SHOTS = process.env.SCORE_SHOTS ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
const PARTS = 11;

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function axe(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every part row shows "n/100", "× weight" and "share / max" beside a worded quantity. */
async function partRows(page: Page, root: string) {
  return page.$$eval(`${root} [data-testid="score-parts"] tbody tr[data-part]`, (rows) =>
    rows.map((r) => ({
      part: r.getAttribute('data-part'),
      cells: [...r.querySelectorAll('td')].map((c) => c.textContent ?? ''),
    })),
  );
}

function expectEveryPart(rows: Awaited<ReturnType<typeof partRows>>) {
  expect(rows).toHaveLength(PARTS);
  for (const r of rows) {
    const [measured, points, weight, share] = r.cells;
    expect(measured, r.part!).toMatch(/\S/);
    expect(points, r.part!).toMatch(/^[\d.,]+\/100$/);
    expect(weight, r.part!).toMatch(/^× [\d.,]+$/);
    expect(share, r.part!).toMatch(/^[\d.,]+ \/ [\d.,]+$/);
  }
}

/** Scrolls a part of a panel into view (the open score panel re-renders while the run goes on). */
const scrollTo = (page: Page, testId: string) =>
  page.evaluate(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.scrollIntoView({ block: 'start' }),
    testId,
  );

/** Composer: recipient, one content block (by its id), Send; returns once the click is made. */
async function draft(page: Page, to: string, block: string) {
  await page.keyboard.press('i');
  await page.selectOption('[data-testid="compose-to"]', to);
  await page.check(`[data-block="${block}"]`);
  await page.click('[data-testid="compose-send"]');
}

describe('a score that explains itself (built game in Chromium)', () => {
  it('should show every part in the score panel, warn before a false claim, then name it', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await page.goto(`${baseUrl}?lang=en`);
    await startByKeyboard(page, 'tutorial');

    // S opens the score panel (fetched on first use): points of 100, weight, share of 1000.
    await page.keyboard.press('s');
    await page.waitForSelector('[data-testid="score-panel"][open] [data-testid="score-parts"]');
    expectEveryPart(await partRows(page, '[data-testid="score-panel"]'));
    expect(await page.textContent('[data-testid="score-panel"]')).toContain('as if it ended now');
    // Before a diagnosis the panel shows the points, not the cause: nothing names the worm.
    expect(await page.isVisible('[data-testid="score-sealed-note"]')).toBe(true);
    expect(await page.textContent('[data-testid="score-panel"]')).not.toMatch(/worm|1434|infect/i);
    expect(await axe(page, '[data-testid="score-panel"]')).toEqual([]);
    // How the score works: the level's weights beside the definitions.
    await page.click('[data-testid="score-how-open"]');
    await page.waitForSelector('[data-testid="score-how"][open]');
    expect(await page.$$('[data-testid="score-how"] tbody tr[data-part]')).toHaveLength(PARTS);
    expect(await page.textContent('[data-testid="score-how"]')).not.toMatch(/worm|1434|infect/i);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="score-how"]', { state: 'detached' });
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="score-panel"]', { state: 'detached' });

    // After the worm's onset NetFlow on the international link names what floods it (the
    // composer offers worm claims only from then on); telling KISA "the worm is contained" with no
    // filter in place is contradicted by what the player knows.
    await page.keyboard.press('3');
    await waitForTick(page, 1860, 90_000);
    await selectDevice(page, 'link:intl');
    await runAction(page, 'diag.netflow');
    await page.keyboard.press('t');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="findings"]')?.textContent ?? '').includes('1434'),
      null,
      { timeout: 90_000 },
    );
    await page.keyboard.press('p');
    const before = (await page.evaluate(() => window.__app?.run()))!.log;
    await draft(page, 'kisa', 'report-contained');
    await page.waitForSelector('[data-testid="claim-warning"]');
    const warning = await page.textContent('[data-testid="claim-warning"]');
    expect(warning).toContain('the worm is contained');
    expect(warning).toMatch(/no filter or rate limit has been put in place yet/);
    // Not sent yet: the player may revise.
    expect((await page.evaluate(() => window.__app?.run()))!.log).toBe(before);
    await page.screenshot({ path: `${SHOTS}/score-warning-en.png` });
    await page.click('[data-testid="claim-send-anyway"]');
    await page.waitForSelector('[data-testid="claim-warning"]', { state: 'detached' });
    await page.keyboard.press('p');
    // The message lands after the comms task; the event log names the false claim and the truth.
    await expect
      .poll(() => feedText(page), { timeout: 90_000 })
      .toMatch(/False claim: claim ‘the worm is contained’ to KISA.* was false at \d\d:\d\d: /);

    // The score panel names it too, and its history says what it cost.
    await page.click('[data-testid="score"]');
    await page.waitForSelector('[data-testid="score-panel"][open] [data-testid="score-history"]');
    await expect
      .poll(() => page.textContent('[data-testid="false-claims"]'))
      .toMatch(/the worm is contained.*was false/);
    await expect
      .poll(() => page.textContent('[data-testid="score-history"]'), { timeout: 20_000 })
      .toMatch(/Communications: claim ‘the worm is contained’/);
    await page.screenshot({ path: `${SHOTS}/score-panel-en.png` });
    await scrollTo(page, 'score-history');
    await page.screenshot({ path: `${SHOTS}/score-panel-history-en.png` });
    await page.keyboard.press('Escape');

    await endShift(page);
    await waitForScreen(page, 'debrief', 60_000);
    await page.waitForSelector('[data-testid="debrief"] [data-testid="score-parts"]');
    expectEveryPart(await partRows(page, '[data-testid="debrief"]'));
    expect(await page.textContent('[data-testid="false-claims"]')).toMatch(
      /claim ‘the worm is contained’ to KISA.* was false at \d\d:\d\d: .*Mbit\/s/,
    );
    await page.waitForSelector('[data-testid="debrief"] [data-testid="score-history"]', {
      timeout: 60_000,
    });
    await page.screenshot({ path: `${SHOTS}/score-debrief-en.png` });
    await scrollTo(page, 'false-claims');
    await page.screenshot({ path: `${SHOTS}/score-debrief-history-en.png` });
    expect(errors).toEqual([]);
  }, 240_000);

  it('should explain the score in Korean in Ops and the debrief', async () => {
    session = await openBrowser({ locale: 'ko-KR' });
    const { page, errors } = session;
    await page.goto(`${baseUrl}?lang=ko`);
    await startByKeyboard(page, 'tutorial');
    await page.keyboard.press('3');
    await waitForTick(page, 2400, 90_000);
    await tabTo(page, (f) => f.testid === 'score', 'the score in the top bar');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="score-panel"][open] [data-testid="score-history"]');
    expectEveryPart(await partRows(page, '[data-testid="score-panel"]'));
    const text = await page.textContent('[data-testid="score-panel"]');
    expect(text).toContain('가중치');
    expect(text).toContain('지금 하루가 끝난다면');
    // The running score fell since the onset: the history says why, latest first.
    expect(await page.textContent('[data-testid="score-history"]')).toMatch(/가입자/);
    // Nobody has diagnosed anything: the cause stays sealed in Korean too.
    expect(text).not.toMatch(/웜|1434|감염/);
    await page.screenshot({ path: `${SHOTS}/score-panel-ko.png` });
    await page.keyboard.press('Escape');
    await endShift(page);
    await waitForScreen(page, 'debrief', 60_000);
    await page.waitForSelector('[data-testid="debrief"] [data-testid="score-history"]', {
      timeout: 60_000,
    });
    expectEveryPart(await partRows(page, '[data-testid="debrief"]'));
    expect(await page.textContent('[data-testid="debrief"]')).toContain('점수가 바뀐 이유');
    await page.screenshot({ path: `${SHOTS}/score-debrief-ko.png` });
    await scrollTo(page, 'score-history');
    await page.screenshot({ path: `${SHOTS}/score-debrief-history-ko.png` });
    expect(errors).toEqual([]);
  });
});
