// Joining and resuming: how a connection gets a seat. A valid token always resumes its seat
// (never limited: 256 random bits cannot be guessed). A join by room code goes through the
// JoinLimiter (failed codes counted per address and code, a slow lane past the limit) and takes
// one of the room's seats, within its capacity (removed seats do not count) and the per-address cap.
import {
  CLOSE_BAD_TOKEN,
  PROTOCOL_VERSION,
  type ClientMessage,
  type ErrorCode,
} from '../../src/net/protocol.ts';
import type { Connection } from './gate.ts';
import { JoinLimiter, MAX_QUEUED_CODES } from './joinLimiter.ts';
import { DEFAULT_SEATS_PER_IP, JOIN_FAILURE_WINDOW_MS, type SessionHubOptions } from './options.ts';
import { MAX_SEATS, type Room, type Seat } from './room.ts';
import { newToken, tokenHash } from './secrets.ts';
import type { SessionStore } from './store.ts';

/** Seat records a room keeps, removed ones included (bounds a join-and-remove loop). */
export const MAX_SEAT_RECORDS = MAX_SEATS * 4;

type JoinMessage = Extract<ClientMessage, { t: 'join' }>;

export interface HandshakeDeps {
  rooms: ReadonlyMap<string, Room>;
  byToken: Map<string, { room: Room; seatId: string }>;
  store: SessionStore;
  sendError(conn: Connection, code: ErrorCode, detail?: string, extra?: { field?: string }): void;
}

export class Handshake {
  readonly limiter: JoinLimiter<{ conn: Connection; m: JoinMessage }>;
  /** Seats each address took in each room (in memory: a restart forgets who joined from where). */
  private readonly seatsByIp = new WeakMap<Room, Map<string, Set<string>>>();

  constructor(
    private readonly options: SessionHubOptions,
    private readonly deps: HandshakeDeps,
  ) {
    this.limiter = new JoinLimiter(options.joinFailuresPerIp ?? 20, JOIN_FAILURE_WINDOW_MS);
  }

  handle(conn: Connection, m: ClientMessage, wall: number): void {
    if (m.t === 'ping') return conn.send(JSON.stringify({ t: 'pong', id: m.id }));
    if (m.t !== 'join' && m.t !== 'resume')
      return this.deps.sendError(conn, 'NOT_JOINED', `${m.t} before join or resume`, {
        field: 't',
      });
    if (m.v !== PROTOCOL_VERSION)
      return this.deps.sendError(
        conn,
        'UNSUPPORTED_VERSION',
        `v: ${m.v}; this server speaks ${PROTOCOL_VERSION}`,
        { field: 'v' },
      );
    if (m.t === 'resume') return this.resume(conn, m.token, wall);
    if (conn.queued) return; // one join at a time per connection
    const admission = this.limiter.admit(conn.ip, m.room, { conn, m }, wall);
    if (admission === 'now') return this.join(conn, m, wall);
    if (admission === 'refused')
      return this.deps.sendError(
        conn,
        'RATE_LIMITED',
        `too many failed joins from this address; at most ${MAX_QUEUED_CODES} room codes wait at once`,
      );
    conn.queued = true;
    const waitS = Math.ceil((this.limiter.nextLookup(conn.ip, wall) - wall) / 1000);
    // Sent for every queued join, valid code or not, before the code is looked up.
    this.deps.sendError(
      conn,
      'RATE_LIMITED',
      `too many failed joins from this address; this join is answered in about ${Math.max(1, waitS)} s`,
    );
  }

  /** Answers the slow-lane joins that are due (called from a timer). */
  releaseDue(wall: number): void {
    for (const { waiters } of this.limiter.due(wall))
      for (const { conn, m } of waiters) {
        conn.queued = false;
        if (conn.ws.readyState !== conn.ws.OPEN || conn.seat) continue;
        this.join(conn, m, wall);
      }
  }

  /** A connection closed: it no longer waits in the slow lane. */
  closed(conn: Connection): void {
    if (!conn.queued) return;
    this.limiter.cancel(conn.ip, (w) => w.conn === conn);
  }

  private resume(conn: Connection, token: string, wall: number): void {
    const found = this.deps.byToken.get(tokenHash(token));
    const seat = found?.room.seats.get(found.seatId);
    if (!found || !seat || seat.removed) {
      this.deps.sendError(conn, 'BAD_TOKEN', undefined, { field: 'token' });
      conn.ws.close(CLOSE_BAD_TOKEN, 'bad token');
      return;
    }
    found.room.attach(conn, seat, undefined, wall);
  }

  private join(conn: Connection, m: JoinMessage, wall: number): void {
    const room = this.deps.rooms.get(m.room);
    if (!room) {
      this.limiter.recordFailure(conn.ip, m.room, wall);
      return this.deps.sendError(conn, 'UNKNOWN_ROOM', `room: ${m.room}`, { field: 'room' });
    }
    this.limiter.recordKnown(conn.ip, m.room, wall);
    if (room.state === 'ended')
      return this.deps.sendError(conn, 'ROOM_ENDED', undefined, { field: 'room' });
    if (m.as === 'evaluator' && !room.evaluatorKeyMatches(m.key)) {
      // Not counted as a failed join: the code was right, and a key (256 random bits, like a
      // seat token) cannot be guessed.
      return this.deps.sendError(
        conn,
        'BAD_TOKEN',
        m.key === undefined
          ? 'key: an evaluator joins with the evaluator key from the facilitator’s evaluator link'
          : 'key: not this room’s evaluator key (ask the facilitator for the current evaluator link)',
        { field: 'key' },
      );
    }
    let live = 0;
    for (const s of room.seats.values()) if (!s.removed) live++;
    if (live >= MAX_SEATS || room.seats.size >= MAX_SEAT_RECORDS)
      return this.deps.sendError(conn, 'ROOM_FULL');
    const mine = this.seatsOf(room, conn.ip);
    for (const id of mine) if (room.seats.get(id)?.removed !== false) mine.delete(id);
    const cap = this.options.seatsPerIp ?? DEFAULT_SEATS_PER_IP;
    if (mine.size >= cap)
      return this.deps.sendError(
        conn,
        'ROOM_FULL',
        `this address already holds ${cap} seats in this room (the most one address may)`,
      );
    const token = newToken();
    const seat: Seat = {
      id: room.nextSeatId(),
      kind: m.as,
      name: m.name.normalize('NFC').trim(),
      role: null,
      tokenHash: tokenHash(token),
      removed: false,
      conn: undefined,
      lastClientSeq: 0,
    };
    this.deps.store.addSeat(room.id, {
      seat: seat.id,
      kind: seat.kind,
      name: seat.name,
      role: null,
      tokenHash: seat.tokenHash,
      removed: false,
    });
    room.seats.set(seat.id, seat);
    mine.add(seat.id);
    this.deps.byToken.set(seat.tokenHash, { room, seatId: seat.id });
    room.attach(conn, seat, token, wall);
  }

  private seatsOf(room: Room, ip: string): Set<string> {
    let byIp = this.seatsByIp.get(room);
    if (!byIp) {
      byIp = new Map();
      this.seatsByIp.set(room, byIp);
    }
    let set = byIp.get(ip);
    if (!set) {
      set = new Set();
      byIp.set(ip, set);
    }
    return set;
  }

  sweep(wall: number): void {
    this.limiter.sweep(wall);
  }
}
