// A player's session in the built game, driven by the keyboard: start the backbone ISP, look at
// the links, filter UDP 1434 once it is identified, tell KISA, let time run to the debrief. Then
// autosave/continue, offline start and the accessibility audit.
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { canvasInk, openBrowser, waitForScreen, type Session } from './browser';
import {
  advanceTo,
  endShift,
  runAction,
  runInfo,
  selectDevice,
  startByKeyboard,
  waitForTick,
} from './play';

const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
const LEVEL = process.env.E2E_LEVEL ?? 'backbone-isp';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const run = runInfo;

async function axe(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include('#overlay').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

// The clock holds slow around events (pacing): a whole story takes minutes of real time on CI.
describe('solo play (keyboard, built game in Chromium)', { timeout: 300_000 }, () => {
  it('should play the backbone ISP from the title to a scored debrief', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${baseUrl}?lang=ko`);
    await page.waitForFunction(() => window.__app?.screen() === 'title');
    await page.screenshot({ path: `${SHOTS}/title-solo-ko.png` });
    await startByKeyboard(page, LEVEL, 'solo-ko');
    // The Ops panels speak Korean too.
    expect(await page.textContent('.ops-layout')).toMatch(/[\uac00-\ud7a3]/);
    expect(await canvasInk(page)).toBeGreaterThan(0.05);
    await page.screenshot({ path: `${SHOTS}/ops-start-ko.png` });
    expect(await page.textContent('[data-testid="clock"]')).toContain('KST');
    expect(await page.textContent('.ops-top')).toMatch(/[\uac00-\ud7a3]/);

    // ? opens the keyboard help (its code is fetched on first use); Escape closes it.
    await page.keyboard.press('?');
    await page.waitForSelector('[data-testid="help"][open]');
    expect(await page.textContent('[data-testid="help"]')).toMatch(/[\uac00-\ud7a3]/);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="help"]', { state: 'detached' });

    // The link graphs: select the international link, look at the monitoring tab.
    await page.keyboard.press('3'); // ×4
    await selectDevice(page, 'link:intl-hyehwa');
    await page.keyboard.press('m');
    await expect
      .poll(() => page.locator('[data-testid="chart-links"] canvas').count())
      .toBeGreaterThan(0);

    // Wait for the worm (14:30 KST) and a few minutes of it, then find it with NetFlow.
    await waitForTick(page, 33 * 60, 90_000);
    await selectDevice(page, 'link:intl-hyehwa');
    await runAction(page, 'diag.netflow');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="feed"]')?.textContent?.includes('NetFlow'),
      null,
      { timeout: 30_000 },
    );
    // Filtering needs UDP 1434 identified: wait for the finding, then filter at the gateway.
    await page.keyboard.press('t');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="findings"]')?.textContent ?? '').includes('1434'),
      null,
      { timeout: 60_000 },
    );
    await selectDevice(page, 'node:hyehwa');
    await runAction(page, 'filter.apply:ingress');
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('[data-testid="feed"]')?.textContent ?? ''),
      )
      .toContain('UDP 1434');

    // Tell KISA: I focuses the inbox; choose KISA and the first content block by keyboard.
    await page.keyboard.press('i');
    await page.focus('[data-testid="compose-to"]');
    await page.selectOption('[data-testid="compose-to"]', 'kisa');
    await page.focus('[data-block]');
    await page.keyboard.press('Space');
    await page.focus('[data-testid="compose-send"]');
    await page.keyboard.press('Enter');
    await expect
      .poll(
        () =>
          page.evaluate(() => document.querySelector('[data-testid="feed"]')?.textContent ?? ''),
        { timeout: 120_000 },
      )
      // The message lands when the comms task ends; the clock holds slow around events (pacing).
      .toContain('KISA');
    await page.screenshot({ path: `${SHOTS}/ops-inbox-ko.png` });
    await axe(page, 'ops');
    const logged = (await run(page))!.log;
    expect(logged).toBeGreaterThanOrEqual(4);

    // Let an hour of game time pass (driven through the test hook, no sleeping), then end the
    // shift: the confirmation says the rest of the day is simulated.
    await advanceTo(page, (await runInfo(page))!.tick + 3600);
    await endShift(page);
    await waitForScreen(page, 'debrief');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="final-score"]')?.textContent?.includes('…'),
      null,
      { timeout: 30_000 },
    );
    const score = await page.textContent('[data-testid="final-score"]');
    expect(score).toMatch(/\d/);
    await page.screenshot({ path: `${SHOTS}/debrief-ko.png` });
    await axe(page, 'debrief');

    const cues = (await page.evaluate(() => window.__app?.cueLog() ?? [])).map((c) => c.cue);
    for (const cue of ['click', 'confirm', 'hum']) expect(cues).toContain(cue);
    expect(errors).toEqual([]);
  });

  it('should continue after a reload at the same tick with the same state hash', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await page.goto(baseUrl);
    await startByKeyboard(page, LEVEL);
    await page.keyboard.press('3');
    await waitForTick(page, 20 * 60);
    await selectDevice(page, 'node:dns-hyehwa');
    await runAction(page, 'diag.dnsLogs:dns-hyehwa');
    await page.keyboard.press('p'); // pause: a command in the log, so the restored run is paused too
    await expect.poll(async () => (await run(page))?.log).toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(300);
    const before = (await run(page))!;
    await page.reload();
    await waitForScreen(page, 'title');
    const entry = page.locator('[data-entry="continue"]');
    expect(await entry.isDisabled()).toBe(false);
    await entry.focus();
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'running.live');
    const after = (await run(page))!;
    expect(after.tick).toBe(before.tick);
    expect(after.hash).toBe(before.hash);
    expect(after.log).toBe(before.log);
    expect(errors).toEqual([]);
  });

  it('should name a corrupt save on the title and still start a new game', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await page.goto(baseUrl);
    await waitForScreen(page, 'title');
    await page.evaluate(() =>
      localStorage.setItem(
        'one-twenty-five.autosave.v1',
        '{"levelId":"backbone-isp","tick":5,"autosave":{"formatVersion":0}}',
      ),
    );
    await page.reload();
    await waitForScreen(page, 'title');
    expect(await page.locator('[data-entry="continue"]').isDisabled()).toBe(true);
    expect(await page.textContent('[data-entry="continue"]')).toMatch(/cannot be read/);
    await startByKeyboard(page, LEVEL);
    expect(errors).toEqual([]);
  });

  it('should pass the accessibility audit on the title', async () => {
    session = await openBrowser();
    await session.page.goto(baseUrl);
    await waitForScreen(session.page, 'title');
    await axe(session.page, 'title');
  });
});
