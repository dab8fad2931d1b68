// How the app-flow machine builds each kind of session. The machine decides when a session is born
// and when it ends; this module only knows the constructors. The replay viewer's and the team
// seat's classes are not on the solo game's first download: the loaders of the screens that open
// them (src/main.ts) hand them over with `provide` when their chunk arrives.
import type { Level, Run, RunFile } from '../../game';
import type { ServerMessage } from '../../net/protocol';
import type { TeamLink } from '../../net/teamLink';
import type { AudioCues } from '../../audio/audio';
import { clearAutosave } from './autosave';
import { SoloSession } from './soloSession';
import type { ReplaySession } from './replaySession';
import type { TeamSession, Welcome } from './teamSession';

/** What the team lobby has once the server welcomed the seat and its level is loaded. */
export interface TeamJoin {
  link: TeamLink;
  welcome: Welcome;
  /** Frames that arrived between the welcome and the end of the level's loading, in order. */
  early: readonly ServerMessage[];
}

export interface SessionMakers {
  /** A new solo run; the autosave of the previous one goes. */
  solo(level: Level, seed: number): SoloSession;
  /** A saved run taken up again, with its graphs' history (the autosave's, unchecked). */
  resume(level: Level, run: Run, history: unknown): SoloSession;
  /** A stored run in the replay viewer (the timeline is built here: it re-simulates the run). */
  replay(level: Level, file: RunFile, storedId?: number): ReplaySession;
  /** A replay taken over at the moment it shows, as a new solo run. */
  fork(replay: ReplaySession): SoloSession;
  /** The seat the team lobby was welcomed to. */
  team(join: TeamJoin): TeamSession;
}

export interface LazySessionClasses {
  ReplaySession?: typeof ReplaySession;
  TeamSession?: typeof TeamSession;
}

/** The makers the browser game uses, and `provide` for the classes that come with lazy screens. */
export type BrowserSessionMakers = SessionMakers & { provide(classes: LazySessionClasses): void };

/** Names the screen whose chunk brings a session class that is asked for before it arrived. */
function loaded<T>(cls: T | undefined, screen: string): T {
  if (!cls) throw new Error(`${screen} not loaded yet`);
  return cls;
}

export function browserSessionMakers(
  audio: AudioCues,
  storage: Pick<Storage, 'setItem' | 'removeItem'>,
): BrowserSessionMakers {
  const classes: LazySessionClasses = {};
  const solo = (level: Level, start: { seed: number } | { run: Run }) =>
    new SoloSession(level, start, audio, storage);
  return {
    provide: (c) => Object.assign(classes, c),
    solo(level, seed) {
      clearAutosave(storage);
      return solo(level, { seed });
    },
    resume(level, run, history) {
      const session = solo(level, { run });
      session.history.restore(history, run.state.tick);
      return session;
    },
    replay: (level, file, storedId) =>
      new (loaded(classes.ReplaySession, 'replay viewer'))(level, file, storedId),
    fork(replay) {
      const run = replay.fork();
      const session = solo(replay.level, { run });
      // The player takes over at the normal pace, not at the speed the recorded run happened to
      // be playing at then (a clock command in the fork's own log).
      if (run.state.clock.speed !== 1) session.command('clock.speed', { speed: 1 });
      // The graphs go on from the replay's history instead of starting empty at the fork.
      session.history.restore(replay.history.samples, run.state.tick);
      return session;
    },
    team: (join) =>
      new (loaded(classes.TeamSession, 'team lobby'))(join.link, join.welcome, audio, join.early),
  };
}
