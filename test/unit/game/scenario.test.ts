// Headless scenarios on the backbone ISP fixture: the historical response completes and scores;
// an early, sensible response does better; doing nothing does worse.
import { describe, expect, it } from 'vitest';
import { ghostRun, runScripted } from '../../../src/game/script';
import { runScore } from '../../../src/game/run';
import { toRunFile } from '../../../src/game/runFile';
import { verifyRunFile } from '../../../src/game/verify';
import { fixtureLevel } from './helpers';
import { SENSIBLE } from './sensibleResponse';

describe('backbone ISP scenarios', () => {
  const level = fixtureLevel();

  it('should play the historical response to the end, accept every command, score it, and verify', () => {
    const ghost = ghostRun(level, 1);
    expect(ghost.refused).toEqual([]);
    expect(ghost.run.state.ended).toBe(true);
    expect(ghost.run.log).toHaveLength(level.history.response.length);
    // A checkpoint at the start and at the first game point of every sim hour.
    expect(ghost.run.checkpoints.map((c) => c.tick)).toEqual(
      Array.from({ length: 35 }, (_, h) => h * 3600),
    );
    const score = runScore(ghost.run);
    expect(score.total).toBeGreaterThan(0);
    expect(score.total).toBeLessThan(1000);
    // The real day: Hyehwa DNS fell, then Guro after resolution moved there.
    const kinds = ghost.run.state.feed.map((f) => `${f.kind}:${f.params.id ?? ''}`);
    expect(kinds).toContain('engine.dns.down:dns-hyehwa');
    expect(kinds).toContain('engine.dns.down:dns-guro');
    const verified = verifyRunFile(JSON.parse(JSON.stringify(toRunFile(ghost.run))), level);
    expect(verified.ok).toBe(true);
  });

  it('an early, sensible response should beat history, and doing nothing should score worse', () => {
    const history = runScore(ghostRun(level, 1).run);
    const sensibleRun = runScripted(level, 1, SENSIBLE);
    expect(sensibleRun.refused).toEqual([]);
    const sensible = runScore(sensibleRun.run);
    const nothing = runScore(runScripted(level, 1, []).run);
    expect(sensible.total).toBeGreaterThan(history.total);
    expect(nothing.total).toBeLessThan(history.total);
    expect(sensible.parts.timeToFilter).toBeGreaterThan(history.parts.timeToFilter);
    expect(nothing.parts.timeToDetect).toBe(0);
    // Silence is not free: contacts expect to hear once the outage is public.
    expect(nothing.parts.communications).toBeLessThan(history.parts.communications);
  });

  it('should score the same seeds the same way', () => {
    expect(runScore(ghostRun(level, 42).run)).toEqual(runScore(ghostRun(level, 42).run));
  });
});

describe('after-action series', () => {
  it('should replay a log into curves that end at the run’s final state', async () => {
    const { runSeries } = await import('../../../src/game/series');
    const level = fixtureLevel();
    const ghost = ghostRun(level, 1);
    const s = runSeries(level, 1, ghost.run.log, 1800);
    expect(s.tick[0]).toBe(0);
    expect(s.tick.at(-1)).toBe(ghost.run.state.endTick);
    expect(s.scoreTotal.at(-1)).toBe(runScore(ghost.run).total);
    expect(Math.min(...s.subscribersOnlinePct)).toBeLessThan(50);
    expect(s.tick.every((t, i) => i === 0 || t > s.tick[i - 1]!)).toBe(true);
  });
});

describe('level start', () => {
  it('should run the network alone until a later level start', async () => {
    const { levelVariant } = await import('./helpers');
    const { createRun } = await import('../../../src/game/run');
    const late = levelVariant((j) => {
      j.meta.start = '2003-01-25T15:00:00+09:00';
      j.history.response = [];
      j.injects = j.injects.filter(
        (i: { trigger: { at?: string } }) => !i.trigger.at || i.trigger.at >= j.meta.start,
      );
    });
    const run = createRun(late, 1);
    expect(run.state.tick).toBe(3600);
    expect(run.state.acc.onsetTick).not.toBeNull();
    expect(run.checkpoints[0]!.tick).toBe(3600);
    expect(run.state.staff.find((s) => s.id === 'noc-kim')!.onShiftSince).toBe(3600);
  });
});
