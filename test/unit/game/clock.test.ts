// The clock: pacing from the engine's activity, a full run's real-time length, pause/speed/skip,
// and the property that frame chunking never changes the run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smoothPace, targetPace } from '../../../src/game/clock';
import { hashGame } from '../../../src/game/incident';
import type { Role } from '../../../src/game/roles';
import {
  advanceReal,
  advanceToTick,
  applyCommand,
  createRun,
  replayLog,
  type Run,
} from '../../../src/game/run';
import { fixtureLevel, levelVariant, must, tick } from './helpers';

describe('pacing', () => {
  const p = { pMin: 1, pMax: 75, k: 6500, smoothingS: 60 };

  it('should be fast when nothing changes and about real time when the worm explodes', () => {
    expect(targetPace(0, p)).toBe(75);
    expect(targetPace(0.05, p)).toBe(1);
    expect(targetPace(Number.NaN, p)).toBe(75);
    const mid = targetPace(1e-3, p);
    expect(mid).toBeGreaterThan(1);
    expect(mid).toBeLessThan(75);
  });

  it('should ease toward the target without jumping, slowing faster than speeding up', () => {
    const down = smoothPace(75, 1, 5, p);
    const up = smoothPace(1, 75, 5, p);
    expect(down).toBeGreaterThan(1);
    expect(down).toBeLessThan(75);
    expect(75 - down).toBeGreaterThan(up - 1);
  });

  it('a solo run with no actions should last 25–45 real minutes at default speed', () => {
    let run = createRun(fixtureLevel(), 1);
    let realS = 0;
    let onsetRealS = 0;
    const onset = fixtureLevel().engine.global.onsetMs;
    while (!run.state.ended) {
      run = advanceReal(run, 250);
      realS += 0.25;
      if (run.state.engine.tMs < onset + 10 * 60_000) onsetRealS = realS;
      if (realS > 3 * 3600) throw new Error('run never ended');
    }
    const minutes = realS / 60;
    expect(minutes).toBeGreaterThanOrEqual(25);
    expect(minutes).toBeLessThanOrEqual(45);
    // The first ten minutes of the worm play slowly: at least a few real minutes.
    const firstTenRealS = onsetRealS - onset / 1000 / 75;
    expect(firstTenRealS).toBeGreaterThan(120);
  });
});

describe('clock commands', () => {
  const level = fixtureLevel();
  const start = advanceToTick(createRun(level, 1), tick('2003-01-25T14:10:00+09:00'));

  it('pause should stop time and speed ×4 should run four times as fast', () => {
    const paused = must(start, 'facilitator', 'clock.pause');
    expect(advanceReal(paused, 250).state.engine.tMs).toBe(paused.state.engine.tMs);
    let x1 = start;
    let x4 = must(start, 'facilitator', 'clock.speed', { speed: 4 });
    for (let i = 0; i < 12; i++) {
      x1 = advanceReal(x1, 250);
      x4 = advanceReal(x4, 250);
    }
    const d1 = x1.state.engine.tMs - start.state.engine.tMs;
    const d4 = x4.state.engine.tMs - start.state.engine.tMs;
    expect(d4 / d1).toBeGreaterThan(3.5);
    expect(d4 / d1).toBeLessThan(4.5);
  });

  it('skip should run fast to the next scheduled event and stop there', () => {
    const skipping = must(start, 'facilitator', 'clock.skip');
    const target = skipping.state.clock.skipTo!;
    // Nothing is scheduled by the clock before the worm: the target is the one-hour cap.
    expect(target).toBeGreaterThan(start.state.tick);
    let r = skipping;
    let frames = 0;
    while (r.state.clock.skipTo !== null && frames < 1000) {
      r = advanceReal(r, 100);
      frames++;
    }
    // It stops at the first thing the players can see (here the worm's arrival) or at the target.
    expect(r.state.tick).toBeLessThan(target + 60);
    expect(frames).toBeLessThan(40);
    expect(r.state.feed.length).toBeGreaterThan(start.state.feed.length);
  });
});

describe('determinism under frame chunking', () => {
  // Fast pacing so the property covers the worm's outbreak in few frames.
  const level = levelVariant((j) => {
    j.clock = { pMin: 200, pMax: 400, k: 1, smoothingS: 30 };
    for (const rule of Object.values(j.commands as Record<string, { requires?: string[] }>))
      rule.requires = [];
  });
  const pool: { role: Role; type: string; args: Record<string, unknown> }[] = [
    {
      role: 'network',
      type: 'filter.apply',
      args: { device: 'intl-hyehwa', direction: 'ingress' },
    },
    { role: 'systems', type: 'dns.restart', args: { cluster: 'dns-hyehwa' } },
    { role: 'systems', type: 'patch.start', args: { segment: 'idc-mokdong', hostsPerHour: 500 } },
    { role: 'commander', type: 'staff.call', args: { staff: 'sys-han' } },
    { role: 'facilitator', type: 'clock.speed', args: { speed: 4 } },
    { role: 'facilitator', type: 'clock.skip', args: {} },
    { role: 'security', type: 'diag.ids', args: {} },
  ];

  it('the same log advanced in random frame sizes gives the same hashes as one straight run', () => {
    const base = advanceToTick(createRun(level, 9), tick('2003-01-25T14:28:00+09:00'));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            ms: fc.integer({ min: 1, max: 250 }),
            cmd: fc.option(fc.nat(pool.length - 1), { freq: 6 }),
          }),
          {
            minLength: 20,
            maxLength: 60,
          },
        ),
        (frames) => {
          let live: Run = base;
          for (const f of frames) {
            live = advanceReal(live, f.ms);
            if (f.cmd !== null) {
              const c = pool[f.cmd]!;
              live = applyCommand(live, c).run;
            }
          }
          const straight = replayLog(level, 9, live.log, live.state.engine.tMs);
          expect(straight.ok).toBe(true);
          if (!straight.ok) return;
          expect(straight.run.state.engine.tMs).toBe(live.state.engine.tMs);
          expect(hashGame(straight.run.state)).toBe(hashGame(live.state));
          expect(straight.run.checkpoints).toEqual(live.checkpoints);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('random play to the end', () => {
  const short = levelVariant((j) => {
    j.meta.end = '2003-01-25T14:31:00+09:00';
    j.history.response = [];
    j.clock = { pMin: 50, pMax: 400, k: 1, smoothingS: 30 };
  });
  const ops = fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('frame' as const), ms: fc.integer({ min: 0, max: 250 }) }),
      fc.record({ kind: fc.constant('jump' as const), s: fc.integer({ min: 1, max: 400 }) }),
      fc.record({
        kind: fc.constant('cmd' as const),
        type: fc.constantFrom(
          'clock.pause',
          'clock.resume',
          'clock.skip',
          'clock.speed',
          'note.add',
          'staff.call',
        ),
      }),
    ),
    { maxLength: 40 },
  );
  const argsFor: Record<string, Record<string, unknown>> = {
    'clock.speed': { speed: 2 },
    'note.add': { text: 'n' },
    'staff.call': { staff: 'sys-lim' },
  };

  it('any mix of frames, jumps and commands replays to the same state, ended or not', () => {
    fc.assert(
      fc.property(fc.nat(), ops, (seed, list) => {
        let run = createRun(short, seed);
        for (const op of list) {
          if (op.kind === 'frame') run = advanceReal(run, op.ms);
          else if (op.kind === 'jump') run = advanceToTick(run, run.state.tick + op.s);
          else
            run = applyCommand(run, {
              role: op.type === 'staff.call' ? 'commander' : 'facilitator',
              type: op.type,
              args: argsFor[op.type] ?? {},
            }).run;
        }
        const replay = replayLog(short, seed, run.log, run.state.engine.tMs);
        expect(replay.ok).toBe(true);
        if (replay.ok) expect(hashGame(replay.run.state)).toBe(hashGame(run.state));
      }),
      { numRuns: 150 },
    );
  });
});

describe('skip to the next event', () => {
  const level = fixtureLevel();
  /** Feed kinds the feed panel does not show (src/ui/panels/ops/feedPanel.ts). */
  const hidden = (kind: string) =>
    kind === 'autosave' || kind.startsWith('engine.action') || kind === 'engine.segments';

  it('every skip lands on something the players can see: a new feed line or message', () => {
    for (const from of ['2003-01-25T14:05:00+09:00', '2003-01-26T18:00:00+09:00']) {
      let r = advanceToTick(createRun(level, 3), tick(from));
      for (let n = 0; n < 25 && !r.state.ended; n++) {
        const feed = r.state.feed.length;
        const inbox = r.state.inbox.length;
        r = applyCommand(r, { role: 'facilitator', type: 'clock.skip' }).run;
        let frames = 0;
        while (r.state.clock.skipTo !== null && !r.state.ended && frames++ < 10_000)
          r = advanceReal(r, 250);
        const seen = r.state.feed.slice(feed).filter((f) => !hidden(f.kind));
        expect(seen.length + r.state.inbox.length - inbox, `${from} skip ${n}`).toBeGreaterThan(0);
        // What it landed on is at the landing time, not earlier.
        const last = Math.max(seen.at(-1)?.tick ?? 0, r.state.inbox.at(-1)?.tick ?? 0);
        expect(r.state.tick - last, `${from} skip ${n}`).toBeLessThanOrEqual(60);
      }
    }
  });

  it('a skip through an hour where nothing happens says so when it lands', () => {
    // A day without the worm and without injects: nothing is scheduled, nothing happens.
    const calm = levelVariant((j) => {
      j.injects = [];
      (j.engine as { global: { onsetMs: number } }).global.onsetMs = 40 * 3600_000;
    });
    let r = advanceToTick(createRun(calm, 3), tick('2003-01-25T14:05:00+09:00'));
    const feed = r.state.feed.length;
    r = applyCommand(r, { role: 'facilitator', type: 'clock.skip' }).run;
    const target = r.state.clock.skipTo!;
    let frames = 0;
    while (r.state.clock.skipTo !== null && frames++ < 10_000) r = advanceReal(r, 250);
    expect(r.state.tick).toBeGreaterThanOrEqual(target);
    expect(r.state.feed.slice(feed)).toEqual([
      { tick: target, kind: 'clock.skipQuiet', params: {} },
    ]);
  });
});
