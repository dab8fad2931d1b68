// The exercise API (server/sessions/exerciseRoutes.ts): creating several rooms on one seed, the
// controller token (401 without, constant-time compared, stored hashed), the per-address limits,
// controller actions reaching every room through its command path, and the status the console
// polls.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CreateExerciseResponse,
  ExerciseActionResult,
  ExerciseStatus,
} from '../../../src/net/exerciseProtocol';
import { loadFixtureLevel, tempDirs } from './fixtures';
import { startSessionServer, type RunningServer } from './sessionsHelpers';
import type { AppServer } from '../../../server/app';

let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer & { server: AppServer };
const level = loadFixtureLevel();

const body = (extra: Record<string, unknown> = {}) => ({
  level: 'backbone-isp',
  seed: 7,
  teams: 3,
  roles: ['commander', 'network', 'comms'],
  name: '1·25 모의훈련 / drill',
  ...extra,
});

async function post(path: string, json: unknown, token?: string) {
  const res = await fetch(`${srv.base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(json),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function status(code: string, token?: string) {
  const res = await fetch(`${srv.base}/api/exercises/${code}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

beforeAll(async () => {
  dirs = tempDirs();
  srv = await startSessionServer({
    dataDir: dirs.dataDir,
    levelsDir: dirs.levelsDir,
    verify: { workers: 0 },
    sessions: { sessionsPerIpHour: 12, roomsPerIp: 10, paceMs: 60_000 },
  });
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

describe('POST /api/exercises', () => {
  it('creates one room per team on the same seed, the controller token stored hashed', async () => {
    const r = await post('/api/exercises', body());
    expect(r.status).toBe(201);
    const ex = r.json as unknown as CreateExerciseResponse;
    expect(ex.code).toMatch(/^[23456789A-HJ-NP-Z]{6}$/);
    expect(ex.controllerToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ex.rooms).toHaveLength(3);
    expect(new Set(ex.rooms.map((x) => x.code)).size).toBe(3);
    for (const room of ex.rooms) {
      expect(room.joinUrl).toMatch(new RegExp(`/\\?join=${room.code}$`));
      const live = srv.server.sessions!.rooms.get(room.code)!;
      expect(live.seed).toBe(7);
      expect(live.exerciseId).not.toBeNull();
    }
    const row = srv.server.db!.prepare('SELECT * FROM exercises WHERE code = ?').get(ex.code) as {
      controller_sha256: string;
    };
    expect(row.controller_sha256).toBe(
      createHash('sha256').update(ex.controllerToken).digest('hex'),
    );
    expect(JSON.stringify(row)).not.toContain(ex.controllerToken);
  });

  it.each([
    [{ teams: 0 }, /^teams: must be at least 1/],
    [{ teams: 21 }, /^teams: must be at most 20/],
    [{ teams: 1.5 }, /^teams: /],
    [{ roles: ['pilot'] }, /^roles\[0\]: expected one of/],
    [{ roles: [] }, /^roles: must name at least one role/],
    [{ roles: ['network', 'network'] }, /^roles: each role at most once/],
    [{ name: 'x'.repeat(81) }, /^name: must be at most 80 characters/],
    [{ name: '  ' }, /^name: must not be empty/],
    [{ bots: { security: 'historical' } }, /^bots\.security: "security" is not one of/],
    [{ bots: { network: 'clever' } }, /^bots\.network: expected one of/],
    [{ extra: 1 }, /^extra: unknown field/],
  ])('refuses %j with a 400 naming the field', async (extra, message) => {
    const r = await post('/api/exercises', body(extra));
    expect(r.status).toBe(400);
    expect((r.json.error as { message: string }).message).toMatch(message);
  });

  it('counts an exercise of N rooms as N sessions of the address', async () => {
    // 3 rooms made above; 12 per hour: 9 left, so 10 teams are refused whole and 9 would fit the
    // hourly window but not the 10 live rooms (3 live already).
    const tooMany = await post('/api/exercises', body({ teams: 10 }));
    expect(tooMany.status).toBe(429);
    expect((tooMany.json.error as { message: string }).message).toMatch(
      /may create 9 more sessions this hour.*needs 10/,
    );
    const live = await post('/api/exercises', body({ teams: 8 }));
    expect(live.status).toBe(429);
    expect((live.json.error as { message: string }).message).toMatch(/already runs 3 live rooms/);
    expect(srv.server.sessions!.liveRoomCount()).toBe(3);
  });
});

describe('GET /api/exercises/<code> and actions', () => {
  let ex: CreateExerciseResponse;
  beforeAll(async () => {
    // A fresh server: the limits above are spent on the other one.
    await srv.close();
    srv = await startSessionServer({
      dataDir: `${dirs.dataDir}-2`,
      levelsDir: dirs.levelsDir,
      verify: { workers: 0 },
      sessions: { paceMs: 60_000 },
    });
    ex = (await post('/api/exercises', body({ teams: 2, bots: { comms: 'sensible' } })))
      .json as unknown as CreateExerciseResponse;
  });

  it('answers 401 without or with a wrong token, 404 for an unknown code', async () => {
    expect((await status(ex.code)).status).toBe(401);
    expect((await status(ex.code, 'x'.repeat(43))).status).toBe(401);
    expect((await status(ex.code, ex.rooms[0]!.facilitatorToken)).status).toBe(401);
    expect((await status('ZZZZZZ', ex.controllerToken)).status).toBe(404);
    expect((await post(`/api/exercises/${ex.code}/actions`, { action: 'pause' })).status).toBe(401);
  });

  it('shows every room, and the controller actions reach every room through its log', async () => {
    const s0 = (await status(ex.code, ex.controllerToken)).json as ExerciseStatus;
    expect(s0.rooms.map((r) => r.state)).toEqual(['lobby', 'lobby']);
    expect(s0.rooms[0]!.roles.find((r) => r.role === 'comms')).toEqual({
      role: 'comms',
      holder: 'bot:sensible',
      bot: 'sensible',
    });
    // Pause before the start is refused per room with the reason, not applied.
    const early = (
      await post(`/api/exercises/${ex.code}/actions`, { action: 'pause' }, ex.controllerToken)
    ).json as unknown as ExerciseActionResult;
    expect(early.rooms.map((r) => r.error?.code)).toEqual(['NOT_RUNNING', 'NOT_RUNNING']);

    const act = async (a: Record<string, unknown>) =>
      (await post(`/api/exercises/${ex.code}/actions`, a, ex.controllerToken))
        .json as unknown as ExerciseActionResult;
    expect((await act({ action: 'start' })).rooms.every((r) => r.ok)).toBe(true);
    expect((await act({ action: 'pause' })).rooms.every((r) => r.ok)).toBe(true);
    const inj = await act({
      action: 'inject',
      to: 'all',
      text: { ko: '언론 문의가 옵니다', en: 'The press is calling' },
    });
    expect(inj.rooms.every((r) => r.ok)).toBe(true);
    // A second pause is the core's refusal (already paused), room by room.
    expect((await act({ action: 'pause' })).rooms.map((r) => r.error?.code)).toEqual([
      'CLOCK_STATE',
      'CLOCK_STATE',
    ]);
    for (const { code } of ex.rooms) {
      const room = srv.server.sessions!.rooms.get(code)!;
      expect(room.log.map((e) => [e.type, e.seat, e.role])).toEqual([
        ['clock.pause', 'exercise', 'facilitator'],
        ['inject.custom', 'exercise', 'facilitator'],
      ]);
      const stored = srv.server
        .db!.prepare('SELECT type, seat FROM session_log WHERE session_id = ? ORDER BY seq')
        .all(room.id);
      expect(stored).toEqual([
        { type: 'clock.pause', seat: 'exercise' },
        { type: 'inject.custom', seat: 'exercise' },
      ]);
      const refusals = srv.server
        .db!.prepare('SELECT type, sender, code FROM session_refusals WHERE session_id = ?')
        .all(room.id);
      expect(refusals).toEqual([{ type: 'clock.pause', sender: 'exercise', code: 'CLOCK_STATE' }]);
    }
    const s1 = (await status(ex.code, ex.controllerToken)).json as ExerciseStatus;
    for (const r of s1.rooms) {
      expect(r.state).toBe('running');
      expect(r.paused).toBe(true);
      expect(r.lastActions.map((a) => [a.type, a.by])).toEqual([
        ['clock.pause', 'exercise'],
        ['inject.custom', 'exercise'],
      ]);
      expect(r.score.total).toBeGreaterThan(0);
      expect(r.outage.subscribersOnlinePct).toBeGreaterThan(90);
      // Nobody in commander and network; the controller's refused second pause is shown.
      expect(r.warnings.map((w) => w.kind)).toEqual(['nobody', 'nobody', 'refused']);
    }
    // A bot can be moved by the controller in one room; a role a seat holds cannot.
    const bot = await act({
      action: 'bot',
      room: ex.rooms[1]!.code,
      role: 'network',
      bot: 'historical',
    });
    expect(bot.rooms).toEqual([{ room: ex.rooms[1]!.code, ok: true }]);
    const other = await post(
      `/api/exercises/${ex.code}/actions`,
      { action: 'bot', room: 'ZZZZZZ', role: 'network', bot: null },
      ex.controllerToken,
    );
    expect(other.status).toBe(404);
    const bad = await post(
      `/api/exercises/${ex.code}/actions`,
      { action: 'explode' },
      ex.controllerToken,
    );
    expect(bad.status).toBe(400);
    expect((bad.json.error as { message: string }).message).toMatch(/^action: /);

    const ended = await act({ action: 'end' });
    expect(ended.rooms.every((r) => r.ok)).toBe(true);
    const { waitFor } = await import('./sessionsHelpers');
    await waitFor(
      'both rooms ended',
      () => ex.rooms.every((r) => srv.server.sessions!.rooms.get(r.code)!.state === 'ended'),
      60_000,
    );
    const s2 = (await status(ex.code, ex.controllerToken)).json as ExerciseStatus;
    expect(s2.rooms.every((r) => r.state === 'ended' && r.runId !== null)).toBe(true);
    let s3 = s2;
    const { setTimeout: sleep } = await import('node:timers/promises');
    for (let i = 0; i < 50 && !s3.historical; i++) {
      await sleep(200);
      s3 = (await status(ex.code, ex.controllerToken)).json as ExerciseStatus;
    }
    expect(s3.historical!.score.total).toBeGreaterThan(0);
    expect(s3.historical!.keyTimes.knowsUdp1434).toBeGreaterThan(0);
    // Ended rooms still answer through the actions, as refusals.
    expect((await act({ action: 'pause' })).rooms.map((r) => r.error?.code)).toEqual([
      'ROOM_ENDED',
      'ROOM_ENDED',
    ]);
  }, 120_000);
});

void level;
