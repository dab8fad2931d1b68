/**
 * An inject's lifecycle. Time-triggered injects go pending → active/informed when their time
 * comes; condition-triggered ones are first armed by the engine event (with an optional delay)
 * and fire later. An inject with choices waits for an answer and, if it has a deadline, expires
 * into its default choice; one without choices is only information.
 */
import { setup } from 'xstate';
import { nextStatus } from './lifecycle';

export type InjectStatus = 'pending' | 'armed' | 'active' | 'informed' | 'answered' | 'expired';
export type InjectEvent =
  | { type: 'inject.arm' }
  | { type: 'inject.fire'; hasChoices: boolean }
  | { type: 'inject.answer' }
  | { type: 'inject.expire' };

export const injectMachine = setup({
  types: { events: {} as InjectEvent },
  guards: {
    'has choices': ({ event }) => event.type === 'inject.fire' && event.hasChoices,
  },
}).createMachine({
  id: 'inject',
  initial: 'pending',
  states: {
    pending: {
      on: {
        'inject.arm': 'armed',
        'inject.fire': [{ guard: 'has choices', target: 'active' }, { target: 'informed' }],
      },
    },
    armed: {
      on: { 'inject.fire': [{ guard: 'has choices', target: 'active' }, { target: 'informed' }] },
    },
    active: { on: { 'inject.answer': 'answered', 'inject.expire': 'expired' } },
    informed: { type: 'final' },
    answered: { type: 'final' },
    expired: { type: 'final' },
  },
});

export const nextInjectStatus = (status: InjectStatus, event: InjectEvent): InjectStatus =>
  nextStatus(injectMachine, status, event);
