import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { appFlowMachine, screenOf, type AppFlowEvent } from '../../../src/ui/appFlow.machine';

const EVENTS: AppFlowEvent[] = [
  { type: 'boot.done' },
  { type: 'assets.progress', progress: 0.5 },
  { type: 'assets.loaded' },
  { type: 'assets.failed', file: 'audio/click.wav', reason: 'HTTP 404' },
  { type: 'assets.retry' },
  { type: 'menu.newGame' },
  { type: 'menu.continue', levelId: 'backbone-isp' },
  { type: 'menu.runs' },
  { type: 'level.choose', levelId: 'backbone-isp' },
  { type: 'briefing.start' },
  { type: 'run.pause' },
  { type: 'run.resume' },
  { type: 'run.end' },
  { type: 'run.quit' },
  { type: 'debrief.done' },
  { type: 'nav.back' },
];

const ALL_SCREENS = [
  'booting',
  'loading',
  'loadFailed',
  'title',
  'levelSelect',
  'runs',
  'briefing',
  'running.live',
  'running.paused',
  'debrief',
];

describe('appFlowMachine', () => {
  it('should reach every screen by some path of events (model-based)', () => {
    const paths = getShortestPaths(appFlowMachine, {
      events: EVENTS,
      serializeState: (s) => screenOf(s.value),
    });
    const reached = new Set(paths.map((p) => screenOf(p.state.value)));
    expect([...reached].sort()).toEqual([...ALL_SCREENS].sort());
    // Replaying each path on a live actor lands in the same screen.
    for (const path of paths) {
      const actor = createActor(appFlowMachine).start();
      for (const step of path.steps) actor.send(step.event);
      expect(screenOf(actor.getSnapshot().value)).toBe(screenOf(path.state.value));
    }
  });

  it('should keep loading progress monotonic and within 0..1', () => {
    const actor = createActor(appFlowMachine).start();
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
    const actor = createActor(appFlowMachine).start();
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
    const actor = createActor(appFlowMachine).start();
    for (const type of ['boot.done', 'assets.loaded', 'menu.newGame'] as const)
      actor.send({ type });
    actor.send({ type: 'level.choose', levelId: '' });
    expect(screenOf(actor.getSnapshot().value)).toBe('levelSelect');
    actor.send({ type: 'level.choose', levelId: 'backbone-isp' });
    expect(actor.getSnapshot().context.levelId).toBe('backbone-isp');
  });

  it('should continue a saved run straight into the running screen', () => {
    const actor = createActor(appFlowMachine).start();
    for (const type of ['boot.done', 'assets.loaded'] as const) actor.send({ type });
    actor.send({ type: 'menu.continue', levelId: '' });
    expect(screenOf(actor.getSnapshot().value)).toBe('title');
    actor.send({ type: 'menu.continue', levelId: 'backbone-isp' });
    expect(screenOf(actor.getSnapshot().value)).toBe('running.live');
    expect(actor.getSnapshot().context.levelId).toBe('backbone-isp');
  });

  it('should open the run library from the title and go back', () => {
    const actor = createActor(appFlowMachine).start();
    for (const type of ['boot.done', 'assets.loaded', 'menu.runs'] as const) actor.send({ type });
    expect(screenOf(actor.getSnapshot().value)).toBe('runs');
    actor.send({ type: 'menu.newGame' });
    expect(screenOf(actor.getSnapshot().value)).toBe('runs');
    actor.send({ type: 'nav.back' });
    expect(screenOf(actor.getSnapshot().value)).toBe('title');
  });

  it('should ignore events that do not belong to the current screen', () => {
    const actor = createActor(appFlowMachine).start();
    actor.send({ type: 'run.end' });
    actor.send({ type: 'menu.newGame' });
    expect(screenOf(actor.getSnapshot().value)).toBe('booting');
  });
});
