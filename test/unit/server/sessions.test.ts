// Team sessions end to end over real WebSockets on loopback: create, lobby, lockstep play, the
// end with a verified run — and the table of every command type from every role, on the server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyCommand,
  commandRoles,
  COMMAND_TYPES,
  hashGame,
  parseLevel,
  PLAYER_ROLES,
  verifyRunFile,
  type Level,
  type CommandType,
  type PlayerRole,
  type RunFile,
} from '../../../src/game';
import { FIXTURE_LEVEL, loadFixtureLevel, tempDirs } from './fixtures';
import { VALID_ARGS } from '../game/helpers';
import { readFileSync } from 'node:fs';
import {
  converge,
  createSession,
  openRoomOn,
  rawSocket,
  startSessionServer,
  waitFor,
  type RunningServer,
} from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer;
const level = loadFixtureLevel();
/**
 * The fixture with every command free of preconditions and staff, so the table below sees most
 * commands accepted (the fixture itself refuses many for lack of knowledge or people).
 */
let openLevel: Level;

beforeAll(async () => {
  dirs = tempDirs();
  const json = JSON.parse(readFileSync(FIXTURE_LEVEL, 'utf8')) as {
    meta: { id: string };
    commands: Record<string, Record<string, unknown>>;
  };
  json.meta.id = 'backbone-open';
  for (const rule of Object.values(json.commands))
    Object.assign(rule, { requires: [], staff: 0, skill: null, failureChance: 0 });
  writeFileSync(join(dirs.levelsDir, 'backbone-open.json'), JSON.stringify(json));
  const parsed = parseLevel(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  openLevel = parsed.level;
  srv = await startSessionServer({
    dataDir: dirs.dataDir,
    levelsDir: dirs.levelsDir,
    sessions: { messagesPerSecond: 1000, messageBurst: 1000 },
  });
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

describe('HTTP', () => {
  it('GET /api/health answers { ok, version }', async () => {
    const res = await fetch(`${srv.base}/api/health`);
    expect(await res.json()).toMatchObject({ ok: true, version: '0.0.0-test' });
  });

  it('POST /api/sessions creates a room and names the field of a bad request', async () => {
    const s = await createSession(srv.base);
    expect(s.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(s.facilitatorToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.joinUrl).toBe(`${srv.base}/?join=${s.code}`);
    expect(s).toMatchObject({ seed: 7, roles: ['network', 'comms'], wsPath: '/ws' });
    const bad: [unknown, number, RegExp][] = [
      ['not json', 400, /MALFORMED_JSON/],
      [{ level: 'backbone-isp', roles: [] }, 400, /roles: must name at least one role/],
      [{ level: 'backbone-isp', roles: ['pilot'] }, 400, /roles\[0\]: expected one of/],
      [{ level: 'backbone-isp', roles: ['facilitator'] }, 400, /roles\[0\]/],
      [{ level: 'backbone-isp', roles: ['comms', 'comms'] }, 400, /each role at most once/],
      [{ level: 'backbone-isp', seed: -1, roles: ['comms'] }, 400, /seed/],
      [{ level: 'nowhere', roles: ['comms'] }, 422, /UNKNOWN_LEVEL/],
      [{ level: 'backbone-isp', roles: ['comms'], extra: 1 }, 400, /extra/],
    ];
    for (const [body, status, why] of bad) {
      const res = await fetch(`${srv.base}/api/sessions`, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(await res.text()).toMatch(why);
    }
    expect((await fetch(`${srv.base}/api/sessions`)).status).toBe(405);
  });
});

const openRoom = (roles: PlayerRole[], extra: { projector?: boolean; level?: Level } = {}) =>
  openRoomOn(srv, extra.level ?? level, roles, extra);

describe('a session', () => {
  it('lobby, roles, start, lockstep play, end: every copy has the same hash and the run verifies', async () => {
    const { session, fac, players, projector, all } = await openRoom(
      ['facilitator', 'network', 'comms'],
      { projector: true },
    );
    const net = players.get('network')!;
    const comms = players.get('comms')!;
    const room = srv.server!.sessions!.rooms.get(session.code)!;

    // The lobby: the roster, a taken role, a role the session does not have.
    const roster = fac.of('seats').at(-1)!.seats;
    expect(roster.map((s) => [s.kind, s.role])).toEqual([
      ['facilitator', 'facilitator'],
      ['player', 'network'],
      ['player', 'comms'],
      ['projector', null],
    ]);
    comms.client.chooseRole('network');
    await comms.until('ROLE_TAKEN', () => comms.of('error').some((e) => e.code === 'ROLE_TAKEN'));
    comms.client.chooseRole('security');
    await comms.until('ROLE_NOT_IN_SESSION', () =>
      comms.of('error').some((e) => e.code === 'ROLE_NOT_IN_SESSION' && e.field === 'role'),
    );
    // Before the start commands are refused; only the facilitator starts.
    net.client.sendCommand('diag.linkGraphs');
    await net.until('NOT_RUNNING', () => net.of('error').some((e) => e.code === 'NOT_RUNNING'));
    net.client.startSession();
    await net.until('FORBIDDEN', () => net.of('error').some((e) => e.code === 'FORBIDDEN'));
    fac.client.startSession();
    for (const s of all)
      await s.until('running', () => s.of('session').some((m) => m.session.state === 'running'));

    // Play: two roles act, one is refused by the core with its reason, the projector may not act.
    net.client.sendCommand('diag.linkGraphs');
    net.client.sendCommand('clock.pause');
    comms.client.sendCommand('comms.send', { to: 'kisa', blocks: ['report-worm'] });
    fac.client.sendCommand('inject.custom', {
      to: 'network',
      text: { ko: '기자 전화', en: 'A reporter calls' },
      choices: [{ id: 'ok', text: { ko: '응대', en: 'Answer' } }],
    });
    projector!.client.sendCommand('diag.ids');
    await net.until('rejection of clock.pause', () => net.of('rejected').length === 1);
    const rej = net.of('rejected')[0]!;
    expect(rej).toMatchObject({ type: 'clock.pause', code: 'ROLE_FORBIDDEN' });
    expect(rej.text.en).toMatch(/network role may not issue "clock.pause"/);
    expect(rej.text.ko).toMatch(/clock.pause/);
    await projector!.until('projector refused', () =>
      projector!.of('error').some((e) => e.code === 'FORBIDDEN' && e.clientSeq === 1),
    );
    await converge(all, 3);
    const seen = fac.of('cmd').map((c) => [c.seq, c.role, c.type, c.seat]);
    expect(seen).toEqual([
      [1, 'network', 'diag.linkGraphs', net.client.seatId],
      [2, 'comms', 'comms.send', comms.client.seatId],
      [3, 'facilitator', 'inject.custom', fac.client.seatId],
    ]);
    // Roles were stamped by the server: a client cannot claim another role (no role field exists).
    net.client.send({
      t: 'cmd',
      clientSeq: 99,
      type: 'clock.pause',
      args: {},
      role: 'facilitator',
    } as never);
    await net.until('BAD_MESSAGE for role', () =>
      net.of('error').some((e) => e.code === 'BAD_MESSAGE' && e.field === 'role'),
    );
    // The addressed role answers the custom inject; the facilitator runs the clock.
    net.client.sendCommand('inject.answer', { inject: 'custom-1', choice: 'ok' });
    fac.client.sendCommand('clock.speed', { speed: 4 });
    await converge(all, 5);
    for (const s of all) expect(s.team.follower!.hash()).toBe(hashGame(room.run.state));

    fac.client.endSession();
    for (const s of all) await s.until('ended', () => s.of('ended').length === 1);
    const ended = fac.of('ended')[0]!;
    expect(ended.reason).toBe('facilitator');
    expect(ended.runId).toEqual(expect.any(Number));
    for (const s of all) {
      await s.until('final state', () => s.team.follower!.run.state.ended);
      expect(s.team.follower!.hash()).toBe(ended.finalHash);
    }
    // The session is a verified run like any other: listed, fetchable, verifiable.
    const file = (await (await fetch(`${srv.base}/api/runs/${ended.runId}`)).json()) as RunFile;
    expect(file.commands).toHaveLength(5);
    expect(file.commands.map((c) => c.role)).toEqual([
      'network',
      'comms',
      'facilitator',
      'network',
      'facilitator',
    ]);
    expect(verifyRunFile(file, level).ok).toBe(true);
    const list = (await (await fetch(`${srv.base}/api/runs?level=backbone-isp`)).json()) as {
      runs: { id: number; player: string }[];
    };
    expect(list.runs.find((r) => r.id === ended.runId)?.player).toBe(`Team ${session.code}`);
    // After the end: commands are refused, the room still answers.
    net.client.sendCommand('diag.ids');
    await net.until('ROOM_ENDED', () => net.of('error').some((e) => e.code === 'ROOM_ENDED'));
    for (const s of all) s.stop();
  });

  it('the facilitator reassigns and removes seats; a removed seat’s token stops working', async () => {
    const { fac, players, all } = await openRoom(['facilitator', 'network', 'comms']);
    const net = players.get('network')!;
    const comms = players.get('comms')!;
    fac.client.assignSeat(comms.client.seatId!, 'network');
    await fac.until('reassigned', () =>
      fac
        .of('seats')
        .some(
          (m) =>
            m.seats.some((s) => s.id === comms.client.seatId && s.role === 'network') &&
            m.seats.some((s) => s.id === net.client.seatId && s.role === null),
        ),
    );
    net.client.assignSeat(comms.client.seatId!, null);
    await net.until('FORBIDDEN', () => net.of('error').some((e) => e.code === 'FORBIDDEN'));
    fac.client.assignSeat('s99', 'comms');
    await fac.until('UNKNOWN_SEAT', () =>
      fac.of('error').some((e) => e.code === 'UNKNOWN_SEAT' && e.field === 'seat'),
    );
    const token = net.token!;
    const fatal: string[] = [];
    net.client.on('fatal', (f) => fatal.push(f.code));
    fac.client.removeSeat(net.client.seatId!);
    await net.until('removed', () => net.of('removed').length === 1 && fatal.length === 1);
    expect(fatal).toEqual(['REMOVED']);
    const raw = await rawSocket(srv.wsUrl);
    raw.ws.send(JSON.stringify({ t: 'resume', v: 1, token }));
    expect(await raw.next('error')).toMatchObject({ code: 'BAD_TOKEN', field: 'token' });
    await waitFor('closed', raw.closed);
    for (const s of all) s.stop();
  });
});

describe('checkpoints', () => {
  it('a wrong hash is reported to the facilitator; the client re-simulates from the log', async () => {
    const { session, fac, players, all } = await openRoom(['facilitator', 'network']);
    const net = players.get('network')!;
    const room = srv.server!.sessions!.rooms.get(session.code)!;
    fac.client.startSession();
    await fac.until('running', () => fac.of('session').length > 0);
    net.client.sendCommand('diag.linkGraphs');
    await converge(all, 1);
    // The network copy goes wrong (as a bug or a tampered tab would), then reports a checkpoint.
    const f = net.team.follower!;
    f.run = { ...f.run, state: { ...f.run.state, commandCount: 99 } };
    expect(f.hash()).not.toBe(hashGame(room.run.state));
    const cp = room.run.checkpoints[0]!;
    net.client.sendCheckpoint(cp.tick, 'badbadbadbad-bad');
    await net.until('resync', () => net.of('resync').length === 1);
    expect(net.of('resync')[0]!.text.ko.length).toBeGreaterThan(0);
    await fac.until('desync report', () => fac.of('desync').length === 1);
    expect(fac.of('desync')[0]).toMatchObject({
      seat: net.client.seatId,
      name: 'network 담당',
      tick: cp.tick,
      expected: cp.hash,
      got: 'badbadbadbad-bad',
    });
    // Only the facilitator hears about it.
    expect(net.of('desync')).toEqual([]);
    // Recovery: the whole log is fetched and replayed; the copy agrees with the server again.
    await net.until('log', () => net.of('log').length > 0);
    fac.client.sendCommand('clock.pause');
    await converge(all, 2);
    expect(net.team.follower!.hash()).toBe(hashGame(room.run.state));
    // A matching checkpoint is silent.
    net.client.sendCheckpoint(cp.tick, cp.hash);
    net.client.ping(5);
    await net.until('pong', () => net.of('pong').some((p) => p.id === 5));
    expect(net.of('resync')).toHaveLength(1);
    for (const s of all) s.stop();
  });
});

/** Valid arguments for each command in the fixture network; the custom inject offers a choice,
 *  which the answer then picks. */
const ARGS: Record<CommandType, Record<string, unknown>> = {
  ...VALID_ARGS,
  'inject.custom': {
    to: 'all',
    text: { ko: '상황', en: 'Situation' },
    choices: [{ id: 'a', text: { ko: '가', en: 'A' } }],
  },
  'inject.answer': { inject: 'custom-1', choice: 'a' },
};

describe('every command type from every role, on the server', () => {
  it('allowed ones are applied and broadcast to all; forbidden ones are refused with the core’s reason', async () => {
    const teamRoles = PLAYER_ROLES.filter((r) => r !== 'facilitator');
    const { fac, players, all } = await openRoom([...PLAYER_ROLES], { level: openLevel });
    const seatOf = (role: PlayerRole) => (role === 'facilitator' ? fac : players.get(role)!);
    fac.client.startSession();
    for (const s of all)
      await s.until('running', () => s.of('session').some((m) => m.session.state === 'running'));
    // Pause so the server's "now" and every copy's time are the same while the table runs.
    fac.client.sendCommand('clock.pause');
    await converge(all, 1);
    expect(Object.keys(ARGS).sort()).toEqual([...COMMAND_TYPES].sort());
    // The custom inject first (so inject.answer has something to answer), clock.resume last.
    const order = [
      'inject.custom',
      ...COMMAND_TYPES.filter((t) => t !== 'inject.custom' && t !== 'clock.resume'),
      'clock.resume',
    ] as CommandType[];
    let seq = 1;
    const accepted: string[] = [];
    const refused: string[] = [];
    for (const [k, type] of order.entries()) {
      const allowed = commandRoles(openLevel, type);
      // Rotate who goes first, so a role is not always second to one that took the action already.
      const roles = [...PLAYER_ROLES.slice(k % 6), ...PLAYER_ROLES.slice(0, k % 6)];
      for (const role of roles) {
        const sender = seatOf(role);
        // The oracle: the game core on a copy in exactly the server's state.
        const expected = applyCommand(fac.team.follower!.run, {
          role,
          type,
          args: ARGS[type],
        }).outcome;
        const before = sender.of('rejected').length;
        const clientSeq = sender.client.sendCommand(type, ARGS[type]);
        await sender.until(
          `${role} ${type}`,
          () =>
            sender.of('rejected').length > before ||
            sender
              .of('cmd')
              .some((c) => c.seat === sender.client.seatId && c.clientSeq === clientSeq),
        );
        const rejected = sender.of('rejected').find((r) => r.clientSeq === clientSeq);
        const label = `${role} ${type}`;
        if (expected.ok) {
          expect(rejected, label).toBeUndefined();
          seq++;
          await converge(all, seq);
          for (const s of all) expect(s.of('cmd').at(-1), label).toMatchObject({ seq, role, type });
          accepted.push(label);
        } else {
          expect(rejected?.code, label).toBe(expected.rejection.code);
          expect(rejected!.text.en.length, label).toBeGreaterThan(0);
          expect(rejected!.text.ko.length, label).toBeGreaterThan(0);
          refused.push(`${label}: ${rejected!.code}`);
        }
        // Permissions: what commandRoles says a role may not send, the server refuses as such.
        const isCustomAnswer = type === 'inject.answer';
        if (allowed === undefined) expect(rejected?.code, label).toBe('NOT_ALLOWED_IN_LEVEL');
        else if (!allowed.includes(role) && !isCustomAnswer)
          expect(rejected?.code, label).toBe('ROLE_FORBIDDEN');
        else if (isCustomAnswer && role === 'facilitator')
          expect(rejected?.code, label).toBe('ROLE_FORBIDDEN');
        // clock.resume got in: pause again so the next rows see a still clock.
        if (expected.ok && type === 'clock.resume') {
          fac.client.sendCommand('clock.pause');
          seq++;
          await converge(all, seq);
        }
      }
    }
    // Not vacuous: most command types got in from some role, and every team role acted.
    const acceptedTypes = new Set(accepted.map((a) => a.split(' ')[1]));
    expect(acceptedTypes.size).toBeGreaterThanOrEqual(24);
    for (const r of teamRoles)
      expect(
        accepted.some((a) => a.startsWith(`${r} `)),
        r,
      ).toBe(true);
    expect(refused.filter((r) => r.endsWith('ROLE_FORBIDDEN')).length).toBeGreaterThan(60);
    const hashes = new Set(all.map((s) => s.team.follower!.hash()));
    expect(hashes.size).toBe(1);
    for (const s of all) s.stop();
  });
});
