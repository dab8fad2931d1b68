/**
 * The team-session wire protocol (DESIGN.md §7, docs/PROTOCOL.md "WebSocket"): every message both
 * ways, as zod schemas, shared by the browser client, the server and the tests.
 *
 * Lockstep in one paragraph: clients never change the game themselves. A player's action goes to
 * the server as `cmd`; the server checks it with the game core (schema, level, the role of the
 * sender's seat — stamped by the server, never taken from the client), stamps a sequence number
 * and the tick it applies at, stores it and broadcasts it to everyone as a `cmd` log entry. Every
 * client applies log entries strictly in `seq` order (src/net/follower.ts) and advances its own
 * copy of the run toward the server's clock (`tick` frames), so all copies stay identical; state
 * hashes at checkpoints prove it.
 *
 * Uses `zod/mini` (functional API) because this file ships in the browser bundle. Messages are
 * JSON text frames of at most MAX_MESSAGE_BYTES (client → server); every message has a `t` field.
 */
import { z } from 'zod/mini';
import type { PlayerRole } from '../game';
import { feedbackFormSchema } from '../aar/exerciseRecords';
import {
  HSEEP_RATINGS,
  guideIdSchema,
  observationNoteSchema,
  type ObservationRecord,
} from '../game/evaluationGuide';

/** Bumped when a message changes shape incompatibly; `join`/`resume` carry it. */
export const PROTOCOL_VERSION = 1;
/** Largest client → server message, bytes of UTF-8 JSON. Larger ones get a TOO_LARGE error. */
export const MAX_MESSAGE_BYTES = 16 * 1024;
/** Path of the WebSocket endpoint on the game's own host. */
export const WS_PATH = '/ws';
/** Room codes: this many characters of ROOM_CODE_ALPHABET. */
export const ROOM_CODE_LENGTH = 6;
/** No 0/O, 1/I/L: a code read off a projector must not be mistyped (31^6 ≈ 8.9·10⁸ codes). */
export const ROOM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PLAYER_NAME_MAX = 40;

/** The team roles a player seat can hold (the facilitator's seat is created with the session). */
export const SEAT_ROLES = ['commander', 'network', 'security', 'systems', 'comms'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];
/**
 * `evaluator`: a read-only seat that records observations (docs/TEAMS.md "Evaluators"); joined
 * with the room code and the evaluator key the facilitator hands out.
 */
export type SeatKind = 'facilitator' | 'player' | 'projector' | 'evaluator';
export type SessionState = 'lobby' | 'running' | 'ended';
/**
 * Who plays a role nobody holds (docs/TEAMS.md "Bots"): `historical` sends the real
 * organisation's scripted commands for that role at their times; `sensible` follows a small
 * documented policy (server/sessions/botPolicy.ts). Both go through the same checks as a player.
 */
export const BOT_KINDS = ['historical', 'sensible'] as const;
export type BotKind = (typeof BOT_KINDS)[number];

const roomCode = z
  .string()
  .check(
    z.length(ROOM_CODE_LENGTH, `must be ${ROOM_CODE_LENGTH} characters`),
    z.regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]+$`), 'has a character that is not in room codes'),
  );
/** Seat and facilitator tokens: 32 random bytes, base64url (43 characters). */
const token = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'is not a seat token'));
const seatId = z.string().check(z.regex(/^s[0-9]{1,4}$/, 'is not a seat id'));
const uint = z.int().check(z.minimum(0));
const clientSeq = z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER));
const playerName = z.string().check(
  z.maxLength(PLAYER_NAME_MAX, `must be at most ${PLAYER_NAME_MAX} characters`),
  z.regex(/\S/, 'must not be empty'),
  // eslint-disable-next-line no-control-regex
  z.regex(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/, 'must not contain control characters'),
);
const seatRole = z.enum(SEAT_ROLES);
const hash = z.string().check(z.regex(/^[0-9a-f]{1,32}(-[0-9a-f]{1,32})?$/, 'is not a state hash'));

// ---------------------------------------------------------------- client → server

/**
 * Take a new seat in the room with this code: a player, a read-only projector, or an evaluator
 * (read-only, records observations), who also needs the room's evaluator `key`.
 */
export const joinMsg = z.strictObject({
  t: z.literal('join'),
  v: z.int(),
  room: roomCode,
  name: playerName,
  as: z.enum(['player', 'projector', 'evaluator']),
  key: z.optional(token),
});
/** Come back to an existing seat (after a reload, a blip, a server restart) or, for the facilitator, take the seat. */
export const resumeMsg = z.strictObject({ t: z.literal('resume'), v: z.int(), token });
/** A player picks a free role (null = give it up). Lobby or running. */
export const roleChooseMsg = z.strictObject({
  t: z.literal('role.choose'),
  role: z.nullable(seatRole),
});
/** Facilitator: give a seat a role (taking it from whoever held it) or none. */
export const seatAssignMsg = z.strictObject({
  t: z.literal('seat.assign'),
  seat: seatId,
  role: z.nullable(seatRole),
});
/** Facilitator: remove a seat; its token stops working and its connection is closed. */
export const seatRemoveMsg = z.strictObject({ t: z.literal('seat.remove'), seat: seatId });
/** Facilitator: give a role nobody holds to a bot (or take it back: `bot` null). Lobby or running. */
export const botAssignMsg = z.strictObject({
  t: z.literal('bot.assign'),
  role: seatRole,
  bot: z.nullable(z.enum(BOT_KINDS)),
});
/** Facilitator: start the clock (lobby → running). */
export const sessionStartMsg = z.strictObject({ t: z.literal('session.start') });
/** Facilitator: end the session; the server stores the run and sends `ended`. */
export const sessionEndMsg = z.strictObject({ t: z.literal('session.end') });
/**
 * A game command. `clientSeq` increases by one per command from this seat (it continues from the
 * `lastClientSeq` in `welcome`); the server refuses a seq that does not increase. The role is the
 * seat's; the type and args are checked by the game core.
 */
export const cmdMsg = z.strictObject({
  t: z.literal('cmd'),
  clientSeq,
  type: z.string().check(z.regex(/^[a-z]+\.[A-Za-z]+$/, 'is not a command type')),
  args: z.record(z.string(), z.unknown()),
});
/** A state hash the client computed at one of its run's checkpoints. */
export const checkpointMsg = z.strictObject({ t: z.literal('checkpoint'), tick: z.int(), hash });
/** Ask for the log from `fromSeq` (a gap, or a full re-simulation after `resync`). */
export const syncMsg = z.strictObject({ t: z.literal('sync'), fromSeq: uint });
/**
 * Facilitator: put a discussion question (its index in the level's `discussion`) on every screen
 * — the projector shows it large — or take it down (null). Not part of the log: it changes nothing
 * in the simulation; the team's answer is a `note.add` command carrying the question.
 */
export const discussionShowMsg = z.strictObject({
  t: z.literal('discussion.show'),
  question: z.nullable(z.int().check(z.minimum(0), z.maximum(99))),
});
/**
 * A player's answers to the participant feedback form, once per seat, after the session ended.
 * Stored without the seat (anonymous); answered with `feedback.ok`.
 */
export const feedbackMsg = z.strictObject({ t: z.literal('feedback'), form: feedbackFormSchema });
/**
 * Facilitator: make a new evaluator key for the room (answered with `evaluator.key`). The previous
 * key stops admitting new evaluators; evaluators already seated keep their seats.
 */
export const evaluatorKeyMsg = z.strictObject({ t: z.literal('evaluator.key') });
/**
 * Evaluator: an observation against a capability's critical task (src/game/evaluationGuide.ts),
 * with an HSEEP rating, a note and optionally the log entry it is about. The server stamps the
 * game time. Never applied to the game.
 */
export const observeMsg = z.strictObject({
  t: z.literal('observe'),
  capability: guideIdSchema,
  task: guideIdSchema,
  rating: z.enum(HSEEP_RATINGS),
  note: observationNoteSchema,
  decisionSeq: z.optional(z.int().check(z.minimum(1))),
});
/** Round-trip probe; answered with `pong` carrying the same id. */
export const pingMsg = z.strictObject({ t: z.literal('ping'), id: uint });

export const clientMessageSchema = z.discriminatedUnion('t', [
  joinMsg,
  resumeMsg,
  roleChooseMsg,
  seatAssignMsg,
  seatRemoveMsg,
  botAssignMsg,
  sessionStartMsg,
  sessionEndMsg,
  cmdMsg,
  checkpointMsg,
  syncMsg,
  pingMsg,
  discussionShowMsg,
  feedbackMsg,
  evaluatorKeyMsg,
  observeMsg,
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export const CLIENT_MESSAGE_TYPES = [
  'join',
  'resume',
  'role.choose',
  'seat.assign',
  'seat.remove',
  'bot.assign',
  'session.start',
  'session.end',
  'cmd',
  'checkpoint',
  'sync',
  'ping',
  'discussion.show',
  'feedback',
  'evaluator.key',
  'observe',
] as const satisfies readonly ClientMessage['t'][];

// ---------------------------------------------------------------- server → client
// Server messages are typed here for the client; the server builds them from these types and the
// client trusts their shape (they come from our own server over the same connection).

export interface LocalText {
  ko: string;
  en: string;
}

/** One accepted command of the session log. */
export interface LogEntry {
  seq: number;
  tick: number;
  role: PlayerRole;
  type: string;
  args: Record<string, unknown>;
  /**
   * Seat that sent it, and that seat's clientSeq (so the sender recognises its own command). A
   * bot's command has seat `bot`, an exercise controller's (sent to every room) seat `exercise`;
   * both with clientSeq 0.
   */
  seat: string;
  clientSeq: number;
  /** Only on a bot's command: which bot sent it (the seat is then `bot`). */
  bot?: BotKind;
}

export interface SeatInfo {
  id: string;
  kind: SeatKind;
  /** Player text: always render as text, never as markup. */
  name: string;
  role: PlayerRole | null;
  connected: boolean;
}

export interface SessionInfo {
  code: string;
  level: string;
  /**
   * SHA-256 of the server's level (canonical JSON): a client with another copy would diverge.
   * Always sent by the server; optional only so hand-made test fixtures need not carry it.
   */
  levelSha256?: string;
  seed: number;
  /** Roles the facilitator asked to be filled. */
  roles: SeatRole[];
  state: SessionState;
  runId: number | null;
  /** Roles given to a bot (absent when none; older servers never send it). */
  bots?: Partial<Record<SeatRole, BotKind>>;
}

export type ServerMessage =
  /**
   * The answer to join/resume. `token` only on a new seat (keep it, e.g. in sessionStorage, to
   * resume). `log` is the whole log so far and `ms` the server's engine time: catch up with
   * follower.catchUp(log, ms).
   */
  | {
      t: 'welcome';
      v: number;
      session: SessionInfo;
      seat: SeatInfo;
      token?: string;
      lastClientSeq: number;
      seats: SeatInfo[];
      log: LogEntry[];
      ms: number;
      /** The discussion question on the screens now (discussion.show), if any. */
      discussion?: number | null;
      /** A player seat that already sent its feedback form (after the end). */
      feedbackSent?: boolean;
      /** To evaluator and facilitator seats: the observations recorded so far. */
      observations?: ObservationRecord[];
    }
  /** The roster changed (joins, roles, connections). */
  | { t: 'seats'; seats: SeatInfo[] }
  /** The session's state changed (lobby → running → ended). */
  | { t: 'session'; session: SessionInfo }
  /** An accepted command, to everyone (including the sender). */
  | ({ t: 'cmd' } & LogEntry)
  /** The sender's command was refused by the game core; it is not in the log. */
  | {
      t: 'rejected';
      clientSeq: number;
      type: string;
      code: string;
      params: Record<string, string | number>;
      text: LocalText;
    }
  /**
   * The server's clock: engine time `ms` (tick = floor(ms / 1000)); advance toward it, never past.
   * `pace` (sim s per real s at speed 1) is for display only.
   */
  | {
      t: 'tick';
      ms: number;
      tick: number;
      paused: boolean;
      pace: number;
      /** Sim s per real s the server's clock runs at now, the pacing rule's caps applied (display). */
      rate?: number;
    }
  /** The log from the requested seq (answer to `sync`), with the server's clock. */
  | { t: 'log'; fromSeq: number; entries: LogEntry[]; ms: number }
  /** Your checkpoint hash differed from the server's: re-simulate from the log (`sync` fromSeq 0). */
  | { t: 'resync'; tick: number; text: LocalText }
  /** To the facilitator: a client's hash differed at a checkpoint (it was told to resync). */
  | { t: 'desync'; seat: string; name: string; tick: number; expected: string; got: string }
  /** The session is over; `runId` is the stored, verified run (GET /api/runs/<id>), if any. */
  | {
      t: 'ended';
      reason: 'facilitator' | 'finished' | 'idle';
      runId: number | null;
      finalHash: string;
      endMs: number;
      text: LocalText;
    }
  /** Your seat was removed by the facilitator (the connection closes with code 4000). */
  | { t: 'removed'; text: LocalText }
  | { t: 'pong'; id: number }
  /** The facilitator put a discussion question on the screens (null: took it down). */
  | { t: 'discussion'; question: number | null }
  /** Your feedback form was stored (anonymously). */
  | { t: 'feedback.ok' }
  /** To evaluator and facilitator seats: an observation was recorded (the n-th, from 1). */
  | { t: 'observation'; n: number; observation: ObservationRecord }
  /** To the facilitator who asked: the room's new evaluator key (shown, never stored in clear). */
  | { t: 'evaluator.key'; key: string }
  /** Something about a message was wrong; `field` names the part at fault when there is one. */
  | {
      t: 'error';
      code: ErrorCode;
      text: LocalText;
      field?: string;
      /** The clientSeq of the `cmd` it answers, if it answers one. */
      clientSeq?: number;
    };

export type ServerMessageType = ServerMessage['t'];

export const ERROR_CODES = [
  /** Not JSON, or not an object. */
  'BAD_JSON',
  /** Valid JSON that does not match the schema (field and reason in the text). */
  'BAD_MESSAGE',
  'TOO_LARGE',
  'RATE_LIMITED',
  'UNSUPPORTED_VERSION',
  /** Only join/resume/ping before the connection holds a seat. */
  'NOT_JOINED',
  'ALREADY_JOINED',
  'UNKNOWN_ROOM',
  'BAD_TOKEN',
  'ROOM_FULL',
  'ROOM_ENDED',
  /** The seat may not do that (not the facilitator; a projector sending commands…). */
  'FORBIDDEN',
  'NOT_RUNNING',
  'NO_ROLE',
  'ROLE_TAKEN',
  'ROLE_NOT_IN_SESSION',
  'UNKNOWN_SEAT',
  /** A clientSeq that does not increase (duplicate or reordered send). */
  'OUT_OF_ORDER',
  /** Another connection resumed this seat; this one is closed (code 4001). */
  'SUPERSEDED',
  /** The session is being ended (its run verified and stored): no more commands. */
  'ENDING',
  /** Feedback before the session has ended. */
  'NOT_ENDED',
  /** This seat already sent its feedback form. */
  'ALREADY_SENT',
  /** The server could not store something (e.g. a full disk); the session goes on. */
  'STORAGE_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Close codes the server uses; the client does not reconnect after these. */
export const CLOSE_REMOVED = 4000;
export const CLOSE_SUPERSEDED = 4001;
/** The seat's token is no longer valid (room expired or deleted). */
export const CLOSE_BAD_TOKEN = 4003;

// ---------------------------------------------------------------- parsing

export type ParseResult =
  | { ok: true; message: ClientMessage }
  | { ok: false; code: 'BAD_JSON' | 'BAD_MESSAGE' | 'TOO_LARGE'; field?: string; detail: string };

/** UTF-8 length of a string without allocating (browsers and Node alike). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Names a zod issue path the way the rest of the project does: `args.text.ko`, `seats[2]`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) =>
      typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p as string)}`,
    )
    .join('');
}

/**
 * Why a value failed, in English, from the issue itself (zod/mini carries no message locale, so
 * the reason is spelled out here rather than depending on one being configured).
 */
export function issueReason(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big':
    case 'too_small':
      // Our own check messages ("must be 6 characters") say it best; otherwise the bound.
      if (!/^(Invalid|Too)/.test(issue.message)) return issue.message;
      return issue.code === 'too_big'
        ? `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`
        : `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any accepted shape';
    case 'invalid_format':
    case 'custom':
    default:
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'is invalid';
  }
}

/**
 * Parses one text frame from a client: size first (without parsing), then JSON, then the schema.
 * Never throws; a failure names the field and why.
 */
export function parseClientMessage(text: string): ParseResult {
  const size = utf8Length(text);
  if (size > MAX_MESSAGE_BYTES)
    return {
      ok: false,
      code: 'TOO_LARGE',
      detail: `message is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES}`,
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, code: 'BAD_JSON', detail: `not valid JSON: ${(e as Error).message}` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, code: 'BAD_JSON', detail: 'expected a JSON object with a "t" field' };
  const t = (json as { t?: unknown }).t;
  if (typeof t !== 'string' || !(CLIENT_MESSAGE_TYPES as readonly string[]).includes(t))
    return {
      ok: false,
      code: 'BAD_MESSAGE',
      field: 't',
      detail: `t: ${t === undefined ? 'missing' : `unknown message type ${JSON.stringify(t)}`}; expected one of ${CLIENT_MESSAGE_TYPES.join(', ')}`,
    };
  const r = clientMessageSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    // An unknown key is named as the field at fault, not its parent object.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const field = issuePath(path) || undefined;
    return {
      ok: false,
      code: 'BAD_MESSAGE',
      ...(field ? { field } : {}),
      detail: `${t}: ${field ?? 'message'}: ${issueReason(issue)}`,
    };
  }
  return { ok: true, message: r.data };
}

/** Serialises a server message (one place, so the server and tests agree on the encoding). */
export function encodeServerMessage(m: ServerMessage): string {
  return JSON.stringify(m);
}

/** Parses a server frame on the client; undefined for anything that is not a server message. */
export function decodeServerMessage(text: string): ServerMessage | undefined {
  try {
    const m = JSON.parse(text) as { t?: unknown };
    return m && typeof m === 'object' && typeof m.t === 'string' ? (m as ServerMessage) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a string could be a room code (for a join form: validate before connecting). */
export function isRoomCode(code: string): boolean {
  return roomCode.safeParse(code).success;
}

/** Normalises what a person typed for a room code: upper case, no spaces or dashes. */
export function normaliseRoomCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

// ---------------------------------------------------------------- HTTP: POST /api/sessions

/** Body of POST /api/sessions. */
export const createSessionSchema = z.strictObject({
  level: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'is not a level id')),
  seed: z.optional(z.int().check(z.minimum(0), z.maximum(0xffffffff))),
  roles: z.array(seatRole).check(z.minLength(1, 'must name at least one role')),
});
export type CreateSessionRequest = z.infer<typeof createSessionSchema>;

/** Answer of POST /api/sessions (201). */
export interface CreateSessionResponse {
  code: string;
  /** Resume the facilitator seat with it; shown once, stored only as a hash. */
  facilitatorToken: string;
  /** Absolute join link (from PUBLIC_URL or the request's Host), for the QR code. */
  joinUrl: string;
  /** The same link relative to the site root. */
  joinPath: string;
  wsPath: string;
  level: string;
  seed: number;
  roles: SeatRole[];
}
