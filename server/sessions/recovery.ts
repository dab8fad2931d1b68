// Restart recovery: every room not ended is rebuilt from SQLite by replaying its log to the stored
// engine time. Clients reconnect by themselves and resume their seats.
import { replayLog } from '../../src/game/index.ts';
import type { LevelCache } from './levelCache.ts';
import type { Room, RoomInit } from './room.ts';
import type { SessionStore } from './store.ts';

export interface RecoveryHost {
  readonly store: SessionStore;
  readonly levels: LevelCache;
  wallNow(): number;
  log(message: string): void;
  /** Registers a rebuilt room (its tokens, its code) with the hub. */
  makeRoom(init: RoomInit, wall: number): Room;
}

export function recoverRooms(host: RecoveryHost): void {
  const wall = host.wallNow();
  for (const { session, seats, log } of host.store.loadLive()) {
    const lv = host.levels.get(session.levelId);
    if (!lv.ok || lv.sha256 !== session.levelSha256) {
      host.log(
        `room ${session.code}: cannot be rebuilt (${lv.ok ? 'the level file changed' : lv.message}); ended`,
      );
      host.store.end(session.id, session.nowMs, null, 'level-changed');
      continue;
    }
    // Never stop short of a logged command (the stored time is written with each of them).
    const untilMs = Math.max(session.nowMs, (log.at(-1)?.tick ?? 0) * 1000);
    const replay = replayLog(lv.level, session.seed, log, untilMs);
    if (!replay.ok) {
      host.log(
        `room ${session.code}: its log does not replay (command #${replay.index}: ${replay.rejection.code}); ended`,
      );
      host.store.end(session.id, session.nowMs, null, 'replay-failed');
      continue;
    }
    const lastSeq = new Map<string, number>();
    for (const e of log) lastSeq.set(e.seat, Math.max(lastSeq.get(e.seat) ?? 0, e.clientSeq));
    const room = host.makeRoom(
      {
        id: session.id,
        code: session.code,
        level: lv.level,
        levelSha256: lv.sha256,
        seed: session.seed,
        roles: session.roles,
        state: session.state,
        run: replay.run,
        seats: seats.map((s) => ({
          id: s.seat,
          kind: s.kind,
          name: s.name,
          role: s.role,
          tokenHash: s.tokenHash,
          removed: s.removed,
          conn: undefined,
          lastClientSeq: lastSeq.get(s.seat) ?? 0,
        })),
        log,
        runId: session.runId,
      },
      wall,
    );
    host.log(`room ${room.code}: rebuilt at tick ${room.run.state.tick} (${log.length} commands)`);
  }
}
