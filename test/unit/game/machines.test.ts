// Model-based tests: xstate/graph walks each machine and must reach every state; the incident
// machine's pure transition() over a log must reproduce the plain-function run exactly.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyStateMachine } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { contactMachine } from '../../../src/game/contact.machine';
import { hashGame } from '../../../src/game/incident';
import { incidentMachine, type IncidentEvent } from '../../../src/game/incident.machine';
import { injectMachine } from '../../../src/game/inject.machine';
import { replayLog } from '../../../src/game/run';
import { staffMachine } from '../../../src/game/staff.machine';
import { taskMachine } from '../../../src/game/task.machine';
import { levelVariant, tick } from './helpers';

/** All leaf state ids of a flat machine. */
const leafStates = (m: AnyStateMachine) => Object.keys(m.root.states);

function reached(paths: { state: { value: unknown } }[]): Set<string> {
  return new Set(paths.map((p) => JSON.stringify(p.state.value).replace(/"/g, '')));
}

describe('lifecycle machines', () => {
  it('task machine should reach running, done and failed', () => {
    const paths = getShortestPaths(taskMachine, {
      events: [{ type: 'task.land' }, { type: 'task.fail' }],
    });
    expect([...reached(paths)].sort()).toEqual(leafStates(taskMachine).sort());
  });

  it('staff machine should reach off, en route, free and busy', () => {
    const paths = getShortestPaths(staffMachine, {
      events: [
        { type: 'staff.call' },
        { type: 'staff.arrive' },
        { type: 'staff.assign' },
        { type: 'staff.release' },
      ],
    });
    expect([...reached(paths)].sort()).toEqual(leafStates(staffMachine).sort());
  });

  it('inject machine should reach every state', () => {
    const paths = getShortestPaths(injectMachine, {
      events: [
        { type: 'inject.arm' },
        { type: 'inject.fire', hasChoices: true },
        { type: 'inject.fire', hasChoices: false },
        { type: 'inject.answer' },
        { type: 'inject.expire' },
      ],
    });
    expect([...reached(paths)].sort()).toEqual(leafStates(injectMachine).sort());
  });

  it('contact machine should reach every state, timely and late', () => {
    const paths = getShortestPaths(contactMachine, {
      events: [{ type: 'contact.expect' }, { type: 'contact.deadline' }, { type: 'contact.sent' }],
    });
    expect([...reached(paths)].sort()).toEqual(leafStates(contactMachine).sort());
  });
});

describe('incident machine', () => {
  // A short level (ends 14:20, before the worm) keeps "finish" cheap while the graph is explored.
  const level = levelVariant((j) => {
    j.meta.end = '2003-01-25T14:20:00+09:00';
    j.history.response = [];
  });

  it('should reach live, skipping, paused and ended', () => {
    const events: IncidentEvent[] = [
      { type: 'clock.pause', role: 'facilitator' },
      { type: 'clock.resume', role: 'facilitator' },
      { type: 'clock.skip', role: 'facilitator' },
      { type: 'frame', realMs: 100 },
      { type: 'finish' },
    ];
    const paths = getShortestPaths(incidentMachine, {
      input: { level, seed: 7 },
      events,
      // States are told apart by their value; the run inside differs on every path.
      serializeState: (s) => JSON.stringify(s.value),
    });
    expect([...reached(paths)].sort()).toEqual(leafStates(incidentMachine).sort());
  });

  it('should refuse commands with a rejection in context, never an exception', () => {
    const [s0] = initialTransition(incidentMachine, { level, seed: 1 });
    const [s1] = transition(incidentMachine, s0, {
      type: 'filter.apply',
      role: 'network',
      args: { device: 'intl-hyehwa', direction: 'ingress' },
    });
    expect(s1.context.lastOutcome).toMatchObject({
      ok: false,
      rejection: { code: 'PRECONDITION' },
    });
    expect(s1.context.run.log).toHaveLength(0);
  });

  it('pure transition() over a log should reproduce the run', () => {
    const full = levelVariant(() => {});
    const log: IncidentEvent[] = [
      { type: 'diag.linkGraphs', role: 'network', tick: tick('2003-01-25T14:10:00+09:00') },
      {
        type: 'staff.call',
        role: 'commander',
        args: { staff: 'sys-han' },
        tick: tick('2003-01-25T14:12:00+09:00'),
      },
      {
        type: 'clock.speed',
        role: 'facilitator',
        args: { speed: 2 },
        tick: tick('2003-01-25T14:12:00+09:00'),
      },
      {
        type: 'dns.addServers',
        role: 'systems',
        args: { cluster: 'dns-hyehwa', servers: 2 },
        tick: tick('2003-01-25T14:31:07+09:00'),
      },
      { type: 'advance', tick: tick('2003-01-25T14:45:00+09:00') },
    ];
    let [snap] = initialTransition(incidentMachine, { level: full, seed: 3 });
    for (const e of log) [snap] = transition(incidentMachine, snap, e);
    const run = snap.context.run;
    expect(run.log).toHaveLength(4);
    const replay = replayLog(full, 3, run.log, run.state.engine.tMs);
    expect(replay.ok).toBe(true);
    expect(hashGame(replay.run.state)).toBe(hashGame(run.state));
    expect(replay.run.checkpoints).toEqual(run.checkpoints);
  });
});
