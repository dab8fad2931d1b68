/**
 * A task's lifecycle: staff work on it until its due tick; then it either lands (its effect is
 * applied to the engine or the game) or fails (the failure chance drawn from the game PRNG, or
 * the network no longer accepting the change). Failed and done are final; staff are released in
 * both.
 */
import { setup } from 'xstate';
import { nextStatus } from './lifecycle';

export type TaskStatus = 'running' | 'done' | 'failed';
export type TaskEvent = { type: 'task.land' } | { type: 'task.fail' };

export const taskMachine = setup({
  types: { events: {} as TaskEvent },
}).createMachine({
  id: 'task',
  initial: 'running',
  states: {
    running: { on: { 'task.land': 'done', 'task.fail': 'failed' } },
    done: { type: 'final' },
    failed: { type: 'final' },
  },
});

export const nextTaskStatus = (status: TaskStatus, event: TaskEvent): TaskStatus =>
  nextStatus(taskMachine, status, event);
