// Team-session e2e helpers: the real game server (HTTP, runs API, WebSocket sessions, SQLite in a
// temporary DATA_DIR) serving the e2e build, and one Chromium with a context per seat (each
// context has its own storage, like separate devices).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createAppServer } from '../../server/app';
import { chromiumArgs, requireChromium } from '../../src/cli/chromium';
import { E2E_OUT_DIR } from './globalSetup';
import { waitForScreen } from './browser';

export interface TeamServer {
  url: string;
  /** The server's session hub (tests reach into it to drop a connection). */
  sessions(): unknown;
  close(): Promise<void>;
}

/** Starts the app server on a free port of 127.0.0.1, serving the e2e build. */
export async function startTeamServer(): Promise<TeamServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'one25-team-data-'));
  const server = createAppServer({
    distDir: resolve(E2E_OUT_DIR),
    dataDir,
    levelsDir: resolve('levels'),
    sessions: { log: () => undefined },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    sessions: () => server.sessions,
    async close() {
      server.sessions?.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Seat {
  name: string;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: requireChromium(),
    args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
  });
}

export async function openSeat(
  browser: Browser,
  name: string,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<Seat> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-US',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${name}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`));
  // Confirmations (remove a player, end the session) are accepted.
  page.on('dialog', (d) => void d.accept());
  return { name, page, errors };
}

/**
 * Opens the join link and takes a player seat (the seat's name filled in) or the projector, then
 * waits for the room. The link skips the title: the form opens with the code filled in (checked
 * against `code` when given). With `role`, takes that role too.
 */
export async function joinSeat(
  seat: Seat,
  link: string,
  as: 'player' | 'projector',
  options: { code?: string; role?: string } = {},
): Promise<void> {
  const { page } = seat;
  await page.goto(link);
  await waitForScreen(page, 'team');
  await page.waitForSelector('[data-testid="team-code"]');
  if (options.code !== undefined)
    expect(await page.inputValue('[data-testid="team-code"]')).toBe(options.code);
  if (as === 'projector') await page.check('[data-testid="team-as-projector"]');
  else await page.fill('[data-testid="team-name"]', seat.name);
  await page.click('[data-testid="team-join"]');
  await page.waitForSelector('[data-testid="team-room"]');
  if (options.role) await chooseRole(seat, options.role);
}

/** Takes `role` from the room's role list and waits until the server has given it. */
export async function chooseRole(seat: Seat, role: string): Promise<void> {
  await seat.page.selectOption('[data-testid="my-role"]', role);
  await expect.poll(async () => (await teamInfo(seat.page))?.role).toBe(role);
}

export const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

export const teamInfo = (page: Page) => page.evaluate(() => window.__app?.team());

/** Serious and critical accessibility violations in the HTML overlay, named for the message. */
export async function axeViolations(page: Page, name: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('#overlay').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
