// A team session's situation deadline on a real server over real WebSockets: while a situation is
// open the server's clock runs no faster than the pacing rule allows (the same rule as solo), and
// the facilitator — only the facilitator — extends the deadline; the extension is a logged core
// command, so every copy and the stored run agree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashGame, parseLevel, verifyRunFile, type Level, type RunFile } from '../../../src/game';
import { situationCap } from '../../../src/game/pacing';
import { FIXTURE_LEVEL, tempDirs } from './fixtures';
import { converge, openRoomOn, startSessionServer, type RunningServer } from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer;
let level: Level;
const ID = 'ids-noise';

beforeAll(async () => {
  dirs = tempDirs();
  // The fixture with its IDC tenant's question arriving a minute into the session, so the test
  // does not wait for the worm.
  const json = JSON.parse(readFileSync(FIXTURE_LEVEL, 'utf8')) as {
    meta: { id: string };
    injects: Record<string, unknown>[];
  };
  json.meta.id = 'backbone-early';
  const inj = json.injects.find((i) => i.id === ID)!;
  inj.trigger = { at: '2003-01-25T14:01:00+09:00' };
  delete inj.reports;
  writeFileSync(join(dirs.levelsDir, 'backbone-early.json'), JSON.stringify(json));
  const parsed = parseLevel(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  level = parsed.level;
  srv = await startSessionServer({
    dataDir: dirs.dataDir,
    levelsDir: dirs.levelsDir,
    sessions: { messagesPerSecond: 1000, messageBurst: 1000, paceMs: 50 },
  });
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

describe('a situation deadline in a team session', () => {
  it('the server paces by the rule while it is open; the facilitator extends it, others may not', async () => {
    const { session, fac, players, all } = await openRoomOn(srv, level, [
      'facilitator',
      'commander',
    ]);
    const cmd = players.get('commander')!;
    const room = srv.server!.sessions!.rooms.get(session.code)!;
    const ticks: { rate?: number }[] = [];
    fac.client.on('tick', (m) => ticks.push(m));
    fac.client.startSession();
    await fac.until('running', () => fac.of('session').some((m) => m.session.state === 'running'));
    fac.client.sendCommand('clock.speed', { speed: 4 });
    const open = () => cmd.team.follower?.run.state.injects.find((i) => i.id === ID)?.status;
    await cmd.until('the situation is open', () => open() === 'active');
    // Frames sent while it is open carry the capped rate, at ×4: its 20-minute window lasts ≥ 60 s.
    const since = ticks.length;
    await fac.until('a few ticks', () => ticks.length > since + 3);
    const cap = situationCap(20 * 60);
    for (const t of ticks.slice(since + 1)) {
      expect(t.rate).toBeGreaterThan(0);
      expect(t.rate).toBeLessThanOrEqual(cap);
    }

    // Not the commander's to extend.
    cmd.client.sendCommand('inject.extend', { inject: ID, minutes: 10 });
    await cmd.until('refused', () => cmd.of('rejected').length === 1);
    expect(cmd.of('rejected')[0]).toMatchObject({ type: 'inject.extend', code: 'ROLE_FORBIDDEN' });

    fac.client.sendCommand('inject.extend', { inject: ID, minutes: 10 });
    await fac.until('extended', () => fac.of('cmd').some((c) => c.type === 'inject.extend'));
    fac.client.sendCommand('inject.extend', { inject: ID, minutes: 60 });
    await fac.until('too large', () => fac.of('rejected').length === 1);
    const tooLarge = fac.of('rejected')[0]!;
    expect(tooLarge).toMatchObject({ code: 'EXTENSION_TOO_LARGE', params: { extended: 10 } });
    expect(tooLarge.text.en).toMatch(/at most 60 game minutes/);
    expect(tooLarge.text.ko).toMatch(/60분/);

    const seq = fac.of('cmd').length;
    await converge(all, seq);
    for (const s of all) {
      const rt = s.team.follower!.run.state.injects.find((i) => i.id === ID)!;
      expect(rt.extendedMin).toBe(10);
      expect(s.team.follower!.hash()).toBe(hashGame(room.run.state));
    }

    fac.client.endSession();
    for (const s of all) await s.until('ended', () => s.of('ended').length === 1);
    const ended = fac.of('ended')[0]!;
    const file = (await (await fetch(`${srv.base}/api/runs/${ended.runId}`)).json()) as RunFile;
    expect(file.commands.filter((c) => c.type === 'inject.extend')).toEqual([
      expect.objectContaining({ role: 'facilitator', args: { inject: ID, minutes: 10 } }),
    ]);
    expect(verifyRunFile(file, level).ok).toBe(true);
    for (const s of all) s.stop();
  });
});
