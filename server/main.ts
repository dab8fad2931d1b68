// `npm start` runs this after `vite build`: one process serving the game on http://localhost:8080
// (PORT and HOST override), the runs API and team sessions (WebSocket /ws). Verified runs and
// sessions are kept in SQLite under DATA_DIR (default ./data, created if missing); levels come
// from LEVELS_DIR (default the repository's levels/). Session settings: docs/PROTOCOL.md.
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServer } from './app.ts';
import { parseTrustProxy } from './clientAddress.ts';
import {
  DEFAULT_CONNECTIONS_PER_IP,
  DEFAULT_JOIN_TIMEOUT_MS,
  DEFAULT_ROOMS_PER_IP,
  DEFAULT_SEATS_PER_IP,
} from './sessions/options.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer between 0 and 65535, got "${process.env.PORT}"`);
  process.exit(2);
}
const distDir = resolve(process.env.DIST_DIR ?? fileURLToPath(new URL('../dist', import.meta.url)));
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const levelsDir = resolve(
  process.env.LEVELS_DIR ?? fileURLToPath(new URL('../levels', import.meta.url)),
);
const envInt = (name: string, dflt: number, min: number, max: number): number => {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`${name} must be an integer between ${min} and ${max}, got "${v}"`);
    process.exit(2);
  }
  return n;
};
function trustProxyFromEnv(): number {
  try {
    return parseTrustProxy(process.env.TRUST_PROXY);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}
const sessions = {
  allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== ''),
  publicUrl: process.env.PUBLIC_URL || undefined,
  trustProxy: trustProxyFromEnv(),
  idleMs: envInt('ROOM_IDLE_MIN', 120, 1, 7 * 24 * 60) * 60_000,
  maxRooms: envInt('MAX_ROOMS', 500, 1, 100_000),
  joinFailuresPerIp: envInt('JOIN_FAILURES_PER_IP', 20, 1, 1_000_000),
  sessionsPerIpHour: envInt('SESSIONS_PER_IP_HOUR', 30, 1, 1_000_000),
  roomsPerIp: envInt('ROOMS_PER_IP', DEFAULT_ROOMS_PER_IP, 1, 100_000),
  connectionsPerIp: envInt('CONNECTIONS_PER_IP', DEFAULT_CONNECTIONS_PER_IP, 1, 1_000_000),
  seatsPerIp: envInt('SEATS_PER_IP', DEFAULT_SEATS_PER_IP, 1, 1_000),
  joinTimeoutMs: envInt('JOIN_TIMEOUT_S', DEFAULT_JOIN_TIMEOUT_MS / 1000, 1, 3600) * 1000,
  statsMs: envInt('SESSION_STATS_S', 0, 0, 86_400) * 1000 || undefined,
};
const verify = {
  // 0 verifies on the event loop (not for a shared server: each run blocks it ~0.3 s).
  workers: envInt('VERIFY_WORKERS', Math.max(1, Math.min(4, availableParallelism() - 1)), 0, 64),
  maxQueue: envInt('VERIFY_QUEUE', 16, 0, 10_000),
};
let server: ReturnType<typeof createAppServer>;
try {
  server = createAppServer({
    distDir,
    dataDir,
    levelsDir,
    sessions,
    verify,
    allowCorruptDb: process.env.ALLOW_CORRUPT_DB === '1',
  });
} catch (e) {
  console.error(`cannot start on DATA_DIR ${dataDir}: ${(e as Error).message}`);
  process.exit(1);
}
let listening = false;
server.on('error', (err: NodeJS.ErrnoException) => {
  // Once listening, an error is about one connection (accept failing with EMFILE when descriptors
  // run out, say): log it and keep serving. Only failing to listen at all ends the process.
  if (listening) {
    console.error(`server: ${err.code ?? ''} ${err.message}`);
    return;
  }
  console.error(
    err.code === 'EADDRINUSE'
      ? `Port ${port} is already in use; set PORT to another.`
      : err.message,
  );
  process.exit(1);
});
server.listen(port, host, () => {
  listening = true;
  // The bound port (PORT=0 picks a free one, as the tests do).
  const bound = (server.address() as AddressInfo | null)?.port ?? port;
  console.log(`1·25 is being served at http://localhost:${bound}/`);
});
// Workers start now rather than with the first submission, which would otherwise wait for them.
void server.verifyPool?.warm().then(() => {
  const s = server.verifyPool!.stats();
  console.log(
    `verification: ${s.size} worker(s) ready (start-up ${Math.round(s.startupMs ?? 0)} ms), queue bound ${verify.maxQueue}`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    // Saves every room's clock and closes the sockets; clients reconnect to the next process.
    server.sessions?.stop();
    server.close(() => process.exit(0));
  });
