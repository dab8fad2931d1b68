// A score that explains itself: every part as points of its maximum with its weight and its
// measured quantity (on all four levels), a history whose changes add up to the whole change of
// the running score, and false claims stored with the truth of the moment they were sent.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCORE_PARTS, parseLevel, type Level } from '../../../src/game/levelSchema';
import { applyCommand, createRun, finishRun, runScore, advanceToTick } from '../../../src/game/run';
import { ghostRun } from '../../../src/game/script';
import { PART_UNITS, scoreBreakdown } from '../../../src/game/scoreBreakdown';
import { LiveScoreHistory, scoreHistoryOf } from '../../../src/game/scoreHistory';
import { hashGame } from '../../../src/game/incident';
import { tick } from './helpers';
import { buildAar } from '../../../src/aar/buildAar';
import { renderAarHtml } from '../../../src/aar/renderHtml';
import { toRunFile } from '../../../src/game/runFile';

const dir = fileURLToPath(new URL('../../../levels/', import.meta.url));
const levels: Level[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = parseLevel(JSON.parse(readFileSync(dir + f, 'utf8')));
    if (!r.ok) throw new Error(`${f}: ${r.errors.join('\n')}`);
    return r.level;
  });

const ghosts = new Map<Level, ReturnType<typeof ghostRun>['run']>();
/** The historical response on seed 1 (played once per level for the whole file). */
const ghostOf = (level: Level) => {
  if (!ghosts.has(level)) ghosts.set(level, ghostRun(level, 1).run);
  return ghosts.get(level)!;
};

describe('score breakdown', () => {
  it('should find the four shipped levels', () => {
    expect(levels.map((l) => l.meta.id).sort()).toEqual([
      'backbone-isp',
      'broadband-isp',
      'idc-enterprise',
      'tutorial',
    ]);
  });

  for (const level of levels) {
    it(`${level.meta.id}: a row for every part with points ≤ max, weight, unit, and the total`, () => {
      const run = ghostOf(level);
      const b = scoreBreakdown(run.state, level);
      expect(b.rows.map((r) => r.part)).toEqual([...SCORE_PARTS]);
      for (const r of b.rows) {
        expect(r.points).toBeGreaterThanOrEqual(0);
        expect(r.points).toBeLessThanOrEqual(r.max);
        expect(r.max).toBe(100);
        expect(r.weight).toBe(level.scoring.weights[r.part]);
        expect(r.unit).toBe(PART_UNITS[r.part]);
        expect(r.zeroAt).toBe(level.scoring.zeroAt[r.part]);
        expect(r.contribution).toBeLessThanOrEqual(r.maxContribution + 1e-9);
        expect(Number.isFinite(r.quantity)).toBe(true);
      }
      // The parts' shares of 1000 add up to the total (each share is rounded to 0.1).
      const sum = b.rows.reduce((a, r) => a + r.contribution, 0);
      expect(Math.abs(sum - b.total)).toBeLessThanOrEqual(0.05 * b.rows.length + 0.05);
      expect(b.rows.reduce((a, r) => a + r.maxContribution, 0)).toBeCloseTo(1000, 0);
      expect(b.total).toBe(runScore(run).total);
    });
  }

  it('should say when a timed part is still counting and when its effect happened', () => {
    const level = levels.find((l) => l.meta.id === 'backbone-isp')!;
    const ghost = ghostOf(level);
    const early = advanceToTick(createRun(level, 1), tick('2003-01-25T14:10:00+09:00'));
    const before = scoreBreakdown(early.state, level).rows.find(
      (r) => r.part === 'timeToNotifyKisa',
    )!;
    expect(before.status).toBe('beforeOnset');
    const kisa = scoreBreakdown(ghost.state, level).rows.find(
      (r) => r.part === 'timeToNotifyKisa',
    )!;
    expect(kisa.status).toBe('done');
    // The historical response never clears the border on seed 1: counted to the end, said so.
    const filter = scoreBreakdown(ghost.state, level).rows.find((r) => r.part === 'timeToFilter')!;
    expect(filter.status).toBe('never');
    expect(filter.quantity).toBeCloseTo((ghost.state.tick - ghost.state.acc.onsetTick!) / 60, 2);
    expect(kisa.at).toBe(ghost.state.acc.kisaNotifiedTick);
    expect(kisa.quantity).toBeCloseTo((kisa.at! - ghost.state.acc.onsetTick!) / 60, 2);
  });
});

describe('score history', () => {
  for (const level of levels) {
    it(`${level.meta.id}: the logged changes add up to the whole change of the running score`, () => {
      const ghost = ghostOf(level);
      const h = scoreHistoryOf(level, 1, ghost.log);
      expect(h.entries.length).toBeGreaterThan(3);
      const sum = h.entries.reduce((a, e) => a + e.delta, 0);
      expect(h.startTotal + sum).toBeCloseTo(runScore(ghost).total, 6);
      for (let i = 1; i < h.entries.length; i++) {
        expect(h.entries[i]!.fromTick).toBe(h.entries[i - 1]!.tick);
        expect(h.entries[i]!.total - h.entries[i]!.delta).toBeCloseTo(h.entries[i - 1]!.total, 6);
      }
      for (const e of h.entries) {
        // Each part's change is explained; the parts' changes make up the entry's change.
        for (const c of e.changes) expect(c.causes.length).toBeGreaterThan(0);
        const parts = e.changes.reduce((a, c) => a + c.delta, 0);
        // Parts that moved less than 0.05 are not listed, and every share is rounded.
        expect(Math.abs(parts - e.delta)).toBeLessThanOrEqual(0.05 * SCORE_PARTS.length + 0.05);
      }
    });
  }

  it('should follow a live run step by step to the same history as a replay', () => {
    const level = levels.find((l) => l.meta.id === 'tutorial')!;
    const ghost = ghostRun(level, 3).run;
    const live = new LiveScoreHistory(level, 3);
    for (let t = ghost.state.tick; t < ghost.state.endTick; t += 1234)
      live.follow(ghost.log, t * 1000);
    live.follow(ghost.log, Infinity);
    expect(live.result()).toEqual(scoreHistoryOf(level, 3, ghost.log));
  });

  it('should name a false claim with the truth when it was sent, and a KISA notice when it lands', () => {
    const level = levels.find((l) => l.meta.id === 'backbone-isp')!;
    let run = createRun(level, 1);
    const at = tick('2003-01-25T14:50:00+09:00');
    const kisa = level.contacts.find((c) => c.kind === 'kisa')!;
    const contained = kisa.options.find((o) => o.claims.includes('worm.contained'));
    expect(contained, 'KISA has a block claiming the worm is contained').toBeDefined();
    const r = applyCommand(
      run,
      { role: 'solo', type: 'comms.send', args: { to: kisa.id, blocks: [contained!.id] } },
      at,
    );
    expect(r.outcome.ok).toBe(true);
    // The message lands when the comms task is done.
    run = advanceToTick(r.run, at + 3600);
    const sent = run.state.outbox.at(-1)!;
    expect(sent.falseClaims).toContain('worm.contained');
    // The truth at that moment: worm traffic still leaving the network, infected hosts.
    expect(sent.facts!.wormStarted).toBe(true);
    expect(sent.facts!.outboundWormMbps).toBeGreaterThanOrEqual(1);
    expect(sent.facts!.ownInfected).toBeGreaterThan(0);
    expect(sent.facts!.ownSqlHosts).toBeGreaterThanOrEqual(sent.facts!.ownInfected);
    run = finishRun(run);
    const h = scoreHistoryOf(level, 1, run.log);
    const named = h.entries
      .flatMap((e) => e.changes)
      .flatMap((c) => c.causes.map((cause) => ({ part: c.part, cause })))
      .filter((x) => x.cause.kind === 'falseClaim');
    expect(named.map((x) => x.part)).toContain('communications');
    expect(named.map((x) => x.cause)).toContainEqual({
      kind: 'falseClaim',
      to: kisa.id,
      claim: 'worm.contained',
      at: sent.tick,
      facts: sent.facts,
    });
    // The review names it too, in both languages, and lists the history.
    const aar = buildAar(toRunFile(run), level);
    expect(aar.falseClaims!.map((c) => c.claim)).toContain('worm.contained');
    const named1 = aar.falseClaims!.find((c) => c.claim === 'worm.contained')!;
    expect(named1.text.en).toMatch(
      /claim ‘the worm is contained’ to .* was false at \d\d:\d\d: [\d.,]+ Mbit\/s of worm traffic/,
    );
    expect(named1.text.ko).toMatch(/사실이 아니었습니다/);
    expect(aar.scoreHistory!.length).toBe(h.entries.length);
    const html = renderAarHtml(aar, 'both');
    expect(html).toContain(named1.text.en.replace(/’/g, '’'));
    expect(html).toContain('What changed the score');
    expect(html).toContain('점수가 바뀐 이유');
    expect(html).toMatch(/× 1<\/td>/);
    const kisaDone = h.entries
      .flatMap((e) => e.changes)
      .filter((c) => c.part === 'timeToNotifyKisa')
      .flatMap((c) => c.causes);
    expect(kisaDone).toContainEqual({
      kind: 'happened',
      at: sent.tick,
      minutes: expect.any(Number),
    });
  });

  it('should keep the state hash of a message without its facts (old run files verify)', () => {
    const level = levels.find((l) => l.meta.id === 'backbone-isp')!;
    const kisa = level.contacts.find((c) => c.kind === 'kisa')!;
    const run = advanceToTick(
      applyCommand(
        createRun(level, 1),
        { role: 'solo', type: 'comms.send', args: { to: kisa.id, blocks: [kisa.options[0]!.id] } },
        tick('2003-01-25T14:50:00+09:00'),
      ).run,
      tick('2003-01-25T15:50:00+09:00'),
    );
    const withFacts = run.state;
    const withoutFacts = {
      ...withFacts,
      outbox: withFacts.outbox.map(({ facts: _f, ...m }) => m),
    };
    expect(withFacts.outbox[0]!.facts).toBeDefined();
    expect(hashGame(withFacts)).toBe(hashGame(withoutFacts));
  });
});
