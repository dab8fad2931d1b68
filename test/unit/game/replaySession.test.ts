// The replay viewer's session (no DOM needed): a seek shows the run exactly as straight play has it,
// the graphs' history after a seek is what playing there would have recorded, playback at any speed
// lands on the same states, a replay refuses commands, and a fork continues from the moment shown.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ghostRun,
  hashGame,
  parseLevel,
  replayLog,
  runFileSha256,
  toRunFile,
  type Level,
  type RunFile,
} from '../../../src/game';
import { ReplaySession } from '../../../src/ui/session/replaySession';

function level(id: string): Level {
  const path = fileURLToPath(new URL(`../../../levels/${id}.json`, import.meta.url));
  const r = parseLevel(JSON.parse(readFileSync(path, 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.level;
}

const backbone = level('backbone-isp');
const file: RunFile = JSON.parse(JSON.stringify(toRunFile(ghostRun(backbone, 5).run)));

describe('ReplaySession', () => {
  const s = new ReplaySession(backbone, file);

  it('opens at the start, read-only, with the whole run behind it', () => {
    expect(s.mode).toBe('replay');
    expect(s.actingRoles).toEqual([]);
    expect(s.controlsClock).toBe(false);
    expect(s.tick).toBe(0);
    expect(s.view().tick).toBe(0);
    expect(s.history.samples.map((x) => x.t)).toEqual([0]);
    const outcome = s.command('filter.apply', { device: 'intl-hyehwa', direction: 'ingress' });
    expect(outcome).toMatchObject({ ok: false, rejection: { code: 'ROLE_FORBIDDEN' } });
    expect(s.run.log).toEqual([]);
    // The player's curves cover the whole day, in time order.
    const ticks = s.playerSeries.tick;
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(34 * 3600);
    expect(ticks.every((t, i) => i === 0 || t > ticks[i - 1]!)).toBe(true);
    expect(ticks.length).toBeGreaterThan(400);
  });

  it('seeks to the state straight play reaches, with the history and feed of that moment', () => {
    const feeds: number[] = [];
    const off = s.onFeed((items) => feeds.push(items.length));
    for (const t of [5 * 3600 + 17, 3600, 20 * 3600, 1800 + 59]) {
      s.seek(t);
      const ref = replayLog(backbone, file.seed, file.commands, t * 1000);
      expect(ref.ok).toBe(true);
      expect(hashGame(s.run.state), `tick ${t}`).toBe(hashGame(ref.run.state));
      expect(s.view(true).tick).toBe(ref.run.state.tick);
      // One graph sample per sim minute up to the moment, none after it.
      const h = s.history.samples;
      expect(h.at(-1)!.t).toBeLessThanOrEqual(s.tick);
      expect(h.at(-1)!.t).toBeGreaterThan(s.tick - 60);
      expect(h.length).toBe(Math.floor(s.tick / 60) + 1);
      expect(new Set(h.map((x) => Math.floor(x.t / 60))).size).toBe(h.length);
    }
    // Every seek re-announced the latest events of its moment to the event log.
    expect(feeds.length).toBe(4);
    expect(feeds.every((n) => n > 0 && n <= 40)).toBe(true);
    off();
  });

  it('plays forward at any speed onto the same states and history as a seek', () => {
    const p = new ReplaySession(backbone, file);
    p.seek(25 * 60);
    p.setSpeed(64);
    p.setPlaying(true);
    // The worm's first minutes: the pace drops to about real time, playback still moves.
    for (let i = 0; i < 400 && p.tick < 45 * 60; i++) p.frame(250);
    expect(p.tick).toBeGreaterThanOrEqual(45 * 60);
    const at = p.tick;
    const q = new ReplaySession(backbone, file);
    q.seek(at);
    expect(hashGame(p.run.state)).toBe(hashGame(q.run.state));
    expect(p.history.samples).toEqual(q.history.samples);
    // Pause stops it; playing from the end starts again from the beginning.
    p.setPlaying(false);
    p.frame(250);
    expect(p.tick).toBe(at);
    p.seek(10 ** 7);
    expect(p.ended).toBe(true);
    p.setPlaying(true);
    expect(p.tick).toBe(0);
    expect(p.isPlaying).toBe(true);
  });

  it('forks at the moment shown', () => {
    s.seek(3 * 3600);
    const fork = s.fork();
    expect(fork.log).toEqual(file.commands.filter((c) => c.tick <= 3 * 3600));
    expect(fork.parent).toEqual({ sha256: runFileSha256(file), tick: 3 * 3600 });
    expect(hashGame(fork.state)).toBe(hashGame(s.run.state));
    expect(fork.players).toEqual([{ id: 'solo', roles: ['solo'] }]);
  });
});
