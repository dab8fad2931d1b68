// A team session run as an exercise (issue 17), on the real server with four browser contexts:
// the facilitator downloads the Situation Manual in the lobby, pauses on the first discussion
// question, puts it on the projector and records the team's answer; at the end two players send
// the anonymous feedback form (one in Korean), the facilitator sees the summary, adds an
// improvement-plan row and saves it; the review downloaded as HTML and JSON holds the answer, the
// feedback and the row. An evaluator (in Korean) joins with the evaluator link the facilitator
// makes in the lobby, watches read-only and records two observations, one about the team's
// answer; the review holds them under their objectives. axe checks the new screens.
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForScreen } from './browser';
import { endShift } from './play';
import {
  axeViolations,
  launchBrowser,
  joinSeat,
  openSeat,
  startTeamServer,
  type TeamServer,
} from './teamHelpers';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';

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

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/exercise-${name}.png`, fullPage: true });

async function downloaded(page: Page, selector: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    page.click(selector),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}

const QUESTION_EN = 'What told you something was wrong?';
const ANSWER = 'The IDS alerts on UDP 1434 <before> the link graphs';

describe('a team session run as an exercise', () => {
  it('discussion on the projector, feedback, improvement plan, and the review holds them', async () => {
    const fac = await openSeat(browser, 'Facilitator');
    const proj = await openSeat(browser, 'Projector', { viewport: { width: 1600, height: 900 } });
    const cmd = await openSeat(browser, 'Park Commander');
    const net = await openSeat(browser, '김 네트워크', { locale: 'ko-KR' });
    const ev = await openSeat(browser, '평가자 이', { locale: 'ko-KR' });
    const all = [fac, proj, cmd, net];
    const a11y: string[] = [];

    // ---- the facilitator creates the room and downloads the Situation Manual
    await fac.page.goto(`${server.url}?lang=en`);
    await waitForScreen(fac.page, 'title');
    await fac.page.click('[data-entry="team"]');
    await waitForScreen(fac.page, 'team');
    await fac.page.waitForSelector('[data-testid="team-level"] option[value="tutorial"]', {
      state: 'attached',
    });
    await fac.page.selectOption('[data-testid="team-level"]', 'tutorial');
    await fac.page.fill('[data-testid="team-seed"]', '17');
    await fac.page.click('[data-testid="team-create"]');
    await fac.page.waitForSelector('[data-testid="room-code"]');
    const link = (await fac.page.getAttribute('[data-testid="join-link"]', 'href'))!;
    const sitman = await downloaded(fac.page, '[data-testid="download-sitman"]');
    expect(sitman).toContain('<html lang="en">');
    expect(sitman).toContain('Situation Manual');
    expect(sitman).toContain(QUESTION_EN);
    expect(sitman).toContain('data-module="recovery"');

    await joinSeat(proj, link, 'projector');
    await joinSeat(cmd, link, 'player', { role: 'commander' });
    await joinSeat(net, `${link}&lang=ko`, 'player', { role: 'network' });
    // The evaluator link: made by the facilitator, the room code and a key.
    await fac.page.click('[data-testid="make-evaluator-link"]');
    await fac.page.waitForSelector('[data-testid="evaluator-link"]');
    const evLink = (await fac.page.getAttribute('[data-testid="evaluator-link"]', 'href'))!;
    expect(evLink).toMatch(/[?&]evaluator=[A-Za-z0-9_-]{43}/);

    await shot(fac.page, 'lobby-facilitator');
    a11y.push(...(await axeViolations(fac.page, 'lobby with the Situation Manual button')));

    // ---- play to the first discussion question
    await fac.page.click('[data-testid="team-start"]');
    for (const s of all) await waitForScreen(s.page, 'running.live');
    await fac.page.keyboard.press('3'); // ×4
    await fac.page.waitForFunction(
      (q) =>
        (document.querySelector('[data-testid="discussion-question"]')?.textContent ?? '').includes(
          q,
        ),
      QUESTION_EN,
      { timeout: 180_000 },
    );
    expect(await fac.page.textContent('[data-testid="discussion-due"]')).toContain(
      'Module 1 — Detection',
    );
    // Pause on it, put it on the projector.
    await fac.page.click('[data-testid="discussion-pause"]');
    await expect
      .poll(() => fac.page.isDisabled('[data-testid="discussion-pause"]'), { timeout: 20_000 })
      .toBe(true);
    await fac.page.click('[data-testid="discussion-show"]');
    await proj.page.waitForSelector('[data-testid="discussion-shown"]:not([hidden])', {
      timeout: 20_000,
    });
    expect(await proj.page.textContent('[data-testid="shown-question"]')).toContain(QUESTION_EN);
    await net.page.waitForSelector('[data-testid="discussion-shown"]:not([hidden])');
    expect(await net.page.textContent('[data-testid="discussion-shown"]')).toContain(
      '모듈 1 — 탐지',
    );
    await shot(proj.page, 'projector-question');
    await shot(net.page, 'player-question-ko');
    a11y.push(...(await axeViolations(proj.page, 'projector with the question')));

    // Record the team's answer.
    await fac.page.fill('[data-testid="discussion-answer"]', ANSWER);
    await fac.page.click('[data-testid="discussion-record"]');
    await expect
      .poll(() => fac.page.textContent('[data-testid="discussion-status"]'))
      .toBe('Answer recorded.');
    await expect
      .poll(() => fac.page.textContent('[data-testid="discussion-summary"]'), { timeout: 20_000 })
      .toContain('Answered');
    await shot(fac.page, 'facilitator-discussion');
    a11y.push(...(await axeViolations(fac.page, 'facilitator discussion panel')));
    // ---- the evaluator, in Korean, joins late (while the clock is paused on the question): every
    // panel read-only, two observations
    all.push(ev);
    await ev.page.goto(`${evLink}&lang=ko`);
    await waitForScreen(ev.page, 'team');
    await ev.page.waitForSelector('[data-testid="team-code"]');
    await expect.poll(() => ev.page.textContent('#overlay')).toContain('평가자로 입장합니다');
    await ev.page.fill('[data-testid="team-name"]', ev.name);
    await ev.page.click('[data-testid="team-join"]');
    await waitForScreen(ev.page, 'running.live', 60_000);
    await ev.page.waitForSelector('[data-testid="evaluator-panel"] [data-testid="ev-record"]');
    expect(await ev.page.textContent('[data-testid="seat-label"]')).toBe('평가자');
    await ev.page.selectOption('[data-testid="ev-capability"]', 'situational-assessment');
    await ev.page.selectOption('[data-testid="ev-task"]', 'notice-anomaly');
    await ev.page.check('[data-testid="ev-rating-S"]');
    await ev.page.fill('[data-testid="ev-note"]', 'IDS 경보를 <b>먼저</b> 봤지만 15분 뒤에야 공유');
    await ev.page.click('[data-testid="ev-record"]');
    await expect
      .poll(() => ev.page.textContent('[data-testid="ev-status"]'), { timeout: 20_000 })
      .toContain('1번째 관찰');
    await ev.page.selectOption('[data-testid="ev-capability"]', 'operational-coordination');
    await ev.page.selectOption('[data-testid="ev-task"]', 'staff');
    await ev.page.check('[data-testid="ev-rating-M"]');
    await ev.page.fill('[data-testid="ev-note"]', 'Answer recorded without the NOC');
    // About the team's answer (the facilitator's note in the log).
    const decision = await ev.page
      .locator('[data-testid="ev-decision"] option')
      .nth(1)
      .getAttribute('value');
    await ev.page.selectOption('[data-testid="ev-decision"]', decision!);
    await ev.page.click('[data-testid="ev-record"]');
    await expect
      .poll(() => ev.page.textContent('[data-testid="ev-status"]'), { timeout: 20_000 })
      .toContain('2번째 관찰');
    expect(await ev.page.locator('[data-testid="observations"] li').count()).toBe(2);
    await shot(ev.page, 'evaluator-ko');
    a11y.push(...(await axeViolations(ev.page, 'evaluator screen (ko)')));
    await fac.page.click('[data-testid="discussion-show"]'); // take it down
    await proj.page.waitForSelector('[data-testid="discussion-shown"][hidden]', {
      state: 'attached',
    });

    // ---- resume and end
    await fac.page.keyboard.press('p');
    await endShift(fac.page);
    for (const s of all) await waitForScreen(s.page, 'debrief', 60_000);

    // ---- two players send feedback (one in Korean)
    await cmd.page.waitForSelector('[data-testid="feedback-form"] [data-testid="feedback-send"]');
    await cmd.page.check('[data-testid="rate-objectives-5"]');
    await cmd.page.check('[data-testid="rate-useful-4"]');
    await cmd.page.fill('[data-testid="feedback-wentWell"]', 'Stopping to discuss <b>helped</b>');
    await cmd.page.fill('[data-testid="feedback-monday"]', 'Add the KISA number to the runbook');
    a11y.push(...(await axeViolations(cmd.page, 'feedback form')));
    await cmd.page.click('[data-testid="feedback-send"]');
    await cmd.page.waitForSelector('[data-testid="feedback-sent"]', { timeout: 20_000 });
    await shot(cmd.page, 'feedback-sent-en');

    await net.page.waitForSelector('[data-testid="feedback-form"] [data-testid="feedback-send"]');
    expect(await net.page.textContent('[data-testid="feedback-form"]')).toContain('참가자 피드백');
    await net.page.click('[data-testid="feedback-send"]');
    expect(await net.page.textContent('[data-testid="feedback-status"]')).toContain(
      '먼저 문항을 평가',
    );
    await net.page.check('[data-testid="rate-objectives-3"]');
    await net.page.fill('[data-testid="feedback-improve"]', '진행이 조금 빨랐습니다');
    await shot(net.page, 'feedback-form-ko');
    a11y.push(...(await axeViolations(net.page, 'feedback form (ko)')));
    await net.page.click('[data-testid="feedback-send"]');
    await net.page.waitForSelector('[data-testid="feedback-sent"]', { timeout: 20_000 });

    // ---- the facilitator: feedback summary, an improvement-plan row, the review
    await fac.page.waitForSelector('[data-testid="plan-editor"] [data-testid="plan-row-0"]', {
      timeout: 60_000,
    });
    await fac.page.click('[data-testid="feedback-refresh"]');
    await expect
      .poll(() => fac.page.textContent('[data-testid="feedback-count"]'), { timeout: 20_000 })
      .toBe('2 of 2 player seats answered.');
    await fac.page.click('[data-testid="plan-add"]');
    const n = (await fac.page.locator('[data-testid^="plan-row-"]').count()) - 1;
    await fac.page.fill(`[data-testid="plan-${n}-issue"]`, 'Nobody watched the IDS on Saturday');
    await fac.page.fill(`[data-testid="plan-${n}-action"]`, 'Weekend IDS rota, "=on call"');
    await fac.page.fill(`[data-testid="plan-${n}-capability"]`, 'Situational Assessment');
    await fac.page.fill(`[data-testid="plan-${n}-owner"]`, 'SOC lead');
    await fac.page.fill(`[data-testid="plan-${n}-due"]`, '2027-03-01');
    await fac.page.click('[data-testid="plan-save"]');
    await expect
      .poll(() => fac.page.textContent('[data-testid="plan-status"]'), { timeout: 20_000 })
      .toMatch(/^Saved \(\d+ rows\)\.$/);
    await shot(fac.page, 'facilitator-review');
    a11y.push(...(await axeViolations(fac.page, 'facilitator review')));

    const html = await downloaded(fac.page, '[data-testid="download-review-html"]');
    expect(html).toContain('data-section="discussion"');
    expect(html).toContain('The IDS alerts on UDP 1434 &lt;before&gt; the link graphs');
    expect(html).toContain('data-section="feedback"');
    expect(html).toContain('Stopping to discuss &lt;b&gt;helped&lt;/b&gt;');
    expect(html).toContain('<td class="num">4.0</td>'); // objectives: (5 + 3) / 2
    expect(html).toContain('Nobody watched the IDS on Saturday');
    const json = JSON.parse(await downloaded(fac.page, '[data-testid="download-review-json"]')) as {
      discussion: { module: string; questionId: number; answer: string }[];
      observations: Record<string, unknown>[];
      feedback: { ratings: Record<string, number> }[];
      feedbackSummary: { responses: number; averages: Record<string, number | null> };
      improvementPlan: { issue: string; owner: string; due: string }[];
    };
    expect(json.discussion).toEqual([
      expect.objectContaining({ module: 'detection', questionId: 0, answer: ANSWER }),
    ]);
    expect(json.observations).toEqual([
      expect.objectContaining({
        capability: 'situational-assessment',
        criticalTask: 'notice-anomaly',
        rating: 'S',
      }),
      expect.objectContaining({
        capability: 'operational-coordination',
        criticalTask: 'staff',
        rating: 'M',
        decision: expect.objectContaining({ type: 'note.add' }),
      }),
    ]);
    expect(html).toContain('data-section="observations"');
    expect(html).toContain('IDS 경보를 &lt;b&gt;먼저&lt;/b&gt; 봤지만 15분 뒤에야 공유');
    expect(html).toContain('Operational Coordination');
    expect(html).toContain('Performed with major challenges');
    expect(json.feedback).toHaveLength(2);
    expect(json.feedbackSummary).toMatchObject({
      responses: 2,
      averages: { objectives: 4, useful: 4 },
    });
    expect(json.improvementPlan).toContainEqual(
      expect.objectContaining({
        issue: 'Nobody watched the IDS on Saturday',
        owner: 'SOC lead',
        due: '2027-03-01',
      }),
    );
    const csv = await downloaded(fac.page, '[data-testid="download-plan-csv"]');
    expect(csv).toContain(`"Weekend IDS rota, ""=on call"""`);

    expect(all.flatMap((s) => s.errors)).toEqual([]);
    expect(a11y).toEqual([]);
  }, 900_000);
});
