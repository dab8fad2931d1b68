/**
 * The client half of deterministic lockstep (DESIGN.md §7): a copy of the session's run that
 * follows the server's log and clock.
 *
 * The algorithm and why:
 * - The server alone decides what happens. It stamps every accepted command with `seq` and the
 *   tick it applies at; this follower applies log entries strictly in `seq` order through the same
 *   pure core (`applyCommand(run, cmd, tick)`). An entry that arrives early waits in a buffer; one
 *   seen before is ignored. Same log + same core = same state, on every client and the server.
 * - The server also paces the clock and says where it is (`tick` frames: engine time `ms`). The
 *   follower advances toward that time and never past it. Engine step boundaries depend only on
 *   the engine state, and the server's time is itself a boundary, so "the first boundary ≥ goal"
 *   never overshoots it; a command the server stamps "now" (≥ its time) is therefore never in this
 *   copy's past. Frame sizes never matter: the core gives the same state for any split of an
 *   interval.
 * - While an entry is missing (later ones are buffered) the copy does not advance at all: the
 *   missing command may apply at any tick up to the buffered ones', and stepping past it would
 *   make it unappliable. Over one WebSocket frames arrive in order, so this only happens across a
 *   reconnect, which a `welcome` or `log` fills.
 * - Per frame, `step(realMs)` closes the gap to the server smoothly (a share of it proportional to
 *   the frame's length) rather than jumping when a `tick` frame lands, so the map animates evenly.
 *   `catchUp(log, ms)` is for join and reconnect: it feeds what is missing or, if this copy has
 *   drifted (a different log, or ahead of a restarted server), re-simulates from the log.
 * - Trade-off: clients see the world up to one `tick` frame (≈200 ms) behind the server; commands
 *   take effect when the server's broadcast comes back (one round trip). For a training exercise
 *   paced in sim minutes that is invisible, and there is never a rollback.
 *
 * Pure: no DOM, no Node, no timers; the caller hands it real frame time.
 */
import {
  advanceToMs,
  applyCommand,
  createRun,
  finishRun,
  hashGame,
  replayLog,
  type Checkpoint,
  type Level,
  type Player,
  type Rejection,
  type Run,
} from '../game';
import type { LogEntry } from './protocol';

export interface FollowerOptions {
  /** Real milliseconds over which a gap to the server's clock is closed (default 250). */
  smoothingMs?: number;
  /** Players recorded in the run (informational; defaults to one `team` player per role seen). */
  players?: Player[];
}

/** Why the follower cannot go on by itself: the caller should fetch the whole log (`sync` 0). */
export interface Divergence {
  seq: number;
  tick: number;
  rejection: Rejection;
}

/** Every team role, so the follower's run can replay any role's command. */
const TEAM_PLAYERS: Player[] = [
  { id: 'team', roles: ['facilitator', 'commander', 'network', 'security', 'systems', 'comms'] },
];

export class LockstepFollower {
  /** The client's copy of the run; read it (snapshotView) after `step`. */
  run: Run;
  /** Engine ms the server last said it was at. */
  targetMs: number;
  /** Set when an entry the server accepted is refused here (a desync): call `catchUp` with the full log. */
  divergence: Divergence | undefined;
  private nextSeq = 1;
  private readonly pending = new Map<number, LogEntry>();
  private readonly smoothingMs: number;
  private readonly players: Player[];
  /** Checkpoint ticks already handed out by `takeCheckpoints`. */
  private reportedThrough = -Infinity;

  constructor(
    readonly level: Level,
    readonly seed: number,
    options: FollowerOptions = {},
  ) {
    this.smoothingMs = Math.max(1, options.smoothingMs ?? 250);
    this.players = options.players ?? TEAM_PLAYERS;
    this.run = createRun(level, seed, this.players);
    this.targetMs = this.run.state.engine.tMs;
  }

  /** Engine ms this copy is at. */
  get ms(): number {
    return this.run.state.engine.tMs;
  }

  /** The next `seq` this follower expects (the number of entries applied + 1). */
  get expectedSeq(): number {
    return this.nextSeq;
  }

  /** Entries received out of order, waiting for the ones before them. */
  get buffered(): number {
    return this.pending.size;
  }

  /** The first missing seq when entries after it are waiting (ask the server: `sync`), else undefined. */
  get gapFrom(): number | undefined {
    return this.pending.size > 0 && !this.pending.has(this.nextSeq) ? this.nextSeq : undefined;
  }

  /** The state hash now. */
  hash(): string {
    return hashGame(this.run.state);
  }

  /**
   * Takes one log entry (a `cmd` frame). Applied at once if it is the next in order, together with
   * any buffered ones it unblocks; kept if it is early; ignored if already applied. Returns how
   * many entries were applied.
   */
  receive(entry: LogEntry): number {
    if (entry.seq < this.nextSeq || this.pending.has(entry.seq)) return 0;
    this.pending.set(entry.seq, entry);
    return this.drain();
  }

  /** The server's clock moved (`tick` frame): advance toward `ms` on the next steps. */
  setTarget(ms: number, pace?: number, rate?: number): void {
    // The server never goes back in time except after a restart, which comes with a `welcome`
    // and `catchUp`; a stale frame must not pull the target back.
    if (ms > this.targetMs) this.targetMs = ms;
    if (pace !== undefined && pace > 0) this.run = { ...this.run, pace };
    // The server's rate (its pacing rule) is what a countdown's real time is computed from.
    if (rate !== undefined && rate > 0) this.run = { ...this.run, rate };
  }

  /**
   * One animation frame: advances toward the server's time by a share of the gap proportional to
   * `realMs` (the whole gap after `smoothingMs`), never past it. Returns whether the run moved.
   */
  step(realMs: number): boolean {
    if (this.divergence || this.pending.size > 0) return false;
    const now = this.ms;
    const gap = this.targetMs - now;
    if (gap <= 0 || this.run.state.ended) return false;
    const share = Math.min(1, Math.max(0, realMs) / this.smoothingMs);
    // At least 1 ms so a positive frame always makes progress; the core rounds up to a boundary,
    // and the target is itself a boundary, so this never passes it.
    const goal = Math.min(this.targetMs, now + Math.max(1, Math.ceil(gap * share)));
    this.run = advanceToMs(this.run, goal);
    return this.ms !== now;
  }

  /** Jumps straight to the server's time (e.g. after a hidden tab), without animation. */
  jumpToTarget(): void {
    if (!this.divergence && this.pending.size === 0 && this.targetMs > this.ms)
      this.run = advanceToMs(this.run, this.targetMs);
  }

  /**
   * Join, reconnect or resync: `log` is the server's log (from seq 1, or from `fromSeq` when this
   * copy already holds everything before it) and `ms` its clock. If this copy is consistent with
   * the log and not ahead of the server, only what is missing is applied; otherwise (a desync, a
   * different log, a restarted server that lost a moment of clock) the run is re-simulated from
   * the log. Afterwards the copy is at the server's time.
   */
  catchUp(log: readonly LogEntry[], ms: number, options: { rebuild?: boolean } = {}): void {
    const sorted = [...log].sort((a, b) => a.seq - b.seq);
    const from = sorted[0]?.seq ?? this.nextSeq;
    const consistent =
      !options.rebuild &&
      !this.divergence &&
      this.ms <= ms &&
      // A partial log must start at or before what we need next.
      from <= this.nextSeq &&
      // Entries we already applied must match the log we now receive.
      sorted.every((e) => e.seq >= this.nextSeq || this.agrees(e));
    if (consistent) {
      for (const e of sorted) this.receive(e);
      this.targetMs = ms;
      this.jumpToTarget();
      if (!this.divergence) return;
    }
    if (from !== 1 && sorted.length > 0)
      throw new Error(`catchUp: a re-simulation needs the whole log from seq 1 (got ${from}…)`);
    this.rebuild(sorted, ms);
  }

  /** Plays the run to the level's end (after `ended`: the server did the same; hashes agree). */
  finish(): void {
    this.run = finishRun(this.run);
    this.targetMs = this.ms;
  }

  /**
   * Checkpoints reached since the last call: send each as a `checkpoint` message. After a
   * re-simulation they are handed out again, so the server can confirm the recovery.
   */
  takeCheckpoints(): Checkpoint[] {
    const fresh = this.run.checkpoints.filter((c) => c.tick > this.reportedThrough);
    if (fresh.length > 0) this.reportedThrough = fresh.at(-1)!.tick;
    return fresh;
  }

  // ------------------------------------------------------------ internals

  /** Applied entries, by seq, kept only as (tick, role, type, args) to compare with a new log. */
  private readonly applied: string[] = [];

  private agrees(e: LogEntry): boolean {
    return this.applied[e.seq - 1] === entryKey(e);
  }

  private drain(): number {
    let n = 0;
    for (let e = this.pending.get(this.nextSeq); e; e = this.pending.get(this.nextSeq)) {
      this.pending.delete(this.nextSeq);
      if (this.divergence) break;
      const r = applyCommand(this.run, { role: e.role, type: e.type, args: e.args }, e.tick);
      if (!r.outcome.ok) {
        // The server accepted it, so this copy has diverged; stop here and let the caller resync.
        this.divergence = { seq: e.seq, tick: e.tick, rejection: r.outcome.rejection };
        break;
      }
      this.run = r.run;
      this.applied[e.seq - 1] = entryKey(e);
      this.nextSeq++;
      if (this.ms > this.targetMs) this.targetMs = this.ms;
      n++;
    }
    return n;
  }

  private rebuild(log: readonly LogEntry[], ms: number): void {
    const r = replayLog(
      this.level,
      this.seed,
      log.map((e) => ({ tick: e.tick, role: e.role, type: e.type, args: e.args })),
      undefined,
      this.players,
    );
    this.pending.clear();
    this.applied.length = 0;
    this.divergence = undefined;
    this.reportedThrough = -Infinity;
    if (!r.ok) {
      // The server's own log does not replay here: a different level file or game version.
      this.run = r.run;
      this.nextSeq = (log[r.index]?.seq ?? 1) as number;
      this.divergence = { seq: this.nextSeq, tick: r.tick, rejection: r.rejection };
      return;
    }
    this.run = r.run;
    for (const e of log) this.applied[e.seq - 1] = entryKey(e);
    this.nextSeq = (log.at(-1)?.seq ?? 0) + 1;
    this.targetMs = Math.max(ms, this.ms);
    this.jumpToTarget();
  }
}

function entryKey(e: LogEntry): string {
  return JSON.stringify([e.tick, e.role, e.type, e.args]);
}
