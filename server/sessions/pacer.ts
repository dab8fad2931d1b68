// The pacer: every room's clock, advanced on a timer in slices so the event loop stays free, each
// slice's clocks written to SQLite before they are broadcast, and (when asked) one stats line.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Room } from './room.ts';
import type { SessionStore } from './store.ts';

/** Longest stretch of pacing work before the event loop gets a turn (commands, sockets). */
const PACE_SLICE_MS = 4;

export interface PacerDeps {
  rooms: ReadonlyMap<string, Room>;
  store: SessionStore;
  wallNow: () => number;
  log: (message: string) => void;
  /** Open connections, for the stats line. */
  connectionCount: () => number;
}

export class Pacer {
  /** A pass over the rooms that has not finished yet (the next timer tick then skips). */
  private pacing = false;
  private stopped = false;
  private loopDelay: IntervalHistogram | undefined;
  /** Durations (ms) since the last stats line: command handling, pacing work per pass. */
  private readonly cmdMs: number[] = [];
  private readonly paceMs: number[] = [];

  constructor(private readonly deps: PacerDeps) {}

  /** Starts measuring the event loop for the stats line. */
  startStats(): void {
    this.loopDelay = monitorEventLoopDelay({ resolution: 10 });
    this.loopDelay.enable();
  }

  /** Runs `handle`, timing it when stats are on. */
  timeCommand(handle: () => void): void {
    if (!this.loopDelay) return handle();
    const t0 = performance.now();
    handle();
    if (this.cmdMs.length < 100_000) this.cmdMs.push(performance.now() - t0);
  }

  /**
   * The pacing step for every room. The pass yields to the event loop every PACE_SLICE_MS, so with
   * hundreds of rooms a command arriving mid-pass waits for one slice, not for the whole pass.
   * Each slice advances its rooms, writes their clocks in one transaction, then announces them.
   */
  paceAll(): void {
    if (this.pacing || this.stopped) return;
    this.pacing = true;
    const rooms = [...this.deps.rooms.values()];
    let i = 0;
    let work = 0;
    const slice = () => {
      if (this.stopped) return;
      const started = performance.now();
      const wall = this.deps.wallNow();
      const batch: Room[] = [];
      while (i < rooms.length && performance.now() - started < PACE_SLICE_MS) {
        const room = rooms[i++]!;
        if (this.deps.rooms.get(room.code) !== room) continue;
        try {
          room.advance(wall);
          batch.push(room);
        } catch (e) {
          this.failed(room, e);
        }
      }
      // The slice's clocks are written before they are broadcast (like commands): a restart
      // gives back the clock the clients last saw, not one from an earlier pass.
      this.persistClocks(batch);
      for (const room of batch) {
        try {
          if (room.announce(wall)) room.end('finished', wall);
        } catch (e) {
          this.failed(room, e);
        }
      }
      work += performance.now() - started;
      if (i < rooms.length) {
        setImmediate(slice);
        return;
      }
      if (this.loopDelay && this.paceMs.length < 100_000) this.paceMs.push(work);
      this.pacing = false;
    };
    slice();
  }

  private failed(room: Room, e: unknown): void {
    this.deps.log(`room ${room.code}: pacing failed: ${(e as Error).stack ?? String(e)}`);
  }

  /** Writes, in one transaction, the engine time of those of `rooms` whose clock moved. */
  persistClocks(rooms: Iterable<Room>): void {
    const moved: { id: number; nowMs: number }[] = [];
    const marked: Room[] = [];
    for (const r of rooms) {
      if (r.state === 'ended' || r.ms === r.persistedMs) continue;
      moved.push({ id: r.id, nowMs: r.ms });
      marked.push(r);
    }
    try {
      this.deps.store.saveNow(moved);
      for (const r of marked) r.persistedMs = r.ms;
    } catch (e) {
      // A full disk must not stop the class: the clocks go on and are written when it can.
      this.deps.store.noteError(e);
      this.deps.log(`saving room clocks failed: ${(e as Error).message}`);
    }
  }

  logStats(): void {
    const d = this.loopDelay;
    if (!d) return;
    this.deps.log(
      `session-stats ${JSON.stringify({
        rooms: this.deps.rooms.size,
        connections: this.deps.connectionCount(),
        commands: this.cmdMs.length,
        cmdMsP50: quantile(this.cmdMs, 0.5),
        cmdMsP99: quantile(this.cmdMs, 0.99),
        paceWorkMsP50: quantile(this.paceMs, 0.5),
        paceWorkMsP99: quantile(this.paceMs, 0.99),
        loopDelayMsP50: Math.round(d.percentile(50) / 1e4) / 100,
        loopDelayMsP99: Math.round(d.percentile(99) / 1e4) / 100,
        loopDelayMsMax: Math.round(d.max / 1e4) / 100,
      })}`,
    );
    this.cmdMs.length = 0;
    this.paceMs.length = 0;
    d.reset();
  }

  /** Stops pacing and saves every clock that moved. */
  stop(): void {
    this.stopped = true;
    this.loopDelay?.disable();
    this.persistClocks(this.deps.rooms.values());
  }
}

function quantile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return (
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 100) / 100
  );
}
