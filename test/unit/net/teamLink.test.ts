// TeamLink, the glue views use: frames queued while the level loads, a level that differs from
// the server's refused, gaps and resyncs answered with log requests.
import { describe, expect, it } from 'vitest';
import { levelHash, type Level } from '../../../src/game';
import type { SessionClient } from '../../../src/net/client';
import type { LogEntry, ServerMessage, SessionInfo } from '../../../src/net/protocol';
import { TeamLink } from '../../../src/net/teamLink';
import { fixtureLevel, levelVariant } from '../game/helpers';

/** A stand-in for SessionClient: frames are pushed by the test, requests are recorded. */
function fakeClient() {
  const handlers = new Map<string, ((m: unknown) => void)[]>();
  const sent: unknown[] = [];
  const client = {
    on: (t: string, h: (m: unknown) => void) => {
      handlers.set(t, [...(handlers.get(t) ?? []), h]);
      return () => undefined;
    },
    requestLog: (fromSeq: number) => sent.push({ t: 'sync', fromSeq }),
    sendCheckpoint: (tick: number, hash: string) => sent.push({ t: 'checkpoint', tick, hash }),
  };
  return {
    client: client as unknown as SessionClient,
    sent,
    push: (m: ServerMessage) => {
      for (const h of handlers.get(m.t) ?? []) h(m);
    },
  };
}

const level = fixtureLevel();
const info = (lv: Level): SessionInfo => ({
  code: 'K7QM2X',
  level: lv.meta.id,
  levelSha256: levelHash(lv),
  seed: 4,
  roles: ['network'],
  state: 'running',
  runId: null,
});
const welcome = (lv: Level, log: LogEntry[] = [], ms = 0): ServerMessage => ({
  t: 'welcome',
  v: 1,
  session: info(lv),
  seat: { id: 's2', kind: 'player', name: 'n', role: 'network', connected: true },
  lastClientSeq: 0,
  seats: [],
  log,
  ms,
});
const entry = (seq: number, tick: number): LogEntry => ({
  seq,
  tick,
  role: 'facilitator',
  type: 'note.add',
  args: { text: `note ${seq}` },
  seat: 's1',
  clientSeq: seq,
});

describe('TeamLink', () => {
  it('queues frames until the level is loaded, then follows them in order', async () => {
    const { client, push } = fakeClient();
    let release!: (l: Level) => void;
    const team = new TeamLink(client, {
      loadLevel: () => new Promise<Level>((r) => (release = r)),
    });
    push(welcome(level));
    const start = 0;
    push({ t: 'cmd', ...entry(1, start + 5) });
    expect(team.ready).toBe(false);
    release(level);
    await new Promise((r) => setTimeout(r, 0));
    expect(team.ready).toBe(true);
    expect(team.follower!.expectedSeq).toBe(2);
  });

  it('refuses a level whose hash differs from the server’s', async () => {
    const { client, push } = fakeClient();
    const errors: unknown[] = [];
    const other = levelVariant((j) => (j.meta.title.en = 'Edited locally'));
    const team = new TeamLink(client, {
      loadLevel: async () => other,
      onLevelError: (e) => errors.push(e),
    });
    push(welcome(level));
    await new Promise((r) => setTimeout(r, 0));
    expect(team.follower).toBeUndefined();
    expect(String(errors[0])).toMatch(/differs from the server's/);
  });

  it('asks for the missing part of the log on a gap, and for all of it on resync', async () => {
    const { client, push, sent } = fakeClient();
    const team = new TeamLink(client, { loadLevel: async () => level });
    push(welcome(level));
    await new Promise((r) => setTimeout(r, 0));
    const t0 = team.follower!.run.state.tick;
    push({ t: 'cmd', ...entry(2, t0 + 10) });
    team.frame(16);
    team.frame(16);
    expect(sent.filter((m) => (m as { t: string }).t === 'sync')).toEqual([
      { t: 'sync', fromSeq: 1 },
    ]);
    push({ t: 'log', fromSeq: 1, entries: [entry(1, t0 + 5), entry(2, t0 + 10)], ms: 0 });
    expect(team.follower!.expectedSeq).toBe(3);
    push({ t: 'resync', tick: 0, text: { ko: '다시', en: 'again' } });
    expect(sent.at(-1)).toEqual({ t: 'sync', fromSeq: 1 });
  });
});
