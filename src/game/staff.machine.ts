/**
 * One staff member's day: off shift until called, en route for their call-in time, then free or
 * busy on a task. Nobody goes home during the incident (a Saturday outage keeps everyone), so there
 * is no way back to `off`.
 */
import { setup } from 'xstate';
import { nextStatus } from './lifecycle';

/** The states of the staff machine, as stored in the game state. */
export type StaffStatus = 'off' | 'enRoute' | 'free' | 'busy';

export type StaffEvent =
  | { type: 'staff.call' }
  | { type: 'staff.arrive' }
  | { type: 'staff.assign' }
  | { type: 'staff.release' };

export const staffMachine = setup({
  types: { events: {} as StaffEvent },
}).createMachine({
  id: 'staff',
  initial: 'off',
  states: {
    off: { on: { 'staff.call': 'enRoute' } },
    enRoute: { on: { 'staff.arrive': 'free' } },
    free: { on: { 'staff.assign': 'busy' } },
    busy: { on: { 'staff.release': 'free' } },
  },
});

export const nextStaffStatus = (status: StaffStatus, event: StaffEvent): StaffStatus =>
  nextStatus(staffMachine, status, event);
