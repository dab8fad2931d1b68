// The worker pool that keeps simulation off the event loop (issue 14 item 3): run verification
// (POST /api/runs), the end-of-session replay and restart recovery run in warm worker threads
// (server/verifyWorker.ts) behind one bounded global queue.
//
// Why node:worker_threads and not piscina: the pool needs a fixed set of warm workers, a FIFO
// with a priority lane and a bound, crash replacement and a per-job time limit — about 150 lines
// here, with no dependency to keep up and nothing hidden about how a worker gets the TypeScript
// loader. Workers run the same .ts sources as the server, through tsx (the loader `npm start`
// uses), registered by server/verifyWorkerBoot.mjs.
//
// The bound applies to submissions from outside (`submit`, i.e. POST /api/runs): past it the pool
// refuses at once with QueueFullError (the API answers 503 + Retry-After) instead of letting a
// queue grow that nobody will wait for. Work the server owes its rooms (a session's end, restart
// recovery) is never refused and goes ahead of queued submissions.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Level, RunFile } from '../src/game';
import type {
  ReplayInput,
  ReplayOutcome,
  SessionEndInput,
  SessionEndOutcome,
  VerifyOutcome,
  GhostInput,
  GhostOutcome,
} from './verifyJob.ts';
import type { WorkerJob, WorkerReply } from './verifyWorker.ts';

export interface VerifyPoolOptions {
  /** Worker threads (default: cores − 1, at least 1, at most 4: the event loop keeps a core). */
  size?: number;
  /** Submissions waiting (not running) at most before `submit` refuses (default 16). */
  maxQueue?: number;
  /** A job running longer than this is stopped, its worker replaced (default 60 000 ms). */
  jobTimeoutMs?: number;
  log?: (message: string) => void;
}

/** The queue is full: try again in `retryAfterS` seconds. */
export class QueueFullError extends Error {
  constructor(readonly retryAfterS: number) {
    super(`the verification queue is full; try again in ${retryAfterS} s`);
  }
}

interface Task {
  id: number;
  job: WorkerJob;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface PoolStats {
  size: number;
  busy: number;
  queued: number;
  /** Submissions refused because the queue was full, since start. */
  refused: number;
  /** Mean job time of the last jobs, ms (0 before the first). */
  meanJobMs: number;
  /** Worker start-up, ms: from `new Worker` to its ready message (the first worker's). */
  startupMs: number | undefined;
}

/** The worker's entry: plain JS that gives the thread the TypeScript loader (see the file). */
const WORKER_ENTRY = new URL('./verifyWorkerBoot.mjs', import.meta.url);
/** A worker that fails this many times in a row before it is ready is not started again. */
const MAX_START_FAILURES = 3;

export class VerifyPool {
  readonly size: number;
  private readonly maxQueue: number;
  private readonly jobTimeoutMs: number;
  private readonly log: (message: string) => void;
  private readonly slots: Slot[] = [];
  /** Work owed to rooms (ends, recovery): before any submission. */
  private readonly urgent: Task[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  /** Set when no worker can start: every job fails with it at once. */
  private broken: Error | undefined;
  private refused = 0;
  private readonly recentMs: number[] = [];
  private startupMs: number | undefined;
  /** Workers that failed before they were ready, in a row (a broken install, not a bad job). */
  private startFailures = 0;
  /** Slots given up on (their worker could not start). */
  private droppedSlots = 0;

  constructor(options: VerifyPoolOptions = {}) {
    this.size = options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
    this.maxQueue = options.maxQueue ?? 16;
    this.jobTimeoutMs = options.jobTimeoutMs ?? 60_000;
    this.log = options.log ?? ((m) => console.log(m));
  }

  /** A posted run file, verified in a worker; rejects with QueueFullError when the queue is full. */
  submit(file: RunFile, level: Level): Promise<VerifyOutcome> {
    if (this.closed) return Promise.reject(new Error('the verification pool is closed'));
    if (this.queue.length >= this.maxQueue && !this.idleSlot()) {
      this.refused++;
      return Promise.reject(new QueueFullError(this.retryAfterS()));
    }
    return this.enqueue(this.queue, { kind: 'verify', file, level }) as Promise<VerifyOutcome>;
  }

  /** A team session's final run file, played to the end and verified (never refused). */
  sessionEnd(input: SessionEndInput): Promise<SessionEndOutcome> {
    return this.enqueue(this.urgent, { kind: 'sessionEnd', input }) as Promise<SessionEndOutcome>;
  }

  /**
   * The historical response on an exercise's seed, for its comparison board (once per exercise,
   * cached by the caller; in the ordinary lane, behind posted runs, since nobody waits on it live).
   */
  ghost(input: GhostInput): Promise<GhostOutcome> {
    if (this.closed) return Promise.reject(new Error('the verification pool is closed'));
    return this.enqueue(this.queue, { kind: 'ghost', input }) as Promise<GhostOutcome>;
  }

  /** Restart recovery's replay of a room's log (never refused). */
  replay(input: ReplayInput): Promise<ReplayOutcome> {
    return this.enqueue(this.urgent, { kind: 'replay', input }) as Promise<ReplayOutcome>;
  }

  stats(): PoolStats {
    return {
      size: this.size,
      busy: this.slots.filter((s) => s.task).length,
      queued: this.queue.length + this.urgent.length,
      refused: this.refused,
      meanJobMs: this.meanJobMs(),
      startupMs: this.startupMs,
    };
  }

  /**
   * Starts every worker and resolves when all are ready. Workers otherwise start with the first
   * job (a process that never verifies pays nothing); the server warms them at start so the
   * first submission does not also pay for the start-up (~1–2 s: tsx compiles the game sources).
   */
  async warm(): Promise<void> {
    this.fill();
    while (!this.closed && !this.broken && this.slots.some((s) => !s.ready))
      await new Promise((r) => setTimeout(r, 10));
  }

  /** Stops the workers; jobs not finished are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new Error('the verification pool was closed');
    for (const t of [...this.urgent, ...this.queue]) t.reject(error);
    this.urgent.length = this.queue.length = 0;
    await Promise.all(
      this.slots.map((s) => {
        if (s.timer) clearTimeout(s.timer);
        s.task?.reject(error);
        s.task = undefined;
        return s.worker.terminate();
      }),
    );
  }

  // ------------------------------------------------------------ internals

  private meanJobMs(): number {
    if (this.recentMs.length === 0) return 0;
    return this.recentMs.reduce((a, b) => a + b, 0) / this.recentMs.length;
  }

  /** Seconds until the queue has room: its jobs shared over the workers, at their mean time. */
  private retryAfterS(): number {
    const perJob = this.meanJobMs() || 300;
    return Math.max(1, Math.ceil(((this.queue.length + 1) * perJob) / this.size / 1000));
  }

  private idleSlot(): Slot | undefined {
    return this.slots.find((s) => s.ready && !s.task);
  }

  private enqueue(lane: Task[], job: WorkerJob): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the verification pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      lane.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts workers up to `size` (lazily: on the first job or `warm`). */
  private fill(): void {
    if (this.closed || this.broken) return;
    while (this.slots.length + this.droppedSlots < this.size) this.slots.push(this.spawn());
  }

  private dispatch(): void {
    this.fill();
    for (;;) {
      const slot = this.idleSlot();
      if (!slot) return;
      const task = this.urgent.shift() ?? this.queue.shift();
      if (!task) return;
      this.start(slot, task);
    }
  }

  private start(slot: Slot, task: Task): void {
    slot.task = task;
    const started = performance.now();
    const done = task.resolve;
    task.resolve = (value) => {
      this.recentMs.push(performance.now() - started);
      if (this.recentMs.length > 20) this.recentMs.shift();
      done(value);
    };
    slot.timer = setTimeout(() => {
      this.log(`verification: a job ran over ${this.jobTimeoutMs} ms; its worker is replaced`);
      this.replace(slot, new Error(`verification took longer than ${this.jobTimeoutMs} ms`));
    }, this.jobTimeoutMs);
    slot.worker.postMessage({ id: task.id, job: task.job });
  }

  private spawn(): Slot {
    const t0 = performance.now();
    const worker = new Worker(WORKER_ENTRY);
    const slot: Slot = { worker, ready: false, task: undefined, timer: undefined };
    // Workers never keep the process alive: closing the server is enough to exit.
    worker.unref();
    worker.on('message', (m: WorkerReply | { ready: true }) => {
      if ('ready' in m) {
        slot.ready = true;
        this.startFailures = 0;
        this.startupMs ??= performance.now() - t0;
        this.dispatch();
        return;
      }
      const task = slot.task;
      if (!task || task.id !== m.id) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.task = slot.timer = undefined;
      if (m.ok) task.resolve(m.value);
      else task.reject(new Error(`verification worker: ${m.error}`));
      this.dispatch();
    });
    worker.on('error', (err) => {
      this.log(`verification worker failed: ${err.stack ?? err.message}`);
      this.replace(slot, err);
    });
    worker.on('exit', (code) => {
      if (this.closed || !this.slots.includes(slot)) return;
      this.replace(slot, new Error(`verification worker exited with code ${code}`));
    });
    return slot;
  }

  /** Fails the slot's job (if any) and puts a fresh worker in its place. */
  private replace(slot: Slot, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    if (slot.timer) clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = slot.timer = undefined;
    void slot.worker.terminate();
    task?.reject(error);
    if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES) {
      // Restarting would only fail again: drop the slot, and when none is left, fail the queue
      // rather than leave its callers waiting for ever.
      this.slots.splice(i, 1);
      this.droppedSlots++;
      this.log(`verification worker cannot start (${error.message}); ${this.slots.length} left`);
      if (this.slots.length === 0) {
        const fatal = new Error(`no verification worker could start: ${error.message}`);
        for (const t of [...this.urgent, ...this.queue]) t.reject(fatal);
        this.urgent.length = this.queue.length = 0;
        this.broken = fatal;
      }
      return;
    }
    this.slots[i] = this.spawn();
  }
}
