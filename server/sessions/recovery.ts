// Restart recovery: every room not ended is rebuilt from SQLite by replaying its log to the stored
// engine time. The replays run in parallel on the verifier (the app's worker pool); each room is
// rebuilt as its replay returns. Clients reconnect by themselves and resume their seats (their
// upgrades wait for recovery: gate.ts).
import type { LevelCache } from './levelCache.ts';
import type { SessionHubOptions } from './options.ts';
import type { Room, RoomInit } from './room.ts';
import type { SessionStore } from './store.ts';

type Live = ReturnType<SessionStore['loadLive']>[number];

export interface RecoveryHost {
  readonly store: SessionStore;
  readonly levels: LevelCache;
  readonly verifier: Pick<NonNullable<SessionHubOptions['verifier']>, 'replay'>;
  wallNow(): number;
  log(message: string): void;
  /** Registers a rebuilt room (its tokens, its code) with the hub. */
  makeRoom(init: RoomInit, wall: number): Room;
}

export async function recoverRooms(host: RecoveryHost): Promise<void> {
  await Promise.all(
    host.store.loadLive().map(async (live) => {
      try {
        await rebuild(host, live);
      } catch (e) {
        host.log(`room ${live.session.code}: cannot be rebuilt: ${(e as Error).message}`);
      }
    }),
  );
}

async function rebuild(
  host: RecoveryHost,
  { session, seats, log, observations }: Live,
): Promise<void> {
  const lv = host.levels.get(session.levelId);
  if (!lv.ok || lv.sha256 !== session.levelSha256) {
    host.log(
      `room ${session.code}: cannot be rebuilt (${lv.ok ? 'the level file changed' : lv.message}); ended`,
    );
    host.store.end(session.id, session.nowMs, null, 'level-changed');
    return;
  }
  // Never stop short of a logged command (the stored time is written with each of them).
  const untilMs = Math.max(session.nowMs, (log.at(-1)?.tick ?? 0) * 1000);
  const replay = await host.verifier.replay({
    level: lv.level,
    seed: session.seed,
    log: log.map((e) => ({ tick: e.tick, role: e.role, type: e.type, args: e.args })),
    untilMs,
  });
  if (!replay.ok) {
    host.log(
      `room ${session.code}: its log does not replay (command #${replay.index}: ${replay.code}); ended`,
    );
    host.store.end(session.id, session.nowMs, null, 'replay-failed');
    return;
  }
  const wall = host.wallNow();
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
      // The worker's run comes back without its level (it travels once, not per room).
      run: { ...replay.run, level: lv.level },
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
      exerciseId: session.exerciseId,
      team: session.team,
      bots: session.bots,
      evaluatorHash: session.evaluatorHash,
      observations,
    },
    wall,
  );
  host.log(`room ${room.code}: rebuilt at tick ${room.run.state.tick} (${log.length} commands)`);
}
