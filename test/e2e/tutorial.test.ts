// The tutorial, completed by keyboard alone: notice the anomaly, diagnose UDP 1434, filter it,
// tell KISA and the subscribers, and reach the debrief.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, waitForScreen, type Session } from './browser';
import {
  advanceTo,
  resumeIfPaused,
  feedText,
  runAction,
  selectDevice,
  sendMessage,
  startByKeyboard,
} from './play';

const baseUrl = inject('baseUrl');
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

// The clock holds slow around events (pacing): a whole story takes minutes of real time on CI.
describe('tutorial by keyboard', { timeout: 300_000 }, () => {
  it('should be completed from the title to the debrief without a mouse', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await page.goto(`${baseUrl}?lang=en`);
    await startByKeyboard(page, 'tutorial');
    await page.keyboard.press('3'); // ×4

    // The worm reaches the international link just after 14:30 (tick 1800 = 14:30 KST).
    await advanceTo(page, 1860);
    await selectDevice(page, 'link:intl');
    await runAction(page, 'diag.netflow');
    // A situation that arrived on the way paused the clock (the tutorial's default): go on.
    await page.waitForTimeout(300);
    await resumeIfPaused(page);
    await page.keyboard.press('t');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="findings"]')?.textContent ?? '').includes('1434'),
      null,
      { timeout: 90_000 },
    );

    await selectDevice(page, 'node:gw');
    await runAction(page, 'filter.apply:ingress');
    // The one network engineer on duty is busy with it: the outbound filter says until when.
    await selectDevice(page, 'node:gw');
    expect(
      await page.textContent('[data-action-key="filter.apply:egress"] [data-testid="why"]'),
    ).toMatch(/All network staff busy until \d\d:\d\d/);
    await expect.poll(() => feedText(page), { timeout: 30_000 }).toMatch(/Filter UDP 1434/);

    await sendMessage(page, 'kisa', 'report-worm');
    await sendMessage(page, 'customers', 'notice-outage');
    await expect.poll(() => feedText(page), { timeout: 120_000 }).toMatch(/Message sent to KISA/);

    // Let the exercise run to 16:00: game time is driven through the test hook, not by sleeping.
    expect((await advanceTo(page, Number.MAX_SAFE_INTEGER)).ended).toBe(true);
    await waitForScreen(page, 'debrief', 60_000);
    const done = await page.evaluate(() => window.__app?.finished());
    expect(done?.level).toBe('tutorial');
    expect(done?.flags).toEqual(expect.arrayContaining(['knowsUdp1434', 'kisaNotified']));
    expect(done?.commands).toEqual(
      expect.arrayContaining(['diag.netflow', 'filter.apply', 'comms.send']),
    );
    expect(done?.score).toBeGreaterThan(0);

    // The review: lessons with sources, and a printable page to download.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="lessons"] .lesson').length > 0,
      null,
      {
        timeout: 30_000,
      },
    );
    expect(await page.textContent('[data-testid="lessons"]')).toMatch(/Sources: /);
    await page.focus('[data-testid="download-aar"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^1-25-tutorial-\d+-aar\.html$/);
    const html = await download.createReadStream().then(
      (stream) =>
        new Promise<string>((resolve) => {
          let text = '';
          stream.on('data', (d: Buffer) => (text += d.toString()));
          stream.on('end', () => resolve(text));
        }),
    );
    expect(html).toContain('<html');
    expect(html).toMatch(/@media print/);
    expect(errors).toEqual([]);
  });
});
