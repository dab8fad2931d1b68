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

export class BrowserSessionMakers implements SessionMakers {
  private readonly classes: LazySessionClasses = {};

  constructor(
    private readonly audio: AudioCues,
    private readonly storage: Pick<Storage, 'setItem' | 'removeItem'>,
  ) {}

  /** Called by a lazy screen's loader with the session class its chunk brought. */
  provide(classes: LazySessionClasses): void {
    Object.assign(this.classes, classes);
  }

  solo(level: Level, seed: number): SoloSession {
    clearAutosave(this.storage);
    return new SoloSession(level, { seed }, this.audio, this.storage);
  }

  resume(level: Level, run: Run, history: unknown): SoloSession {
    const session = new SoloSession(level, { run }, this.audio, this.storage);
    session.history.restore(history, run.state.tick);
    return session;
  }

  replay(level: Level, file: RunFile, storedId?: number): ReplaySession {
    const Replay = this.classes.ReplaySession;
    if (!Replay)
      throw new Error('replay: the replay viewer is not loaded (open the run library first)');
    return new Replay(level, file, storedId);
  }

  fork(replay: ReplaySession): SoloSession {
    const run = replay.fork();
    const solo = new SoloSession(replay.level, { run }, this.audio, this.storage);
    // The player takes over at the normal pace, not at the speed the recorded run happened to be
    // playing at then (a clock command in the fork's own log).
    if (run.state.clock.speed !== 1) solo.command('clock.speed', { speed: 1 });
    // The graphs go on from the replay's history instead of starting empty at the fork.
    solo.history.restore(replay.history.samples, run.state.tick);
    return solo;
  }

  team(join: TeamJoin): TeamSession {
    const Team = this.classes.TeamSession;
    if (!Team) throw new Error('team: the team screens are not loaded (open the team lobby first)');
    return new Team(join.link, join.welcome, this.audio, join.early);
  }
}
