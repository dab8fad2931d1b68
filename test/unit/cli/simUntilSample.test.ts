// `npm run sim` in game mode: --until stops the run there even with --history (later scripted
// commands are left out, not played past it), and --sample finer than an engine step never
// repeats a time value.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoToTick, type ScriptedCommand } from '../../../src/game';
import { loadLevelFile, scriptUntil } from '../../../src/cli/levelFiles';
import { runGameJson } from '../../../src/cli/simGame';
import { main } from '../../../src/cli/sim';
import { loadLevelEngine, runSim } from '../../../src/cli/simEngine';
import { isoToSimMs } from '../../../src/engine';

const loaded = loadLevelFile('levels/tutorial.json');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const level = loaded.value;
const history = level.history.response as ScriptedCommand[];
// Between the tutorial's scripted diag.dnsLogs (14:55) and its staff.call (15:00): a cut that
// leaves later commands (netflow 15:05, filter 15:30 …) out.
const UNTIL = '2003-01-25T14:57:00+09:00';
const untilTick = isoToTick(UNTIL)!;

describe('sim --until with --history (game mode)', () => {
  it('should stop the run at --until and leave later scripted commands out', () => {
    const r = runGameJson({ level, seed: 1, script: history, untilIso: UNTIL });
    expect(r.until).toBe(UNTIL);
    expect(r.series.t.at(-1)).toBe(untilTick);
    expect(r.events.every((e) => e.t <= untilTick)).toBe(true);
    const later = history.filter((c) => isoToTick(c.at)! > untilTick).length;
    expect(later).toBeGreaterThan(0);
    expect(r.notPlayed).toBe(later);
    expect(r.refused).toBeUndefined();
  });

  it('should give the same state as the commands up to --until played alone', () => {
    const upTo = history.filter((c) => isoToTick(c.at)! <= untilTick);
    const cut = runGameJson({ level, seed: 1, script: history, untilIso: UNTIL });
    const alone = runGameJson({ level, seed: 1, script: upTo, untilIso: UNTIL });
    expect(cut.hash).toBe(alone.hash);
    expect(cut.score).toEqual(alone.score);
  });

  it('should stop the run file written with --out at --until too', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'one25-until-')), 'run.json');
    const r = runGameJson({ level, seed: 1, script: history, untilIso: UNTIL, out });
    const file = JSON.parse(readFileSync(out, 'utf8')) as { commands: { tick: number }[] };
    expect(file.commands.every((c) => c.tick <= untilTick)).toBe(true);
    expect(file.commands.length).toBeGreaterThan(0);
    expect(r.notPlayed).toBe(history.filter((c) => isoToTick(c.at)! > untilTick).length);
  });

  it('should keep refusals pointing at the command in the script, not in the cut', () => {
    const bad: ScriptedCommand[] = [
      { at: '2003-01-25T16:00:00+09:00', role: 'solo', type: 'diag.ids', args: {} },
      { at: '2003-01-25T14:30:00+09:00', role: 'solo', type: 'no.such', args: {} },
    ];
    const cut = scriptUntil(bad, untilTick);
    expect(cut.indices).toEqual([1]);
    const r = runGameJson({ level, seed: 1, script: bad, untilIso: UNTIL });
    expect(r.refused?.map((x) => x.index)).toEqual([1]);
  });

  describe('through main()', () => {
    let out: string[];
    beforeEach(() => {
      out = [];
      vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
      vi.spyOn(console, 'error').mockImplementation(
        (...a: unknown[]) => void out.push(a.join(' ')),
      );
    });
    afterEach(() => vi.restoreAllMocks());

    it('should honour --until with --history in the JSON output', () => {
      expect(
        main(['--level', 'levels/tutorial.json', '--history', '--until', UNTIL, '--json']),
      ).toBe(0);
      const j = JSON.parse(out.join('\n')) as { until: string; series: { t: number[] } };
      expect(j.until).toBe(UNTIL);
      expect(Math.max(...j.series.t)).toBe(untilTick);
    });

    it('should say in the text summary how many scripted commands --until left out', () => {
      expect(main(['--level', 'levels/tutorial.json', '--history', '--until', UNTIL])).toBe(0);
      expect(out.join('\n')).toMatch(/\d+ scripted command\(s\) after --until not played/);
    });
  });
});

describe('sim --sample finer than an engine step (game mode)', () => {
  it('should give strictly increasing time values with --sample 1', () => {
    const r = runGameJson({
      level,
      seed: 1,
      script: [],
      sampleS: 1,
      untilIso: '2003-01-25T14:40:00+09:00',
    });
    const t = r.series.t;
    const repeats = t.filter((x, i) => i > 0 && x <= t[i - 1]!);
    expect(repeats).toEqual([]);
    for (const col of Object.values(r.series)) expect(col).toHaveLength(t.length);
    // Every engine step is still there: 10 s steps before the onset, finer ones after it.
    expect(t.slice(0, 4)).toEqual([1200, 1210, 1220, 1230]);
    expect(t.length).toBeGreaterThan(120);
  });

  it('should not change the run: same hash and score as the default sampling', () => {
    const fine = runGameJson({ level, seed: 1, script: history, sampleS: 1, untilIso: UNTIL });
    const coarse = runGameJson({ level, seed: 1, script: history, untilIso: UNTIL });
    expect(fine.hash).toBe(coarse.hash);
    expect(fine.score).toEqual(coarse.score);
  });
});

describe('sim --sample finer than an engine step (bare engine)', () => {
  it('should give strictly increasing time values with --sample 1', () => {
    const l = loadLevelEngine('levels/tutorial.json');
    if (!l.ok) throw new Error(l.errors.join('\n'));
    const opts = {
      levelId: 'tutorial',
      params: l.value.params,
      seed: 1,
      untilMs: isoToSimMs('2003-01-25T14:35:00+09:00')!,
    };
    const fine = runSim({ ...opts, sampleS: 1 });
    const t = fine.series.t;
    expect(t.filter((x, i) => i > 0 && x <= t[i - 1]!)).toEqual([]);
    expect(t.slice(0, 3)).toEqual([0, 10, 20]);
    expect(t.at(-1)).toBe(opts.untilMs / 1000);
    // Sampling never changes the run.
    expect(fine.hash).toBe(runSim({ ...opts, sampleS: 60 }).hash);
  });
});
