// The lockstep follower: whatever the frame sizes, arrival order, duplicates or join point, a
// client's copy ends with the same state hash as the server's run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceReal,
  applyCommand,
  createRun,
  hashGame,
  type Level,
  type Run,
} from '../../../src/game';
import { LockstepFollower } from '../../../src/net/follower';
import type { LogEntry } from '../../../src/net/protocol';
import { fixtureLevel } from '../game/helpers';

type Frame = { kind: 'cmd'; entry: LogEntry } | { kind: 'tick'; ms: number };

/** Commands a team might send; some will be refused at some times, and the server skips those. */
const CANDIDATES: { role: LogEntry['role']; type: string; args: Record<string, unknown> }[] = [
  { role: 'network', type: 'diag.linkGraphs', args: {} },
  { role: 'security', type: 'diag.ids', args: {} },
  { role: 'systems', type: 'diag.dnsLogs', args: { cluster: 'dns-hyehwa' } },
  { role: 'network', type: 'filter.apply', args: { device: 'intl-hyehwa', direction: 'ingress' } },
  { role: 'commander', type: 'staff.call', args: { staff: 'net-jung' } },
  { role: 'facilitator', type: 'clock.speed', args: { speed: 4 } },
  { role: 'facilitator', type: 'clock.speed', args: { speed: 2 } },
  { role: 'facilitator', type: 'note.add', args: { text: '핫워시 hot wash' } },
  {
    role: 'facilitator',
    type: 'inject.custom',
    args: { to: 'network', text: { ko: '질문', en: 'Question' } },
  },
];

/**
 * The server's side, as server/sessions does it: real-time frames through advanceReal, commands
 * stamped "now" (applyCommand without a tick), only accepted ones logged, a tick frame after each
 * server frame.
 */
function serverPlay(
  level: Level,
  seed: number,
  plan: { frameMs: number; cmd: number | null }[],
): { run: Run; frames: Frame[]; log: LogEntry[] } {
  let run = createRun(level, seed);
  const frames: Frame[] = [];
  const log: LogEntry[] = [];
  for (const step of plan) {
    run = advanceReal(run, step.frameMs);
    if (step.cmd !== null) {
      const c = CANDIDATES[step.cmd % CANDIDATES.length]!;
      const r = applyCommand(run, c);
      if (r.outcome.ok) {
        run = r.run;
        const last = run.log.at(-1)!;
        const entry: LogEntry = {
          seq: log.length + 1,
          tick: last.tick,
          role: c.role,
          type: c.type,
          args: c.args,
          seat: 's1',
          clientSeq: log.length + 1,
        };
        log.push(entry);
        frames.push({ kind: 'cmd', entry });
      }
    }
    frames.push({ kind: 'tick', ms: run.state.engine.tMs });
  }
  return { run, frames, log };
}

const planArb = fc.array(
  fc.record({
    frameMs: fc.integer({ min: 50, max: 250 }),
    cmd: fc.option(fc.nat(100), { freq: 3 }),
  }),
  { minLength: 20, maxLength: 120 },
);

/**
 * What a connection may do to the stream: cmd frames between two tick frames arrive in any
 * order, some twice, and some tick frames are lost. (One WebSocket keeps order; this is harsher.)
 */
function scramble(frames: Frame[], rnd: () => number): Frame[] {
  const out: Frame[] = [];
  let segment: Frame[] = [];
  for (const f of frames) {
    if (f.kind === 'cmd') {
      segment.push(f);
      if (rnd() < 0.2) segment.push(f);
      continue;
    }
    if (rnd() < 0.3) continue; // tick frame lost: the next one carries a later time
    for (let i = segment.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [segment[i], segment[j]] = [segment[j]!, segment[i]!];
    }
    out.push(...segment, f);
    segment = [];
  }
  out.push(...segment);
  return out;
}

/** Deterministic pseudo-random numbers for the test's own choices. */
function lcg(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe('LockstepFollower', () => {
  const level = fixtureLevel();

  it('reaches the server’s hash for any frame sizes, arrival order and duplicates', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 10 }),
        (plan, shuffleSeed, clientFrames) => {
          const server = serverPlay(level, 3, plan);
          const follower = new LockstepFollower(level, 3);
          let i = 0;
          for (const f of scramble(server.frames, lcg(shuffleSeed))) {
            if (f.kind === 'cmd') follower.receive(f.entry);
            else follower.setTarget(f.ms);
            follower.step(clientFrames[i++ % clientFrames.length]!);
            // Never ahead of the server.
            expect(follower.ms).toBeLessThanOrEqual(server.run.state.engine.tMs);
          }
          follower.setTarget(server.run.state.engine.tMs);
          for (let k = 0; k < 10_000 && follower.ms < follower.targetMs; k++) follower.step(16);
          expect(follower.divergence).toBeUndefined();
          expect(follower.expectedSeq).toBe(server.log.length + 1);
          expect(follower.ms).toBe(server.run.state.engine.tMs);
          expect(follower.hash()).toBe(hashGame(server.run.state));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('checkpoint hashes equal the server’s; step never moves while an entry is missing', () => {
    const plan = Array.from({ length: 400 }, (_, i) => ({
      frameMs: 250,
      cmd: i % 37 === 5 ? i : null,
    }));
    const server = serverPlay(level, 9, plan);
    expect(server.log.length).toBeGreaterThan(2);
    const follower = new LockstepFollower(level, 9);
    // Entry 2 arrives before entry 1: nothing moves until 1 comes.
    follower.setTarget(server.run.state.engine.tMs);
    follower.receive(server.log[1]!);
    expect(follower.gapFrom).toBe(1);
    const before = follower.ms;
    expect(follower.step(1000)).toBe(false);
    expect(follower.ms).toBe(before);
    follower.receive(server.log[0]!);
    expect(follower.gapFrom).toBeUndefined();
    for (const e of server.log) follower.receive(e); // duplicates of 1 and 2 are ignored
    follower.jumpToTarget();
    expect(follower.hash()).toBe(hashGame(server.run.state));
    const reported = follower.takeCheckpoints();
    expect(reported).toEqual(server.run.checkpoints);
    expect(follower.takeCheckpoints()).toEqual([]);
  });

  it('catchUp joins mid-session, and re-simulates when the copy diverged or is ahead', () => {
    const plan = Array.from({ length: 300 }, (_, i) => ({
      frameMs: 200,
      cmd: i % 23 === 3 ? i : null,
    }));
    const server = serverPlay(level, 5, plan);
    const half = Math.floor(server.frames.length / 2);
    const firstHalf = server.frames.slice(0, half);
    const lastTick = [...firstHalf].reverse().find((f) => f.kind === 'tick') as {
      ms: number;
    };
    const logSoFar = firstHalf.flatMap((f) => (f.kind === 'cmd' ? [f.entry] : []));

    // A late joiner: the log so far and the clock, then the live frames.
    const late = new LockstepFollower(level, 5);
    late.catchUp(logSoFar, lastTick.ms);
    expect(late.ms).toBe(lastTick.ms);
    for (const f of server.frames.slice(half)) {
      if (f.kind === 'cmd') late.receive(f.entry);
      else late.setTarget(f.ms);
      late.step(100);
    }
    late.jumpToTarget();
    expect(late.hash()).toBe(hashGame(server.run.state));

    // A copy that applied a command the server never logged diverges; catchUp repairs it.
    const wrong = new LockstepFollower(level, 5);
    wrong.receive({
      ...server.log[0]!,
      args: { text: 'not what the server logged' },
      type: 'note.add',
      role: 'facilitator',
    });
    wrong.catchUp(server.log, server.run.state.engine.tMs);
    expect(wrong.hash()).toBe(hashGame(server.run.state));

    // A copy ahead of a restarted server (which lost a moment of clock) re-simulates too.
    const ahead = new LockstepFollower(level, 5);
    ahead.catchUp(server.log, server.run.state.engine.tMs);
    const earlier = lastTick.ms;
    ahead.catchUp(logSoFar, earlier);
    expect(ahead.ms).toBe(earlier);
    expect(ahead.expectedSeq).toBe(logSoFar.length + 1);

    // A server log the copy cannot replay is reported, not thrown.
    const broken = new LockstepFollower(level, 5);
    broken.catchUp(
      [{ ...server.log[0]!, tick: server.log[0]!.tick, type: 'clock.resume', args: {} }],
      server.run.state.engine.tMs,
    );
    expect(broken.divergence?.rejection.code).toBe('CLOCK_STATE');
  });

  it('finish() plays to the level’s end like the server does at the end of a session', () => {
    const server = serverPlay(level, 2, [{ frameMs: 200, cmd: 5 }]);
    const follower = new LockstepFollower(level, 2);
    follower.catchUp(server.log, server.run.state.engine.tMs);
    follower.finish();
    expect(follower.run.state.ended).toBe(true);
    expect(follower.step(100)).toBe(false);
  });
});
