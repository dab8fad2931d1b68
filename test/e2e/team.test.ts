// A team session end to end on the real server (HTTP + WebSocket + SQLite) with four browser
// contexts: the facilitator creates the room, the projector and two players join by its code
// (one on a phone-sized screen), the facilitator starts; the network role diagnoses and filters,
// the communications role reports to KISA; the facilitator pauses, sends a custom inject that the
// communications role answers, resumes and ends the session. Every client ends on the server's
// state hash, and the stored run verifies.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLevel, verifyRunFile } from '../../src/game';
import { waitForScreen } from './browser';
import { endShift, feedText, runAction, selectDevice, sendMessage, waitForTick } from './play';
import {
  axeViolations,
  launchBrowser,
  joinSeat,
  openSeat,
  SHOTS,
  startTeamServer,
  teamInfo,
  type TeamServer,
} from './teamHelpers';

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

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/team-${name}.png` });

const paused = (page: Page) =>
  page.evaluate(() => document.querySelector('.ops-state')?.textContent ?? '');

/** The right edge of the furthest-reaching element of the overlay, in CSS pixels. */
const widestRight = (page: Page) =>
  page.evaluate(() =>
    Math.max(
      0,
      ...[...document.querySelectorAll('#overlay *')].map((e) =>
        Math.round(e.getBoundingClientRect().right),
      ),
    ),
  );

// Four browsers and a server on a 2-core CI machine: the 2-minute default is too tight for the whole story.
describe('team session (four browser contexts, real server)', { timeout: 300_000 }, () => {
  it('should create, join, play, pause with an inject, and end on one state hash', async () => {
    const fac = await openSeat(browser, 'Facilitator');
    const proj = await openSeat(browser, 'Projector', { viewport: { width: 1600, height: 900 } });
    const net = await openSeat(browser, 'Kim Network');
    const comms = await openSeat(browser, 'Lee 커뮤니케이션', {
      viewport: { width: 375, height: 812 },
      locale: 'ko-KR',
    });
    const all = [fac, proj, net, comms];

    // ---- the facilitator creates the room from the title
    await fac.page.goto(`${server.url}?lang=en`);
    await waitForScreen(fac.page, 'title');
    await fac.page.click('[data-entry="team"]');
    await waitForScreen(fac.page, 'team');
    await fac.page.waitForSelector('[data-testid="team-level"] option[value="tutorial"]', {
      state: 'attached',
    });
    await fac.page.selectOption('[data-testid="team-level"]', 'tutorial');
    await fac.page.fill('[data-testid="team-seed"]', '125');
    await fac.page.click('[data-testid="team-create"]');
    await fac.page.waitForSelector('[data-testid="room-code"]');
    const code = (await fac.page.textContent('[data-testid="room-code"]'))!.trim();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    const link = (await fac.page.getAttribute('[data-testid="join-link"]', 'href'))!;
    expect(link).toBe(`${server.url}?join=${code}`);
    await fac.page.waitForSelector('[data-testid="join-qr"] canvas');
    expect(await fac.page.getAttribute('[data-testid="join-qr"] canvas', 'data-qr')).toBe(link);

    // ---- the projector and two players join by the code
    await joinSeat(proj, link, 'projector', { code });
    await proj.page.waitForSelector('[data-testid="join-qr"] canvas');
    await joinSeat(net, link, 'player', { code, role: 'network' });
    await joinSeat(comms, `${link}&lang=ko`, 'player', { code, role: 'comms' });

    // The facilitator sees everyone, connected, in their seats.
    await expect
      .poll(() => fac.page.locator('[data-testid="roster"] [data-connected="true"]').count())
      .toBe(4);
    expect(await fac.page.textContent('[data-testid="roster"]')).toContain('Kim Network');
    expect(
      await fac.page.getAttribute(
        '[data-testid="roster"] [data-role="comms"] .seat-name',
        'textContent',
      ),
    ).toBeNull(); // the name is text content, not an attribute
    expect(
      await fac.page.textContent('[data-testid="roster"] [data-role="comms"] .seat-name'),
    ).toBe('Lee 커뮤니케이션');
    await shot(fac.page, 'lobby-facilitator');
    await shot(proj.page, 'lobby-projector');
    await shot(comms.page, 'lobby-phone-ko');
    // The facilitator's lobby on a phone (bot pickers, evaluator link): nothing wider than 375 px.
    await fac.page.setViewportSize({ width: 375, height: 812 });
    expect(await widestRight(fac.page)).toBeLessThanOrEqual(375);
    await fac.page.setViewportSize({ width: 1280, height: 720 });
    expect(await widestRight(comms.page)).toBeLessThanOrEqual(375);
    const a11y = [
      ...(await axeViolations(fac.page, 'lobby (facilitator)')),
      ...(await axeViolations(comms.page, 'lobby (phone)')),
    ];

    // ---- start: everyone goes to the Ops views of their seat
    await fac.page.click('[data-testid="team-start"]');
    for (const s of all) {
      await waitForScreen(s.page, 'running.live');
      await s.page.waitForSelector('[data-testid="ops"]');
    }
    expect(await proj.page.getAttribute('[data-testid="ops"]', 'data-mode')).toBe('projector');
    expect(await net.page.getAttribute('[data-testid="ops"]', 'data-mode')).toBe('team');
    // Only the facilitator has the clock; each role sees only its own actions.
    expect(await fac.page.isVisible('[data-action="pause"]')).toBe(true);
    expect(await net.page.isVisible('[data-action="pause"]')).toBe(false);
    expect(await comms.page.isVisible('[data-testid="compose-send"]')).toBe(false); // inbox tab not open yet
    expect(await net.page.locator('[data-command="diag.ids"]').count()).toBe(0); // security's
    expect(await net.page.locator('[data-command="diag.linkGraphs"]').count()).toBe(1);

    await shot(comms.page, 'console-phone-top-ko');
    // A player keeps a role picker in the session bar (late joiners pick theirs there).
    expect(await net.page.inputValue('[data-testid="bar-role"]')).toBe('network');

    await fac.page.keyboard.press('3'); // ×4, a log entry like any command

    // ---- the network role diagnoses the worm and filters it
    await waitForTick(net.page, 1860, 90_000);
    await selectDevice(net.page, 'link:intl');
    await runAction(net.page, 'diag.netflow');
    await expect
      .poll(() => feedText(fac.page), { timeout: 20_000 })
      .toContain('Kim Network (Network (NOC))');
    await net.page.keyboard.press('t');
    await net.page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="findings"]')?.textContent ?? '').includes('1434'),
      null,
      { timeout: 90_000 },
    );
    await selectDevice(net.page, 'node:gw');
    await runAction(net.page, 'filter.apply:ingress');
    await expect.poll(() => feedText(net.page), { timeout: 30_000 }).toMatch(/Filter UDP 1434/);
    await shot(net.page, 'console-network');

    // ---- the communications role, on a phone in Korean, tells KISA
    await sendMessage(comms.page, 'kisa', 'report-worm');
    await expect
      .poll(() => feedText(fac.page), { timeout: 20_000 })
      .toContain('Lee 커뮤니케이션 (Communications)');
    await shot(comms.page, 'console-phone-ko');
    a11y.push(...(await axeViolations(comms.page, 'role console (phone)')));

    // ---- the facilitator pauses and sends a custom inject to communications
    await fac.page.keyboard.press('p');
    for (const s of [fac, net]) await expect.poll(() => paused(s.page)).toBe('Paused');
    await fac.page.click('[data-testid="open-inject"]');
    await fac.page.selectOption('[data-testid="inject-to"]', 'comms');
    await fac.page.fill('[data-testid="inject-ko"]', '기자가 전화했습니다. 입장을 밝힐까요?');
    await fac.page.fill('[data-testid="inject-en"]', 'A reporter is calling. Do we comment?');
    await fac.page.fill('[data-testid="inject-choices"]', '논평 | Comment\n보류 | Hold');
    await shot(fac.page, 'inject-dialog');
    await fac.page.click('[data-testid="inject-send"]');
    await fac.page.click('summary'); // open the players list
    await shot(fac.page, 'console-facilitator');
    a11y.push(...(await axeViolations(fac.page, 'facilitator console')));

    // The addressed role answers; another role sees it but cannot answer it.
    await comms.page.keyboard.press('i');
    await comms.page.waitForSelector('[data-inject="custom-1"] [data-choice="c2"]', {
      timeout: 20_000,
    });
    expect(await comms.page.textContent('[data-inject="custom-1"]')).toContain(
      '기자가 전화했습니다',
    );
    await net.page.keyboard.press('i');
    await net.page.waitForSelector('[data-inject="custom-1"]');
    expect(await net.page.locator('[data-inject="custom-1"] [data-choice]').count()).toBe(0);
    await comms.page.click('[data-inject="custom-1"] [data-choice="c2"]');
    await expect
      .poll(() => fac.page.locator('[data-testid="recent"]').textContent(), { timeout: 20_000 })
      .toContain('Lee 커뮤니케이션');
    await comms.page.waitForFunction(() => !document.querySelector('[data-inject="custom-1"]'));
    await shot(proj.page, 'projector');
    a11y.push(...(await axeViolations(proj.page, 'projector')));

    // ---- a reload of the network tab takes the same seat and catches up
    const before = (await teamInfo(net.page))!;
    await net.page.reload();
    await waitForScreen(net.page, 'running.live', 30_000);
    await net.page.waitForSelector('[data-testid="ops"]');
    expect((await teamInfo(net.page))?.role).toBe(before.role);
    await expect
      .poll(() => fac.page.locator('[data-testid="roster"] [data-connected="true"]').count())
      .toBe(4);

    // ---- a dropped connection (the server loses the socket): reconnects by itself, catches up
    const hub = server.sessions() as unknown as {
      connections: Set<{ ws: { terminate(): void }; seat?: { role: string | null } }>;
    };
    for (const c of hub.connections) if (c.seat?.role === 'comms') c.ws.terminate();
    await comms.page.waitForFunction(
      () => document.querySelector('[data-testid="team-banner"]')?.classList.contains('ok'),
      null,
      { timeout: 20_000 },
    );
    expect(await comms.page.textContent('[data-testid="team-banner"]')).toMatch(/따라잡았습니다/);

    // ---- resume, then the facilitator ends the session for everyone
    await fac.page.keyboard.press('p');
    await expect.poll(() => paused(net.page)).toBe('');
    await endShift(fac.page);
    for (const s of all) await waitForScreen(s.page, 'debrief', 60_000);

    const finished = await Promise.all(
      all.map((s) => s.page.evaluate(() => window.__app?.finished())),
    );
    const hashes = new Set(finished.map((f) => f?.hash));
    expect(hashes.size).toBe(1);
    const info = await Promise.all(all.map((s) => teamInfo(s.page)));
    for (const i of info) expect(i?.finalHashMatches).toBe(true);
    expect(finished[0]?.commands).toEqual(
      expect.arrayContaining([
        'diag.netflow',
        'filter.apply',
        'comms.send',
        'clock.pause',
        'inject.custom',
        'inject.answer',
        'clock.resume',
      ]),
    );

    // The server stored the run, verified, with the same final hash.
    const runId = info[0]?.runId;
    expect(runId).toBeTypeOf('number');
    const res = await fetch(`${server.url}api/runs/${runId}`);
    expect(res.status).toBe(200);
    const stored = (await res.json()) as unknown;
    expect(JSON.stringify(stored)).toContain(`"finalHash":"${[...hashes][0]}"`);
    const level = parseLevel(JSON.parse(readFileSync('levels/tutorial.json', 'utf8')) as unknown);
    if (!level.ok) throw new Error(level.errors.join('; '));
    expect(verifyRunFile(stored, level.level)).toMatchObject({ ok: true });

    // A seat is not taken again after the end: back on the title, no auto-join.
    for (const s of all) expect(await s.page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(all.flatMap((s) => s.errors)).toEqual([]);
    expect(a11y).toEqual([]);
  });
});
