// One team session: the authoritative run, its seats and its log (DESIGN.md §7, docs/PROTOCOL.md).
//
// The room is the only place the session changes. A command is checked by the game core with the
// role of the sender's seat, at the room's "now" (applyCommand without a tick: ceil(engine ms /
// 1000)); accepted ones get the next seq, are written to SQLite, then broadcast. The pacing timer
// (hub) advances running rooms with advanceReal and broadcasts the clock. Nothing here throws at a
// client: every refusal is an error frame to the sender alone.
import {
  advanceReal,
  applyCommand,
  hashGame,
  OBSERVATIONS_MAX,
  OBSERVATION_RECORD_VERSION,
  findTask,
  type Level,
  type ObservationRecord,
  type Player,
  type PlayerRole,
  type Run,
} from '../../src/game';
import {
  CLOSE_REMOVED,
  PROTOCOL_VERSION,
  encodeServerMessage,
  type ClientMessage,
  type BotKind,
  type ErrorCode,
  type LogEntry,
  type SeatInfo,
  type SeatKind,
  type SeatRole,
  type ServerMessage,
  type SessionInfo,
  type SessionState,
} from '../../src/net/protocol.ts';
import type { SessionEndInput, SessionEndOutcome } from '../verifyJob.ts';
import { botDecisions } from './botPolicy.ts';
import type { SessionStore } from './store.ts';
import type { ReviewStore } from './reviewStore.ts';
import type { FeedbackForm } from '../../src/aar/exerciseRecords.ts';
import { feedbackIsEmpty } from '../../src/aar/exerciseRecords.ts';
import { errorText, TEXT } from './text.ts';
import { newToken, tokenHash } from './secrets.ts';
import { renderRejection } from '../../src/i18n/rejection.ts';

/** A connection as the room sees it: send text, close, and which seat it holds. */
export interface Conn {
  send(text: string): void;
  close(code: number, reason: string): void;
  seat: Seat | undefined;
  room: Room | undefined;
}

export interface Seat {
  id: string;
  kind: SeatKind;
  name: string;
  role: PlayerRole | null;
  tokenHash: string;
  removed: boolean;
  conn: Conn | undefined;
  /** Highest clientSeq seen from this seat (accepted or not): a command must go above it. */
  lastClientSeq: number;
}

export type EndReason = 'facilitator' | 'finished' | 'idle';

/** Seats per room: six roles, projectors and a few observers; beyond it joins are refused. */
export const MAX_SEATS = 40;
/** After a failed end (storage), the level's own end is retried this much later. */
export const END_RETRY_MS = 10_000;
/** A tick frame at least this often, even paused: the clients' liveness signal. */
export const HEARTBEAT_MS = 5000;

export interface RoomInit {
  id: number;
  code: string;
  level: Level;
  levelSha256: string;
  seed: number;
  roles: SeatRole[];
  state: SessionState;
  run: Run;
  seats: Seat[];
  log: LogEntry[];
  runId: number | null;
  /** The exercise this room is a team of, and which team (1…); absent for a lone session. */
  exerciseId?: number | null;
  team?: number | null;
  bots?: Partial<Record<SeatRole, BotKind>>;
  /** SHA-256 of the room's evaluator key (null: none made yet). */
  evaluatorHash?: string | null;
  /** The evaluators' observations so far, in the order recorded. */
  observations?: ObservationRecord[];
}

/** Who sent a command: a player's seat, a bot, or the exercise controller. */
export type Sender =
  | { kind: 'seat'; seat: Seat; clientSeq: number }
  | { kind: 'bot'; bot: BotKind }
  | { kind: 'exercise' };

export type SubmitResult =
  | { ok: true; entry: LogEntry }
  | { ok: false; code: string; params: Record<string, string | number> };

/** Subscribers online (%) is sampled this often (sim s) for the exercise console's curve. */
export const CURVE_EVERY_S = 300;
/** A desync reported this recently (wall ms) is a warning on the exercise console. */
export const DESYNC_WARN_MS = 60_000;

export class Room {
  readonly id: number;
  readonly code: string;
  readonly level: Level;
  readonly levelSha256: string;
  readonly seed: number;
  readonly roles: SeatRole[];
  state: SessionState;
  run: Run;
  readonly seats = new Map<string, Seat>();
  readonly log: LogEntry[];
  runId: number | null;
  /** Wall time (ms) of the last pacing step, of the last tick frame, of the last activity. */
  lastPaceWall = 0;
  lastTickSentWall = 0;
  lastActiveWall: number;
  endedWall: number | undefined;
  /** Engine ms last written to SQLite. */
  persistedMs: number;
  private lastSentMs = -1;
  /**
   * Set while the session's final run is being made, verified and stored (off the event loop):
   * the log is closed and the clock stands still, but the room is not ended until it is stored.
   */
  ending = false;
  /** After a failed end, the pacing timer's own end is not tried again before this wall time. */
  private endRetryWall = 0;
  /** The engine time the session ended at (the finished run's), once ended. */
  private finalMs: number | undefined;
  /** The discussion question on the screens (discussion.show); in memory only, like a slide. */
  shownQuestion: number | null = null;
  /** Where feedback and the improvement plan are kept (set by the hub; absent in bare tests). */
  reviews: ReviewStore | undefined;
  readonly exerciseId: number | null;
  readonly team: number | null;
  /** SHA-256 of the evaluator key (joins as evaluator need it); null until the facilitator makes one. */
  evaluatorHash: string | null;
  /** The evaluators' observations, in the order recorded: the run file's `observations`. */
  readonly observations: ObservationRecord[];
  /** Roles played by a bot (never held by a seat at the same time). */
  readonly bots = new Map<SeatRole, BotKind>();
  /** Each bot's previous decision tick (exclusive lower bound of what it decides next). */
  private readonly botSince = new Map<SeatRole, number>();
  /** Subscribers online sampled every CURVE_EVERY_S sim s: [tick, %] (in memory; for the console). */
  readonly curve: [number, number][] = [];
  /** Seats whose last checkpoint differed, with the wall time (for the console's warnings). */
  readonly desyncs = new Map<string, { name: string; tick: number; wall: number }>();
  /** The latest refused bot or controller commands (newest last, a few). */
  readonly refused: { tick: number; role: string; type: string; code: string; sender: string }[] =
    [];

  constructor(
    init: RoomInit,
    private readonly store: SessionStore,
    private readonly hooks: {
      /** A seat's token stops working (removed seat). */
      revoke(tokenHash: string): void;
      log(message: string): void;
      /** Plays the log to the level's end and verifies it (the hub's worker pool). */
      finish(input: SessionEndInput): Promise<SessionEndOutcome>;
    },
    wallNow: number,
  ) {
    this.id = init.id;
    this.code = init.code;
    this.level = init.level;
    this.levelSha256 = init.levelSha256;
    this.seed = init.seed;
    this.roles = init.roles;
    this.state = init.state;
    this.run = init.run;
    this.log = init.log;
    this.runId = init.runId;
    for (const s of init.seats) this.seats.set(s.id, s);
    this.lastActiveWall = wallNow;
    this.lastPaceWall = wallNow;
    this.persistedMs = init.run.state.engine.tMs;
    this.exerciseId = init.exerciseId ?? null;
    this.team = init.team ?? null;
    this.evaluatorHash = init.evaluatorHash ?? null;
    this.observations = [...(init.observations ?? [])];
    for (const [role, kind] of Object.entries(init.bots ?? {}) as [SeatRole, BotKind][]) {
      this.bots.set(role, kind);
      this.botSince.set(role, this.botStartTick());
    }
    this.sample();
  }

  /** A bot taking a role now decides from the next tick on (in the lobby: from the first). */
  private botStartTick(): number {
    return this.run.state.tick - (this.state === 'lobby' ? 1 : 0);
  }

  get ms(): number {
    return this.finalMs ?? this.run.state.engine.tMs;
  }

  info(): SessionInfo {
    return {
      code: this.code,
      level: this.level.meta.id,
      levelSha256: this.levelSha256,
      seed: this.seed,
      roles: [...this.roles],
      state: this.state,
      runId: this.runId,
      ...(this.bots.size > 0 ? { bots: Object.fromEntries(this.bots) } : {}),
    };
  }

  seatInfo(s: Seat): SeatInfo {
    return { id: s.id, kind: s.kind, name: s.name, role: s.role, connected: s.conn !== undefined };
  }

  seatList(): SeatInfo[] {
    return [...this.seats.values()].filter((s) => !s.removed).map((s) => this.seatInfo(s));
  }

  connectedCount(): number {
    let n = 0;
    for (const s of this.seats.values()) if (s.conn) n++;
    return n;
  }

  /** The next public seat id. */
  nextSeatId(): string {
    return `s${this.seats.size + 1}`;
  }

  // ------------------------------------------------------------ sending

  send(conn: Conn | undefined, m: ServerMessage): void {
    if (conn) conn.send(encodeServerMessage(m));
  }

  broadcast(m: ServerMessage, only?: (s: Seat) => boolean): void {
    const text = encodeServerMessage(m);
    for (const s of this.seats.values()) if (s.conn && (!only || only(s))) s.conn.send(text);
  }

  error(
    conn: Conn,
    code: ErrorCode,
    detail?: string,
    extra: { field?: string; clientSeq?: number } = {},
  ) {
    this.send(conn, { t: 'error', code, text: errorText(code, detail), ...extra });
  }

  // ------------------------------------------------------------ seats and connections

  /** Attaches a connection to a seat (join or resume) and sends the welcome. */
  attach(conn: Conn, seat: Seat, token: string | undefined, wallNow: number): void {
    const previous = seat.conn;
    if (previous && previous !== conn) {
      previous.seat = undefined;
      previous.room = undefined;
      this.error(previous, 'SUPERSEDED');
      previous.close(4001, 'superseded');
    }
    seat.conn = conn;
    conn.seat = seat;
    conn.room = this;
    this.lastActiveWall = wallNow;
    this.send(conn, {
      t: 'welcome',
      v: PROTOCOL_VERSION,
      session: this.info(),
      seat: this.seatInfo(seat),
      ...(token ? { token } : {}),
      lastClientSeq: seat.lastClientSeq,
      seats: this.seatList(),
      log: this.log,
      ms: this.ms,
      discussion: this.shownQuestion,
      ...(seat.kind === 'player' && this.state === 'ended' && this.reviews
        ? { feedbackSent: this.reviews.hasSent(this.id, seat.id) }
        : {}),
      ...(seesObservations(seat) ? { observations: this.observations } : {}),
    });
    this.broadcast({ t: 'seats', seats: this.seatList() }, (s) => s !== seat);
  }

  /** A connection closed. */
  detach(conn: Conn, wallNow: number): void {
    const seat = conn.seat;
    conn.seat = undefined;
    conn.room = undefined;
    if (seat && seat.conn === conn) {
      seat.conn = undefined;
      this.lastActiveWall = wallNow;
      this.broadcast({ t: 'seats', seats: this.seatList() });
    }
  }

  // ------------------------------------------------------------ messages

  /** Handles a parsed message from a connection that holds a seat in this room. */
  handle(conn: Conn, m: ClientMessage, wallNow: number): void {
    const seat = conn.seat!;
    this.lastActiveWall = wallNow;
    switch (m.t) {
      case 'join':
      case 'resume':
        return this.error(conn, 'ALREADY_JOINED', `this connection already holds seat ${seat.id}`);
      case 'ping':
        return this.send(conn, { t: 'pong', id: m.id });
      case 'sync': {
        const from = Math.max(1, m.fromSeq);
        return this.send(conn, {
          t: 'log',
          fromSeq: from,
          entries: this.log.slice(from - 1),
          ms: this.ms,
        });
      }
      case 'checkpoint':
        return this.checkpoint(conn, seat, m.tick, m.hash);
      case 'role.choose':
        return this.chooseRole(conn, seat, m.role);
      case 'seat.assign':
        return this.assign(conn, seat, m.seat, m.role);
      case 'seat.remove':
        return this.remove(conn, seat, m.seat);
      case 'bot.assign': {
        if (!this.isFacilitator(conn, seat, 'bot.assign')) return;
        const refused = this.setBot(m.role, m.bot);
        if (refused) this.error(conn, refused.code, refused.detail, { field: 'role' });
        return;
      }
      case 'session.start':
        return this.start(conn, seat, wallNow);
      case 'session.end':
        if (!this.isFacilitator(conn, seat, 'session.end')) return;
        if (this.state === 'ended') return this.error(conn, 'ROOM_ENDED');
        if (this.ending) return this.error(conn, 'ENDING');
        return this.end('facilitator', wallNow, conn);
      case 'cmd':
        return this.command(conn, seat, m);
      case 'discussion.show':
        return this.showQuestion(conn, seat, m.question);
      case 'feedback':
        return this.feedback(conn, seat, m.form);
      case 'evaluator.key':
        return this.newEvaluatorKey(conn, seat);
      case 'observe':
        return this.observe(conn, seat, m);
    }
  }

  /** Facilitator: a new evaluator key, sent to the asker only; the database keeps its hash. */
  private newEvaluatorKey(conn: Conn, seat: Seat): void {
    if (!this.isFacilitator(conn, seat, 'evaluator.key')) return;
    if (this.state === 'ended') return this.error(conn, 'ROOM_ENDED');
    const key = newToken();
    const hash = tokenHash(key);
    try {
      this.store.setEvaluatorKey(this.id, hash);
    } catch (e) {
      this.store.noteError(e);
      return this.error(conn, 'STORAGE_FAILED', (e as Error).message);
    }
    this.evaluatorHash = hash;
    this.hooks.log(`room ${this.code}: new evaluator key`);
    this.send(conn, { t: 'evaluator.key', key });
  }

  /** Whether `key` is this room's evaluator key (none made yet: nothing is). */
  evaluatorKeyMatches(key: string | undefined): boolean {
    return (
      key !== undefined && this.evaluatorHash !== null && tokenHash(key) === this.evaluatorHash
    );
  }

  /**
   * An evaluator's observation: checked (a task of the evaluation guide, a decision in the log,
   * the room's limit), stamped with the room's game time, stored, then sent to the evaluators and
   * the facilitator. It never touches the run: the game, its hashes and its score are unchanged.
   */
  private observe(conn: Conn, seat: Seat, m: Extract<ClientMessage, { t: 'observe' }>): void {
    if (seat.kind !== 'evaluator')
      return this.error(conn, 'FORBIDDEN', `${aSeat(seat.kind)} does not record observations`, {
        field: 't',
      });
    if (this.state === 'ended') return this.error(conn, 'ROOM_ENDED', undefined, { field: 't' });
    if (this.ending) return this.error(conn, 'ENDING', undefined, { field: 't' });
    if (this.state === 'lobby') return this.error(conn, 'NOT_RUNNING', undefined, { field: 't' });
    if (!findTask(m.capability, m.task))
      return this.error(
        conn,
        'BAD_MESSAGE',
        `task: "${m.task}" is not a critical task of capability "${m.capability}" in the evaluation guide`,
        { field: 'task' },
      );
    if (m.decisionSeq !== undefined && m.decisionSeq > this.log.length)
      return this.error(
        conn,
        'BAD_MESSAGE',
        `decisionSeq: ${m.decisionSeq} — the log has ${this.log.length} commands`,
        { field: 'decisionSeq' },
      );
    if (this.observations.length >= OBSERVATIONS_MAX)
      return this.error(
        conn,
        'FORBIDDEN',
        `this session already has ${OBSERVATIONS_MAX} observations, the most it keeps`,
        { field: 't' },
      );
    const record: ObservationRecord = {
      v: OBSERVATION_RECORD_VERSION,
      // The tick a command sent now would get: never before the decision it is about.
      tick: Math.ceil(this.run.state.engine.tMs / 1000),
      capability: m.capability,
      task: m.task,
      rating: m.rating,
      note: m.note.normalize('NFC'),
      ...(m.decisionSeq !== undefined ? { decisionSeq: m.decisionSeq } : {}),
    };
    const n = this.observations.length + 1;
    try {
      this.store.addObservation(this.id, n, record, seat.id);
    } catch (e) {
      this.store.noteError(e);
      return this.error(conn, 'STORAGE_FAILED', (e as Error).message);
    }
    this.observations.push(record);
    this.broadcast({ t: 'observation', n, observation: record }, seesObservations);
  }

  private showQuestion(conn: Conn, seat: Seat, question: number | null): void {
    if (!this.isFacilitator(conn, seat, 'discussion.show')) return;
    if (this.state === 'ended') return this.error(conn, 'ROOM_ENDED');
    if (question !== null && question >= this.level.discussion.length)
      return this.error(
        conn,
        'BAD_MESSAGE',
        `question: ${question} is not a discussion question of this level (it has ${this.level.discussion.length})`,
        { field: 'question' },
      );
    this.shownQuestion = question;
    this.broadcast({ t: 'discussion', question });
  }

  /** A player's feedback form: after the end only, one per seat, stored without the seat. */
  private feedback(conn: Conn, seat: Seat, form: FeedbackForm): void {
    if (seat.kind !== 'player')
      return this.error(conn, 'FORBIDDEN', `${aSeat(seat.kind)} does not send feedback`, {
        field: 't',
      });
    if (this.state !== 'ended') return this.error(conn, 'NOT_ENDED', undefined, { field: 't' });
    if (feedbackIsEmpty(form))
      return this.error(conn, 'BAD_MESSAGE', 'form: rate a statement or write an answer', {
        field: 'form',
      });
    const reviews = this.reviews;
    if (!reviews) return this.error(conn, 'INTERNAL', 'feedback is not stored by this server');
    let stored: boolean;
    try {
      stored = reviews.addFeedback(this.id, seat.id, form);
    } catch (e) {
      this.store.noteError(e);
      return this.error(conn, 'STORAGE_FAILED', (e as Error).message);
    }
    if (!stored) return this.error(conn, 'ALREADY_SENT', undefined, { field: 't' });
    this.hooks.log(`room ${this.code}: feedback received`);
    this.send(conn, { t: 'feedback.ok' });
  }

  private isFacilitator(conn: Conn, seat: Seat, what: string): boolean {
    if (seat.kind === 'facilitator') return true;
    this.error(conn, 'FORBIDDEN', `only the facilitator may send ${what}`, { field: 't' });
    return false;
  }

  private holderOf(role: PlayerRole): Seat | undefined {
    for (const s of this.seats.values()) if (!s.removed && s.role === role) return s;
    return undefined;
  }

  private persistSeats(seats: Seat[]): void {
    this.store.updateSeats(
      this.id,
      seats.map((s) => ({ seat: s.id, role: s.role, removed: s.removed })),
    );
  }

  private chooseRole(conn: Conn, seat: Seat, role: SeatRole | null): void {
    if (this.state === 'ended') return this.error(conn, 'ROOM_ENDED');
    if (seat.kind !== 'player')
      return this.error(conn, 'FORBIDDEN', `${aSeat(seat.kind)} does not take a team role`, {
        field: 'role',
      });
    if (role !== null) {
      if (!this.roles.includes(role))
        return this.error(
          conn,
          'ROLE_NOT_IN_SESSION',
          `role: "${role}" (this session has ${this.roles.join(', ')})`,
          { field: 'role' },
        );
      const holder = this.holderOf(role);
      if (holder && holder !== seat)
        return this.error(conn, 'ROLE_TAKEN', `role: "${role}" is held by ${holder.name}`, {
          field: 'role',
        });
      if (this.bots.has(role))
        return this.error(conn, 'ROLE_TAKEN', `role: "${role}" is played by a bot`, {
          field: 'role',
        });
    }
    seat.role = role;
    this.persistSeats([seat]);
    this.broadcast({ t: 'seats', seats: this.seatList() });
  }

  private assign(conn: Conn, seat: Seat, targetId: string, role: SeatRole | null): void {
    if (!this.isFacilitator(conn, seat, 'seat.assign')) return;
    if (this.state === 'ended') return this.error(conn, 'ROOM_ENDED');
    const target = this.seats.get(targetId);
    if (!target || target.removed)
      return this.error(conn, 'UNKNOWN_SEAT', `seat: "${targetId}"`, { field: 'seat' });
    if (target.kind !== 'player')
      return this.error(conn, 'FORBIDDEN', `seat: ${targetId} is ${aSeat(target.kind)}`, {
        field: 'seat',
      });
    if (role !== null && !this.roles.includes(role))
      return this.error(conn, 'ROLE_NOT_IN_SESSION', `role: "${role}"`, { field: 'role' });
    if (role !== null && this.bots.has(role))
      return this.error(
        conn,
        'ROLE_TAKEN',
        `role: "${role}" is played by a bot; take it back from the bot first`,
        { field: 'role' },
      );
    const changed = [target];
    const holder = role === null ? undefined : this.holderOf(role);
    if (holder && holder !== target) {
      holder.role = null;
      changed.push(holder);
    }
    target.role = role;
    this.persistSeats(changed);
    this.broadcast({ t: 'seats', seats: this.seatList() });
  }

  private remove(conn: Conn, seat: Seat, targetId: string): void {
    if (!this.isFacilitator(conn, seat, 'seat.remove')) return;
    const target = this.seats.get(targetId);
    if (!target || target.removed)
      return this.error(conn, 'UNKNOWN_SEAT', `seat: "${targetId}"`, { field: 'seat' });
    if (target.kind === 'facilitator')
      return this.error(conn, 'FORBIDDEN', 'seat: the facilitator’s own seat cannot be removed', {
        field: 'seat',
      });
    target.removed = true;
    target.role = null;
    this.persistSeats([target]);
    this.hooks.revoke(target.tokenHash);
    const c = target.conn;
    if (c) {
      this.send(c, { t: 'removed', text: { ...TEXT.removed } });
      target.conn = undefined;
      c.seat = undefined;
      c.room = undefined;
      c.close(CLOSE_REMOVED, 'removed');
    }
    this.broadcast({ t: 'seats', seats: this.seatList() });
  }

  private start(conn: Conn, seat: Seat, wallNow: number): void {
    if (!this.isFacilitator(conn, seat, 'session.start')) return;
    if (this.state === 'ended') return this.error(conn, 'ROOM_ENDED');
    if (this.state === 'running')
      return this.error(conn, 'FORBIDDEN', 'the session has already started');
    this.startNow(wallNow);
  }

  /** Lobby → running (the facilitator's start, or an exercise controller's start of all rooms). */
  startNow(wallNow: number): void {
    this.state = 'running';
    this.lastPaceWall = wallNow;
    this.store.setState(this.id, 'running', this.ms);
    this.hooks.log(`room ${this.code}: started`);
    this.broadcast({ t: 'session', session: this.info() });
  }

  private command(conn: Conn, seat: Seat, m: Extract<ClientMessage, { t: 'cmd' }>): void {
    const ref = { clientSeq: m.clientSeq };
    if (m.clientSeq <= seat.lastClientSeq)
      return this.error(
        conn,
        'OUT_OF_ORDER',
        `clientSeq: ${m.clientSeq} is not above ${seat.lastClientSeq}, the last one from this seat`,
        { field: 'clientSeq', ...ref },
      );
    seat.lastClientSeq = m.clientSeq;
    if (this.state === 'ended') return this.error(conn, 'ROOM_ENDED', undefined, ref);
    if (this.ending) return this.error(conn, 'ENDING', undefined, ref);
    if (this.state === 'lobby') return this.error(conn, 'NOT_RUNNING', undefined, ref);
    if (seat.kind === 'projector')
      return this.error(conn, 'FORBIDDEN', 'a projector seat is read-only', ref);
    if (seat.kind === 'evaluator')
      return this.error(
        conn,
        'FORBIDDEN',
        'an evaluator seat is read-only: it records observations (observe) and sends no game commands',
        { field: 't', ...ref },
      );
    if (seat.role === null) return this.error(conn, 'NO_ROLE', undefined, ref);
    // The role is the seat's, never the client's: the core checks what this role may do.
    const r = this.submit(seat.role, m.type, m.args, {
      kind: 'seat',
      seat,
      clientSeq: m.clientSeq,
    });
    if (!r.ok) {
      const rejection = { code: r.code, params: r.params } as Parameters<typeof renderRejection>[0];
      return this.send(conn, {
        t: 'rejected',
        clientSeq: m.clientSeq,
        type: m.type,
        code: r.code,
        params: r.params,
        text: { ko: renderRejection(rejection, 'ko'), en: renderRejection(rejection, 'en') },
      });
    }
  }

  /**
   * The one path every command takes, whoever sent it (a player's seat, a bot, the exercise
   * controller): the game core checks it with `role` at the room's now; an accepted command gets
   * the next seq, is stored, then broadcast. A refused bot or controller command is stored among
   * the session's refusals (a player's refusal is answered to the player instead).
   */
  submit(role: PlayerRole, type: string, args: Record<string, unknown>, by: Sender): SubmitResult {
    const r = applyCommand(this.run, { role, type, args });
    if (!r.outcome.ok) {
      const rejection = r.outcome.rejection;
      if (by.kind !== 'seat') {
        const sender = by.kind === 'bot' ? `bot:${by.bot}` : 'exercise';
        const tick = Math.ceil(this.run.state.engine.tMs / 1000);
        this.store.addRefusal(this.id, { tick, role, type, args, sender, code: rejection.code });
        this.refused.push({ tick, role, type, code: rejection.code, sender });
        if (this.refused.length > 20) this.refused.shift();
        this.hooks.log(`room ${this.code}: ${sender} ${role} ${type} refused (${rejection.code})`);
      }
      return { ok: false, code: rejection.code, params: rejection.params };
    }
    const logged = r.run.log.at(-1)!;
    const entry: LogEntry = {
      seq: this.log.length + 1,
      tick: logged.tick,
      role,
      type,
      args,
      seat: by.kind === 'seat' ? by.seat.id : by.kind,
      clientSeq: by.kind === 'seat' ? by.clientSeq : 0,
      ...(by.kind === 'bot' ? { bot: by.bot } : {}),
    };
    // Written before it is broadcast: whatever anyone saw survives a crash.
    this.store.appendLog(this.id, entry, r.run.state.engine.tMs);
    this.persistedMs = r.run.state.engine.tMs;
    // The server keeps no rejection history (the core appends refusals to it; views use it).
    this.run = { ...r.run, rejections: [] };
    this.log.push(entry);
    this.broadcast({ t: 'cmd', ...entry });
    return { ok: true, entry };
  }

  /**
   * Gives a role nobody holds to a bot, or takes it back (`kind` null). Refused with the reason
   * (an error code and a detail naming the role) when the role is not in the session, a seat
   * holds it, or the session has ended.
   */
  setBot(role: SeatRole, kind: BotKind | null): { code: ErrorCode; detail: string } | undefined {
    if (this.state === 'ended') return { code: 'ROOM_ENDED', detail: 'the session has ended' };
    if (!this.roles.includes(role))
      return {
        code: 'ROLE_NOT_IN_SESSION',
        detail: `role: "${role}" (this session has ${this.roles.join(', ')})`,
      };
    const holder = this.holderOf(role);
    if (kind !== null && holder)
      return { code: 'ROLE_TAKEN', detail: `role: "${role}" is held by ${holder.name}` };
    if (kind === null) {
      this.bots.delete(role);
      this.botSince.delete(role);
    } else {
      if (this.bots.get(role) !== kind) this.botSince.set(role, this.botStartTick());
      this.bots.set(role, kind);
    }
    this.store.setBots(this.id, Object.fromEntries(this.bots));
    this.hooks.log(
      `room ${this.code}: ${role} ${kind ? `given to the ${kind} bot` : 'bot removed'}`,
    );
    this.broadcast({ t: 'session', session: this.info() });
    return undefined;
  }

  /** The bots' turn: each decides from the run as it stands (botPolicy.ts) and submits. */
  private runBots(): void {
    if (this.bots.size === 0 || this.run.state.clock.paused) return;
    for (const [role, kind] of this.bots) {
      const since = this.botSince.get(role) ?? this.run.state.tick;
      const decisions = botDecisions(kind, role, this.run, since);
      this.botSince.set(role, this.run.state.tick);
      for (const d of decisions) this.submit(role, d.type, d.args, { kind: 'bot', bot: kind });
    }
  }

  /** Samples subscribers online for the console's curve when a CURVE_EVERY_S mark has passed. */
  private sample(): void {
    const tick = this.run.state.tick;
    const last = this.curve.at(-1);
    if (last && Math.floor(tick / CURVE_EVERY_S) === Math.floor(last[0] / CURVE_EVERY_S)) return;
    this.curve.push([tick, Math.round(this.run.state.engine.m.subscribersOnlinePct * 10) / 10]);
  }

  private checkpoint(conn: Conn, seat: Seat, tick: number, hash: string): void {
    // A client is never ahead of the server, so the server has every checkpoint a client reports.
    const mine = this.run.checkpoints.find((c) => c.tick === tick);
    if (!mine || mine.hash === hash) return;
    this.hooks.log(`room ${this.code}: seat ${seat.id} desynced at tick ${tick}`);
    this.desyncs.set(seat.id, { name: seat.name, tick, wall: this.lastActiveWall });
    this.send(conn, { t: 'resync', tick, text: { ...TEXT.resync } });
    this.broadcast(
      { t: 'desync', seat: seat.id, name: seat.name, tick, expected: mine.hash, got: hash },
      (s) => s.kind === 'facilitator',
    );
  }

  // ------------------------------------------------------------ clock

  /**
   * The pacing step: advances a running room by the real time since the last step and
   * broadcasts the clock when it moved (or every HEARTBEAT_MS regardless). Returns true when the
   * run reached the level's end (the hub then ends the room). The hub calls the two halves
   * itself, writing the clocks in between, so a clock anyone saw survives a crash.
   */
  pace(wallNow: number): boolean {
    this.advance(wallNow);
    return this.announce(wallNow);
  }

  /** Advances a running room by the real time since the last step. */
  advance(wallNow: number): void {
    if (this.state === 'running' && !this.ending) {
      const elapsed = wallNow - this.lastPaceWall;
      this.lastPaceWall = wallNow;
      this.run = advanceReal(this.run, elapsed);
      this.sample();
      // After the clock moved and before the clock is written (pacer.ts): a restart rebuilds the
      // run to a time the bots have already decided at, so they neither repeat nor skip a step.
      this.runBots();
    }
  }

  /** Broadcasts the clock if it moved (or for the heartbeat); true when the run reached its end. */
  announce(wallNow: number): boolean {
    const ms = this.ms;
    if (ms !== this.lastSentMs || wallNow - this.lastTickSentWall >= HEARTBEAT_MS) {
      this.lastSentMs = ms;
      this.lastTickSentWall = wallNow;
      if (this.connectedCount() > 0)
        this.broadcast({
          t: 'tick',
          ms,
          tick: Math.floor(ms / 1000),
          paused: this.run.state.clock.paused || this.state !== 'running',
          pace: this.run.pace,
          rate: this.run.rate,
        });
    }
    return (
      this.state === 'running' &&
      !this.ending &&
      this.run.state.ended &&
      wallNow >= this.endRetryWall
    );
  }

  // ------------------------------------------------------------ the end

  /**
   * Ends the session. After a played session the run is played to the level's end (what the
   * rest of the day costs counts, as in solo play), turned into a run file, verified and stored
   * among the verified runs — in a worker (hooks.finish), while the room stands still with its
   * log closed. The room is marked ended only once that run and the end are stored: if storage
   * fails (a full disk), the session goes on, `by` (the facilitator who asked) is told why, and
   * it can be ended again. An idle expiry stores nothing.
   */
  end(reason: EndReason, wallNow: number, by?: Conn): void {
    if (this.state === 'ended' || this.ending) return;
    const played = this.state === 'running' || this.log.length > 0;
    if (!played || reason === 'idle') return this.markEnded(reason, wallNow, null, undefined);
    this.ending = true;
    const input: SessionEndInput = {
      level: this.level,
      seed: this.seed,
      log: this.log.map((e) => ({
        tick: e.tick,
        role: e.role,
        type: e.type,
        args: e.args,
        ...(e.bot ? { bot: e.bot } : {}),
      })),
      players: this.players(),
      observations: [...this.observations],
    };
    this.hooks.finish(input).then(
      (outcome) => {
        let runId: number | null = null;
        try {
          if (outcome.ok)
            runId = this.store.storeRun(outcome.file, outcome.score, `Team ${this.code}`);
          else
            this.hooks.log(
              `room ${this.code}: the session's run did not verify (${outcome.code}: ${outcome.message}); not stored`,
            );
          this.markEnded(reason, wallNow, runId, outcome);
        } catch (e) {
          this.endFailed(reason, e as Error, by);
        }
      },
      (e: unknown) => this.endFailed(reason, e as Error, by),
    );
  }

  /** The end could not be stored: the session goes on, and whoever asked learns why. */
  private endFailed(reason: EndReason, error: Error, by: Conn | undefined): void {
    this.store.noteError(error);
    this.ending = false;
    this.endRetryWall = this.lastPaceWall + END_RETRY_MS;
    this.hooks.log(
      `room ${this.code}: ending (${reason}) failed, the session goes on: ${error.message}`,
    );
    if (by && by.room === this) this.error(by, 'STORAGE_FAILED', error.message);
  }

  private markEnded(
    reason: EndReason,
    wallNow: number,
    runId: number | null,
    outcome: SessionEndOutcome | undefined,
  ): void {
    const endMs = outcome?.endMs ?? this.run.state.engine.tMs;
    // Stored first: if this throws, the room is still live in memory and on disk alike.
    this.store.end(this.id, endMs, runId, reason);
    this.ending = false;
    this.state = 'ended';
    this.endedWall = wallNow;
    this.runId = runId;
    this.finalMs = endMs;
    this.hooks.log(`room ${this.code}: ended (${reason})${runId ? `, run ${runId}` : ''}`);
    this.broadcast({ t: 'session', session: this.info() });
    this.broadcast({
      t: 'ended',
      reason,
      runId,
      finalHash: outcome?.finalHash ?? hashGame(this.run.state),
      endMs,
      text: { ...TEXT.ended[reason] },
    });
  }

  /** Who held which role, for the run file: every role in the log is held by someone. */
  players(): Player[] {
    const players: Player[] = [];
    const held = new Set<PlayerRole>();
    for (const s of this.seats.values()) {
      if (s.removed || s.role === null || held.has(s.role)) continue;
      held.add(s.role);
      players.push({ id: s.kind === 'facilitator' ? 'facilitator' : s.name, roles: [s.role] });
    }
    for (const e of this.log) {
      if (held.has(e.role)) continue;
      held.add(e.role);
      // A bot names itself (the run file's players say who played what).
      players.push({ id: e.bot ? `bot:${e.bot}:${e.role}` : e.role, roles: [e.role] });
    }
    return players;
  }
}

/** Who sees observations while the session runs: evaluators and the facilitator, not the players. */
function seesObservations(s: Seat): boolean {
  return s.kind === 'evaluator' || s.kind === 'facilitator';
}

/** "a player seat", "an evaluator seat": for refusal details. */
function aSeat(kind: SeatKind): string {
  return `${kind === 'evaluator' ? 'an' : 'a'} ${kind} seat`;
}
