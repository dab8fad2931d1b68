import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyCommand,
  createRun,
  finishRun,
  isoToTick,
  toRunFile,
  type Level,
  type RunFile,
} from '../../../src/game';
import { AarError, REAL_OUTAGE_MINUTES, buildAar } from '../../../src/aar/buildAar';
import { renderAarHtml } from '../../../src/aar/renderHtml';
import type { Aar, KeyTimeId } from '../../../src/aar/types';
import { clone, historyRunFile, loadFixtureLevel } from '../server/fixtures';

let level: Level;
let history: RunFile;
let historyAar: Aar;
let teamAar: Aar;

const at = (iso: string) => isoToTick(iso)!;
const keyTime = (aar: Aar, id: KeyTimeId) => aar.keyTimes.find((k) => k.id === id)!;

/** A team that only talked: two players, a note answering discussion question 0 with markup in it. */
function teamRunFile(level: Level): RunFile {
  let run = createRun(level, 1, [
    { id: 'alice <b>', roles: ['commander'] },
    { id: 'bob', roles: ['network', 'systems'] },
  ]);
  run = applyCommand(
    run,
    {
      role: 'commander',
      type: 'note.add',
      args: { text: '<img src=x onerror=alert(1)> we waited', question: 0 },
    },
    at('2003-01-25T15:00+09:00'),
  ).run;
  run = applyCommand(
    run,
    { role: 'network', type: 'diag.linkGraphs', args: {} },
    at('2003-01-25T15:10+09:00'),
  ).run;
  return toRunFile(finishRun(run));
}

beforeAll(() => {
  level = loadFixtureLevel();
  history = historyRunFile(level);
  historyAar = buildAar(history, level, { playerName: '<script>alert("x")</script>' });
  teamAar = buildAar(teamRunFile(level), level);
}, 120_000);

describe('buildAar', () => {
  it('should give the key times of the historical response', () => {
    const t = (id: KeyTimeId) => keyTime(historyAar, id).tick;
    // Commanded moments land when the scripted tasks complete (docs/HISTORY.md, the ghost's table).
    expect(t('firstLook')).toBe(at('2003-01-25T14:50+09:00'));
    expect(t('diagnosis')).toBe(at('2003-01-25T15:15+09:00'));
    expect(t('firstFilter')).toBe(at('2003-01-25T15:40+09:00'));
    expect(t('kisaNotified')).toBe(at('2003-01-25T17:20+09:00'));
    expect(t('customersInformed')).toBe(at('2003-01-26T12:10+09:00'));
    // What the network did: the onset slightly before 14:30, Hyehwa DNS down in the 14:40s.
    expect(t('onset')).toBeGreaterThanOrEqual(at('2003-01-25T14:25+09:00'));
    expect(t('onset')).toBeLessThanOrEqual(at('2003-01-25T14:31+09:00'));
    expect(t('firstAnomaly')).toBeGreaterThanOrEqual(t('onset')!);
    expect(t('firstAnomaly')).toBeLessThan(t('dnsDown')!);
    expect(t('dnsDown')).toBeGreaterThanOrEqual(at('2003-01-25T14:35+09:00'));
    expect(t('dnsDown')).toBeLessThanOrEqual(at('2003-01-25T14:50+09:00'));
    expect(t('dnsRestored')).toBeGreaterThan(t('firstFilter')!);
    // The run is the ghost's own script: every key time and the score match the ghost's.
    for (const k of historyAar.keyTimes) expect(k.ghostTick, k.id).toBe(k.tick);
    expect(historyAar.score.total).toBe(history.result.score.total);
    expect(historyAar.score.ghostTotal).toBe(historyAar.score.total);
    expect(keyTime(historyAar, 'firstFilter').minutesAfterOnset).toBe(
      Math.round((t('firstFilter')! - t('onset')!) / 60),
    );
  });

  it('should measure the outage against the KCC refund range', () => {
    const o = historyAar.outage;
    expect(o.real).toEqual({ minMinutes: 224, maxMinutes: 305 });
    expect(REAL_OUTAGE_MINUTES.maxMinutes).toBe(305);
    // Subscribers fall below half as Hyehwa's answers fade, within a minute of it failing outright.
    expect(Math.abs(o.startTick! - keyTime(historyAar, 'dnsDown').tick!)).toBeLessThanOrEqual(60);
    expect(o.ongoingAtEnd).toBe(false);
    expect(o.spanMinutes).toBe(Math.round((o.endTick! - o.startTick!) / 60));
    expect(o.outageMinutes).toBeLessThanOrEqual(o.spanMinutes);
    expect(o.comparison).toBe(
      o.spanMinutes < 224 ? 'shorter' : o.spanMinutes > 305 ? 'longer' : 'within',
    );
  });

  it('should tie lessons to what happened, with sources', () => {
    const ids = historyAar.lessons.map((l) => l.id);
    // KT filtered at 15:40, after Hyehwa DNS fell at 14:44, and told KISA hours later.
    expect(ids).toContain('filter-after-dns-fell');
    expect(ids).toContain('kisa-late');
    expect(ids).toContain('no-patching');
    expect(ids).not.toContain('filter-before-dns-fell');
    const filter = historyAar.lessons.find((l) => l.id === 'filter-after-dns-fell')!;
    expect(filter.evidence.en).toContain('first filter 25 Jan 15:40');
    expect(filter.sources).toContain('MIC-0218');
    const codes = historyAar.sources.map((s) => s.code);
    for (const l of historyAar.lessons) for (const s of l.sources) expect(codes).toContain(s);
    expect(historyAar.sources.find((s) => s.code === 'CAIDA-TR')!.text).toContain(
      'Sapphire/Slammer',
    );
    // A team that never filtered or reported is told so, with "never" as evidence.
    const team = teamAar.lessons.map((l) => l.id);
    expect(team).toEqual(
      expect.arrayContaining(['filter-after-dns-fell', 'kisa-late', 'customers-not-informed']),
    );
    expect(teamAar.lessons.find((l) => l.id === 'kisa-late')!.evidence.en).toBe(
      'KISA never notified',
    );
  });

  it('should say who did what, per role and player', () => {
    expect(teamAar.roles).toEqual([
      { role: 'commander', players: ['alice <b>'], commands: 1, types: { 'note.add': 1 } },
      { role: 'network', players: ['bob'], commands: 1, types: { 'diag.linkGraphs': 1 } },
    ]);
    expect(teamAar.notes).toEqual([
      {
        tick: at('2003-01-25T15:00+09:00'),
        role: 'commander',
        text: '<img src=x onerror=alert(1)> we waited',
        question: level.discussion[0]!.question,
      },
    ]);
    expect(historyAar.actions).toHaveLength(history.commands.length);
    expect(historyAar.actions[0]).toMatchObject({
      index: 0,
      players: ['solo'],
      type: history.commands[0]!.type,
    });
  });

  it('should carry the curves of the run and of the ghost', () => {
    const { run, ghost } = historyAar.series;
    expect(run.tick.length).toBeGreaterThan(100);
    expect(run.subscribersOnlinePct).toHaveLength(run.tick.length);
    expect(run.scoreTotal.at(-1)).toBe(historyAar.score.total);
    expect(ghost.scoreTotal.at(-1)).toBe(historyAar.score.ghostTotal);
    expect(Math.min(...run.dnsSuccessPct)).toBeLessThan(50);
  });

  it('should refuse a run that does not verify, with the verification code', () => {
    const f = clone(history);
    f.result.score.total += 1;
    expect(() => buildAar(f, level)).toThrow(AarError);
    let code: string | undefined;
    try {
      buildAar({ ...clone(history), formatVersion: 9 }, level);
    } catch (e) {
      code = (e as AarError).code;
    }
    expect(code).toBe('UNSUPPORTED_VERSION');
  });

  it('should be plain JSON', () => {
    expect(JSON.parse(JSON.stringify(historyAar))).toEqual(historyAar);
  });
});

describe('renderAarHtml', () => {
  it('should render a standalone page in either language or both', () => {
    const en = renderAarHtml(historyAar, 'en');
    const ko = renderAarHtml(historyAar, 'ko');
    const both = renderAarHtml(historyAar, 'both');
    expect(en).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(en).toContain('After-action review');
    expect(en).not.toContain('사후 검토 보고서');
    expect(ko).toMatch(/<html lang="ko">/);
    expect(ko).toContain('사후 검토 보고서');
    expect(ko).toContain(level.meta.title.ko);
    expect(both).toContain('<article lang="ko">');
    expect(both).toContain('<article lang="en">');
    expect(both.indexOf('<article lang="ko">')).toBeLessThan(both.indexOf('<article lang="en">'));
    // No script, no external resources: it opens and prints offline.
    expect(both).not.toMatch(/<script|<link |src="http|href="http/i);
    expect(en.match(/<svg viewBox/g)).toHaveLength(4);
    expect(both.match(/<svg viewBox/g)).toHaveLength(8);
  });

  it('should have a print stylesheet', () => {
    const html = renderAarHtml(historyAar, 'en');
    expect(html).toContain('@media print');
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toContain('break-inside: avoid');
    expect(html).toContain('article + article { break-before: page; }');
  });

  it('should keep every piece of text as text', () => {
    const html = renderAarHtml(historyAar, 'both');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    const team = renderAarHtml(teamAar, 'en');
    expect(team).toContain('&lt;img src=x onerror=alert(1)&gt; we waited');
    expect(team).toContain('alice &lt;b&gt;');
    expect(team).not.toMatch(/<img|<b>/);
  });

  it('should show the key times, the score beside the historical response and the improvement plan', () => {
    const html = renderAarHtml(historyAar, 'en');
    expect(html).toContain('First filter in place</th><td>25 Jan 15:40</td>');
    expect(html).toContain('3 h 44 min – 5 h 5 min');
    expect(html).toContain('Historical response (same seed)');
    expect(html).toContain('Improvement plan');
    expect(html).toContain('Corrective action');
    expect(html).toContain('MIC-0218');
  });
});
