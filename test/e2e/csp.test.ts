// The built game under the server's Content-Security-Policy (server/securityHeaders.ts): the title,
// a solo game with its charts and help, the run library and the service worker run without a single
// policy violation. The policy is strict (no inline script or style, no eval), so anything the
// build starts to need shows up here first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, waitForScreen, type Session } from './browser';
import { startByKeyboard, waitForTick } from './play';
import { startTeamServer, type TeamServer } from './teamHelpers';

let server: TeamServer;
let session: Session | undefined;

beforeAll(async () => {
  server = await startTeamServer();
});
afterAll(async () => {
  await session?.close();
  await server.close();
});

describe('content security policy', () => {
  it('runs the built game without a policy violation', async () => {
    session = await openBrowser();
    const { page, errors } = session;
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
    const res = await page.goto(server.url);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await waitForScreen(page, 'title');
    await startByKeyboard(page, 'backbone-isp');
    await page.keyboard.press('?');
    await page.waitForSelector('[data-testid="help"][open]');
    await page.keyboard.press('Escape');
    await page.keyboard.press('3');
    await page.keyboard.press('m');
    await waitForTick(page, 10 * 60, 60_000);
    // The service worker registered from the page's own origin.
    await expect
      .poll(() =>
        page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
      )
      .toBeGreaterThan(0);
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  }, 180_000);
});
