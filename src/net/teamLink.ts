/**
 * The glue between the transport (client.ts) and the lockstep follower (follower.ts): what every
 * team-session view (role console, facilitator, projector) needs, wired once.
 *
 * - `welcome` → load the level named by the session (the caller's loader, e.g. fetch + parseLevel)
 *   and `catchUp(log, ms)`; frames that arrive meanwhile are queued and replayed in order.
 * - `cmd` → `receive`; `tick` → `setTarget`; `log` → `catchUp`; `resync` or a divergence → ask
 *   for the whole log and re-simulate; a gap → ask for the log from the gap.
 * - `frame(realMs)` from the view's animation loop steps the run and reports new checkpoints.
 * - `ended` → the run is played to the level's end; `finalHash` should equal the server's.
 */
import { levelHash, type Level } from '../game';
import type { SessionClient } from './client';
import { LockstepFollower } from './follower';
import type { ServerMessage, SessionInfo } from './protocol';

export interface TeamLinkOptions {
  /** Loads (and validates) a level by id. */
  loadLevel: (id: string) => Promise<Level>;
  /** Real ms over which the follower closes a gap to the server's clock (default 250). */
  smoothingMs?: number;
  /** Called when the level cannot be loaded, or differs from the server's (by SHA-256). */
  onLevelError?: (error: unknown) => void;
}

export class TeamLink {
  follower: LockstepFollower | undefined;
  session: SessionInfo | undefined;
  /** The server's final hash once the session has ended. */
  finalHash: string | undefined;
  private queue: ServerMessage[] = [];
  private loading: Promise<void> | undefined;
  private levelId: string | undefined;
  private seed: number | undefined;
  private resyncRequested = false;
  /** The gap last asked for, so a gap is requested once rather than every frame. */
  private gapRequested: number | undefined;
  private readonly off: (() => void)[] = [];

  constructor(
    readonly client: SessionClient,
    private readonly options: TeamLinkOptions,
  ) {
    const feed = (m: ServerMessage) => this.onFrame(m);
    for (const t of ['welcome', 'cmd', 'tick', 'log', 'resync', 'ended', 'session'] as const)
      this.off.push(client.on(t, feed as never));
  }

  /** Stops listening to the client (the client itself stays as it is). */
  dispose(): void {
    for (const f of this.off) f();
    this.off.length = 0;
  }

  /** Whether the level is loaded and the run follows the server. */
  get ready(): boolean {
    return this.follower !== undefined && this.queue.length === 0;
  }

  /**
   * Once per animation frame: advances the run toward the server's clock and sends any
   * checkpoint hashes reached. Returns whether the run moved (re-render then).
   */
  frame(realMs: number): boolean {
    const f = this.follower;
    if (!f) return false;
    const moved = f.step(realMs);
    this.reportCheckpoints();
    this.checkHealth();
    return moved;
  }

  private onFrame(m: ServerMessage): void {
    if (m.t === 'welcome' || m.t === 'session') {
      this.session = m.session;
      const needsLevel =
        !this.follower || this.levelId !== m.session.level || this.seed !== m.session.seed;
      if (needsLevel && !this.loading)
        this.load(m.session.level, m.session.levelSha256, m.session.seed);
    }
    if (this.loading || !this.follower) {
      if (m.t !== 'session') this.queue.push(m);
      return;
    }
    this.apply(m);
  }

  private load(levelId: string, sha256: string | undefined, seed: number): void {
    this.loading = this.options.loadLevel(levelId).then(
      (level) => {
        if (sha256 !== undefined && levelHash(level) !== sha256) {
          // Another version of the level (a stale cache, a changed file): following the log with
          // it would silently diverge, so refuse and say why.
          this.loading = undefined;
          this.options.onLevelError?.(
            new Error(
              `level "${levelId}": this copy (sha256 ${levelHash(level).slice(0, 12)}…) differs from the server's (${sha256.slice(0, 12)}…); reload the page`,
            ),
          );
          return;
        }
        this.follower = new LockstepFollower(level, seed, {
          smoothingMs: this.options.smoothingMs,
        });
        this.levelId = levelId;
        this.seed = seed;
        this.loading = undefined;
        const queued = this.queue;
        this.queue = [];
        for (const m of queued) this.apply(m);
      },
      (e: unknown) => {
        this.loading = undefined;
        this.options.onLevelError?.(e);
      },
    );
  }

  private apply(m: ServerMessage): void {
    const f = this.follower!;
    switch (m.t) {
      case 'welcome':
        f.catchUp(m.log, m.ms);
        this.resyncRequested = false;
        break;
      case 'log':
        f.catchUp(m.entries, m.ms, { rebuild: m.fromSeq === 1 && this.resyncRequested });
        this.resyncRequested = false;
        break;
      case 'cmd':
        f.receive(m);
        break;
      case 'tick':
        f.setTarget(m.ms, m.pace, m.rate);
        break;
      case 'resync':
        this.requestFullLog();
        break;
      case 'ended':
        this.finalHash = m.finalHash;
        f.finish();
        break;
      default:
        break;
    }
    this.checkHealth();
  }

  private requestFullLog(): void {
    if (this.resyncRequested) return;
    this.resyncRequested = true;
    this.client.requestLog(1);
  }

  private checkHealth(): void {
    const f = this.follower;
    if (!f) return;
    if (f.divergence) this.requestFullLog();
    else if (f.gapFrom !== undefined && !this.resyncRequested && f.gapFrom !== this.gapRequested) {
      this.gapRequested = f.gapFrom;
      this.client.requestLog(f.gapFrom);
    }
  }

  private reportCheckpoints(): void {
    const f = this.follower;
    if (!f) return;
    for (const c of f.takeCheckpoints()) this.client.sendCheckpoint(c.tick, c.hash);
  }
}
