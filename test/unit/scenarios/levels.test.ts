// The scenario levels written for issue 9: each validates, plays to its end with the historical
// response, verifies from its run file, orders nothing < history < a good response, shows the
// dynamics the record describes, and has real Korean beside the English everywhere.
import { describe, expect, it } from 'vitest';
import { advanceReal, advanceToTick, createRun, runScore } from '../../../src/game/run';
import { toRunFile } from '../../../src/game/runFile';
import { verifyRunFile } from '../../../src/game/verify';
import { snapshotView } from '../../../src/game/view';
import { parseLevel } from '../../../src/game/levelSchema';
import {
  GOOD_RESPONSES,
  firstEvent,
  kst,
  lastEvent,
  levelJson,
  loadLevel,
  playLevel,
  textProblems,
} from './helpers';

const MINE = ['tutorial.json', 'broadband-isp.json', 'idc-enterprise.json'] as const;

describe.each(MINE)('%s', (file) => {
  it('should validate with parseLevel, with meta.id equal to the file name', () => {
    const r = parseLevel(levelJson(file));
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(loadLevel(file).meta.id).toBe(file.replace(/\.json$/, ''));
  });

  it('should play the historical response to the end, accept every command, and verify', () => {
    const level = loadLevel(file);
    const ghost = playLevel(file, 'history');
    expect(ghost.refused).toEqual([]);
    expect(ghost.run.state.ended).toBe(true);
    expect(ghost.run.log).toHaveLength(level.history.response.length);
    const verified = verifyRunFile(JSON.parse(JSON.stringify(toRunFile(ghost.run))), level);
    expect(verified).toMatchObject({ ok: true });
  });

  it('should score doing nothing below history, and the good response above it', () => {
    const good = playLevel(file, 'good');
    expect(GOOD_RESPONSES[loadLevel(file).meta.id]).toBeDefined();
    expect(good.refused).toEqual([]);
    const nothing = runScore(playLevel(file, 'nothing').run);
    const history = runScore(playLevel(file, 'history').run);
    const best = runScore(good.run);
    expect(nothing.total).toBeLessThan(history.total);
    expect(best.total).toBeGreaterThan(history.total);
    expect(best.parts.timeToFilter).toBeGreaterThan(history.parts.timeToFilter);
    expect(best.parts.subscriberHours).toBeGreaterThan(history.parts.subscriberHours);
    const verified = verifyRunFile(
      JSON.parse(JSON.stringify(toRunFile(good.run))),
      loadLevel(file),
    );
    expect(verified).toMatchObject({ ok: true });
  });

  it('should give the view a snapshot at the start, in the outbreak and at the end', () => {
    const level = loadLevel(file);
    const start = createRun(level, 1);
    for (const run of [start, advanceToTick(start, kst('14:45')), playLevel(file, 'good').run]) {
      const v = snapshotView(run);
      expect(v.tick).toBe(run.state.tick);
    }
  });

  it('should have Korean (with Hangul) and English for every player-facing text, never a copy', () => {
    expect(textProblems(levelJson(file))).toEqual([]);
  });

  it('should keep history and discussion inside the level span, in time order', () => {
    const level = loadLevel(file);
    const times = level.history.timeline.map((t) => Date.parse(t.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const lo = Date.parse(level.meta.start);
    const hi = Date.parse(level.meta.end);
    for (const d of level.discussion) {
      expect(Date.parse(d.at)).toBeGreaterThanOrEqual(lo);
      expect(Date.parse(d.at)).toBeLessThanOrEqual(hi);
    }
    expect(new Set(level.discussion.map((d) => d.module))).toEqual(
      new Set(['detection', 'response', 'recovery']),
    );
  });
});

describe('pacing', () => {
  it('tutorial: a run with no commands lasts about ten real minutes at ×1', () => {
    let run = createRun(loadLevel('tutorial.json'), 1);
    let frames = 0;
    while (!run.state.ended && frames < 20_000) {
      run = advanceReal(run, 250);
      frames++;
    }
    const minutes = (frames * 0.25) / 60;
    expect(minutes).toBeGreaterThan(7);
    expect(minutes).toBeLessThan(13);
  });
});

describe('dynamics against the record', () => {
  it('tutorial: the international link fills at onset and DNS fails before 14:45', () => {
    const r = playLevel('tutorial.json', 'nothing');
    const onset = firstEvent(r, 'engine.worm.onset')!;
    expect(onset).toBeGreaterThanOrEqual(kst('14:24'));
    expect(onset).toBeLessThanOrEqual(kst('14:30'));
    expect(firstEvent(r, 'engine.link.saturated', 'intl')! - onset).toBeLessThan(300);
    const dnsDown = firstEvent(r, 'engine.dns.down', 'dns-main')!;
    expect(dnsDown).toBeGreaterThan(onset);
    expect(dnsDown).toBeLessThan(kst('14:45'));
  });

  it('broadband ISP: its own DNS fails in the afternoon and history restores it at 18:30–19:00', () => {
    const nothing = playLevel('broadband-isp.json', 'nothing');
    const seoulDown = firstEvent(nothing, 'engine.dns.down', 'dns-seoul')!;
    // National paralysis at 14:44 (SBS).
    expect(seoulDown).toBeGreaterThanOrEqual(kst('14:35'));
    expect(seoulDown).toBeLessThanOrEqual(kst('15:00'));
    expect(firstEvent(nothing, 'engine.dns.down', 'dns-busan')).not.toBeNull();
    const ghost = playLevel('broadband-isp.json', 'history');
    // Thrunet back at 18:30, Hanaro at 19:00 (Dong-A).
    const back = lastEvent(ghost, 'engine.outage.end')!;
    expect(back).toBeGreaterThanOrEqual(kst('18:15'));
    expect(back).toBeLessThanOrEqual(kst('19:15'));
    const busanUp = lastEvent(ghost, 'engine.dns.up', 'dns-busan')!;
    expect(busanUp).toBeGreaterThanOrEqual(kst('18:30'));
    expect(busanUp).toBeLessThanOrEqual(kst('19:15'));
    // After that the service stays up for the rest of Saturday.
    const downAfter = ghost.run.state.feed.filter(
      (e) => e.kind === 'engine.outage.start' && e.tick > back && e.tick < kst('00:00', 26),
    );
    expect(downAfter).toEqual([]);
  });

  it('IDC mall: the IDC LAN saturates at onset and history reopens ordering around 21:00', () => {
    const nothing = playLevel('idc-enterprise.json', 'nothing');
    const onset = firstEvent(nothing, 'engine.worm.onset')!;
    expect(firstEvent(nothing, 'engine.link.saturated', 'idc-core')! - onset).toBeLessThan(300);
    expect(firstEvent(nothing, 'engine.outage.start')! - onset).toBeLessThan(300);
    // Doing nothing, the mall never comes back.
    expect(firstEvent(nothing, 'engine.outage.end')).toBeNull();
    // 1,603 of 3,974 MS-SQL servers in 24 IDCs were infected (40.3 %, MIC): the same share here.
    const sql = loadLevel('idc-enterprise.json').engine.network.segments.reduce(
      (a, s) => ({
        all: a.all + s.sqlHosts.exposed + s.sqlHosts.patched,
        exposed: a.exposed + s.sqlHosts.exposed,
      }),
      { all: 0, exposed: 0 },
    );
    expect(sql.exposed / sql.all).toBeCloseTo(1603 / 3974, 2);
    const ghost = playLevel('idc-enterprise.json', 'history');
    // LG eShop's systems were blocked 14:00–21:00 (hostcenter.co.kr).
    const back = firstEvent(ghost, 'engine.outage.end')!;
    expect(back).toBeGreaterThanOrEqual(kst('20:00'));
    expect(back).toBeLessThanOrEqual(kst('21:30'));
  });
});
