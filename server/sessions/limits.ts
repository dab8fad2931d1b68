// Abuse limits: a token bucket per connection (messages) and a sliding-window counter per key
// (failed joins per IP, sessions created per IP). Both take the time as an argument so tests can
// drive them without waiting.

/** Classic token bucket: `capacity` messages at once, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Counts events per key over a sliding window; `allowed` says whether another one may happen. */
export class WindowCounter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }

  allowed(key: string, now: number): boolean {
    return this.recent(key, now).length < this.max;
  }

  /** How many more events `key` may have now (an exercise of N rooms needs N). */
  remaining(key: string, now: number): number {
    return Math.max(0, this.max - this.recent(key, now).length);
  }

  /** Whole seconds until `allowed` turns true again (at least 1). */
  retryAfterS(key: string, now: number): number {
    const list = this.recent(key, now);
    if (list.length < this.max) return 1;
    const oldest = list[list.length - this.max]!;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  record(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.hits.set(key, list);
  }

  /** Drops keys with nothing recent (called from the hub's sweep, so the map cannot grow forever). */
  sweep(now: number): void {
    for (const key of [...this.hits.keys()]) this.recent(key, now);
  }
}

/**
 * How much a connection floods: each refused message adds one, and the score drains at
 * `drainPerSecond`. Messages the bucket still lets through (it refills a little at a time) do not
 * reset it, so a sustained flood is closed even though every hundredth message is accepted; a
 * client that only sometimes bursts past its bucket drains back to zero.
 */
export class FloodMeter {
  private score = 0;
  private last: number;

  constructor(
    now: number,
    private readonly closeAt = 200,
    private readonly drainPerSecond = 50,
  ) {
    this.last = now;
  }

  /** Records a refused message; true when the connection should now be closed. */
  refused(now: number): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.score = Math.max(0, this.score - elapsed * this.drainPerSecond) + 1;
    return this.score >= this.closeAt;
  }
}
