/**
 * The exercise API (docs/PROTOCOL.md "Exercises"): one controller running several team rooms on
 * the same level and seed. Request bodies as zod/mini schemas (shared by the server, the
 * browser console and the tests) and the answers as types. Apart from protocol.ts so the solo
 * game's first download does not carry it: only the exercise console imports it.
 */
import { z } from 'zod/mini';
import { CUSTOM_INJECT_TEXT_MAX } from '../game/commandSchema';
import { BOT_KINDS, SEAT_ROLES, type BotKind, type SeatRole, type SessionState } from './protocol';

/** Most teams (rooms) one exercise may have: one address's live-room cap (ROOMS_PER_IP, 20). */
export const EXERCISE_TEAMS_MAX = 20;
export const EXERCISE_NAME_MAX = 80;

const seatRole = z.enum(SEAT_ROLES);
const roomCode = z
  .string()
  .check(z.regex(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/, 'is not a code'));

/** Body of POST /api/exercises. */
export const createExerciseSchema = z.strictObject({
  level: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'is not a level id')),
  seed: z.optional(z.int().check(z.minimum(0), z.maximum(0xffffffff))),
  teams: z
    .int()
    .check(
      z.minimum(1, 'must be at least 1'),
      z.maximum(EXERCISE_TEAMS_MAX, `must be at most ${EXERCISE_TEAMS_MAX}`),
    ),
  roles: z.array(seatRole).check(z.minLength(1, 'must name at least one role')),
  name: z.string().check(
    z.maxLength(EXERCISE_NAME_MAX, `must be at most ${EXERCISE_NAME_MAX} characters`),
    z.regex(/\S/, 'must not be empty'),
    // eslint-disable-next-line no-control-regex
    z.regex(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/, 'must not contain control characters'),
  ),
  /** Bots for roles in every room from the start (the console can change them per room). */
  bots: z.optional(z.partialRecord(seatRole, z.enum(BOT_KINDS))),
});
export type CreateExerciseRequest = z.infer<typeof createExerciseSchema>;

export interface ExerciseRoomCreated {
  code: string;
  /** This room's facilitator token: shown once, stored hashed (like a session's). */
  facilitatorToken: string;
  joinUrl: string;
}

/** Answer of POST /api/exercises (201). */
export interface CreateExerciseResponse {
  code: string;
  /** Bearer token of GET /api/exercises/<code> and its actions: shown once, stored hashed. */
  controllerToken: string;
  name: string;
  level: string;
  seed: number;
  roles: SeatRole[];
  rooms: ExerciseRoomCreated[];
}

const customLine = z
  .string()
  .check(z.maxLength(CUSTOM_INJECT_TEXT_MAX), z.regex(/\S/, 'must not be empty'));

/** Body of POST /api/exercises/<code>/actions: one action, applied to every room (or one). */
export const exerciseActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('end') }),
  z.strictObject({
    action: z.literal('inject'),
    to: z.enum(['commander', 'network', 'security', 'systems', 'comms', 'all']),
    text: z.strictObject({ ko: customLine, en: customLine }),
  }),
  z.strictObject({
    action: z.literal('bot'),
    room: roomCode,
    role: seatRole,
    bot: z.nullable(z.enum(BOT_KINDS)),
  }),
]);
export type ExerciseAction = z.infer<typeof exerciseActionSchema>;

/** What one action did in each room: applied, or refused with the reason (the room's own). */
export interface ExerciseActionResult {
  action: ExerciseAction['action'];
  rooms: { room: string; ok: boolean; error?: { code: string; message: string } }[];
}

export interface RoomWarning {
  kind: 'unanswered' | 'desync' | 'nobody' | 'refused';
  /** Seconds of game time it has been so (unanswered), the seat (desync), the command (refused). */
  detail: string;
}

export interface RoomActionLine {
  seq: number;
  tick: number;
  role: string;
  type: string;
  /** Who sent it: a seat's name, `bot:<kind>` or `exercise`. */
  by: string;
  bot?: BotKind;
}

/** One room in GET /api/exercises/<code>. */
export interface ExerciseRoomStatus {
  code: string;
  team: number;
  state: SessionState;
  /** Engine time (ms since the level's start day 00:00 KST in the engine's reckoning). */
  ms: number;
  tick: number;
  paused: boolean;
  /** Player seats connected, and seats in all (projectors included). */
  players: { connected: number; seats: number };
  /** Who holds each of the exercise's roles: a player's name, a bot, or nobody. */
  roles: { role: SeatRole; holder: string | null; bot?: BotKind }[];
  outage: { outage: boolean; subscribersOnlinePct: number; dnsSuccessPct: number };
  /** Subscribers online (%) sampled every 5 sim minutes: [tick, pct] pairs. */
  curve: [number, number][];
  score: { total: number; parts: Record<string, number> };
  /** When each knowledge flag was reached (tick), the key times of the comparison board. */
  keyTimes: Record<string, number>;
  lastActions: RoomActionLine[];
  warnings: RoomWarning[];
  runId: number | null;
}

/** The historical response on the same seed, scored like a team (the comparison board's last row). */
export interface HistoricalBaseline {
  score: { total: number; parts: Record<string, number> };
  keyTimes: Record<string, number>;
}

/** GET /api/exercises/<code>. */
export interface ExerciseStatus {
  code: string;
  name: string;
  level: string;
  seed: number;
  roles: SeatRole[];
  createdAt: string;
  /** The level's first and last tick (the x axis of the rooms' curves). */
  span: { start: number; end: number };
  rooms: ExerciseRoomStatus[];
  /** Null until computed (it takes a worker a couple of seconds; asked for with ?history=1). */
  historical: HistoricalBaseline | null;
}

export type { BotKind };
