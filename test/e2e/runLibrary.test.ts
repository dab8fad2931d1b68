// The run library in the built game: a finished tutorial run is kept as a run file; Replays (from
// the title, by keyboard) lists it with its score; export, delete, import it back (verified), import
// a tampered copy (unverified, with the reason) and a broken file (refused, nothing stored); submit
// to the server (mocked answers: 201, 422, unreachable). Screenshot in Korean.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, waitForScreen, type Session } from './browser';
import { endShift, focused, startByKeyboard, tabTo } from './play';

const baseUrl = inject('baseUrl');
const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const items = (page: Page) => page.locator('[data-testid="run-item"]');
const message = (page: Page) => page.textContent('[data-testid="runs-message"]');

async function openReplays(page: Page): Promise<void> {
  await waitForScreen(page, 'title');
  await tabTo(page, (f) => f.entry === 'replays', 'Replays');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'runs');
  await page.waitForSelector('[data-testid="runs"]');
}

describe('run library (built game in Chromium)', () => {
  it('should keep a finished run, export, delete, import and verify it', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${baseUrl}?lang=en`);

    // A short tutorial run: End shift at once (confirmed), then back to the title.
    await startByKeyboard(page, 'tutorial');
    await endShift(page);
    await waitForScreen(page, 'debrief', 60_000);
    const finished = await page.evaluate(() => window.__app?.finished());
    expect(finished?.level).toBe('tutorial');
    const score = finished!.score;
    await page.waitForSelector('[data-testid="debrief-done"]');
    expect((await focused(page)).testid).toBe('debrief-done');
    await page.keyboard.press('Enter');

    // Replays, by keyboard: the run with its score, the level's title, the seed.
    await openReplays(page);
    await expect.poll(() => items(page).count()).toBe(1);
    const scoreText = (await page.textContent('[data-testid="run-score"]')) ?? '';
    expect(Number(scoreText.replace(/^Score /, '').replace(/,/g, ''))).toBeCloseTo(score, 1);
    expect(await items(page).first().textContent()).toMatch(/Tutorial.*seed \d+.*played here/);
    // Focus starts on the first run's first button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
      'export',
    );

    // Export: a .json download holding the run file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^1-25-tutorial-\d+-run\.json$/);
    const dir = mkdtempSync(join(tmpdir(), 'one25-runs-'));
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const runFile = JSON.parse(readFileSync(exported, 'utf8')) as {
      level: { id: string };
      result: { score: { total: number } };
    };
    expect(runFile.level.id).toBe('tutorial');
    expect(runFile.result.score.total).toBeCloseTo(score, 1);

    // Submit: the server's answers (mocked here; the preview server has no API).
    await page.route('**/api/runs', (route) =>
      route.fulfill({
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify({ id: 7, score: 12.5, parts: {} }),
      }),
    );
    await page.click('[data-action="submit"]');
    await expect
      .poll(() => page.textContent('[data-testid="run-status"]'))
      .toBe('Verified by the server: 12.5');
    await page.unroute('**/api/runs');
    await page.route('**/api/runs', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'SCORE_MISMATCH',
            message: 'score differs — total: file 2, re-simulation 1',
          },
        }),
      }),
    );
    await page.click('[data-action="submit"]');
    await expect
      .poll(() => page.textContent('[data-testid="run-status"]'))
      .toMatch(/^The server did not accept it: SCORE_MISMATCH: score differs/);
    await page.unroute('**/api/runs');
    await page.route('**/api/runs', (route) => route.abort('connectionrefused'));
    await page.click('[data-action="submit"]');
    await expect
      .poll(() => page.textContent('[data-testid="run-status"]'))
      .toMatch(/server is unreachable/);
    await page.unroute('**/api/runs');

    // Delete (confirmed): the list is empty.
    await page.click('[data-action="delete"]');
    await page.waitForSelector('[data-testid="runs-empty"]');
    expect(await message(page)).toBe('Run deleted');
    // The file input (visually a button) keeps keyboard focus after a delete.
    expect((await focused(page)).id).toBe('runs-import');

    // Import the exported file back: verified, with the same score.
    await page.setInputFiles('#runs-import', exported);
    await expect.poll(() => items(page).count()).toBe(1);
    expect(await message(page)).toMatch(/verified, score/);
    expect(
      Number(
        ((await page.textContent('[data-testid="run-score"]')) ?? '')
          .replace(/^Score /, '')
          .replace(/,/g, ''),
      ),
    ).toBeCloseTo(score, 1);
    expect(await items(page).first().textContent()).toContain('imported from');

    // A tampered copy (score raised): kept, but unverified with the reason.
    const tampered = join(dir, 'tampered-run.json');
    const changed = structuredClone(runFile);
    changed.result.score.total += 100;
    writeFileSync(tampered, JSON.stringify(changed));
    await page.setInputFiles('#runs-import', tampered);
    await expect.poll(() => items(page).count()).toBe(2);
    expect(await page.textContent('[data-testid="run-unverified"]')).toMatch(
      /^unverified: the score in the file differs from the re-simulated score — score differs/,
    );
    expect(await message(page)).toMatch(/^tampered-run\.json: kept as unverified/);

    // A broken file: refused with its name and the problem, nothing stored.
    await page.setInputFiles('#runs-import', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "formatVersion": 1, '),
    });
    await expect
      .poll(() => message(page))
      .toMatch(/^broken\.json is not JSON: .+Nothing was stored/);
    expect(await items(page).count()).toBe(2);

    // Dropping files on the panel imports them the same way.
    const dropped = await page.evaluateHandle(
      (text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'dropped-run.json', { type: 'application/json' }));
        return dt;
      },
      readFileSync(exported, 'utf8'),
    );
    await page.dispatchEvent('[data-testid="runs"]', 'drop', { dataTransfer: dropped });
    await expect.poll(() => items(page).count()).toBe(3);
    expect(await message(page)).toMatch(/^dropped-run\.json: verified, score/);

    // Escape goes back to the title.
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');

    // In Korean, after a reload: the library is still there.
    await page.goto(`${baseUrl}?lang=ko`);
    await openReplays(page);
    await expect.poll(() => items(page).count()).toBe(3);
    expect(await page.textContent('[data-testid="runs"]')).toContain('검증되지 않음');
    const axe = await new AxeBuilder({ page }).include('#overlay').analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/runs-ko.png` });

    // Aborted requests are logged by Chromium as console errors; nothing else may be.
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
