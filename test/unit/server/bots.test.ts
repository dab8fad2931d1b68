// Bots in empty roles (server/sessions/botPolicy.ts, Room.runBots): what they send goes through
// the room's one command path — checked by the game core with the bot's role, stored, broadcast,
// marked as a bot's — a refused bot command is stored as refused and not applied, and a session
// with a bot ends in a run file that carries the marks and verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceToTick, isoToTick, verifyRunFile, type RunFile } from '../../../src/game';
import { loadFixtureLevel, tempDirs } from './fixtures';
import {
  createSession,
  startSessionServer,
  TestSeat,
  waitFor,
  type RunningServer,
} from './sessionsHelpers';
import type { AppServer } from '../../../server/app';
import type { Room } from '../../../server/sessions/room';

let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer & { server: AppServer };
const level = loadFixtureLevel();
const at = (hhmm: string) => isoToTick(`2003-01-25T${hhmm}:00+09:00`)!;

beforeAll(async () => {
  dirs = tempDirs();
  srv = await startSessionServer({
    dataDir: dirs.dataDir,
    levelsDir: dirs.levelsDir,
    verify: { workers: 0 },
    // No pacing timer: the test moves the clock itself and gives the bots their turn.
    sessions: { paceMs: 3_600_000 },
  });
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

/** Moves a room's run to `tick` and runs one pacing step (the bots decide in it). */
function stepTo(room: Room, tick: number): void {
  room.run = advanceToTick(room.run, tick);
  room.advance(srv.server.sessions!.wallNow());
}

describe('bots', () => {
  it('the facilitator gives empty roles to bots; their commands are checked, logged and marked', async () => {
    const session = await createSession(srv.base, {
      level: 'backbone-isp',
      seed: 7,
      roles: ['network', 'systems', 'comms'],
    });
    const fac = new TestSeat(
      srv.wsUrl,
      { resume: { token: session.facilitatorToken } },
      level,
    ).start();
    const player = new TestSeat(
      srv.wsUrl,
      { join: { room: session.code, name: '통신 담당', as: 'player' } },
      level,
    ).start();
    try {
      await fac.until('welcome', () => fac.of('welcome').length > 0);
      await player.until('welcome', () => player.of('welcome').length > 0);
      player.client.chooseRole('comms');
      await player.until('comms seated', () =>
        player.of('seats').some((m) => m.seats.some((s) => s.role === 'comms')),
      );
      // A role a player holds cannot go to a bot; a role in no seat can.
      fac.client.assignBot('comms', 'historical');
      await fac.until('refusal', () => fac.of('error').some((e) => e.code === 'ROLE_TAKEN'));
      fac.client.assignBot('network', 'historical');
      fac.client.assignBot('systems', 'sensible');
      await fac.until('bots announced', () =>
        fac.of('session').some((m) => m.session.bots?.systems === 'sensible'),
      );
      // …and a player cannot take a bot's role.
      player.client.chooseRole('network');
      await player.until('ROLE_TAKEN', () =>
        player.of('error').some((e) => e.code === 'ROLE_TAKEN' && /bot/.test(e.text.en)),
      );
      const room = srv.server.sessions!.rooms.get(session.code)!;
      fac.client.startSession();
      await waitFor('running', () => room.state === 'running');

      // Historical: the network NOC's link graphs at 14:50, exactly once.
      stepTo(room, at('14:49'));
      expect(room.log.filter((e) => e.role === 'network')).toEqual([]);
      stepTo(room, at('14:51'));
      stepTo(room, at('14:52'));
      const net = room.log.filter((e) => e.role === 'network');
      expect(net.map((e) => [e.type, e.seat, e.bot, e.clientSeq])).toEqual([
        ['diag.linkGraphs', 'bot', 'historical', 0],
      ]);
      // Sensible systems: DNS logs once DNS answers fail (by 15:30 on this seed), never twice.
      stepTo(room, at('15:30'));
      stepTo(room, at('15:40'));
      const sys = room.log.filter((e) => e.role === 'systems');
      expect(sys.filter((e) => e.type === 'diag.dnsLogs')).toHaveLength(1);
      expect(sys.every((e) => e.bot === 'sensible' && e.seat === 'bot')).toBe(true);
      // Everyone saw the bots' commands as ordinary log entries, marked.
      await fac.until('bot cmd broadcast', () => fac.of('cmd').some((c) => c.bot === 'historical'));
      const stored = srv.server
        .db!.prepare("SELECT type, bot FROM session_log WHERE session_id = ? AND seat = 'bot'")
        .all(room.id) as { type: string; bot: string }[];
      expect(stored.length).toBe(room.log.filter((e) => e.bot).length);

      // A bot command its role may not send is refused by the core, stored as refused, not applied.
      const before = room.log.length;
      const r = room.submit(
        'systems',
        'filter.apply',
        { device: 'intl-hyehwa', direction: 'ingress' },
        { kind: 'bot', bot: 'sensible' },
      );
      expect(r.ok).toBe(false);
      expect(room.log.length).toBe(before);
      const refusals = srv.server
        .db!.prepare('SELECT role, type, sender, code FROM session_refusals WHERE session_id = ?')
        .all(room.id);
      expect(refusals).toContainEqual({
        role: 'systems',
        type: 'filter.apply',
        sender: 'bot:sensible',
        code: (r as { code: string }).code,
      });

      // The end: the run file carries the bot marks and verifies.
      fac.client.endSession();
      await waitFor('ended', () => room.state === 'ended', 60_000);
      expect(room.runId).not.toBeNull();
      const row = srv.server
        .db!.prepare('SELECT run_json FROM runs WHERE id = ?')
        .get(room.runId) as {
        run_json: string;
      };
      const file = JSON.parse(row.run_json) as RunFile;
      expect(file.commands.filter((c) => c.bot).length).toBe(room.log.filter((e) => e.bot).length);
      expect(file.players.map((p) => p.id)).toEqual(
        expect.arrayContaining(['통신 담당', 'bot:historical:network', 'bot:sensible:systems']),
      );
      expect(verifyRunFile(file, level).ok).toBe(true);
      // An older file (no marks) still verifies.
      const unmarked = { ...file, commands: file.commands.map(({ bot: _b, ...c }) => c) };
      expect(verifyRunFile(unmarked, level).ok).toBe(true);
    } finally {
      fac.stop();
      player.stop();
    }
  }, 120_000);
});
