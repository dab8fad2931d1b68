// A seat in a team session (DESIGN §7): the server orders the log and paces the clock; this
// client's copy of the run follows it (src/net/teamLink.ts: the lockstep follower wired to the
// client) and never changes by itself. A command
// is checked here first against a copy of the run (the same core the server uses) so the player
// hears and reads the answer at once, then goes to the server, whose verdict arrives later — as a
// log entry for everybody, or as a refusal for this seat only — and is written in the event log.
// The same object also keeps the room's roster and state for the lobby and the consoles.
import {
  applyCommand,
  type CommandOutcome,
  type Level,
  type PlayerRole,
  type Run,
  type ViewSnapshot,
} from '../../game';
import { metrics } from '../../engine';
import type { AudioCues } from '../../audio/audio';
import type { LockstepFollower } from '../../net/follower';
import type { TeamLink } from '../../net/teamLink';
import type { ConnectionState, SessionClient } from '../../net/client';
import type {
  BotKind,
  LocalText,
  LogEntry,
  SeatInfo,
  SeatRole,
  ServerMessage,
  SessionInfo,
} from '../../net/protocol';
import type { i18n as I18n } from 'i18next';
import type { History } from './history';
import type { FeedItem, OpsSession } from './opsSession';
import { backfillHistory, RunWatch, ViewCache } from './runWatch';
import { clearSeat, readSeat } from '../panels/team/seatStore';
import type { FeedbackForm } from '../../aar/exerciseRecords';
import type { ObservationRecord } from '../../game/evaluationGuide';
import { teamFeedText } from '../panels/team/feedText';

export type LinkStatus = 'online' | 'reconnecting' | 'closed';

export type Welcome = Extract<ServerMessage, { t: 'welcome' }>;
type Ended = Extract<ServerMessage, { t: 'ended' }>;

export interface SeatAction {
  seat: string;
  role: PlayerRole;
  type: string;
  tick: number;
}

export interface Desync {
  name: string;
  tick: number;
}

/** A notice for the banner above the consoles (connection state, removal, end). */
export interface Notice {
  key: string;
  params?: Record<string, string | number>;
  /** The server's own words (ko/en), passed as {{reason}}. */
  text?: LocalText;
  tone: 'warn' | 'ok';
}

const RECENT_LIMIT = 12;

/** Every server frame after the welcome goes to `handle`. */
const FRAMES = [
  'welcome',
  'seats',
  'session',
  'cmd',
  'log',
  'rejected',
  'error',
  'resync',
  'desync',
  'ended',
  'removed',
  'discussion',
  'feedback.ok',
  'observation',
  'evaluator.key',
] as const satisfies readonly ServerMessage['t'][];

export class TeamSession implements OpsSession {
  readonly mode: 'team' | 'projector';
  readonly controlsClock: boolean;
  readonly level: Level;
  /** The room as the server last described it. */
  info: SessionInfo;
  seat: SeatInfo;
  seats: SeatInfo[];
  status: LinkStatus = 'online';
  notice: Notice | undefined;
  /** Recent accepted commands, newest first (facilitator console). */
  readonly recent: SeatAction[] = [];
  /** The last accepted command of each seat (roster). */
  readonly lastBySeat = new Map<string, SeatAction>();
  /** Hash mismatches the server reported (facilitator only), newest first. */
  readonly desyncs: Desync[] = [];
  /** The server's end of session, once it came. */
  endedBy: Ended | undefined;
  /** The server's last error frame (a role already taken…), for the lobby's status line. */
  lastError: LocalText | undefined;
  /** Set by the seat's removal: the scene leaves for the title. */
  removed = false;
  /** The discussion question the facilitator put on the screens (its index), or null. */
  shownQuestion: number | null = null;
  /** This player seat's feedback form was stored by the server. */
  feedbackSent = false;
  /** Evaluator and facilitator seats: the observations recorded so far, in order. */
  observations: ObservationRecord[] = [];
  /** Facilitator: the evaluator key the server last made for this room (shown as a link). */
  evaluatorKey: string | undefined;
  /**
   * The seat's token, kept past the end (the stored copy is cleared then): the facilitator's
   * saves the improvement plan and reads the review over HTTP.
   */
  endToken: string | undefined;
  /** After the end the connection stays open for the debrief's forms (see keepAfterEnd). */
  private lingering = false;
  private readonly clockNow = () => performance.now();
  private readonly views = new ViewCache(this.clockNow);
  private readonly watch: RunWatch;
  private readonly changeListeners = new Set<() => void>();
  /** Log entries already written in the event log / recent actions. */
  private notedSeq = 0;
  private wasAway = false;
  private disposed = false;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly link: SessionClient;
  endShift?: () => void;

  /**
   * `net` follows the server's log and clock (its level is loaded and the welcome applied);
   * `welcome` is the server's first answer and `since` the roster frames that arrived after it
   * (applied now, in order, before listening to the client directly).
   */
  constructor(
    private readonly net: TeamLink,
    welcome: Welcome,
    private readonly audio: AudioCues,
    since: readonly ServerMessage[] = [],
  ) {
    if (!net.follower) throw new Error('TeamSession: the level is not loaded yet');
    this.link = net.client;
    this.level = net.follower.level;
    this.info = welcome.session;
    this.seat = welcome.seat;
    this.seats = welcome.seats;
    this.shownQuestion = welcome.discussion ?? null;
    this.feedbackSent = welcome.feedbackSent === true;
    this.observations = [...(welcome.observations ?? [])];
    const kind = welcome.seat.kind;
    this.mode = kind === 'projector' ? 'projector' : 'team';
    this.controlsClock = kind === 'facilitator';
    // Only the facilitator ends the session (for everyone); the run ends when the server says so.
    if (kind === 'facilitator') this.endShift = () => void this.link.endSession();
    this.noteEntries(welcome.log, false);
    this.watch = new RunWatch(audio, this.run, this.clockNow);
    // Joined midway (a reload, a late join): the graphs show the session from its start.
    backfillHistory(this.history, this.run);
    this.history.sample(this.view(true), this.truth().globalInfected);
    for (const m of since) this.handle(m);
    for (const t of FRAMES) this.unsubscribe.push(this.link.on(t, (m) => this.handle(m)));
    this.unsubscribe.push(
      this.link.on('status', ({ state }) => this.setStatus(linkStatus(state))),
      this.link.on('lost', ({ type }) =>
        this.note('team.note', { key: 'team.console.lost', command: type }),
      ),
      this.link.on('fatal', ({ text }) => {
        this.notice = { key: 'team.console.fatal', text, tone: 'warn' };
        this.status = 'closed';
        this.changed();
      }),
    );
  }

  get follower(): LockstepFollower {
    return this.net.follower!;
  }

  get run(): Run {
    return this.follower.run;
  }

  get ended(): boolean {
    return this.endedBy !== undefined && this.run.state.ended;
  }

  get history(): History {
    return this.watch.history;
  }

  /**
   * The seat's role as it is now (the facilitator may reassign players during the session): the
   * facilitator acts as "facilitator", the projector never acts.
   */
  get actingRoles(): readonly PlayerRole[] {
    if (this.seat.kind === 'facilitator') return ['facilitator'];
    return this.seat.kind === 'player' && this.seat.role ? [this.seat.role] : [];
  }

  get role(): PlayerRole | undefined {
    return this.actingRoles[0];
  }

  view(force = false): ViewSnapshot {
    return this.views.get(this.run, force);
  }

  truth() {
    return metrics(this.run.state.engine);
  }

  /** Roster, room state, connection and warnings changed: the lobby and consoles redraw. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  feedText(item: FeedItem, i18n: I18n): string | undefined {
    return item.kind.startsWith('team.') ? teamFeedText(i18n, item) : undefined;
  }

  onFeed(listener: (feed: FeedItem[]) => void): () => void {
    return this.watch.onFeed(listener);
  }

  frame(realMs: number): void {
    // Steps toward the server's clock, reports checkpoint hashes, asks for the log on a gap or
    // a divergence (src/net/teamLink.ts).
    if (this.net.frame(realMs)) this.afterChange();
    this.watch.updateLoops(this.run, this.view());
  }

  /**
   * Checks the command on a copy of the run (same core, this seat's role), answers at once, and
   * sends it only if the copy accepts it. The server may still refuse (the room moved on); that
   * arrives as a `rejected` frame and is written in the event log.
   */
  command(type: string, args: Record<string, unknown> = {}): CommandOutcome {
    const role = this.role;
    if (!role || this.endedBy) {
      const outcome: CommandOutcome = {
        ok: false,
        rejection: { code: 'ROLE_FORBIDDEN', params: { role: this.seat.kind, command: type } },
      };
      this.watch.commandCue(false);
      return outcome;
    }
    const { outcome } = applyCommand(this.run, { role, type, args });
    this.watch.commandCue(outcome.ok);
    // Queued by the client while it reconnects; the verdict comes back as a log entry or a refusal.
    if (outcome.ok) this.link.sendCommand(type, args);
    return outcome;
  }

  save(): boolean {
    // The server keeps the log; a reload takes the seat again with its token.
    return true;
  }

  // ---- room management (lobby and facilitator console)

  chooseRole(role: SeatRole | null): boolean {
    return this.link.chooseRole(role);
  }

  assign(seat: string, role: SeatRole | null): boolean {
    return this.link.assignSeat(seat, role);
  }

  remove(seat: string): boolean {
    return this.link.removeSeat(seat);
  }

  start(): boolean {
    return this.link.startSession();
  }

  /** Facilitator: give a role nobody holds to a bot, or take it back (null). */
  assignBot(role: SeatRole, bot: BotKind | null): boolean {
    return this.link.assignBot(role, bot);
  }

  /** Leaves the room for good (the seat stays on the server; its token is dropped by the caller). */
  leave(): void {
    this.link.close();
  }

  // ---- the connection

  /** Connection state from the client: away shows a banner; back again says it caught up. */
  setStatus(status: LinkStatus): void {
    if (status === this.status) return;
    this.status = status;
    if (status === 'reconnecting') {
      this.wasAway = true;
      this.notice = { key: 'team.console.reconnecting', tone: 'warn' };
    }
    this.changed();
  }

  /** One message from the server. */
  handle(m: ServerMessage): void {
    if (this.disposed) return;
    switch (m.t) {
      case 'welcome': {
        // A reconnect (or a restarted server): the follower has already caught up from the log
        // (re-simulating if this copy no longer matched); here the roster and the banner.
        this.info = m.session;
        this.seat = m.seat;
        this.seats = m.seats;
        this.shownQuestion = m.discussion ?? null;
        if (m.feedbackSent) this.feedbackSent = true;
        if (m.observations) this.observations = [...m.observations];
        this.noteEntries(m.log, true);
        this.status = 'online';
        if (this.wasAway) {
          this.wasAway = false;
          this.notice = {
            key: 'team.console.caughtUp',
            params: { tick: this.run.state.tick },
            tone: 'ok',
          };
        }
        this.afterChange();
        this.changed();
        break;
      }
      case 'seats':
        this.lastError = undefined;
        this.seats = m.seats;
        this.seat = m.seats.find((s) => s.id === this.seat.id) ?? this.seat;
        this.changed();
        break;
      case 'session':
        this.info = m.session;
        this.changed();
        break;
      case 'cmd': {
        this.noteEntries([m], true);
        this.afterChange();
        this.changed();
        break;
      }
      case 'log':
        this.noteEntries(m.entries, true);
        this.afterChange();
        break;
      case 'rejected': {
        this.watch.commandCue(false);
        this.note('team.refused', {
          who: this.seat.name,
          command: m.type,
          reasonKo: m.text.ko,
          reasonEn: m.text.en,
        });
        break;
      }
      case 'error':
        this.lastError = m.text;
        this.changed();
        this.watch.commandCue(false);
        this.note('team.note', {
          key: 'team.console.error',
          reasonKo: m.text.ko,
          reasonEn: m.text.en,
        });
        break;
      case 'resync':
        this.note('team.note', { key: 'team.console.resync' });
        break;
      case 'desync':
        this.desyncs.unshift({ name: m.name, tick: m.tick });
        this.audio.play('reject');
        this.changed();
        break;
      case 'ended':
        this.finishWith(m);
        break;
      case 'removed':
        this.removed = true;
        clearSeat();
        this.notice = { key: 'team.console.removed', tone: 'warn' };
        this.link.close();
        this.changed();
        break;
      case 'discussion':
        this.shownQuestion = m.question;
        this.changed();
        break;
      case 'feedback.ok':
        this.feedbackSent = true;
        this.lastError = undefined;
        this.changed();
        break;
      case 'observation':
        // n is the session's count: a reconnect's welcome already brought the earlier ones.
        if (m.n === this.observations.length + 1) this.observations.push(m.observation);
        this.lastError = undefined;
        this.changed();
        break;
      case 'evaluator.key':
        this.evaluatorKey = m.key;
        this.changed();
        break;
      case 'pong':
        break;
    }
  }

  // ---- the exercise: discussion on the screens, feedback after the end

  /** Facilitator: put a discussion question on every screen, or take it down (null). */
  showQuestion(question: number | null): boolean {
    return this.link.showQuestion(question);
  }

  /** Evaluator: record an observation; it comes back as an `observation` frame or an error. */
  observe(o: Parameters<SessionClient['observe']>[0]): boolean {
    this.lastError = undefined;
    return this.link.observe(o);
  }

  /** Facilitator: ask the server for a new evaluator key (arrives as `evaluatorKey`). */
  requestEvaluatorKey(): boolean {
    return this.link.requestEvaluatorKey();
  }

  /** A player's feedback form (after the end); the verdict arrives as feedback.ok or an error. */
  sendFeedback(form: FeedbackForm): boolean {
    this.lastError = undefined;
    return this.link.sendFeedback(form);
  }

  /** Whether the connection to the room is up (the debrief's forms need it). */
  get online(): boolean {
    return this.status === 'online' && !this.disposed;
  }

  /**
   * Called instead of dispose when the run ends: the game side is released, but the connection
   * stays open for the debrief (feedback form, improvement plan) until close().
   */
  keepAfterEnd(): this | undefined {
    // The projector and evaluators have nothing to send after the end.
    if (this.seat.kind === 'projector' || this.seat.kind === 'evaluator' || !this.endedBy) {
      this.dispose();
      return undefined;
    }
    this.lingering = true;
    this.net.dispose();
    this.watch.dispose();
    return this;
  }

  /** Closes what keepAfterEnd left open. */
  close(): void {
    this.lingering = false;
    this.dispose();
  }

  /** The server's final hash, if the session ended and this copy reached the same end. */
  get finalHashMatches(): boolean | undefined {
    return this.endedBy ? this.endedBy.finalHash === this.follower.hash() : undefined;
  }

  dispose(): void {
    if (this.disposed || this.lingering) return;
    this.disposed = true;
    this.unsubscribe.splice(0).forEach((u) => u());
    this.net.dispose();
    this.watch.dispose();
    this.changeListeners.clear();
    this.link.close();
  }

  // ---- internals

  private finishWith(m: Ended): void {
    if (this.endedBy) return;
    this.endedBy = m;
    // Nothing left to take again after a reload; the token stays in memory for the debrief.
    this.endToken = readSeat()?.token;
    clearSeat();
    // The server played the run to the level's end; so did this copy (src/net/teamLink.ts).
    if (!this.run.state.ended) this.follower.finish();
    this.notice = { key: 'team.console.ended', tone: 'ok' };
    this.afterChange();
    this.changed();
  }

  private afterChange(): void {
    this.watch.changed(this.run, this.view(), this.truth().globalInfected);
  }

  private changed(): void {
    this.changeListeners.forEach((l) => l());
  }

  /** Records accepted commands (who did what) and, when live, writes them in the event log. */
  private noteEntries(entries: readonly LogEntry[], announce: boolean): void {
    for (const e of entries) {
      if (e.seq <= this.notedSeq) continue;
      this.notedSeq = e.seq;
      const action = { seat: e.seat, role: e.role, type: e.type, tick: e.tick };
      this.recent.unshift(action);
      this.lastBySeat.set(e.seat, action);
      if (announce) {
        const who = this.seats.find((s) => s.id === e.seat)?.name ?? e.seat;
        // A bot's or the exercise console's command is marked as such in the feed.
        const by: Record<string, string> = e.bot
          ? { by: e.bot }
          : e.seat === 'exercise'
            ? { by: 'exercise' }
            : {};
        this.note('team.accepted', { who, role: e.role, command: e.type, ...by }, e.tick);
      }
    }
    if (this.recent.length > RECENT_LIMIT) this.recent.length = RECENT_LIMIT;
  }

  private note(kind: string, params: Record<string, string | number>, tick?: number): void {
    this.watch.emit([{ tick: tick ?? this.run.state.tick, kind, params }]);
  }
}

function linkStatus(state: ConnectionState): LinkStatus {
  return state === 'open' ? 'online' : state === 'closed' ? 'closed' : 'reconnecting';
}

/** A server text in the player's language. */
export function serverText(language: string, text: LocalText): string {
  return language === 'ko' ? text.ko : text.en;
}
