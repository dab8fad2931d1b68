// The pacing rule (src/game/pacing.ts): an open situation bounds the clock at any speed, notable
// events hold it slow for a moment, quiet stretches speed it up; the frame driver applies it.
import { describe, expect, it } from 'vitest';
import {
  ATTENTION_HOLD_REAL_S,
  ATTENTION_RATE,
  READ_REAL_S,
  openWindowS,
  simRate,
  situationCap,
} from '../../../src/game/pacing';
import { advanceReal, currentRate, type Run } from '../../../src/game/run';
import type { Speed } from '../../../src/game/clock';
import { fixtureLevel, must, runAt } from './helpers';

const SPEEDS: Speed[] = [1, 2, 4];

describe('the pacing rule', () => {
  it('an open situation bounds the rate so its whole window lasts ≥ READ_REAL_S real seconds at any speed', () => {
    for (const windowS of [300, 600, 900, 1800, 3600, 7200])
      for (const speed of SPEEDS)
        for (const skipping of [false, true])
          for (const pace of [1, 14, 75, 400]) {
            const rate = simRate({
              pace,
              speed,
              skipping,
              openWindowS: windowS,
              attentionLeftS: 0,
            });
            expect(windowS / rate).toBeGreaterThanOrEqual(READ_REAL_S - 1e-9);
          }
    // A situation without a deadline (a facilitator's custom inject) still slows the clock.
    expect(
      simRate({ pace: 75, speed: 4, skipping: true, openWindowS: Infinity, attentionLeftS: 0 }),
    ).toBe(situationCap(Infinity));
  });

  it('quiet stretches run at pace × speed; a notable event holds the rate at ATTENTION_RATE × speed', () => {
    for (const speed of SPEEDS) {
      const quiet = simRate({
        pace: 75,
        speed,
        skipping: false,
        openWindowS: null,
        attentionLeftS: 0,
      });
      expect(quiet).toBe(75 * speed);
      const held = simRate({
        pace: 75,
        speed,
        skipping: false,
        openWindowS: null,
        attentionLeftS: 3,
      });
      expect(held).toBe(ATTENTION_RATE * speed);
      expect(held).toBeLessThan(quiet);
    }
    // A pace already slower than the caps is left alone: caps never speed the clock up.
    expect(
      simRate({ pace: 1, speed: 1, skipping: false, openWindowS: 600, attentionLeftS: 5 }),
    ).toBe(1);
  });
});

describe('the frame driver applies the rule', () => {
  const level = fixtureLevel();

  /** Advances in 250 ms frames until `until` holds; returns the run and real seconds spent. */
  function play(run: Run, until: (r: Run) => boolean, maxS = 3600): { run: Run; realS: number } {
    let r = run;
    let realS = 0;
    while (!until(r) && realS < maxS && !r.state.ended) {
      r = advanceReal(r, 250);
      realS += 0.25;
    }
    return { run: r, realS };
  }

  it('at the fastest speed, skipping included, a situation stays open for at least READ_REAL_S real seconds', () => {
    // ×4 from before the worm: the first situation with choices arrives at speed.
    let r = must(runAt(level, '2003-01-25T14:20:00+09:00'), 'facilitator', 'clock.speed', {
      speed: 4,
    });
    const arrived = play(r, (x) => openWindowS(x.state, level) !== null);
    r = arrived.run;
    const open = r.state.injects.find((i) => i.status === 'active')!;
    expect(open).toBeDefined();
    // Skip too, the fastest anyone can ask for: the situation still waits for the players.
    r = must(r, 'facilitator', 'clock.skip');
    const gone = play(r, (x) => x.state.injects.find((i) => i.id === open.id)!.status !== 'active');
    expect(gone.run.state.injects.find((i) => i.id === open.id)!.status).toBe('expired');
    expect(gone.realS).toBeGreaterThanOrEqual(READ_REAL_S - 1);
    expect(currentRate(r)).toBeLessThanOrEqual(situationCap(openWindowS(r.state, level)!));
  });

  it('slows down after a notable event and speeds up again only once the hold is over', () => {
    // Quiet before the worm: the pace sits at pMax.
    let r = runAt(level, '2003-01-25T14:05:00+09:00');
    r = { ...r, pace: 5 };
    const quiet = play(r, () => false, 10).run;
    expect(quiet.pace).toBeGreaterThan(5);
    // The same stretch while held after an event: the pace does not rise, the rate is capped.
    const held = advanceReal({ ...r, attentionS: ATTENTION_HOLD_REAL_S }, 250);
    expect(held.pace).toBeLessThanOrEqual(5);
    expect(held.rate).toBeLessThanOrEqual(ATTENTION_RATE);
    // A task finishing is such an event: the hold starts when it lands.
    let t = must(runAt(level, '2003-01-25T14:05:00+09:00'), 'security', 'diag.ids');
    t = play(t, (x) => x.state.feed.some((f) => f.kind === 'task.done'), 600).run;
    expect(t.attentionS).toBeGreaterThan(0);
  });
});
