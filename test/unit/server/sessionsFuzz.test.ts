// Fuzz (fast-check): malformed, oversized and out-of-order messages on a seated connection each
// get an error frame naming what was wrong; the server never crashes, and another room playing
// at the same time is untouched.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashGame } from '../../../src/game';
import {
  MAX_MESSAGE_BYTES,
  parseClientMessage,
  type ServerMessage,
} from '../../../src/net/protocol';
import { loadFixtureLevel, tempDirs } from './fixtures';
import {
  converge,
  openRoomOn,
  rawSocket,
  startSessionServer,
  waitFor,
  type RunningServer,
} from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer & { server: NonNullable<RunningServer['server']> };
const level = loadFixtureLevel();

beforeAll(async () => {
  dirs = tempDirs();
  srv = await startSessionServer({
    dataDir: dirs.dataDir,
    levelsDir: dirs.levelsDir,
    // The fuzzer sends fast; the rate limit has its own test.
    sessions: { messagesPerSecond: 100_000, messageBurst: 100_000 },
  });
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

const TYPES = [
  'join',
  'resume',
  'role.choose',
  'seat.assign',
  'seat.remove',
  'session.start',
  'session.end',
  'cmd',
  'checkpoint',
  'sync',
  'ping',
];

/** Messages the protocol refuses: broken JSON, wrong shapes, wrong types, unknown fields. */
const malformed = fc
  .oneof(
    fc.string({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc
      .record(
        {
          t: fc.oneof(fc.constantFrom(...TYPES), fc.string({ maxLength: 12 })),
          v: fc.oneof(fc.constant(1), fc.anything()),
          room: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
          token: fc.oneof(fc.string({ maxLength: 50 }), fc.constant(null)),
          name: fc.oneof(fc.string({ maxLength: 60 }), fc.constant('')),
          as: fc.oneof(fc.constantFrom('player', 'projector', 'admin'), fc.integer()),
          role: fc.oneof(fc.constantFrom('network', 'pilot', 'facilitator'), fc.constant(null)),
          seat: fc.oneof(fc.constant('s1'), fc.string({ maxLength: 6 })),
          clientSeq: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double(), fc.string()),
          type: fc.oneof(fc.constant('diag.ids'), fc.string({ maxLength: 20 })),
          args: fc.oneof(
            fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })),
            fc.array(fc.integer()),
          ),
          tick: fc.oneof(fc.integer(), fc.string()),
          hash: fc.oneof(
            fc.string({ unit: fc.constantFrom(...'0123456789abcdef-'), maxLength: 40 }),
            fc.string(),
          ),
          fromSeq: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.string()),
          id: fc.oneof(fc.nat(), fc.double()),
          extra: fc.jsonValue({ maxDepth: 1 }),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  )
  .filter((text) => !parseClientMessage(text).ok);

describe('fuzz', () => {
  it('every malformed, oversized or out-of-order message gets an error frame; nothing else changes', async () => {
    // Room B plays on while room A is fuzzed.
    const b = await openRoomOn(srv, level, ['facilitator', 'network']);
    b.fac.client.startSession();
    await b.fac.until('B running', () => b.fac.of('session').length > 0);
    b.fac.client.sendCommand('clock.speed', { speed: 4 });
    b.players.get('network')!.client.sendCommand('diag.linkGraphs');
    await converge(b.all, 2);

    // Room A: a raw, seated player with a role, in a running session.
    const a = await openRoomOn(srv, level, ['facilitator', 'comms']);
    a.fac.client.startSession();
    await a.fac.until('A running', () => a.fac.of('session').length > 0);
    const raw = await rawSocket(srv.wsUrl);
    raw.ws.send(
      JSON.stringify({ t: 'join', v: 1, room: a.session.code, name: 'fuzzer', as: 'player' }),
    );
    await raw.next('welcome');
    const roomA = srv.server.sessions!.rooms.get(a.session.code)!;
    const roomB = srv.server.sessions!.rooms.get(b.session.code)!;
    const logA = roomA.log.length;

    const send = async (data: string | Buffer, binary = false): Promise<ServerMessage> => {
      const before = raw.frames.length;
      raw.ws.send(data, { binary });
      await waitFor('an answer', () => raw.frames.slice(before).some((f) => f.t === 'error'));
      return raw.frames.slice(before).find((f) => f.t === 'error')!;
    };

    await fc.assert(
      fc.asyncProperty(malformed, async (text) => {
        const expected = parseClientMessage(text);
        const err = await send(text);
        expect(err).toMatchObject({ t: 'error', code: expected.ok ? '' : expected.code });
        if (err.t === 'error') {
          expect(err.text.en.length).toBeGreaterThan(0);
          expect(err.text.ko.length).toBeGreaterThan(0);
          if (!expected.ok && expected.field) expect(err.field).toBe(expected.field);
        }
      }),
      { numRuns: 300 },
    );

    // Oversized (but under the socket limit): answered, connection kept.
    const big = await send(
      JSON.stringify({ t: 'ping', id: 1, pad: 'x'.repeat(MAX_MESSAGE_BYTES) }),
    );
    expect(big).toMatchObject({ code: 'TOO_LARGE' });
    expect((await send(Buffer.from([1, 2, 3]), true)) as object).toMatchObject({
      code: 'BAD_JSON',
    });
    // Out of order: once clientSeq 5 was seen (refused here: the fuzzer holds no role), any
    // clientSeq up to 5 is refused as out of order, naming the field.
    expect(
      await send(JSON.stringify({ t: 'cmd', clientSeq: 5, type: 'diag.ids', args: {} })),
    ).toMatchObject({ code: 'NO_ROLE', clientSeq: 5 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), async (seq) => {
        const err = await send(
          JSON.stringify({ t: 'cmd', clientSeq: seq, type: 'diag.ids', args: {} }),
        );
        expect(err).toMatchObject({ code: 'OUT_OF_ORDER', field: 'clientSeq', clientSeq: seq });
      }),
      { numRuns: 20 },
    );
    // A message before joining, on a fresh socket.
    const fresh = await rawSocket(srv.wsUrl);
    fresh.ws.send(JSON.stringify({ t: 'cmd', clientSeq: 1, type: 'diag.ids', args: {} }));
    expect(await fresh.next('error')).toMatchObject({ code: 'NOT_JOINED', field: 't' });
    fresh.ws.send(
      JSON.stringify({ t: 'join', v: 2, room: a.session.code, name: 'x', as: 'player' }),
    );
    expect(await fresh.next('error')).toMatchObject({ code: 'UNSUPPORTED_VERSION', field: 'v' });
    fresh.ws.close();

    // Still alive, still answering, nothing logged by the fuzzer.
    raw.ws.send(JSON.stringify({ t: 'ping', id: 42 }));
    await waitFor('pong', () => raw.frames.some((f) => f.t === 'pong' && f.id === 42));
    expect(roomA.log.length).toBe(logA);
    expect(raw.closed()).toBe(false);

    // Room B was never disturbed: it still plays, and its copies agree with the server.
    b.players.get('network')!.client.sendCommand('diag.netflow', { device: 'intl-busan' });
    await converge(b.all, 3);
    for (const s of b.all) expect(s.team.follower!.hash()).toBe(hashGame(roomB.run.state));
    expect(b.all.every((s) => s.of('error').length === 0)).toBe(true);
    // A frame beyond the socket limit closes that one connection; the server goes on.
    raw.ws.send('x'.repeat(70 * 1024));
    await waitFor('closed', raw.closed);
    const health = await fetch(`${srv.base}/api/health`);
    expect(health.status).toBe(200);
    for (const s of [...a.all, ...b.all]) s.stop();
  }, 120_000);
});
