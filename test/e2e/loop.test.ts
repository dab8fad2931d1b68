// The learning loop's defects, as a player meets them in the built game (issue 16): map clicks,
// the briefing's start, the in-page confirmations, keyboard shortcuts after the inbox, names
// instead of ids, text size and a second level in the same page.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, waitForScreen, type Session } from './browser';
import { runAction, selectDevice, waitForTick } from './play';

const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
const title = (id: string) =>
  (JSON.parse(readFileSync(`levels/${id}.json`, 'utf8')) as { meta: { title: { en: string } } })
    .meta.title.en;

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const selectedTab = (page: Page) =>
  page.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.id);

/** Title → level → briefing by mouse (the keyboard path has its own tests). */
async function toBriefing(page: Page, level: string): Promise<void> {
  await page.click('[data-entry="new"]');
  await page.waitForFunction(
    () =>
      window.__app?.screen() === 'levelSelect' ||
      !!document.querySelector('[data-testid="confirm"][open]'),
  );
  if (await page.$('[data-testid="confirm"][open]'))
    await page.click('[data-testid="confirm-yes"]');
  await waitForScreen(page, 'levelSelect');
  await page.click(`[data-level="${level}"]`);
  await page.waitForSelector('[data-testid="briefing-start"]');
}

// The clock holds slow around events (pacing): a whole story takes minutes of real time on CI.
describe('the learning loop in the UI (built game in Chromium)', { timeout: 300_000 }, () => {
  it('should select from the map, start the briefing at its top and confirm in the page', async () => {
    session = await openBrowser({ viewport: { width: 1366, height: 768 } });
    const { page, errors } = session;
    const printed: string[] = [];
    page.on('console', (m) => {
      if (m.type() !== 'error') printed.push(m.text());
    });
    let browserDialog = false;
    page.on('dialog', (d) => {
      browserDialog = true;
      void d.dismiss();
    });
    await page.goto(`${baseUrl}?lang=en`);
    await waitForScreen(page, 'title');
    await toBriefing(page, 'tutorial');

    // The briefing opens at its top, with the level's own start time (the tutorial starts 14:20).
    expect(await page.textContent('[data-testid="briefing"] .when')).toContain('14:20');
    expect(await page.$eval('[data-testid="briefing"]', (e) => e.scrollTop)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/loop-briefing-en.png` });
    // Nothing is printed to the console on the way (a stray "panel briefing" was).
    expect(printed.filter((m) => !/service worker|Offline support/i.test(m))).toEqual([]);
    await page.click('[data-testid="briefing-start"]');
    await waitForScreen(page, 'running.live');
    await page.keyboard.press('p');

    // Clicking a node or a link on the map selects it in the device list.
    await expect.poll(() => page.evaluate(() => window.__app?.map('pop'))).toBeTruthy();
    const pop = (await page.evaluate(() => window.__app?.map('pop')))!;
    await page.mouse.click(pop.x, pop.y);
    expect(await page.inputValue('#device-select')).toBe('node:pop');
    const link = (await page.evaluate(() => window.__app?.map('bb-pop-gw')))!;
    await page.mouse.click(link.x, link.y);
    expect(await page.inputValue('#device-select')).toBe('link:bb-pop-gw');

    // I opens the inbox without trapping focus: M and T still switch tabs.
    await page.keyboard.press('i');
    expect(await selectedTab(page)).toBe('tab-inbox');
    await page.keyboard.press('m');
    expect(await selectedTab(page)).toBe('tab-monitor');
    await page.keyboard.press('i');
    await page.keyboard.press('t');
    expect(await selectedTab(page)).toBe('tab-tasks');

    // End shift says what it does, in the page; "Keep playing" keeps playing.
    await page.click('[data-action="end"]');
    await page.waitForSelector('[data-testid="confirm"][open]');
    expect(await page.textContent('[data-testid="confirm"]')).toMatch(/16:00.*simulated/s);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'confirm-no',
    );
    await page.click('[data-testid="confirm-no"]');
    expect(await page.evaluate(() => window.__app?.screen())).toBe('running.live');

    // Save and quit: Continue names the level, and New game asks before replacing the save.
    await page.click('[data-action="quit"]');
    await waitForScreen(page, 'title');
    await expect
      .poll(() => page.textContent('[data-entry="continue"]'))
      .toContain(title('tutorial'));
    await page.click('[data-entry="new"]');
    await page.waitForSelector('[data-testid="confirm"][open]');
    expect(await page.textContent('[data-testid="confirm"]')).toContain(title('tutorial'));
    await page.click('[data-testid="confirm-no"]');
    expect(await page.evaluate(() => window.__app?.screen())).toBe('title');
    expect(await page.evaluate(() => localStorage.length)).toBeGreaterThan(0);

    // A second level in the same page: its map labels are its own devices' names, not raw ids.
    await toBriefing(page, 'backbone-isp');
    await page.click('[data-testid="briefing-start"]');
    await waitForScreen(page, 'running.live');
    await expect.poll(() => page.evaluate(() => window.__app?.map('hyehwa')?.label)).toBe('Hyehwa');
    expect(await page.evaluate(() => window.__app?.map('dns-hyehwa')?.label)).not.toBe(
      'dns-hyehwa',
    );
    expect(browserDialog).toBe(false);
    expect(errors).toEqual([]);
  });

  it('should scale the controls with the text size and keep the top bar on one row', async () => {
    session = await openBrowser({ viewport: { width: 1366, height: 768 } });
    const { page, errors } = session;
    const sizes: number[] = [];
    for (const textScale of [1, 1.5]) {
      await page.goto(`${baseUrl}?lang=ko`);
      await page.evaluate(
        (s) =>
          localStorage.setItem('one-twenty-five.settings.v1', JSON.stringify({ textScale: s })),
        textScale,
      );
      await page.reload();
      await waitForScreen(page, 'title');
      await toBriefing(page, 'backbone-isp');
      await page.click('[data-testid="briefing-start"]');
      await waitForScreen(page, 'running.live');
      sizes.push(
        await page.$eval('#device-select', (e) => parseFloat(getComputedStyle(e).fontSize)),
      );
      // Every item of the top bar sits on the same row.
      const boxes = await page.$$eval('.ops-top > :not([hidden])', (els) =>
        els
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.height > 0)
          .map((r) => ({ top: r.top, bottom: r.bottom })),
      );
      expect(Math.max(...boxes.map((b) => b.top))).toBeLessThan(
        Math.min(...boxes.map((b) => b.bottom)),
      );
      expect(await page.evaluate(() => getComputedStyle(document.body).wordBreak)).toBe('keep-all');
      await page.screenshot({ path: `${SHOTS}/loop-ops-ko-text${textScale * 100}.png` });
      await page.click('[data-action="quit"]');
      await waitForScreen(page, 'title');
    }
    expect(sizes[1]! / sizes[0]!).toBeCloseTo(1.5, 1);
    expect(errors).toEqual([]);
  });

  it('should show a device as the player knows it and say why an action cannot run', async () => {
    session = await openBrowser({ viewport: { width: 1366, height: 768 } });
    const { page, errors } = session;
    await page.goto(`${baseUrl}?lang=en`);
    await waitForScreen(page, 'title');
    await toBriefing(page, 'tutorial');
    await page.click('[data-testid="briefing-start"]');
    await waitForScreen(page, 'running.live');
    await page.keyboard.press('3'); // ×4

    // Before any diagnosis the gateway's filter cannot run, and says what to do first.
    await selectDevice(page, 'node:gw');
    const filterRow = '[data-action-key="filter.apply:ingress"]';
    await page.waitForSelector(`${filterRow} button[disabled]`);
    expect(await page.textContent(`${filterRow} [data-testid="why"]`)).toMatch(
      /identified first — run NetFlow/,
    );
    const before = await page.textContent('[data-testid="device-state"]');
    expect(before).toMatch(/Busiest link: .* at \d+(\.\d)?% \(MRTG/);
    expect(before).not.toMatch(/filter in place/);

    // The worm arrives after 14:30: NetFlow on the international link finds it.
    await waitForTick(page, 1860, 90_000);
    await selectDevice(page, 'link:intl');
    await runAction(page, 'diag.netflow');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="device-state"]')?.textContent ?? '').includes(
          'NetFlow at',
        ),
      null,
      { timeout: 60_000 },
    );
    expect(await page.textContent('[data-testid="device-state"]')).toMatch(/Load \d/);

    // Now the filter runs; once it has landed the gateway shows it in place, and ordering it
    // again says so.
    await selectDevice(page, 'node:gw');
    await page.waitForSelector(`${filterRow} button:not([disabled])`);
    await runAction(page, 'filter.apply:ingress');
    await expect
      .poll(() => page.textContent('[data-testid="feed"]'))
      .toContain('Filter UDP 1434 — Gateway (Yeouido) (inbound)');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="device-state"]')?.textContent ?? '').includes(
          'filter in place, inbound',
        ),
      null,
      { timeout: 150_000 },
    );
    await page.waitForSelector(`${filterRow} button[disabled]`);
    expect(await page.textContent(`${filterRow} [data-testid="why"]`)).toMatch(
      /Already in place since \d\d:\d\d/,
    );
    await page.keyboard.press('p');
    // The heading is words, not a locale key (its string is fetched after Ops is up).
    expect(await page.textContent('#state-heading')).toBe('What we know');
    await page.screenshot({ path: `${SHOTS}/loop-device-state-en.png` });
    expect(errors).toEqual([]);
  });
});
