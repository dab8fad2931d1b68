// Team-session figures for `npm run bench` (issue #8), loopback only and bounded in time:
//
// 1. Load: 200 rooms × 6 clients (facilitator + 5 roles) on the real server (`server/main.ts` in
//    a child process, so its RSS and CPU are its own). Rooms run with their clock paced by the
//    server (tick frames flowing), and every player sends a command every 10–30 s (a few per
//    minute, as a team in an exercise does). Measured for BENCH_LOAD_S seconds (default 60):
//    command relay latency (send → the broadcast arriving at the other clients of the room, and
//    → the sender's own answer), p50/p99; server RSS per room; server CPU.
// 2. Soak: 50 rooms × 6 clients for BENCH_SOAK_MIN minutes (default 10) on a fresh server: RSS
//    growth from the end of the warm-up to the end.
//
// Rooms per test: BENCH_ROOMS / BENCH_SOAK_ROOMS. Run alone: `npx tsx src/cli/teamBench.ts`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { envNum, runWhenMain, type Figure } from './benchKit';
import { SessionClient, type WebSocketConstructor } from '../net/client';
import type { CreateSessionResponse, SeatRole } from '../net/protocol';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ROLES: SeatRole[] = ['commander', 'network', 'security', 'systems', 'comms'];
const LEVELS = ['backbone-isp', 'broadband-isp', 'idc-enterprise'];
/** What each role sends in the bench: what such a player would, accepted or refused by the core. */
const ACTIONS: Record<SeatRole | 'facilitator', { type: string; args: Record<string, unknown> }[]> =
  {
    facilitator: [
      {
        type: 'note.add',
        args: { text: '토론: 누가 게이트웨이 ACL을 관리하나? / who owns the ACLs?' },
      },
      { type: 'clock.speed', args: { speed: 2 } },
      { type: 'clock.speed', args: { speed: 1 } },
    ],
    commander: [
      { type: 'note.add', args: { text: '상황 판단 / assessment' } },
      { type: 'incident.escalate', args: { severity: 2 } },
      { type: 'diag.linkGraphs', args: {} },
    ],
    network: [
      { type: 'diag.linkGraphs', args: {} },
      { type: 'diag.netflow', args: { device: 'x' } },
    ],
    security: [{ type: 'diag.ids', args: {} }],
    systems: [{ type: 'diag.dnsLogs', args: { cluster: 'x' } }],
    comms: [{ type: 'comms.send', args: { to: 'kisa', blocks: ['x'] } }],
  };

export const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
export const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  wsUrl: string;
  /** Everything the server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

interface ServerStats {
  commands: number;
  cmdMsP50: number;
  cmdMsP99: number;
  paceWorkMsP99: number;
  loopDelayMsP50: number;
  loopDelayMsP99: number;
  loopDelayMsMax: number;
}

/** The server's own `session-stats` lines printed after `from` (SESSION_STATS_S). */
export function serverStats(output: string, from: number): ServerStats[] {
  return output
    .slice(from)
    .split('\n')
    .filter((l) => l.startsWith('session-stats '))
    .map((l) => JSON.parse(l.slice('session-stats '.length)) as ServerStats);
}

/** What the server saw over a window: the worst 10-second p99s and the median p50s. */
export function summarise(stats: ServerStats[]) {
  const max = (f: (s: ServerStats) => number) => Math.max(0, ...stats.map(f));
  const mid = (f: (s: ServerStats) => number) => pct(stats.map(f), 50);
  return {
    commands: stats.reduce((a, s) => a + s.commands, 0),
    cmdP50: mid((s) => s.cmdMsP50),
    cmdP99: max((s) => s.cmdMsP99),
    paceP99: max((s) => s.paceWorkMsP99),
    loopP50: mid((s) => s.loopDelayMsP50),
    loopP99: max((s) => s.loopDelayMsP99),
    loopMax: max((s) => s.loopDelayMsMax),
  };
}

export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'one25-teambench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      // Every bench client comes from 127.0.0.1: lift the per-address limits meant for the Internet.
      SESSIONS_PER_IP_HOUR: '100000',
      JOIN_FAILURES_PER_IP: '100000',
      MAX_ROOMS: '10000',
      ROOMS_PER_IP: '100000',
      CONNECTIONS_PER_IP: '1000000',
      SESSION_STATS_S: '10',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      if (out.includes('is being served')) {
        clearTimeout(t);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    output: () => out,
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The machine's 1-minute load average (Linux /proc): other work competing for the cores. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

/** Resident set size of a process, bytes (Linux /proc). */
export function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
/** User + system CPU time of a process, seconds (Linux /proc, 100 ticks per second). */
export function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Seat {
  client: SessionClient;
  role: SeatRole | 'facilitator';
  code: string;
  seatId?: string;
}

export interface Stats {
  /** Send → the broadcast reaching another client of the room, ms. */
  fanout: number[];
  /** Send → the sender's own answer (its broadcast or its rejection), ms. */
  ack: number[];
  sent: number;
  accepted: number;
  rejected: number;
  errors: number;
  ticks: number;
}

export const newStats = (): Stats => ({
  fanout: [],
  ack: [],
  sent: 0,
  accepted: 0,
  rejected: 0,
  errors: 0,
  ticks: 0,
});

/**
 * Creates `rooms` rooms with six connected seats each, starts them and lets every player act.
 * Sent commands are timed by (room code, seat, clientSeq), which the broadcast carries.
 */
export async function populate(
  server: ServerProcess,
  rooms: number,
  stats: () => Stats,
  /** Roles besides the facilitator, and how often each player acts (min, min + span ms). */
  options: {
    roles?: SeatRole[];
    actMs?: [number, number];
    /** Rooms already made (an exercise's): used instead of creating `rooms` sessions. */
    made?: { code: string; facilitatorToken: string }[];
  } = {},
): Promise<{ seats: Seat[]; close: () => void }> {
  const roles = options.roles ?? ROLES;
  const [actMin, actSpan] = options.actMs ?? [10_000, 20_000];
  const seats: Seat[] = [];
  const sentAt = new Map<string, number>();
  const Ws = WebSocket as unknown as WebSocketConstructor;
  for (let r = 0; r < rooms; r++) {
    const session = options.made?.[r] ?? (await createBenchSession(server, r, roles));
    const roomSeats: Seat[] = [
      {
        role: 'facilitator',
        code: session.code,
        client: new SessionClient({
          url: server.wsUrl,
          auth: { resume: { token: session.facilitatorToken } },
          WebSocket: Ws,
        }),
      },
      ...roles.map((role) => ({
        role,
        code: session.code,
        client: new SessionClient({
          url: server.wsUrl,
          auth: { join: { room: session.code, name: `${role}-${r}`, as: 'player' as const } },
          WebSocket: Ws,
        }),
      })),
    ];
    for (const seat of roomSeats) {
      const c = seat.client;
      c.on('welcome', (w) => {
        seat.seatId = w.seat.id;
        if (seat.role !== 'facilitator' && w.seat.role === null) c.chooseRole(seat.role);
      });
      c.on('tick', () => stats().ticks++);
      c.on('cmd', (m) => {
        const key = `${session.code}/${m.seat}/${m.clientSeq}`;
        const t0 = sentAt.get(key);
        if (t0 === undefined) return;
        const dt = performance.now() - t0;
        if (m.seat === seat.seatId) {
          stats().ack.push(dt);
          stats().accepted++;
        } else stats().fanout.push(dt);
      });
      c.on('rejected', (m) => {
        const key = `${session.code}/${seat.seatId}/${m.clientSeq}`;
        const t0 = sentAt.get(key);
        if (t0 !== undefined) stats().ack.push(performance.now() - t0);
        stats().rejected++;
      });
      c.on('error', () => stats().errors++);
      c.connect();
    }
    seats.push(...roomSeats);
    // Connect in small batches so the bench measures play, not a connection storm.
    if (r % 10 === 9) await sleep(50);
  }
  const deadline = Date.now() + 60_000;
  while (seats.some((s) => s.client.state !== 'open')) {
    if (Date.now() > deadline) throw new Error('not every bench client connected within 60 s');
    await sleep(100);
  }
  await sleep(500); // role choices land
  for (const s of seats) if (s.role === 'facilitator') s.client.startSession();
  await sleep(500);

  // Each player acts every 10–30 s (3 per minute on average), starting at a random moment.
  const timers: ReturnType<typeof setTimeout>[] = [];
  let stopped = false;
  const schedule = (seat: Seat) => {
    const t = setTimeout(
      () => {
        if (stopped) return;
        const options = ACTIONS[seat.role];
        const a = options[Math.floor(Math.random() * options.length)]!;
        const seq = seat.client.sendCommand(a.type, a.args);
        sentAt.set(`${seat.code}/${seat.seatId}/${seq}`, performance.now());
        stats().sent++;
        schedule(seat);
      },
      actMin + Math.random() * actSpan,
    );
    timers.push(t);
  };
  for (const seat of seats) schedule(seat);
  return {
    seats,
    close: () => {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      for (const s of seats) s.client.close();
    },
  };
}

async function createBenchSession(
  server: ServerProcess,
  r: number,
  roles: SeatRole[],
): Promise<CreateSessionResponse> {
  const res = await fetch(`${server.base}/api/sessions`, {
    method: 'POST',
    body: JSON.stringify({ level: LEVELS[r % LEVELS.length], seed: r + 1, roles }),
  });
  if (res.status !== 201) throw new Error(`POST /api/sessions: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateSessionResponse;
}

async function loadTest(): Promise<Figure[]> {
  const rooms = envNum('BENCH_ROOMS', 200);
  const seconds = envNum('BENCH_LOAD_S', 60);
  const server = await startServer();
  try {
    await sleep(1000);
    const pid = server.child.pid!;
    const rssBase = rssOf(pid);
    let stats = newStats();
    const pop = await populate(server, rooms, () => stats);
    // Warm-up: every player's first command has gone out; then measure afresh.
    await sleep(30_000);
    stats = newStats();
    const cpu0 = cpuOf(pid);
    const selfCpu0 = cpuOf(process.pid);
    const outFrom = server.output().length;
    const t0 = performance.now();
    let rssMax = rssOf(pid);
    const loads: number[] = [];
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
      await sleep(1000);
      rssMax = Math.max(rssMax, rssOf(pid));
      loads.push(loadAverage());
    }
    const wallS = (performance.now() - t0) / 1000;
    const cpuPct = ((cpuOf(pid) - cpu0) / wallS) * 100;
    const clientCpuPct = ((cpuOf(process.pid) - selfCpu0) / wallS) * 100;
    const inside = summarise(serverStats(server.output(), outFrom));
    const rssLoaded = rssOf(pid);
    pop.close();
    const perRoomKb = (rssLoaded - rssBase) / rooms / 1024;
    const p99 = pct(stats.fanout, 99);
    return [
      {
        name: `team load: ${rooms} rooms × 6 clients, ${stats.sent} commands in ${Math.round(wallS)} s (${stats.accepted} accepted, ${stats.rejected} refused by the core)`,
        value: stats.sent,
        unit: 'commands',
      },
      {
        name: 'team load: command relay latency send → other clients, p50',
        value: round(pct(stats.fanout, 50)),
        unit: 'ms',
      },
      {
        name: 'team load: command relay latency send → other clients, p99',
        value: round(p99),
        unit: 'ms',
        budget: '≤ 50',
        ok: p99 <= 50,
      },
      {
        name: 'team load: sender’s answer (broadcast or rejection), p50 / p99',
        value: `${round(pct(stats.ack, 50))} / ${round(pct(stats.ack, 99))}`,
        unit: 'ms',
      },
      {
        name: 'team load: tick frames received by clients',
        value: Math.round(stats.ticks / wallS),
        unit: '/s',
      },
      {
        name: 'team load: server RSS per room ((loaded − idle) / rooms)',
        value: round(perRoomKb / 1024, 2),
        unit: 'MB',
        budget: '≤ 1',
        ok: perRoomKb <= 1024,
      },
      {
        name: 'team load: server RSS idle / loaded / max',
        value: `${Math.round(rssBase / 2 ** 20)} / ${Math.round(rssLoaded / 2 ** 20)} / ${Math.round(rssMax / 2 ** 20)}`,
        unit: 'MB',
      },
      { name: 'team load: server CPU (100 % = one core)', value: round(cpuPct), unit: '%' },
      {
        name: 'team load: machine load average during the measurement, min–max (cores: see nproc)',
        value: `${Math.min(...loads)}–${Math.max(...loads)}`,
        unit: '',
      },
      {
        name: 'team load: bench clients’ CPU, same machine (100 % = one core)',
        value: round(clientCpuPct),
        unit: '%',
      },
      {
        name: `team load, inside the server: command handling p50 / p99 (${inside.commands} commands)`,
        value: `${inside.cmdP50} / ${inside.cmdP99}`,
        unit: 'ms',
      },
      {
        name: 'team load, inside the server: pacing work per 200 ms pass, p99',
        value: inside.paceP99,
        unit: 'ms',
      },
      {
        name: 'team load, inside the server: event-loop delay p50 / p99 / max',
        value: `${inside.loopP50} / ${inside.loopP99} / ${inside.loopMax}`,
        unit: 'ms',
      },
      { name: 'team load: protocol errors seen by clients', value: stats.errors, unit: '' },
    ];
  } finally {
    await server.stop();
  }
}

async function soakTest(): Promise<Figure[]> {
  const rooms = envNum('BENCH_SOAK_ROOMS', 50);
  const minutes = envNum('BENCH_SOAK_MIN', 10);
  const server = await startServer();
  try {
    const pid = server.child.pid!;
    let stats = newStats();
    const pop = await populate(server, rooms, () => stats);
    await sleep(Math.min(30_000, minutes * 60_000 * 0.1));
    stats = newStats();
    const outFrom = server.output().length;
    const rssStart = rssOf(pid);
    let rssMax = rssStart;
    const samples: number[] = [];
    const end = Date.now() + minutes * 60_000;
    while (Date.now() < end) {
      await sleep(Math.min(15_000, Math.max(1000, end - Date.now())));
      const rss = rssOf(pid);
      samples.push(rss);
      rssMax = Math.max(rssMax, rss);
    }
    const rssEnd = rssOf(pid);
    const inside = summarise(serverStats(server.output(), outFrom));
    pop.close();
    return [
      {
        name: `team soak: ${rooms} rooms × 6 clients for ${minutes} min, ${stats.sent} commands`,
        value: stats.sent,
        unit: 'commands',
      },
      {
        name: 'team soak: server RSS start → end (max)',
        value: `${round(rssStart / 2 ** 20)} → ${round(rssEnd / 2 ** 20)} (${round(rssMax / 2 ** 20)})`,
        unit: 'MB',
      },
      {
        name: 'team soak: server RSS growth',
        value: round((rssEnd - rssStart) / 2 ** 20),
        unit: 'MB',
      },
      {
        name: 'team soak: command relay latency p50 / p99',
        value: `${round(pct(stats.fanout, 50))} / ${round(pct(stats.fanout, 99))}`,
        unit: 'ms',
      },
      {
        name: 'team soak, inside the server: command handling p99 / event-loop delay p99',
        value: `${inside.cmdP99} / ${inside.loopP99}`,
        unit: 'ms',
      },
    ];
  } finally {
    await server.stop();
  }
}

export async function teamBench(): Promise<Figure[]> {
  return [...(await loadTest()), ...(await soakTest())];
}

runWhenMain(import.meta.url, teamBench);
