// The browser's team seat (src/ui/session/teamSession.ts) against a scripted connection: what it
// sends, what it refuses locally, and what the server's frames turn into (roster, event-log
// lines, the reconnect banner, the hash-mismatch warning, the end on the server's hash).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRun, finishRun, hashGame, parseLevel, type Level } from '../../../src/game';
import type { SessionClient } from '../../../src/net/client';
import type { SeatInfo, ServerMessage } from '../../../src/net/protocol';
import { TeamLink } from '../../../src/net/teamLink';
import type { AudioCues } from '../../../src/audio/audio';
import type { FeedItem } from '../../../src/ui/session/opsSession';
import { TeamSession, type Welcome } from '../../../src/ui/session/teamSession';

function tutorial(): Level {
  const parsed = parseLevel(
    JSON.parse(readFileSync(new URL('../../../levels/tutorial.json', import.meta.url), 'utf8')),
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.level;
}
const level = tutorial();

/** A connection that records what is sent and lets the test play the server. */
class FakeClient {
  readonly sent: { t: string; [k: string]: unknown }[] = [];
  private readonly handlers = new Map<string, Set<(m: unknown) => void>>();
  private seq = 0;
  on(event: string, handler: (m: unknown) => void): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }
  emit(event: string, payload: unknown): void {
    for (const h of this.handlers.get(event) ?? []) h(payload);
  }
  frame(m: ServerMessage): void {
    this.emit(m.t, m);
  }
  sendCommand(type: string, args: Record<string, unknown>): number {
    this.sent.push({ t: 'cmd', type, args, clientSeq: ++this.seq });
    return this.seq;
  }
  requestLog(fromSeq: number): boolean {
    this.sent.push({ t: 'sync', fromSeq });
    return true;
  }
  sendCheckpoint(tick: number, hash: string): boolean {
    this.sent.push({ t: 'checkpoint', tick, hash });
    return true;
  }
  chooseRole(role: string | null): boolean {
    this.sent.push({ t: 'role.choose', role });
    return true;
  }
  assignSeat(seat: string, role: string | null): boolean {
    this.sent.push({ t: 'seat.assign', seat, role });
    return true;
  }
  removeSeat(seat: string): boolean {
    this.sent.push({ t: 'seat.remove', seat });
    return true;
  }
  startSession(): boolean {
    this.sent.push({ t: 'session.start' });
    return true;
  }
  endSession(): boolean {
    this.sent.push({ t: 'session.end' });
    return true;
  }
  close(): void {
    this.sent.push({ t: 'close' });
  }
}

const audio = {
  play: () => undefined,
  setLoop: () => undefined,
  stopLoops: () => undefined,
} as unknown as AudioCues;

const seats: SeatInfo[] = [
  { id: 's1', kind: 'facilitator', name: 'facilitator', role: 'facilitator', connected: true },
  { id: 's2', kind: 'player', name: 'Kim', role: 'network', connected: true },
  { id: 's3', kind: 'projector', name: 'Projector', role: null, connected: true },
];

function welcome(seatId: string): Welcome {
  return {
    t: 'welcome',
    v: 1,
    session: {
      code: 'ABCDEF',
      level: 'tutorial',
      seed: 125,
      roles: ['network', 'comms'],
      state: 'running',
      runId: null,
    },
    seat: seats.find((s) => s.id === seatId)!,
    seats,
    lastClientSeq: 0,
    log: [],
    ms: createRun(level, 125).state.engine.tMs,
  };
}

/** A seat as the lobby builds it: the glue loads the level, then the session takes over. */
async function seat(seatId: string) {
  const client = new FakeClient();
  const net = new TeamLink(client as unknown as SessionClient, {
    loadLevel: () => Promise.resolve(level),
  });
  const w = welcome(seatId);
  client.frame(w);
  await new Promise((r) => setTimeout(r, 0));
  const session = new TeamSession(net, w, audio);
  const feed: FeedItem[] = [];
  session.onFeed((items) => feed.push(...items));
  return { client, session, feed };
}

describe('team seat (browser side)', () => {
  it('should act as its role only: a forbidden command is refused here and never sent', async () => {
    const { client, session } = await seat('s2');
    expect(session.mode).toBe('team');
    expect(session.actingRoles).toEqual(['network']);
    expect(session.controlsClock).toBe(false);
    expect(session.endShift).toBeUndefined();
    const refused = session.command('clock.pause');
    expect(refused.ok).toBe(false);
    expect(client.sent.filter((m) => m.t === 'cmd')).toEqual([]);
    const ok = session.command('diag.linkGraphs');
    expect(ok.ok).toBe(true);
    expect(client.sent.filter((m) => m.t === 'cmd').map((m) => m.type)).toEqual([
      'diag.linkGraphs',
    ]);
    // Nothing changes until the server's log entry arrives.
    expect(session.run.log).toHaveLength(0);
  });

  it('should follow a reassignment: the seat acts as its new role at once', async () => {
    const { session } = await seat('s2');
    session.handle({
      t: 'seats',
      seats: seats.map((s) => (s.id === 's2' ? { ...s, role: 'comms' } : s)),
    });
    expect(session.actingRoles).toEqual(['comms']);
  });

  it('should give the projector no actions and the facilitator the clock and the end', async () => {
    const projector = (await seat('s3')).session;
    expect(projector.mode).toBe('projector');
    expect(projector.actingRoles).toEqual([]);
    expect(projector.command('diag.linkGraphs').ok).toBe(false);
    const { client, session } = await seat('s1');
    expect(session.controlsClock).toBe(true);
    expect(session.command('clock.pause').ok).toBe(true);
    session.endShift?.();
    expect(client.sent.map((m) => m.t)).toEqual(['cmd', 'session.end']);
  });

  it("should write who did what, and the server's refusals, in the event log", async () => {
    const { client, session, feed } = await seat('s1');
    client.frame({
      t: 'cmd',
      seq: 1,
      tick: session.run.state.tick,
      role: 'network',
      type: 'diag.linkGraphs',
      args: {},
      seat: 's2',
      clientSeq: 1,
    });
    expect(session.run.log.map((c) => c.type)).toEqual(['diag.linkGraphs']);
    expect(feed.find((f) => f.kind === 'team.accepted')?.params).toMatchObject({
      who: 'Kim',
      role: 'network',
      command: 'diag.linkGraphs',
    });
    expect(session.lastBySeat.get('s2')?.type).toBe('diag.linkGraphs');
    client.frame({
      t: 'rejected',
      clientSeq: 2,
      type: 'clock.skip',
      code: 'ENDED',
      params: {},
      text: { ko: '끝났습니다', en: 'It is over' },
    });
    expect(feed.at(-1)).toMatchObject({
      kind: 'team.refused',
      params: { command: 'clock.skip', reasonEn: 'It is over' },
    });
  });

  it('should show the reconnect banner while away and say it caught up on return', async () => {
    const { client, session } = await seat('s2');
    let changes = 0;
    session.onChange(() => changes++);
    client.emit('status', { state: 'reconnecting', attempt: 1 });
    expect(session.status).toBe('reconnecting');
    expect(session.notice?.key).toBe('team.console.reconnecting');
    client.emit('status', { state: 'open', attempt: 0 });
    client.frame(welcome('s2'));
    expect(session.status).toBe('online');
    expect(session.notice).toMatchObject({ key: 'team.console.caughtUp', tone: 'ok' });
    expect(changes).toBeGreaterThanOrEqual(2);
  });

  it('should show the graphs from the start when it joins midway', async () => {
    const client = new FakeClient();
    const net = new TeamLink(client as unknown as SessionClient, {
      loadLevel: () => Promise.resolve(level),
    });
    const start = createRun(level, 125).state;
    const w = { ...welcome('s3'), ms: start.engine.tMs + 30 * 60_000 };
    client.frame(w);
    await new Promise((r) => setTimeout(r, 0));
    const session = new TeamSession(net, w, audio);
    expect(session.run.state.tick).toBeGreaterThanOrEqual(start.tick + 30 * 60);
    const samples = session.history.samples;
    expect(samples[0]?.t).toBe(start.tick);
    expect(samples.length).toBeGreaterThanOrEqual(30);
    expect(samples.every((x, i) => i === 0 || x.t > samples[i - 1]!.t)).toBe(true);
  });

  it('should warn the facilitator of a hash mismatch', async () => {
    const { client, session } = await seat('s1');
    client.frame({ t: 'desync', seat: 's2', name: 'Kim', tick: 3600, expected: 'a', got: 'b' });
    expect(session.desyncs[0]).toEqual({ name: 'Kim', tick: 3600 });
  });

  it("should end on the server's final hash", async () => {
    const { client, session } = await seat('s2');
    const end = finishRun(createRun(level, 125, session.run.players));
    client.frame({
      t: 'ended',
      reason: 'facilitator',
      runId: 7,
      finalHash: hashGame(end.state),
      endMs: end.state.engine.tMs,
      text: { ko: '끝', en: 'Over' },
    });
    expect(session.ended).toBe(true);
    expect(session.finalHashMatches).toBe(true);
  });
});
