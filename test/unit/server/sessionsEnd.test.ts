// How sessions end: the scenario reaching its end by the server's own clock (the run is stored
// and verified), and a session ended in the lobby (nothing to store).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRunFile, type Level, type RunFile } from '../../../src/game';
import { tempDirs } from './fixtures';
import {
  openRoomOn,
  startSessionServer,
  waitFor,
  writeShortTutorial,
  type RunningServer,
} from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer;
/** The tutorial cut to six sim minutes, so the server's clock reaches the end in seconds. */
let short: Level;

beforeAll(async () => {
  dirs = tempDirs();
  short = writeShortTutorial(dirs.levelsDir);
  srv = await startSessionServer({ dataDir: dirs.dataDir, levelsDir: dirs.levelsDir });
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

describe('the end of a session', () => {
  it('the scenario’s end, reached by the server’s clock, ends the session with a verified run', async () => {
    const { fac, players, all } = await openRoomOn(srv, short, ['facilitator', 'comms'], {
      projector: true,
    });
    fac.client.startSession();
    await fac.until('running', () => fac.of('session').length > 0);
    fac.client.sendCommand('clock.speed', { speed: 4 });
    players.get('comms')!.client.sendCommand('note.add', { text: 'not the comms role’s' });
    for (const s of all) await s.until('ended', () => s.of('ended').length === 1, 30_000);
    const ended = fac.of('ended')[0]!;
    expect(ended).toMatchObject({ reason: 'finished', runId: expect.any(Number) });
    expect(ended.text.ko).toMatch(/시나리오/);
    for (const s of all) {
      await waitFor('final', () => s.team.follower!.run.state.ended);
      expect(s.team.follower!.hash()).toBe(ended.finalHash);
    }
    const file = (await (await fetch(`${srv.base}/api/runs/${ended.runId}`)).json()) as RunFile;
    expect(file.result.ended).toBe(true);
    expect(file.commands.map((c) => c.type)).toEqual(['clock.speed']);
    expect(verifyRunFile(file, short).ok).toBe(true);
    for (const s of all) s.stop();
  }, 60_000);

  it('a session ended in the lobby stores no run', async () => {
    const { fac, all } = await openRoomOn(srv, short, ['facilitator', 'comms']);
    fac.client.endSession();
    for (const s of all) await s.until('ended', () => s.of('ended').length === 1);
    expect(fac.of('ended')[0]).toMatchObject({ reason: 'facilitator', runId: null });
    expect(fac.of('session').at(-1)!.session.state).toBe('ended');
    for (const s of all) s.stop();
  });
});
