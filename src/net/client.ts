/**
 * The team-session transport (docs/PROTOCOL.md "WebSocket"): one WebSocket to the server that
 * joins or resumes a seat, reconnects by itself, numbers and (after a drop) resends commands, and
 * turns every server frame into a typed event.
 *
 * Works in the browser (the global WebSocket) and in Node (pass `ws`'s WebSocket class). The seat
 * token is the caller's to keep (the UI puts it in sessionStorage): it arrives once, in the
 * `token` event, and `resume` with it survives reloads, network blips and server restarts.
 *
 * Reconnection: any close that is not final (removed, superseded, bad token, unknown room,
 * `close()`) schedules a new connection after a backoff (0.5 s doubling to 10 s, with jitter so a
 * restarted server is not hit by every client at once). A connection that hears nothing for
 * `silenceMs` (the server sends a `tick` at least every 5 s) is treated as dead: a sleeping
 * laptop's socket often never reports its close.
 *
 * Commands leave through a paced outbox (a token bucket under the server's per-connection limit),
 * so a backlog resent after a restart, or a burst of clicks, is never dropped by the server's rate
 * limit. Every command ends, for the caller, as a `cmd` broadcast (accepted), a `rejected`, an
 * `error` carrying its clientSeq (refused, with the reason), or `lost` (its fate is unknown after
 * a drop, or the client gave up for good): none stays pending for ever.
 */
import {
  CLOSE_BAD_TOKEN,
  CLOSE_REMOVED,
  CLOSE_SUPERSEDED,
  decodeServerMessage,
  PROTOCOL_VERSION,
  type BotKind,
  type ClientMessage,
  type LogEntry,
  type SeatRole,
  type ServerMessage,
} from './protocol';
import { CLOSE_TEXT } from './closeText';

/** What the client needs of a WebSocket: the browser's and `ws`'s both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

const OPEN = 1;

export type SeatAuth =
  | { join: { room: string; name: string; as: 'player' | 'projector' } }
  /** An evaluator joins with the room code and the evaluator key from the facilitator's link. */
  | { join: { room: string; name: string; as: 'evaluator'; key: string } }
  | { resume: { token: string } };

export interface SessionClientOptions {
  /** ws:// or wss:// URL of the endpoint, e.g. `wsUrlFor(location)`. */
  url: string;
  auth: SeatAuth;
  /** The WebSocket class; defaults to the global one (browsers, Node ≥ 22). */
  WebSocket?: WebSocketConstructor;
  /** First reconnect delay, ms (default 500); doubles up to `maxBackoffMs` (default 10 000). */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A connection silent this long is closed and replaced (default 15 000 ms). */
  silenceMs?: number;
  /** Random source for jitter (tests pin it). */
  random?: () => number;
  /**
   * Command pacing: at most `sendBurst` at once, then `sendPerSecond` (defaults 10 and 8, under
   * the server's default per-connection limit of 20 and 10 per second, leaving room for pings
   * and checkpoints).
   */
  sendBurst?: number;
  sendPerSecond?: number;
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

type FrameEvents = { [K in ServerMessage['t']]: Extract<ServerMessage, { t: K }> };
export interface SessionClientEvents extends FrameEvents {
  /** Connection state changed; `attempt` counts reconnect attempts since the last welcome. */
  status: { state: ConnectionState; attempt: number };
  /** A new seat token: store it (sessionStorage) to resume after a reload. */
  token: { token: string };
  /** The client gave up for good (removed, superseded, unknown room, bad token, old protocol). */
  fatal: { code: string; text: { ko: string; en: string } };
  /**
   * A command whose fate the server no longer knows (sent before a drop, and not in the log), or
   * still waiting when the client gave up for good: it was not applied.
   */
  lost: { clientSeq: number; type: string };
}

type Handler<T> = (payload: T) => void;

/** The WebSocket URL of the game's server for a page location (same host, ws or wss). */
export function wsUrlFor(location: { protocol: string; host: string }, path = '/ws'): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

export class SessionClient {
  state: ConnectionState = 'closed';
  /** The seat token once known (given, or received on join). */
  token: string | undefined;
  /** The seat id once welcomed. */
  seatId: string | undefined;
  private ws: WebSocketLike | undefined;
  private readonly handlers = new Map<string, Set<Handler<unknown>>>();
  private readonly pending = new Map<number, { type: string; args: Record<string, unknown> }>();
  /** clientSeqs waiting to be sent, in order (sent when the pacing allows and welcomed). */
  private outbox: number[] = [];
  private tokens: number;
  private tokensAt = 0;
  private pumpTimer: ReturnType<typeof setTimeout> | undefined;
  private nextClientSeq = 1;
  private attempt = 0;
  private welcomed = false;
  private stopped = true;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private auth: SeatAuth;
  private readonly Ws: WebSocketConstructor;

  constructor(private readonly options: SessionClientOptions) {
    this.auth = options.auth;
    if ('resume' in options.auth) this.token = options.auth.resume.token;
    const Ws =
      options.WebSocket ??
      (globalThis as unknown as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Ws) throw new Error('SessionClient: no WebSocket class (pass options.WebSocket)');
    this.Ws = Ws;
    this.tokens = this.burst;
  }

  private get burst(): number {
    return this.options.sendBurst ?? 10;
  }

  on<K extends keyof SessionClientEvents>(
    event: K,
    handler: Handler<SessionClientEvents[K]>,
  ): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler as Handler<unknown>);
    return () => set.delete(handler as Handler<unknown>);
  }

  /** Opens the connection (and keeps reopening it until `close()` or a final refusal). */
  connect(): void {
    this.stopped = false;
    this.open();
  }

  /** Closes for good; no reconnection. */
  close(): void {
    this.stopped = true;
    this.clearTimers();
    const ws = this.ws;
    this.ws = undefined;
    if (ws) {
      ws.onclose = null;
      ws.close(1000, 'client closed');
    }
    this.setState('closed');
  }

  /** Drops the current connection and reconnects at once (e.g. on the browser's `online` event). */
  reconnectNow(): void {
    if (this.stopped) return;
    this.attempt = 0;
    this.dropSocket();
    this.open();
  }

  /**
   * Sends a game command; returns its clientSeq. While disconnected it is queued and sent after
   * the next welcome (unless the log shows it already got in). Its outcome arrives as the `cmd`
   * broadcast (with this seat's id and the clientSeq), a `rejected`, or an `error`.
   */
  sendCommand(type: string, args: Record<string, unknown> = {}): number {
    const clientSeq = this.nextClientSeq++;
    this.pending.set(clientSeq, { type, args });
    this.outbox.push(clientSeq);
    this.pump();
    return clientSeq;
  }

  /** Commands sent but not yet answered. */
  get pendingCommands(): number {
    return this.pending.size;
  }

  /** Commands not yet sent (waiting for the connection or for the pacing). */
  get queuedCommands(): number {
    return this.outbox.length;
  }

  chooseRole(role: SeatRole | null): boolean {
    return this.send({ t: 'role.choose', role });
  }
  assignSeat(seat: string, role: SeatRole | null): boolean {
    return this.send({ t: 'seat.assign', seat, role });
  }
  removeSeat(seat: string): boolean {
    return this.send({ t: 'seat.remove', seat });
  }
  /** Facilitator: give a role nobody holds to a bot, or take it back (null). */
  assignBot(role: SeatRole, bot: BotKind | null): boolean {
    return this.send({ t: 'bot.assign', role, bot });
  }
  startSession(): boolean {
    return this.send({ t: 'session.start' });
  }
  endSession(): boolean {
    return this.send({ t: 'session.end' });
  }
  /** Facilitator: put a discussion question on every screen (null: take it down). */
  showQuestion(question: number | null): boolean {
    return this.send({ t: 'discussion.show', question });
  }
  /** A player's feedback form, after the session ended (answered with `feedback.ok`). */
  sendFeedback(form: Extract<ClientMessage, { t: 'feedback' }>['form']): boolean {
    return this.send({ t: 'feedback', form });
  }
  /** Facilitator: a new evaluator key for the room (answered with `evaluator.key`). */
  requestEvaluatorKey(): boolean {
    return this.send({ t: 'evaluator.key' });
  }
  /** Evaluator: record an observation (answered to evaluators and the facilitator with `observation`). */
  observe(o: Omit<Extract<ClientMessage, { t: 'observe' }>, 't'>): boolean {
    return this.send({ t: 'observe', ...o });
  }
  sendCheckpoint(tick: number, hash: string): boolean {
    return this.send({ t: 'checkpoint', tick, hash });
  }
  requestLog(fromSeq: number): boolean {
    return this.send({ t: 'sync', fromSeq });
  }
  ping(id: number): boolean {
    return this.send({ t: 'ping', id });
  }

  /** Sends any protocol message now; false when not connected (nothing is queued but commands). */
  send(message: ClientMessage): boolean {
    const ws = this.ws;
    if (!ws || ws.readyState !== OPEN) return false;
    if (!this.welcomed && message.t !== 'join' && message.t !== 'resume' && message.t !== 'ping')
      return false;
    ws.send(JSON.stringify(message));
    return true;
  }

  // ------------------------------------------------------------ internals

  private emit<K extends keyof SessionClientEvents>(event: K, payload: SessionClientEvents[K]) {
    for (const h of this.handlers.get(event) ?? []) {
      try {
        h(payload);
      } catch (e) {
        // A view's bug must not break the transport (or other listeners).
        console.error(`SessionClient ${String(event)} handler:`, e);
      }
    }
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('status', { state, attempt: this.attempt });
  }

  private open(): void {
    this.clearTimers();
    this.welcomed = false;
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let ws: WebSocketLike;
    try {
      ws = new this.Ws(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.armSilence();
      const hello: ClientMessage =
        'join' in this.auth
          ? { t: 'join', v: PROTOCOL_VERSION, ...this.auth.join }
          : { t: 'resume', v: PROTOCOL_VERSION, token: this.auth.resume.token };
      ws.send(JSON.stringify(hello));
    };
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return;
      this.armSilence();
      const text = typeof ev.data === 'string' ? ev.data : String(ev.data);
      const m = decodeServerMessage(text);
      if (m) this.handle(m);
    };
    ws.onerror = () => {
      // A close event always follows; reconnection is decided there.
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      this.welcomed = false;
      this.clearTimers();
      if (this.stopped) return this.setState('closed');
      if (ev.code === CLOSE_REMOVED || ev.code === CLOSE_SUPERSEDED || ev.code === CLOSE_BAD_TOKEN)
        return this.fail(
          ev.code === CLOSE_REMOVED
            ? 'REMOVED'
            : ev.code === CLOSE_SUPERSEDED
              ? 'SUPERSEDED'
              : 'BAD_TOKEN',
          ev.code === CLOSE_SUPERSEDED
            ? CLOSE_TEXT.superseded
            : ev.code === CLOSE_REMOVED
              ? CLOSE_TEXT.removed
              : CLOSE_TEXT.badToken,
        );
      this.scheduleReconnect();
    };
  }

  private handle(m: ServerMessage): void {
    switch (m.t) {
      case 'welcome':
        this.onWelcome(m);
        break;
      case 'cmd':
        if (m.seat === this.seatId) this.pending.delete(m.clientSeq);
        break;
      case 'rejected':
        this.pending.delete(m.clientSeq);
        break;
      case 'error':
        // A refusal of one command (its clientSeq): it is over, with the reason in the event.
        if (m.clientSeq !== undefined) this.pending.delete(m.clientSeq);
        if (!this.welcomed) {
          // Refused at the door: some refusals are final, the rest are retried with backoff.
          if (m.code === 'RATE_LIMITED' || m.code === 'INTERNAL') break;
          this.emit('error', m);
          return this.fail(m.code, m.text);
        }
        break;
      default:
        break;
    }
    this.emit(m.t, m as never);
  }

  private onWelcome(m: Extract<ServerMessage, { t: 'welcome' }>): void {
    this.welcomed = true;
    this.attempt = 0;
    this.seatId = m.seat.id;
    if (m.token) {
      this.token = m.token;
      // From now on a reconnect resumes this seat instead of taking a new one.
      this.auth = { resume: { token: m.token } };
      this.emit('token', { token: m.token });
    }
    this.setState('open');
    // Commands in flight when the connection dropped: in the log → done; at or below the
    // server's last seq for this seat but not logged → refused or lost; above it → resend.
    const logged = new Set(
      m.log.filter((e: LogEntry) => e.seat === m.seat.id).map((e) => e.clientSeq),
    );
    this.nextClientSeq = Math.max(this.nextClientSeq, m.lastClientSeq + 1);
    const resend: number[] = [];
    for (const [seq, c] of [...this.pending].sort((a, b) => a[0] - b[0])) {
      if (logged.has(seq)) this.pending.delete(seq);
      else if (seq <= m.lastClientSeq) {
        this.pending.delete(seq);
        this.emit('lost', { clientSeq: seq, type: c.type });
      } else resend.push(seq);
    }
    // Everything not known to the server goes out again, in order, through the paced outbox.
    this.outbox = resend;
    // Emit first so the view catches up from the log before its resent commands come back.
    queueMicrotask(() => this.pump());
  }

  /** Sends queued commands as fast as the pacing allows; schedules itself for the rest. */
  private pump(): void {
    if (this.pumpTimer) return;
    const perSecond = this.options.sendPerSecond ?? 8;
    while (this.welcomed && this.outbox.length > 0) {
      const now = Date.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.tokensAt) / 1000) * perSecond);
      this.tokensAt = now;
      if (this.tokens < 1) {
        const waitMs = Math.ceil(((1 - this.tokens) / perSecond) * 1000);
        this.pumpTimer = setTimeout(() => {
          this.pumpTimer = undefined;
          this.pump();
        }, waitMs);
        return;
      }
      const clientSeq = this.outbox.shift()!;
      const c = this.pending.get(clientSeq);
      if (!c) continue;
      if (!this.send({ t: 'cmd', clientSeq, type: c.type, args: c.args })) {
        this.outbox.unshift(clientSeq);
        return;
      }
      this.tokens -= 1;
    }
  }

  private fail(code: string, text: { ko: string; en: string }): void {
    this.stopped = true;
    this.clearTimers();
    const ws = this.ws;
    this.ws = undefined;
    if (ws) {
      ws.onclose = null;
      ws.close(1000, 'refused');
    }
    this.setState('closed');
    this.emit('fatal', { code, text });
    // No connection will come back to answer them: each waiting command is lost, visibly.
    const waiting = [...this.pending].sort((a, b) => a[0] - b[0]);
    this.pending.clear();
    this.outbox = [];
    for (const [clientSeq, c] of waiting) this.emit('lost', { clientSeq, type: c.type });
  }

  private dropSocket(): void {
    const ws = this.ws;
    this.ws = undefined;
    this.welcomed = false;
    if (ws) {
      ws.onclose = null;
      ws.onmessage = null;
      try {
        ws.close(4100, 'reconnecting');
      } catch {
        // Already closed.
      }
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.attempt++;
    this.setState('reconnecting');
    const base = this.options.initialBackoffMs ?? 500;
    const max = this.options.maxBackoffMs ?? 10_000;
    const delay = Math.min(max, base * 2 ** Math.min(this.attempt - 1, 20));
    const jitter = (this.options.random ?? Math.random)();
    this.reconnectTimer = setTimeout(() => this.open(), Math.round(delay * (0.5 + jitter / 2)));
  }

  private armSilence(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      if (this.stopped) return;
      this.dropSocket();
      this.scheduleReconnect();
    }, this.options.silenceMs ?? 15_000);
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    if (this.pumpTimer) clearTimeout(this.pumpTimer);
    this.reconnectTimer = undefined;
    this.silenceTimer = undefined;
    this.pumpTimer = undefined;
  }
}
