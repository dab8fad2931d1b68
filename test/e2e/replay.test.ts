// The replay viewer in the built game: a short tutorial run (one diagnosis, then End shift) is
// opened from Replays; seeking by keyboard moves the clock, the map and the panels to that moment
// (and back); play moves it on; the ghost comparison draws; "Take over from here" forks the run into
// a playable one that ends in the debrief (AAR exported) and is stored with its parent reference.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { canvasInk, openBrowser, waitForScreen, type Session } from './browser';
import {
  endShift,
  feedText,
  focused,
  runAction,
  runInfo,
  selectDevice,
  startByKeyboard,
  tabTo,
} from './play';

const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
/** Tutorial: 14:20 to 16:00 KST (ticks since 14:00). */
const START = 20 * 60;
const END = 120 * 60;

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const items = (page: Page) => page.locator('[data-testid="run-item"]');
const tick = async (page: Page) => (await runInfo(page))!.tick;
const clockText = (page: Page) => page.textContent('[data-testid="clock"]');

async function openReplays(page: Page): Promise<void> {
  await waitForScreen(page, 'title');
  await tabTo(page, (f) => f.entry === 'replays', 'Replays');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'runs');
  await page.waitForSelector('[data-testid="run-item"]');
}

async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('#overlay').analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('replay viewer (built game in Chromium)', () => {
  it('should replay a finished run, seek, compare with the real day and fork it', async () => {
    session = await openBrowser({ viewport: { width: 1400, height: 900 } });
    const { page, errors } = session;
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${baseUrl}?lang=en`);

    // A short run: one diagnosis at the start, then End shift (the rest is simulated).
    await startByKeyboard(page, 'tutorial');
    await selectDevice(page, 'link:intl');
    await runAction(page, 'diag.netflow');
    await expect.poll(async () => (await runInfo(page))?.log).toBe(1);
    await endShift(page);
    await waitForScreen(page, 'debrief', 60_000);
    const parent = (await page.evaluate(() => window.__app?.finished()))!;
    await page.waitForSelector('[data-testid="debrief-done"]');
    await page.keyboard.press('Enter');

    // Replays → Watch, by keyboard.
    await openReplays(page);
    await tabTo(page, (f) => f.id?.endsWith('-watch') ?? false, 'Watch');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'replaying', 30_000);
    await page.waitForSelector('[data-testid="replay-controls"]');
    expect(await page.getAttribute('[data-testid="ops"]', 'data-mode')).toBe('replay');
    expect(await tick(page)).toBe(START);
    expect(await clockText(page)).toContain('14:20');
    // Read-only: no clock controls, no End shift; decision, inject and real-day markers are there.
    expect(await page.isHidden('[data-action="pause"]')).toBe(true);
    expect(await page.isHidden('[data-action="end"]')).toBe(true);
    expect(await page.textContent('[data-action="quit"]')).toBe('Back to replays');
    const decisions = page.locator('[data-testid="replay-markers-decision"] button');
    expect(await decisions.count()).toBe(1);
    expect(await decisions.first().getAttribute('aria-label')).toMatch(
      /14:2\d · Solo · NetFlow top talkers/,
    );
    expect(
      await page.locator('[data-testid="replay-markers-event"] [data-kind="real"]').count(),
    ).toBeGreaterThan(3);
    expect(
      await page.locator('[data-testid="replay-markers-event"] [data-kind="inject"]').count(),
    ).toBeGreaterThan(0);

    // Seek by keyboard: PageUp is one sim hour on; the clock, graphs and event log follow.
    await page.focus('[data-testid="replay-scrubber"]');
    await page.keyboard.press('PageUp');
    await expect.poll(() => tick(page)).toBeGreaterThanOrEqual(START + 3600);
    expect(await tick(page)).toBeLessThan(START + 3600 + 60);
    await expect.poll(() => clockText(page)).toContain('15:20');
    expect(await page.inputValue('[data-testid="replay-scrubber"]')).toBe(String(START + 3600));
    expect(await page.textContent('[data-testid="replay-status"]')).toMatch(/Now at .*15:20/);
    // The worm arrived at 14:30: by 15:20 the log shows it, and the link graphs have an hour of data.
    await expect.poll(() => feedText(page)).not.toBe('');
    // The graphs' history was rebuilt for that moment (the summary names the busiest link).
    await expect
      .poll(() => page.textContent('[data-testid="charts"] .sr-only'))
      .toMatch(/\d+(\.\d)?%/);
    expect(await canvasInk(page)).toBeGreaterThan(0.05);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/replay-seek-en.png` });

    // Home goes back to the start exactly; End to the end.
    await page.keyboard.press('Home');
    await expect.poll(() => tick(page)).toBe(START);
    await page.keyboard.press('End');
    await expect.poll(() => tick(page)).toBe(END);
    expect(await page.isDisabled('[data-testid="replay-takeover"]')).toBe(true);

    // ] jumps to the next decision (from the start: the diagnosis).
    await page.keyboard.press('Home');
    await page.keyboard.press(']');
    const decisionTick = Number(await decisions.first().getAttribute('data-tick'));
    await expect.poll(() => tick(page)).toBeGreaterThanOrEqual(decisionTick);
    expect((await runInfo(page))!.log).toBe(1);

    // Play at ×64 (key 4): the clock moves on by itself; Space pauses.
    await page.keyboard.press('4');
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.getAttribute('[data-testid="replay-play"]', 'aria-pressed'))
      .toBe('true');
    const before = await tick(page);
    await expect.poll(() => tick(page), { timeout: 20_000 }).toBeGreaterThan(before + 120);
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.getAttribute('[data-testid="replay-play"]', 'aria-pressed'))
      .toBe('false');

    // The ghost: this run beside the historical response and doing nothing.
    await page.keyboard.press('g');
    await page.waitForSelector('[data-testid="ghost-chart"] canvas', { timeout: 60_000 });
    expect(await page.locator('[data-testid="ghost-chart"] figure').count()).toBe(4);
    expect(await page.textContent('[data-testid="ghost-chart"]')).toMatch(
      /This run.*Historical response.*No action/,
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/replay-ghost-en.png` });
    expect(await axe(page)).toEqual([]);

    // Take over from 15:00: a playable run whose log is the parent's up to then (the diagnosis).
    await page.focus('[data-testid="replay-scrubber"]');
    await page.keyboard.press('Home');
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => tick(page)).toBeGreaterThanOrEqual(START + 40 * 60);
    const forkTick = Number(await page.inputValue('[data-testid="replay-scrubber"]'));
    expect(forkTick).toBe(START + 40 * 60);
    await page.click('[data-testid="replay-takeover"]');
    await page.waitForFunction(() => window.__app?.screen().startsWith('running'), null, {
      timeout: 30_000,
    });
    await page.waitForSelector('[data-testid="ops"][data-mode="solo"]');
    const forked = (await runInfo(page))!;
    expect(forked.log).toBe(1);
    expect(forked.tick).toBeGreaterThanOrEqual(forkTick);
    expect(forked.tick).toBeLessThan(forkTick + 60);
    expect(await clockText(page)).toContain('15:00');
    // The fork opens with the recent events, not an empty log, at the normal pace.
    expect(await feedText(page)).not.toBe('');
    expect(await page.getAttribute('[data-speed="1"]', 'aria-pressed')).toBe('true');
    // Play a bit differently: another diagnosis, then End shift.
    await selectDevice(page, 'link:intl');
    await runAction(page, 'diag.linkGraphs');
    await expect.poll(async () => (await runInfo(page))?.log).toBe(2);
    await endShift(page);
    await waitForScreen(page, 'debrief', 60_000);
    const fork = (await page.evaluate(() => window.__app?.finished()))!;
    expect(fork.commands).toEqual(['diag.netflow', 'diag.linkGraphs']);
    // Another run from the same start: a different end state (a diagnosis alone moves no score).
    expect(fork.hash).not.toBe(parent.hash);

    // Export the after-action review (HTML) and the run file, which names its parent.
    await page.waitForFunction(
      () =>
        !(document.querySelector('[data-testid="download-aar"]') as HTMLButtonElement)?.disabled,
      null,
      { timeout: 60_000 },
    );
    const dir = mkdtempSync(join(tmpdir(), 'one25-replay-'));
    const [aar] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="download-aar"]'),
    ]);
    const aarPath = join(dir, aar.suggestedFilename());
    await aar.saveAs(aarPath);
    const html = readFileSync(aarPath, 'utf8');
    expect(html).toMatch(/<html/i);
    expect(html).toContain('diag.netflow');
    expect(html).toContain('diag.linkGraphs');
    const [runDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="download-run"]'),
    ]);
    const runPath = join(dir, runDownload.suggestedFilename());
    await runDownload.saveAs(runPath);
    const runFile = JSON.parse(readFileSync(runPath, 'utf8')) as {
      parent?: { sha256: string; tick: number };
      commands: { tick: number; type: string }[];
    };
    expect(runFile.parent?.tick).toBe(forkTick);
    expect(runFile.parent?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(runFile.commands[0]!.type).toBe('diag.netflow');

    // Back in Replays: the fork is stored, verified, and says what it is a fork of.
    await page.focus('[data-testid="debrief-done"]');
    await page.keyboard.press('Enter');
    await openReplays(page);
    await expect.poll(() => items(page).count()).toBe(2);
    expect(await items(page).first().textContent()).toMatch(/Fork of a run at 15:00/);
    expect(await items(page).first().locator('[data-testid="run-score"]').count()).toBe(1);

    // The viewer in Korean, on the fork; the menu button goes back to Replays.
    await page.goto(`${baseUrl}?lang=ko`);
    await openReplays(page);
    await page.click('[data-testid="run-item"]:first-child [data-action="watch"]');
    await waitForScreen(page, 'replaying', 30_000);
    await page.waitForSelector('[data-testid="replay-controls"]');
    expect(await page.textContent('[data-testid="replay-controls"]')).toMatch(/다시 보기/);
    await page.focus('[data-testid="replay-scrubber"]');
    await page.keyboard.press('PageUp');
    await expect.poll(() => clockText(page)).toMatch(/15:20/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/replay-ko.png` });
    expect((await focused(page)).testid).toBe('replay-scrubber');
    await page.click('[data-action="quit"]');
    await waitForScreen(page, 'runs');

    expect(errors).toEqual([]);
  });
});
