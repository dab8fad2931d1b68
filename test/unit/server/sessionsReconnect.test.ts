// Reconnection: a client whose connection drops mid-play (a network blip, then a reloaded tab
// resuming with its seat token) catches up from the log, loses nothing, and ends with the same
// state hash as everyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { hashGame } from '../../../src/game';
import { loadFixtureLevel, tempDirs } from './fixtures';
import {
  converge,
  openRoomOn,
  startSessionServer,
  TestSeat,
  waitFor,
  type RunningServer,
} from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer;
const level = loadFixtureLevel();

beforeAll(async () => {
  dirs = tempDirs();
  srv = await startSessionServer({ dataDir: dirs.dataDir, levelsDir: dirs.levelsDir });
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

describe('reconnection', () => {
  it('a dropped client reconnects by itself, a reloaded one resumes with its token; same final hash', async () => {
    const { session, fac, players, all } = await openRoomOn(srv, level, [
      'facilitator',
      'network',
      'comms',
    ]);
    const net = players.get('network')!;
    const comms = players.get('comms')!;
    const room = srv.server!.sessions!.rooms.get(session.code)!;
    fac.client.startSession();
    await fac.until('running', () => fac.of('session').length > 0);
    fac.client.sendCommand('clock.speed', { speed: 4 });
    net.client.sendCommand('diag.linkGraphs');
    await converge(all, 2);

    // A network blip: the server-side socket dies without a close handshake.
    const states: string[] = [];
    net.client.on('status', (s) => states.push(s.state));
    const seat = room.seats.get(net.client.seatId!)!;
    (seat.conn as unknown as { ws: WebSocket }).ws.terminate();
    await net.until('reconnecting', () => states.includes('reconnecting'));
    // While it is away the others play on, and it sends a command of its own (queued).
    comms.client.sendCommand('comms.send', { to: 'kisa', blocks: ['report-worm'] });
    const queued = net.client.sendCommand('diag.netflow', { device: 'intl-hyehwa' });
    await net.until('reconnected', () => states.at(-1) === 'open', 15_000);
    await converge(all, 4);
    const mine = room.log.filter((e) => e.seat === net.client.seatId && e.clientSeq === queued);
    expect(mine).toHaveLength(1);
    expect(net.client.pendingCommands).toBe(0);
    expect(net.team.follower!.hash()).toBe(fac.team.follower!.hash());

    // A reload: the tab is gone; a new one resumes the seat with the stored token.
    const token = net.token!;
    net.stop();
    fac.client.sendCommand('note.add', { text: '네트워크 담당 재접속 중 / network reloading' });
    await converge([fac, comms], 5);
    const reloaded = new TestSeat(srv.wsUrl, { resume: { token } }, level).start();
    await reloaded.until('welcome', () => reloaded.of('welcome').length === 1);
    expect(reloaded.of('welcome')[0]!.seat).toMatchObject({ id: seat.id, role: 'network' });
    expect(reloaded.of('welcome')[0]!.lastClientSeq).toBe(queued);
    expect(reloaded.of('welcome')[0]!.token).toBeUndefined();
    const everyone = [fac, comms, reloaded];
    await converge(everyone, 5);
    // Its numbering continues where the seat left off, so its next command is taken up (accepted,
    // or refused by the core for lack of staff — but never as out of order).
    const next = reloaded.client.sendCommand('link.disconnect', { link: 'intl-busan' });
    expect(next).toBe(queued + 1);
    await reloaded.until(
      'an answer',
      () =>
        reloaded.of('cmd').some((c) => c.clientSeq === next && c.seat === seat.id) ||
        reloaded.of('rejected').some((r) => r.clientSeq === next),
    );
    expect(reloaded.of('error')).toEqual([]);
    await converge(everyone, room.log.length);
    for (const s of everyone) expect(s.team.follower!.hash()).toBe(hashGame(room.run.state));

    fac.client.endSession();
    for (const s of everyone) await s.until('ended', () => s.of('ended').length === 1);
    const finalHash = fac.of('ended')[0]!.finalHash;
    for (const s of everyone) {
      await waitFor('final', () => s.team.follower!.run.state.ended);
      expect(s.team.follower!.hash()).toBe(finalHash);
    }
    for (const s of all) s.stop();
    reloaded.stop();
  });

  it('a second tab on the same seat supersedes the first, which stops reconnecting', async () => {
    const { fac, players, all } = await openRoomOn(srv, level, ['facilitator', 'comms']);
    const comms = players.get('comms')!;
    const fatal: string[] = [];
    comms.client.on('fatal', (f) => fatal.push(f.code));
    const twin = new TestSeat(srv.wsUrl, { resume: { token: comms.token! } }, level).start();
    await twin.until('welcome', () => twin.of('welcome').length === 1);
    await comms.until('superseded', () => fatal.length === 1);
    expect(fatal).toEqual(['SUPERSEDED']);
    expect(comms.client.state).toBe('closed');
    await fac.until('still one comms seat, connected', () =>
      fac
        .of('seats')
        .some(
          (m) =>
            m.seats.filter((s) => s.role === 'comms').length === 1 &&
            m.seats.find((s) => s.role === 'comms')!.connected,
        ),
    );
    for (const s of all) s.stop();
    twin.stop();
  });
});
