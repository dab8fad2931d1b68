// Seek is exact (issue #7): over a full run of the real backbone-isp level with a real command log,
// the state reached by seeking equals the state reached by playing straight to the same tick. And a
// what-if fork starts with exactly its parent's log prefix and verifies on its own.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashGame } from '../../../src/game/incident';
import { parseLevel, type Level } from '../../../src/game/levelSchema';
import { drawU32, seedSaltedPrng, type PrngState } from '../../../src/engine/prng';
import {
  createTimeline,
  forkAt,
  ghostSeries,
  timelineOfRunFile,
  type ReplayTimeline,
} from '../../../src/game/replay';
import {
  advanceToMs,
  applyCommand,
  createRun,
  finishRun,
  replayLog,
  type LoggedCommand,
  type Run,
} from '../../../src/game/run';
import {
  parseRunFile,
  runFileSha256,
  toAutosave,
  restoreAutosave,
  toRunFile,
  type RunFile,
} from '../../../src/game/runFile';
import { ghostRun, runScripted } from '../../../src/game/script';
import { runSeries } from '../../../src/game/series';
import { verifyRunFile } from '../../../src/game/verify';
import { SENSIBLE } from './sensibleResponse';

function realLevel(): Level {
  const path = fileURLToPath(new URL('../../../levels/backbone-isp.json', import.meta.url));
  const r = parseLevel(JSON.parse(readFileSync(path, 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.level;
}

const level = realLevel();
const SEED = 20030125;

/** The level's historical response played to the end: a full run with a real log. */
const historyFile: RunFile = toRunFile(ghostRun(level, SEED).run);

/** Seeded random ticks in [lo, hi], unsorted. */
function randomTicks(n: number, lo: number, hi: number, seed: number): number[] {
  let rng: PrngState = seedSaltedPrng(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let u: number;
    [u, rng] = drawU32(rng);
    out.push(lo + (u % (hi - lo + 1)));
  }
  return out;
}

/**
 * "Playing straight to T" without snapshots, in one forward pass for many ticks: the commands with
 * tick ≤ T applied in log order, then the engine stepped to T. replayLog from 14:00 does the same
 * for one tick; the test checks a sample of ticks against it too.
 */
function straightHashes(file: RunFile, ticks: number[]): Map<number, string> {
  const sorted = [...new Set(ticks)].sort((a, b) => a - b);
  const out = new Map<number, string>();
  let run: Run = createRun(level, file.seed, file.players);
  let i = 0;
  for (const t of sorted) {
    while (i < file.commands.length && file.commands[i]!.tick <= t) {
      const c = file.commands[i++]!;
      const r = applyCommand(run, c, c.tick);
      expect(r.outcome.ok).toBe(true);
      run = r.run;
    }
    run = advanceToMs(run, t * 1000);
    out.set(t, hashGame(run.state));
  }
  return out;
}

describe('seek', () => {
  it('reaches the same state as playing straight, at 200 random ticks in random order', () => {
    expect(historyFile.commands.length).toBeGreaterThan(10);
    expect(historyFile.result.ended).toBe(true);
    const tl = timelineOfRunFile(level, historyFile);
    // Tick 0 to the end of the level (34 sim hours): snapshots every 10 sim minutes.
    expect(tl.endTick - tl.startTick).toBe(34 * 3600);
    expect(tl.snapshots.length).toBe(204);
    // Random ticks, plus each command's tick and its neighbours (where off-by-one errors live).
    const ticks = randomTicks(200, tl.startTick, tl.endTick, 7);
    for (const c of historyFile.commands) ticks.push(c.tick - 1, c.tick, c.tick + 1);
    const straight = straightHashes(historyFile, ticks);
    const distinct = new Set<string>();
    for (const t of ticks) {
      const h = hashGame(tl.seek(t).run.state);
      expect(h, `tick ${t}`).toBe(straight.get(t));
      distinct.add(h);
    }
    // The hashes differ across the run, so equal hashes mean something.
    expect(distinct.size).toBeGreaterThan(150);
    // replayLog from 14:00 (the reference definition) at a spread of ticks, seeking backwards.
    for (const t of randomTicks(12, tl.startTick, tl.endTick, 99).sort((a, b) => b - a)) {
      const ref = replayLog(level, historyFile.seed, historyFile.commands, t * 1000);
      expect(ref.ok).toBe(true);
      const sought = tl.seek(t);
      expect(hashGame(sought.run.state), `tick ${t}`).toBe(hashGame(ref.run.state));
      expect(sought.run.log).toEqual(ref.run.log);
      expect(sought.run.checkpoints).toEqual(ref.run.checkpoints);
    }
  });

  it('is exact with a dense early log, other snapshot spacings, and when playing forward', () => {
    const file = toRunFile(runScripted(level, 3, SENSIBLE).run);
    const ticks = randomTicks(60, 0, 6 * 3600, 11);
    // Just before a command is where a seek's cursor can hold an overdue command (coarse steps).
    for (const c of file.commands) ticks.push(c.tick - 7, c.tick - 1, c.tick, c.tick + 1);
    const straight = straightHashes(file, ticks);
    for (const everyMin of [1, 7, 60]) {
      const tl = timelineOfRunFile(level, file, { everyMin });
      for (const t of ticks) expect(hashGame(tl.seek(t).run.state)).toBe(straight.get(t));
    }
    // Playback moves forward in small hops from a seek; it must land on the same states.
    const tl = timelineOfRunFile(level, file);
    const sorted = [...new Set(ticks)].sort((a, b) => a - b);
    let cur = tl.seek(sorted[0]!);
    for (const t of sorted) {
      cur = tl.forward(cur, t * 1000);
      expect(hashGame(cur.run.state), `forward to ${t}`).toBe(straight.get(t));
    }
  });

  it('clamps to the timeline and refuses a log that does not fit the level', () => {
    const tl = timelineOfRunFile(level, historyFile);
    expect(tl.seek(-5000).run.state.tick).toBe(tl.startTick);
    expect(tl.seek(10 ** 7).run.state.ended).toBe(true);
    const bad: LoggedCommand[] = [
      { tick: 60, role: 'network', type: 'filter.apply', args: { device: 'atlantis' } },
    ];
    expect(() =>
      createTimeline(level, { seed: 1, players: historyFile.players, commands: bad, endMs: 3.6e6 }),
    ).toThrow(/command #0 refused at tick 60/);
  });
});

describe('what-if fork', () => {
  const tl: ReplayTimeline = timelineOfRunFile(level, historyFile);

  it("starts with exactly the parent's prefix, names its parent, and verifies on its own", () => {
    // The fork tick: between two of the parent's commands, after the worm's onset.
    const T = historyFile.commands[6]!.tick + 1;
    const fork = forkAt(tl, historyFile, T);
    const prefix = historyFile.commands.filter((c) => c.tick <= T);
    expect(prefix.length).toBe(7);
    expect(fork.log).toEqual(prefix);
    expect(fork.parent).toEqual({ sha256: runFileSha256(historyFile), tick: T });
    expect(fork.state.ended).toBe(false);
    // Same state as the parent at T.
    expect(hashGame(fork.state)).toBe(hashGame(tl.seek(T).run.state));

    // Play on differently (the parent never rate-limits Busan), then finish.
    let run = fork;
    const r = applyCommand(run, {
      role: 'solo',
      type: 'ratelimit.apply',
      args: { device: 'intl-busan', direction: 'egress', mbps: 20 },
    });
    expect(r.outcome).toMatchObject({ ok: true });
    run = finishRun(r.run);
    const file = JSON.parse(JSON.stringify(toRunFile(run))) as RunFile;
    expect(file.commands.slice(0, prefix.length)).toEqual(prefix);
    expect(file.commands.length).toBe(prefix.length + 1);
    expect(file.parent).toEqual({ sha256: runFileSha256(historyFile), tick: T });
    const v = verifyRunFile(file, level);
    expect(v).toMatchObject({ ok: true });
    // It really is another run: the final hash differs from the parent's.
    expect(file.result.finalHash).not.toBe(historyFile.result.finalHash);

    // A fork in progress keeps its parent through autosave and restore.
    const save = JSON.parse(JSON.stringify(toAutosave(r.run)));
    const restored = restoreAutosave(save, level);
    expect(restored.ok && restored.run.parent).toEqual(fork.parent);

    // The parent is provenance: tampering with it changes no hash, but a tick past the end is refused.
    const late = { ...file, parent: { ...file.parent!, tick: file.result.endTick + 1 } };
    expect(verifyRunFile(late, level)).toMatchObject({ ok: false, code: 'MALFORMED' });
    const badHash = { ...file, parent: { sha256: 'xyz', tick: T } };
    expect(verifyRunFile(badHash, level)).toMatchObject({ ok: false, code: 'MALFORMED' });
  });

  it('keeps old run files valid and writes no parent for ordinary runs', () => {
    expect('parent' in historyFile).toBe(false);
    expect(parseRunFile(JSON.parse(JSON.stringify(historyFile))).ok).toBe(true);
    expect(verifyRunFile(historyFile, level)).toMatchObject({ ok: true });
  });

  it('at tick 0 has an empty log; the parent hash is of the canonical file, not its layout', () => {
    const fork = forkAt(tl, historyFile, 0);
    expect(fork.log).toEqual([]);
    // The same file with its keys in another order (as another tool might write it).
    const { result, ...rest } = historyFile;
    const reordered = JSON.parse(JSON.stringify({ result, ...rest })) as RunFile;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(historyFile));
    expect(runFileSha256(reordered)).toBe(fork.parent!.sha256);
  });
});

describe('ghost series', () => {
  it('samples the same truth as runSeries and adds the outbound worm traffic', () => {
    const g = ghostSeries(level, SEED, historyFile.commands, undefined, 600);
    const s = runSeries(level, SEED, historyFile.commands, 600);
    expect(g.tick).toEqual(s.tick);
    expect(g.subscribersOnlinePct).toEqual(s.subscribersOnlinePct);
    expect(g.dnsSuccessPct).toEqual(s.dnsSuccessPct);
    expect(g.ownInfected).toEqual(s.ownInfected);
    expect(Math.max(...g.wormSentOutPps)).toBeGreaterThan(0);
  });
});
