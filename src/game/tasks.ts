/**
 * Tasks: an accepted command that takes time holds its staff until its due tick, then lands — its
 * effect reaches the engine or the game — or fails (the level's failure chance, drawn from the
 * game's seeded PRNG, or the network refusing the change by then). Status changes go through
 * task.machine.ts.
 */
import { applyAction } from './engineBridge';
import { engineActionFor, ruleFor } from './commands';
import type { ParsedCommand } from './commandSchema';
import { sendMessage, startExpectations } from './comms';
import { diagnose } from './diagnosis';
import type { GameState, TaskState } from './gameState';
import type { Flag, Level, LocalText } from './levelSchema';
import { drawFloat } from '../engine/prng';
import type { Role } from './roles';
import { assign, callIn, release } from './staff';
import { nextTaskStatus } from './task.machine';
import { paceCampaigns, receiveRequest, setCampaign } from './procedures';

/** Flags that count as "the organisation has detected the worm" for time-to-detect. */
const DETECTION_FLAGS: Flag[] = ['knowsWorm', 'knowsUdp1434'];

export const TASK_FAILED_TEXT: LocalText = {
  ko: '작업이 실패했습니다. 다시 지시해야 합니다.',
  en: 'The task failed and has to be ordered again.',
};

/** Starts an accepted non-instant command as a task holding its staff. */
export function startTask(
  state: GameState,
  level: Level,
  role: Role,
  cmd: ParsedCommand,
  by?: 'procedure',
): GameState {
  const rule = ruleFor(level, cmd.type)!;
  const id = state.nextTaskId;
  let staff = state.staff;
  let ids: string[] = [];
  if (rule.skill && rule.staff > 0) ({ staff, ids } = assign(staff, rule.skill, rule.staff, id));
  const task: TaskState = {
    id,
    command: cmd,
    role,
    startTick: state.tick,
    dueTick: state.tick + Math.round(rule.durationMin * 60),
    staff: ids,
    status: 'running',
    ...(by ? { by } : {}),
  };
  return {
    ...state,
    staff,
    tasks: [...state.tasks, task],
    nextTaskId: id + 1,
    feed: [
      ...state.feed,
      by
        ? // Staff acting on their own: the feed says who, so the log shows it was not an order.
          {
            tick: state.tick,
            kind: 'procedure.started',
            params: { task: id, command: cmd.type, role, staff: ids[0] ?? '' },
          }
        : { tick: state.tick, kind: 'task.started', params: { task: id, command: cmd.type, role } },
    ],
  };
}

/** Sets knowledge/status flags; the first detection flag starts time-to-detect and the contacts' clocks. */
export function setFlags(state: GameState, level: Level, flags: readonly Flag[]): GameState {
  const fresh = flags.filter((f) => state.flags[f] === undefined);
  if (fresh.length === 0) return state;
  const next = { ...state.flags };
  for (const f of fresh) next[f] = state.tick;
  let s: GameState = { ...state, flags: next };
  const detectedBefore = DETECTION_FLAGS.some((f) => state.flags[f] !== undefined);
  const detectedNow = DETECTION_FLAGS.some((f) => next[f] !== undefined);
  if (!detectedBefore && detectedNow) {
    s = {
      ...s,
      acc: { ...s.acc, detectTick: s.acc.onsetTick !== null ? s.tick : s.acc.detectTick },
    };
    s = startExpectations(s, level);
  }
  return s;
}

function finishTask(
  s: GameState,
  task: TaskState,
  ok: boolean,
  failure?: TaskState['failure'],
): GameState {
  const status = nextTaskStatus(task.status, { type: ok ? 'task.land' : 'task.fail' });
  return {
    ...s,
    staff: release(s.staff, task.id),
    tasks: s.tasks.map((t) =>
      t.id === task.id ? { ...t, status, ...(failure ? { failure } : {}) } : t,
    ),
    feed: [
      ...s.feed,
      {
        tick: s.tick,
        kind: ok ? 'task.done' : 'task.failed',
        params: { task: task.id, command: task.command.type },
      },
    ],
  };
}

/** A task reaches its due tick: roll for failure, then apply its effect. */
export function landTask(state: GameState, level: Level, task: TaskState): GameState {
  let s = state;
  const chance = level.commands[task.command.type]?.failureChance ?? 0;
  if (chance > 0) {
    const [u, rng] = drawFloat(s.rng);
    s = { ...s, rng };
    if (u < chance) return finishTask(s, task, false, TASK_FAILED_TEXT);
  }
  const cmd = task.command;
  if (cmd.type === 'patch.start' || cmd.type === 'patch.stop') {
    // A campaign moves at the pace of free hands (procedures.ts), whatever rate was typed.
    s = setCampaign(s, cmd.args.segment, cmd.type === 'patch.start' ? cmd.args.hostsPerHour : null);
    if (cmd.type === 'patch.stop') {
      const r = applyAction(s.engine, level.engine, {
        type: 'patch.stop',
        segment: cmd.args.segment,
      });
      if (r.ok) s = { ...s, engine: r.state };
    }
    s = finishTask(s, task, true);
    return paceCampaigns(s, level);
  }
  const action = engineActionFor(cmd);
  if (action) {
    const r = applyAction(s.engine, level.engine, action);
    if (!r.ok) {
      return finishTask(s, task, false, {
        ko: `네트워크가 변경을 받아들이지 않았습니다: ${r.message}`,
        en: `The network did not accept the change: ${r.message}`,
      });
    }
    s = { ...s, engine: r.state };
    return finishTask(s, task, true);
  }
  const diag = diagnose(cmd, s.engine, level.engine);
  if (diag) {
    s = {
      ...s,
      observations: [
        ...s.observations,
        { tick: s.tick, command: cmd.type, data: diag.data, text: diag.text },
      ],
    };
    s = setFlags(s, level, diag.flags);
    return finishTask(s, task, true);
  }
  switch (cmd.type) {
    case 'staff.call': {
      const [luck, rng] = drawFloat(s.rng);
      s = {
        ...s,
        rng,
        staff: callIn(
          s.staff,
          cmd.args.staff,
          s.tick,
          level,
          s.flags.escalated !== undefined,
          luck,
        ),
      };
      break;
    }
    case 'incident.escalate':
      s = setFlags(s, level, ['escalated']);
      break;
    case 'comms.send':
      s = sendMessage(s, level, cmd.args.to, cmd.args.blocks, cmd.args.claims);
      for (const b of cmd.args.blocks) s = receiveRequest(s, level, cmd.args.to, b);
      break;
    default:
      break;
  }
  return finishTask(s, task, true);
}
