// Shared set-up for the team-session tests: a real server (in-process or a child process) on a
// loopback port, sessions created over HTTP, and clients that are what the browser runs —
// SessionClient over Node's `ws` with a TeamLink (lockstep follower) on top.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { WebSocket } from 'ws';
import { parseLevel, type Level, type PlayerRole } from '../../../src/game';
import { SessionClient, type SeatAuth, type WebSocketConstructor } from '../../../src/net/client';
import type { CreateSessionResponse, ServerMessage } from '../../../src/net/protocol';
import { TeamLink } from '../../../src/net/teamLink';
import { createAppServer, type AppOptions, type AppServer } from '../../../server/app';
import { loadFixtureLevel } from './fixtures';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The tutorial cut to end at 14:26 (its historical response too), written to `levelsDir` as
 * `tutorial-short`: a session that reaches its end within seconds of server clock.
 */
export function writeShortTutorial(levelsDir: string): Level {
  const json = JSON.parse(readFileSync(join(REPO, 'levels/tutorial.json'), 'utf8')) as {
    meta: { id: string; end: string };
    history: { response: { at: string }[] };
  };
  json.meta.id = 'tutorial-short';
  json.meta.end = '2003-01-25T14:26:00+09:00';
  const end = Date.parse(json.meta.end);
  json.history.response = json.history.response.filter((c) => Date.parse(c.at) <= end);
  const parsed = parseLevel(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  writeFileSync(join(levelsDir, 'tutorial-short.json'), JSON.stringify(json));
  return parsed.level;
}

export interface RunningServer {
  base: string;
  wsUrl: string;
  server?: AppServer;
  close: () => Promise<void>;
}

/** The app in this process on a free loopback port. */
export async function startSessionServer(
  options: Omit<AppOptions, 'distDir'> & { dataDir: string; levelsDir: string; distDir?: string },
): Promise<RunningServer & { server: AppServer }> {
  const server = createAppServer({
    distDir: tmpdir(),
    version: '0.0.0-test',
    ...options,
    sessions: { log: () => undefined, ...options.sessions },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    server,
    close: () =>
      new Promise<void>((r) => {
        server.sessions?.stop();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * The real server, `npx tsx server/main.ts`, as a child process (for the restart test and the
 * bench). Resolves once it listens; `kill` sends a signal and waits for the exit.
 */
export async function spawnServer(env: Record<string, string>): Promise<{
  child: ChildProcess;
  base: string;
  wsUrl: string;
  output: () => string;
  kill: (signal: NodeJS.Signals) => Promise<void>;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const check = () => {
      const m = /localhost:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    output: () => out,
    kill: (signal) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export async function createSession(
  base: string,
  body: Record<string, unknown> = { level: 'backbone-isp', seed: 7, roles: ['network', 'comms'] },
): Promise<CreateSessionResponse> {
  const res = await fetch(`${base}/api/sessions`, { method: 'POST', body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST /api/sessions: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateSessionResponse;
}

/** A browser tab in a test: transport + lockstep follower, recording every frame it gets. */
export class TestSeat {
  readonly client: SessionClient;
  readonly team: TeamLink;
  readonly frames: ServerMessage[] = [];
  token: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(wsUrl: string, auth: SeatAuth, level: Level = loadFixtureLevel()) {
    this.client = new SessionClient({
      url: wsUrl,
      auth,
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      initialBackoffMs: 100,
      maxBackoffMs: 1000,
    });
    if ('resume' in auth) this.token = auth.resume.token;
    this.client.on('token', ({ token }) => (this.token = token));
    this.team = new TeamLink(this.client, { loadLevel: async () => level });
    for (const t of [
      'welcome',
      'seats',
      'session',
      'cmd',
      'rejected',
      'log',
      'resync',
      'desync',
      'ended',
      'removed',
      'pong',
      'error',
    ] as const)
      this.client.on(t, (m) => this.frames.push(m as ServerMessage));
  }

  /** Connects and animates the follower at ~60 fps like a browser would. */
  start(): this {
    this.client.connect();
    this.timer = setInterval(() => this.team.frame(16), 16);
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.client.close();
    this.team.dispose();
  }

  of<T extends ServerMessage['t']>(t: T): Extract<ServerMessage, { t: T }>[] {
    return this.frames.filter((f) => f.t === t) as Extract<ServerMessage, { t: T }>[];
  }

  /** Waits until `predicate` holds (polling), failing with `what` after `ms`. */
  async until(what: string, predicate: () => boolean, ms = 20_000): Promise<void> {
    await waitFor(what, predicate, ms);
  }
}

export async function waitFor(what: string, predicate: () => boolean, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A raw ws connection for protocol-level tests: send anything, collect every frame. */
export async function rawSocket(
  wsUrl: string,
  headers: Record<string, string> = {},
): Promise<{
  ws: WebSocket;
  frames: ServerMessage[];
  closed: () => boolean;
  next: (t?: string) => Promise<ServerMessage>;
}> {
  const ws = new WebSocket(wsUrl, { headers });
  const frames: ServerMessage[] = [];
  let closed = false;
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as ServerMessage;
    frames.push(m);
  });
  ws.on('close', () => (closed = true));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let cursor = 0;
  return {
    ws,
    frames,
    closed: () => closed,
    /** The next frame (of type t) after the ones already taken. */
    next: async (t?: string) => {
      await waitFor(`a ${t ?? 'any'} frame`, () =>
        frames.slice(cursor).some((f) => t === undefined || f.t === t),
      );
      const i = frames.findIndex((f, k) => k >= cursor && (t === undefined || f.t === t));
      cursor = i + 1;
      return frames[i]!;
    },
  };
}

/** Facilitator + players in a fresh room; every seat started and welcomed. */
export async function openRoomOn(
  srv: { base: string; wsUrl: string },
  lv: Level,
  roles: PlayerRole[],
  extra: { projector?: boolean; seed?: number } = {},
): Promise<{
  session: CreateSessionResponse;
  fac: TestSeat;
  players: Map<PlayerRole, TestSeat>;
  projector?: TestSeat;
  all: TestSeat[];
}> {
  const session = await createSession(srv.base, {
    level: lv.meta.id,
    seed: extra.seed ?? 11,
    roles: roles.filter((r) => r !== 'facilitator'),
  });
  const fac = new TestSeat(srv.wsUrl, { resume: { token: session.facilitatorToken } }, lv).start();
  await fac.until('facilitator welcome', () => fac.of('welcome').length > 0);
  const players = new Map<PlayerRole, TestSeat>();
  for (const role of roles) {
    if (role === 'facilitator') continue;
    const p = new TestSeat(
      srv.wsUrl,
      { join: { room: session.code, name: `${role} 담당`, as: 'player' } },
      lv,
    ).start();
    await p.until(`${role} welcome`, () => p.of('welcome').length > 0);
    p.client.chooseRole(role as never);
    await p.until(`${role} seated`, () =>
      p.of('seats').some((m) => m.seats.some((s) => s.id === p.client.seatId && s.role === role)),
    );
    players.set(role, p);
  }
  let projector: TestSeat | undefined;
  if (extra.projector) {
    projector = new TestSeat(
      srv.wsUrl,
      { join: { room: session.code, name: 'projector', as: 'projector' } },
      lv,
    ).start();
    await projector.until('projector welcome', () => projector!.of('welcome').length > 0);
  }
  const all = [fac, ...players.values(), ...(projector ? [projector] : [])];
  return { session, fac, players, projector, all };
}

/** Waits until every seat's copy has applied `seqs` entries and stands at the same time. */
export async function converge(all: TestSeat[], seqs: number, ms = 20_000): Promise<void> {
  await waitFor(
    `all seats at seq ${seqs} and one clock`,
    () => {
      const fs = all.map((s) => s.team.follower);
      if (fs.some((f) => !f || f.expectedSeq !== seqs + 1)) return false;
      return fs.every((f) => f!.ms === fs[0]!.ms && f!.ms === f!.targetMs);
    },
    ms,
  );
}
