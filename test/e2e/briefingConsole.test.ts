// The browser console stays quiet when the briefing opens (issue 16, defect 11: it printed
// "panel briefing"). Every console message of any level from the title to the briefing is read.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, waitForScreen, type Session } from './browser';

const baseUrl = inject('baseUrl');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('console while the briefing opens', () => {
  it('should print no stray line (no "panel briefing")', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    const lines: string[] = [];
    page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
    await page.goto(`${baseUrl}?lang=ko`);
    await waitForScreen(page, 'title');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'levelSelect');
    await page.waitForSelector('[data-level="backbone-isp"]');
    await page.focus('[data-level="backbone-isp"]');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'briefing');
    await page.waitForSelector('[data-testid="briefing-start"]');
    await page.waitForTimeout(500);
    expect(lines.filter((l) => /panel|briefing/i.test(l))).toEqual([]);
    // Nor does starting the shift from it: the console has nothing at all to say.
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'running.live');
    await page.waitForSelector('[data-testid="ops"]');
    await page.waitForTimeout(500);
    expect(lines).toEqual([]);
    expect(errors).toEqual([]);
  });
});
