// The view snapshot and the incident machine as a running actor — how the UI uses the core.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { incidentMachine } from '../../../src/game/incident.machine';
import { advanceToTick, createRun } from '../../../src/game/run';
import { snapshotView } from '../../../src/game/view';
import { fixtureLevel, must, tick } from './helpers';

describe('snapshotView', () => {
  const level = fixtureLevel();

  it('should show monitoring, staff, tasks, injects, contacts and the score as plain data', () => {
    let run = advanceToTick(createRun(level, 1), tick('2003-01-25T14:40:00+09:00'));
    run = must(run, 'network', 'diag.linkGraphs');
    const v = snapshotView(run);
    expect(v.timeIso).toBe('2003-01-25T14:40:00+09:00');
    expect(v.monitoring.links.length).toBeGreaterThan(0);
    expect(v.staff.find((s) => s.id === 'noc-kim')!.name.en).toMatch(/Kim/);
    expect(v.tasks).toEqual([
      expect.objectContaining({ type: 'diag.linkGraphs', status: 'running', progress: 0 }),
    ]);
    expect(v.activeInjects.map((i) => i.id)).toEqual(['ids-noise']);
    const fired = run.state.injects.find((i) => i.id === 'ids-noise')!.firedTick!;
    expect(v.activeInjects[0]!.expiresAt).toBe(fired + 20 * 60);
    expect(v.contacts.find((c) => c.id === 'kisa')!.status).toBe('quiet');
    expect(v.commands.find((c) => c.type === 'filter.apply')).toMatchObject({
      requires: ['knowsUdp1434'],
      staffFree: 1,
    });
    expect(Object.keys(v.score.parts)).toHaveLength(11);
    expect(v.discussion).toEqual([]);
    // Plain JSON: survives a round trip (it can cross a worker or a socket).
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it('should reveal the facilitator questions as their time comes', () => {
    const v = snapshotView(advanceToTick(createRun(level, 1), tick('2003-01-25T16:00:00+09:00')));
    expect(v.discussion.map((d) => d.module)).toEqual(['detection', 'response']);
  });
});

describe('incident actor', () => {
  it('should run frames, take commands and report rejections like the UI will use it', () => {
    const actor = createActor(incidentMachine, {
      input: { level: fixtureLevel(), seed: 2 },
    }).start();
    for (let i = 0; i < 20; i++) actor.send({ type: 'frame', realMs: 250 });
    const t1 = actor.getSnapshot().context.run.state.engine.tMs;
    expect(t1).toBeGreaterThan(0);
    actor.send({ type: 'clock.pause', role: 'solo' });
    expect(actor.getSnapshot().value).toBe('paused');
    const pausedAt = actor.getSnapshot().context.run.state.engine.tMs;
    actor.send({ type: 'frame', realMs: 250 });
    expect(actor.getSnapshot().context.run.state.engine.tMs).toBe(pausedAt);
    actor.send({
      type: 'filter.apply',
      role: 'solo',
      args: { device: 'intl-hyehwa', direction: 'ingress' },
    });
    expect(actor.getSnapshot().context.lastOutcome).toMatchObject({
      ok: false,
      rejection: { code: 'PRECONDITION' },
    });
    actor.send({ type: 'worm.wish', role: 'solo' } as never);
    expect(actor.getSnapshot().context.lastOutcome).toMatchObject({
      ok: false,
      rejection: { code: 'UNKNOWN_COMMAND' },
    });
    actor.send({ type: 'clock.resume', role: 'solo' });
    expect(actor.getSnapshot().value).toBe('live');
    actor.send({ type: 'finish' });
    expect(actor.getSnapshot().value).toBe('ended');
    expect(actor.getSnapshot().context.run.log.map((c) => c.type)).toEqual([
      'clock.pause',
      'clock.resume',
    ]);
    actor.stop();
  });
});
