// Settings of the session hub and its parts (server/main.ts maps the environment onto them;
// docs/PROTOCOL.md "Configuration" lists the variables). Kept apart so the parts import it without
// importing the hub.
import type { Db } from '../db.ts';
import type { VerifyPool } from '../verifyPool.ts';

export interface SessionHubOptions {
  db: Db;
  levelsDir: string;
  /** Extra origins allowed to open the WebSocket (the server's own host always is). */
  allowedOrigins?: readonly string[];
  /** Base URL of join links (behind a proxy); else from the request's Host header. */
  publicUrl?: string;
  /**
   * Proxy hops of our own in front of the server: the client address is the right-most untrusted
   * X-Forwarded-For entry (server/clientAddress.ts). 0 or false: the socket peer. `true` means 1.
   */
  trustProxy?: number | boolean;
  /** Pacing timer period, ms (default 200). */
  paceMs?: number;
  /** A room nobody is connected to for this long is ended (default 120 min). */
  idleMs?: number;
  maxRooms?: number;
  /** Live rooms one address may have at once (default 20). */
  roomsPerIp?: number;
  /** Distinct wrong room codes per address per 10 minutes before its joins take the slow lane (default 20). */
  joinFailuresPerIp?: number;
  /** Sessions created per IP per hour (default 30); each room of an exercise counts as one. */
  sessionsPerIpHour?: number;
  /** Open WebSocket connections per address (default 100). */
  connectionsPerIp?: number;
  /** Seats one address may hold in one room, removed ones not counted (default 20). */
  seatsPerIp?: number;
  /** A connection that has not joined or resumed within this many ms is closed (default 10 s). */
  joinTimeoutMs?: number;
  /** Per-connection token bucket: burst and messages per second (default 20 and 10). */
  messageBurst?: number;
  messagesPerSecond?: number;
  /**
   * Every this many ms, log one `session-stats {…}` line (JSON): rooms, connections, command
   * handling time and pacing work p50/p99, event-loop delay p99. Off when absent (the bench uses it).
   */
  statsMs?: number;
  /**
   * Where a session's final run is made and verified, and where restart recovery replays logs:
   * the app's worker pool (server/verifyPool.ts). Without it, on the event loop.
   */
  verifier?: Pick<VerifyPool, 'sessionEnd' | 'replay' | 'ghost'>;
  /** Wall clock for pacing and limits (tests pin it); defaults to Date.now. */
  wallNow?: () => number;
  log?: (message: string) => void;
}

export const DEFAULT_ROOMS_PER_IP = 20;
export const DEFAULT_CONNECTIONS_PER_IP = 100;
export const DEFAULT_SEATS_PER_IP = 20;
export const DEFAULT_JOIN_TIMEOUT_MS = 10_000;
/** The window failed joins are counted over. */
export const JOIN_FAILURE_WINDOW_MS = 10 * 60_000;

/** `trustProxy` as a number of hops. */
export function trustedHops(options: Pick<SessionHubOptions, 'trustProxy'>): number {
  const t = options.trustProxy;
  return t === true ? 1 : typeof t === 'number' ? t : 0;
}
