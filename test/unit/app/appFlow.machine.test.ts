import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor, type AnyStateMachine } from 'xstate';
import { getShortestPaths, getStateNodes } from 'xstate/graph';
import {
  appFlowMachine,
  screenOf,
  type AppFlowEvent,
  type AppFlowContext,
} from '../../../src/ui/appFlow.machine';
import { sceneForScreen } from '../../../src/ui/sceneDirector';
import type { SessionMakers } from '../../../src/ui/session/sessionMakers';
import type { AnySession } from '../../../src/ui/session/anySession';
import { parseLevel, type Level, type Run, type RunFile } from '../../../src/game';

const parsed = parseLevel(
  JSON.parse(readFileSync(new URL('../../../levels/tutorial.json', import.meta.url), 'utf8')),
);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const level: Level = parsed.level;

/** A value the machine only carries to the makers (which here are fakes and never look inside). */
const carried = <T>(name: string) => ({ carried: name }) as unknown as T;

/** A stand-in session: its mode, and a record of what the machine did to it. */
interface FakeSession {
  mode: AnySession['mode'];
  ended: boolean;
  level: Level;
  disposed: number;
  kept: number;
  closed: number;
  dispose(): void;
  keepAfterEnd(): FakeSession | undefined;
  close(): void;
}

function fakeSession(mode: AnySession['mode'], opts: { keep?: boolean } = {}): FakeSession {
  const s: FakeSession = {
    mode,
    ended: false,
    level,
    disposed: 0,
    kept: 0,
    closed: 0,
    dispose: () => void s.disposed++,
    keepAfterEnd: () => {
      s.kept++;
      if (opts.keep) return s;
      s.disposed++;
      return undefined;
    },
    close: () => void s.closed++,
  };
  return s;
}

/** Fake makers: every session they make is kept in `made`, in order. */
function fakeMakers(overrides: Partial<SessionMakers> = {}) {
  const made: FakeSession[] = [];
  const make = (s: FakeSession) => {
    made.push(s);
    return s as unknown as never;
  };
  const makers: SessionMakers = {
    solo: () => make(fakeSession('solo')),
    resume: () => make(fakeSession('solo')),
    replay: () => make(fakeSession('replay')),
    fork: () => make(fakeSession('solo')),
    team: () => make(fakeSession('team', { keep: true })),
    ...overrides,
  };
  return { makers, made };
}

/** One example of every event the app sends, keyed by type: the compiler insists on all of them. */
const EXAMPLES: { [K in AppFlowEvent['type']]: Extract<AppFlowEvent, { type: K }> } = {
  'boot.done': { type: 'boot.done' },
  'assets.progress': { type: 'assets.progress', progress: 0.5 },
  'assets.loaded': { type: 'assets.loaded' },
  'assets.failed': { type: 'assets.failed', file: 'audio/click.wav', reason: 'HTTP 404' },
  'assets.retry': { type: 'assets.retry' },
  'menu.newGame': { type: 'menu.newGame' },
  'menu.runs': { type: 'menu.runs' },
  'menu.team': { type: 'menu.team' },
  'run.continue': {
    type: 'run.continue',
    level,
    run: carried<Run>('restored run'),
    history: [],
  },
  'team.join': {
    type: 'team.join',
    link: carried('team link'),
    welcome: carried('welcome'),
    early: [],
  },
  'team.leave': { type: 'team.leave' },
  'team.start': { type: 'team.start' },
  'replay.open': { type: 'replay.open', level, file: carried<RunFile>('run file'), storedId: 1 },
  'replay.fork': { type: 'replay.fork' },
  'level.choose': { type: 'level.choose', levelId: 'tutorial' },
  'solo.start': { type: 'solo.start', level, seed: 7 },
  'run.pause': { type: 'run.pause' },
  'run.resume': { type: 'run.resume' },
  'run.end': { type: 'run.end' },
  'run.quit': { type: 'run.quit' },
  'debrief.done': { type: 'debrief.done' },
  'nav.back': { type: 'nav.back' },
};

/** Every screen the machine has: its leaf states, named as `screenOf` names them. */
function screensOf(machine: AnyStateMachine): string[] {
  return getStateNodes(machine.root)
    .filter((n) => n.type === 'atomic')
    .map((n) => n.path.join('.'))
    .sort();
}

/** Every event type some state of the machine handles. */
function eventTypesOf(machine: AnyStateMachine): string[] {
  return [...new Set(getStateNodes(machine.root).flatMap((n) => n.ownEvents))].sort();
}

/** The shortest path of events to each screen, found by walking the machine itself. */
function pathsToScreens(machine: AnyStateMachine) {
  const { makers } = fakeMakers();
  const paths = getShortestPaths(machine, {
    input: { makers },
    events: eventTypesOf(machine).map((type) => EXAMPLES[type as AppFlowEvent['type']]),
    // A screen with or without a session (and which kind) is a different place to be.
    serializeState: (s) =>
      `${screenOf(s.value)}|${(s.context as AppFlowContext).session?.mode ?? '-'}`,
  });
  return new Map(paths.map((p) => [screenOf(p.state.value), p.steps.map((s) => s.event)]));
}

const boot = (makers: SessionMakers) => {
  const actor = createActor(appFlowMachine, { input: { makers } }).start();
  for (const type of ['boot.done', 'assets.loaded'] as const) actor.send({ type });
  return actor;
};
const screen = (actor: ReturnType<typeof boot>) => screenOf(actor.getSnapshot().value);

describe('appFlowMachine', () => {
  it('should have an example for every event its states handle', () => {
    expect(eventTypesOf(appFlowMachine)).toEqual(Object.keys(EXAMPLES).sort());
  });

  it('should reach every screen by paths derived from the machine, each shown by a scene', () => {
    const screens = screensOf(appFlowMachine);
    expect(screens.length).toBeGreaterThanOrEqual(12);
    const paths = pathsToScreens(appFlowMachine);
    expect([...paths.keys()].sort()).toEqual(screens);
    for (const s of screens) expect(sceneForScreen(s), s).toBeDefined();
    // Each path, replayed on a live actor with fresh makers, lands on its screen.
    for (const [target, events] of paths) {
      const actor = createActor(appFlowMachine, { input: fakeMakers() }).start();
      for (const e of events) actor.send(e);
      expect(screenOf(actor.getSnapshot().value), events.map((e) => e.type).join(' → ')).toBe(
        target,
      );
    }
  });

  it('should notice a screen that no path reaches any more', () => {
    // No level may be chosen: the briefing cannot be reached (running still can, by Continue).
    const broken = appFlowMachine.provide({ guards: { hasLevelId: () => false } });
    const reached = new Set(pathsToScreens(broken).keys());
    expect(screensOf(broken).filter((s) => !reached.has(s))).toEqual(['briefing']);
  });

  it('should keep loading progress monotonic and within 0..1', () => {
    const actor = createActor(appFlowMachine, { input: fakeMakers() }).start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'assets.progress', progress: 0.6 });
    actor.send({ type: 'assets.progress', progress: 0.3 });
    expect(actor.getSnapshot().context.progress).toBe(0.6);
    actor.send({ type: 'assets.progress', progress: 7 });
    expect(actor.getSnapshot().context.progress).toBe(1);
    actor.send({ type: 'assets.progress', progress: Number.NaN });
    expect(actor.getSnapshot().context.progress).toBe(1);
  });

  it('should record which file failed and clear it on retry', () => {
    const actor = createActor(appFlowMachine, { input: fakeMakers() }).start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'assets.failed', file: 'audio/click.wav', reason: 'HTTP 404' });
    expect(screenOf(actor.getSnapshot().value)).toBe('loadFailed');
    expect(actor.getSnapshot().context.failure).toEqual({
      file: 'audio/click.wav',
      reason: 'HTTP 404',
    });
    actor.send({ type: 'assets.retry' });
    expect(actor.getSnapshot().context.failure).toBeUndefined();
    expect(screenOf(actor.getSnapshot().value)).toBe('loading');
  });

  it('should refuse a level choice without an id', () => {
    const actor = boot(fakeMakers().makers);
    actor.send({ type: 'menu.newGame' });
    actor.send({ type: 'level.choose', levelId: '' });
    expect(screen(actor)).toBe('levelSelect');
    actor.send({ type: 'level.choose', levelId: 'tutorial' });
    expect(actor.getSnapshot().context.levelId).toBe('tutorial');
  });

  it('should make the solo run on start and dispose of it on quit', () => {
    const { makers, made } = fakeMakers();
    const actor = boot(makers);
    actor.send({ type: 'menu.newGame' });
    actor.send(EXAMPLES['level.choose']);
    actor.send(EXAMPLES['solo.start']);
    expect(screen(actor)).toBe('running.live');
    expect(actor.getSnapshot().context.session).toBe(made[0]);
    actor.send({ type: 'run.quit' });
    expect(screen(actor)).toBe('title');
    expect(made[0].disposed).toBe(1);
    expect(actor.getSnapshot().context.session).toBeUndefined();
  });

  it('should continue a saved run straight into the running screen', () => {
    const { makers, made } = fakeMakers();
    const actor = boot(makers);
    actor.send(EXAMPLES['run.continue']);
    expect(screen(actor)).toBe('running.live');
    expect(actor.getSnapshot().context.levelId).toBe('tutorial');
    expect(actor.getSnapshot().context.session).toBe(made[0]);
  });

  it('should stay on the screen and say why when a session cannot be made', () => {
    const { makers } = fakeMakers({
      replay: () => {
        throw new Error('TICK_IN_PAST at 14:03');
      },
    });
    const actor = boot(makers);
    actor.send({ type: 'menu.runs' });
    actor.send(EXAMPLES['replay.open']);
    expect(screen(actor)).toBe('runs');
    expect(actor.getSnapshot().context.sessionError).toBe('TICK_IN_PAST at 14:03');
    expect(actor.getSnapshot().status).toBe('active');
    actor.send({ type: 'nav.back' });
    expect(screen(actor)).toBe('title');
  });

  it('should fork a replay into a solo run and dispose of the replay', () => {
    const { makers, made } = fakeMakers();
    const actor = boot(makers);
    actor.send({ type: 'menu.runs' });
    actor.send(EXAMPLES['replay.open']);
    expect(screen(actor)).toBe('replaying');
    const replay = made[0];
    replay.ended = true;
    actor.send({ type: 'replay.fork' });
    expect(screen(actor)).toBe('replaying');
    replay.ended = false;
    actor.send({ type: 'replay.fork' });
    expect(screen(actor)).toBe('running.live');
    expect(replay.disposed).toBe(1);
    expect(actor.getSnapshot().context.session).toBe(made[1]);
    expect(made[1].mode).toBe('solo');
  });

  it('should close a replay when going back to the run library', () => {
    const { makers, made } = fakeMakers();
    const actor = boot(makers);
    actor.send({ type: 'menu.runs' });
    actor.send(EXAMPLES['replay.open']);
    actor.send({ type: 'nav.back' });
    expect(screen(actor)).toBe('runs');
    expect(made[0].disposed).toBe(1);
  });

  it('should keep a team seat open through the debrief and close it after', () => {
    const { makers, made } = fakeMakers();
    const actor = boot(makers);
    actor.send({ type: 'menu.team' });
    actor.send({ type: 'team.start' });
    expect(screen(actor)).toBe('team');
    actor.send(EXAMPLES['team.join']);
    actor.send({ type: 'team.start' });
    expect(screen(actor)).toBe('running.live');
    actor.send({ type: 'run.end' });
    expect(screen(actor)).toBe('debrief');
    const seat = made[0];
    expect([seat.kept, seat.disposed, seat.closed]).toEqual([1, 0, 0]);
    expect(actor.getSnapshot().context.endedSeat).toEqual({ seat, open: true });
    actor.send({ type: 'debrief.done' });
    expect(seat.closed).toBe(1);
    expect(actor.getSnapshot().context.endedSeat).toBeUndefined();
  });

  it('should dispose of a solo run that ends, keeping no seat', () => {
    const { makers, made } = fakeMakers();
    const actor = boot(makers);
    actor.send(EXAMPLES['run.continue']);
    actor.send({ type: 'run.end' });
    expect(screen(actor)).toBe('debrief');
    expect(made[0].disposed).toBe(1);
    expect(actor.getSnapshot().context.endedSeat).toBeUndefined();
  });

  it('should dispose of the lobby seat when leaving it or the team screen', () => {
    const { makers, made } = fakeMakers();
    const actor = boot(makers);
    actor.send({ type: 'menu.team' });
    actor.send(EXAMPLES['team.join']);
    actor.send({ type: 'team.leave' });
    expect(made[0].disposed).toBe(1);
    expect(screen(actor)).toBe('team');
    actor.send(EXAMPLES['team.join']);
    actor.send({ type: 'nav.back' });
    expect(made[1].disposed).toBe(1);
    expect(screen(actor)).toBe('title');
  });

  it('should open the run library from the title and go back', () => {
    const actor = boot(fakeMakers().makers);
    actor.send({ type: 'menu.runs' });
    expect(screen(actor)).toBe('runs');
    actor.send({ type: 'menu.newGame' });
    expect(screen(actor)).toBe('runs');
    actor.send({ type: 'nav.back' });
    expect(screen(actor)).toBe('title');
  });

  it('should ignore events that do not belong to the current screen', () => {
    const actor = createActor(appFlowMachine, { input: fakeMakers() }).start();
    actor.send({ type: 'run.end' });
    actor.send({ type: 'menu.newGame' });
    expect(screenOf(actor.getSnapshot().value)).toBe('booting');
  });
});
