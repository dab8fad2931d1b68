// HTTP side of team sessions: POST /api/sessions creates a room. Limited per address (sessions per
// hour, live rooms at once) and globally (MAX_ROOMS); every 429 says when to try again.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Level } from '../../src/game';
import {
  createSessionSchema,
  issuePath,
  issueReason,
  WS_PATH,
  type BotKind,
  type CreateSessionResponse,
  type SeatRole,
} from '../../src/net/protocol.ts';
import { clientProto } from '../clientAddress.ts';
import { HttpError, parseJsonBody, readBody, sendError, sendJson } from '../http.ts';
import type { LevelCache } from './levelCache.ts';
import { WindowCounter } from './limits.ts';
import { DEFAULT_ROOMS_PER_IP, trustedHops, type SessionHubOptions } from './options.ts';

/** Seconds a client is told to wait when an address has its most live rooms (rooms last long). */
const ROOMS_PER_IP_RETRY_S = 300;

export interface RoutesHost {
  readonly levels: LevelCache;
  wallNow(): number;
  log(message: string): void;
  clientIp(req: IncomingMessage): string;
  liveRoomCount(): number;
  liveRoomsOf(ip: string): number;
  createRoom(
    levelId: string,
    level: Level,
    levelSha256: string,
    seed: number,
    roles: SeatRole[],
    wall: number,
    creatorIp: string,
    /** The exercise the room is a team of (exerciseRoutes.ts), and which team; with its bots. */
    exercise?: { id: number; team: number; bots?: Partial<Record<SeatRole, BotKind>> },
  ): { code: string; token: string };
}

export class SessionRoutes {
  readonly creations: WindowCounter;

  constructor(
    private readonly options: SessionHubOptions,
    private readonly host: RoutesHost,
  ) {
    this.creations = new WindowCounter(options.sessionsPerIpHour ?? 30, 60 * 60_000);
  }

  /** Answers /api/sessions; returns false for other paths. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path !== '/api/sessions') return false;
    try {
      if (req.method !== 'POST') {
        sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${path}`, {
          allow: 'POST',
        });
        return true;
      }
      sendJson(res, 201, await this.create(req));
    } catch (e) {
      if (e instanceof HttpError) sendError(res, e.status, e.code, e.message, e.headers);
      else {
        this.host.log(`POST /api/sessions: ${(e as Error).stack ?? String(e)}`);
        sendError(res, 500, 'INTERNAL', 'internal error; no session was created');
      }
    }
    return true;
  }

  private async create(req: IncomingMessage): Promise<CreateSessionResponse> {
    const ip = this.host.clientIp(req);
    const wall = this.host.wallNow();
    if (!this.creations.allowed(ip, wall)) {
      const s = this.creations.retryAfterS(ip, wall);
      throw new HttpError(
        429,
        'RATE_LIMITED',
        `too many sessions created from this address; try again in ${s} s`,
        { 'retry-after': String(s) },
      );
    }
    const cap = this.options.roomsPerIp ?? DEFAULT_ROOMS_PER_IP;
    if (this.host.liveRoomsOf(ip) >= cap)
      throw new HttpError(
        429,
        'RATE_LIMITED',
        `this address already runs ${cap} live rooms (the most one address may); end one first`,
        { 'retry-after': String(ROOMS_PER_IP_RETRY_S) },
      );
    const json = parseJsonBody(await readBody(req, 4096), 'a session to create');
    const parsed = createSessionSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issuePath(issue.path) || 'body';
      throw new HttpError(400, 'BAD_SESSION', `${field}: ${issueReason(issue)}`);
    }
    const { level: levelId, roles } = parsed.data;
    if (new Set(roles).size !== roles.length)
      throw new HttpError(400, 'BAD_SESSION', 'roles: each role at most once');
    const lv = this.host.levels.get(levelId);
    if (!lv.ok) throw new HttpError(lv.code === 'UNKNOWN_LEVEL' ? 422 : 500, lv.code, lv.message);
    if (this.host.liveRoomCount() >= (this.options.maxRooms ?? 500))
      throw new HttpError(
        503,
        'TOO_MANY_ROOMS',
        'this server runs as many rooms as it can; try later',
        { 'retry-after': String(ROOMS_PER_IP_RETRY_S) },
      );
    this.creations.record(ip, wall);
    const seed = parsed.data.seed ?? randomSeed();
    const created = this.host.createRoom(
      levelId,
      lv.level,
      lv.sha256,
      seed,
      roles as SeatRole[],
      wall,
      ip,
    );
    const joinPath = `/?join=${created.code}`;
    // Behind a trusted TLS proxy the request itself is plain HTTP; the proxy says what it was.
    const base =
      this.options.publicUrl?.replace(/\/+$/, '') ??
      `${clientProto(req, trustedHops(this.options))}://${req.headers.host ?? 'localhost'}`;
    return {
      code: created.code,
      facilitatorToken: created.token,
      joinUrl: `${base}${joinPath}`,
      joinPath,
      wsPath: WS_PATH,
      level: levelId,
      seed,
      roles: roles as SeatRole[],
    };
  }
}

function randomSeed(): number {
  // Not security-relevant: any uint32 seeds a fresh day.
  return Math.floor(Math.random() * 0x100000000) >>> 0;
}
