// Guessing room codes, limited without locking a class out.
//
// Failures are counted per address *and* code: a student retyping the same typo counts once, a
// guesser needs a new code per guess. Past the limit an address is not refused: its joins take a
// slow lane that looks a code up once per `windowMs / max` (the average rate the limit allows),
// and every connection of that address waiting with the same code gets that one answer. So a whole
// class behind one NAT with the right code is let in together after one wait, while a guesser
// learns whether a code is valid no faster than the limit. Valid and invalid codes take the same
// path and the same wait, so the timing says nothing. A code that let someone in from an address
// is known to that address and needs no lane. Resumes are never limited here: a 256-bit token
// cannot be guessed, and a valid one must always work.
//
// Pure bookkeeping: the time is an argument, the caller runs the timer and answers the waiters.

/** Distinct codes one address may have waiting in its lane; more are refused at once. */
export const MAX_QUEUED_CODES = 4;

interface Lane<W> {
  /** Earliest wall time of the next lookup. */
  nextAt: number;
  waiting: Map<string, Set<W>>;
}

export type Admission = 'now' | 'queued' | 'refused';

export class JoinLimiter<W> {
  private readonly failures = new Map<string, Map<string, number>>();
  private readonly known = new Map<string, Map<string, number>>();
  private readonly lanes = new Map<string, Lane<W>>();
  /** Time between two slow-lane lookups of one address. */
  readonly intervalMs: number;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {
    this.intervalMs = Math.ceil(windowMs / max);
  }

  /** Distinct wrong codes from this address within the window. */
  failureCount(address: string, now: number): number {
    const codes = this.failures.get(address);
    if (!codes) return 0;
    for (const [code, at] of codes) if (now - at >= this.windowMs) codes.delete(code);
    if (codes.size === 0) this.failures.delete(address);
    return codes.size;
  }

  limited(address: string, now: number): boolean {
    return this.failureCount(address, now) >= this.max;
  }

  recordFailure(address: string, code: string, now: number): void {
    const codes = this.failures.get(address) ?? new Map<string, number>();
    codes.set(code, now);
    this.failures.set(address, codes);
  }

  /** The code exists (joined, full or ended): this address may use it without waiting. */
  recordKnown(address: string, code: string, now: number): void {
    const codes = this.known.get(address) ?? new Map<string, number>();
    codes.set(code, now);
    this.known.set(address, codes);
  }

  private isKnown(address: string, code: string, now: number): boolean {
    const at = this.known.get(address)?.get(code);
    return at !== undefined && now - at < this.windowMs;
  }

  /** Whether a join for `code` from `address` is answered now, waits in the lane, or is refused. */
  admit(address: string, code: string, waiter: W, now: number): Admission {
    if (!this.limited(address, now) || this.isKnown(address, code, now)) return 'now';
    let lane = this.lanes.get(address);
    if (!lane) {
      lane = { nextAt: now, waiting: new Map() };
      this.lanes.set(address, lane);
    }
    const same = lane.waiting.get(code);
    if (same) {
      same.add(waiter);
      return 'queued';
    }
    // Decided on the number of codes waiting, never on the code: no oracle here either.
    if (lane.waiting.size >= MAX_QUEUED_CODES) return 'refused';
    lane.waiting.set(code, new Set([waiter]));
    return 'queued';
  }

  /** Wall time at which a join queued now would be looked up (for the waiting notice). */
  nextLookup(address: string, now: number): number {
    const lane = this.lanes.get(address);
    if (!lane) return now;
    return Math.max(now, lane.nextAt) + (lane.waiting.size - 1) * this.intervalMs;
  }

  /** A waiter that went away (closed connection). */
  cancel(address: string, which: (waiter: W) => boolean): void {
    const lane = this.lanes.get(address);
    if (!lane) return;
    for (const [code, set] of lane.waiting) {
      for (const w of set) if (which(w)) set.delete(w);
      if (set.size === 0) lane.waiting.delete(code);
    }
  }

  /** The lookups due now: at most one code per address per interval, with everyone waiting for it. */
  due(now: number): { address: string; code: string; waiters: W[] }[] {
    const out: { address: string; code: string; waiters: W[] }[] = [];
    for (const [address, lane] of this.lanes) {
      if (now < lane.nextAt) continue;
      const first = lane.waiting.entries().next();
      if (first.done) continue;
      const [code, waiters] = first.value;
      lane.waiting.delete(code);
      lane.nextAt = now + this.intervalMs;
      out.push({ address, code, waiters: [...waiters] });
    }
    return out;
  }

  /** Forgets what has aged out, so the maps cannot grow without bound. */
  sweep(now: number): void {
    for (const address of [...this.failures.keys()]) this.failureCount(address, now);
    for (const [address, codes] of this.known) {
      for (const [code, at] of codes) if (now - at >= this.windowMs) codes.delete(code);
      if (codes.size === 0) this.known.delete(address);
    }
    for (const [address, lane] of this.lanes)
      if (lane.waiting.size === 0 && now >= lane.nextAt) this.lanes.delete(address);
  }
}
