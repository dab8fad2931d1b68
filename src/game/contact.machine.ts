/**
 * Communications with one contact (KISA, the ministry, customers, press…). Until the organisation
 * knows it has an incident nobody expects a call (`quiet`). Detection starts the contact's clock
 * (`expecting`); past its `expectWithinMin` the contact is `overdue`. Sending a message moves it
 * to `informed` — timely or late depending on where it came from, which the scoring reads. Later
 * messages keep it informed (updates).
 */
import { setup } from 'xstate';
import { nextStatus } from './lifecycle';

export type ContactStatus = 'quiet' | 'expecting' | 'overdue' | 'informedTimely' | 'informedLate';
export type ContactEvent =
  { type: 'contact.expect' } | { type: 'contact.deadline' } | { type: 'contact.sent' };

export const contactMachine = setup({
  types: { events: {} as ContactEvent },
}).createMachine({
  id: 'contact',
  initial: 'quiet',
  states: {
    quiet: { on: { 'contact.expect': 'expecting', 'contact.sent': 'informedTimely' } },
    expecting: { on: { 'contact.deadline': 'overdue', 'contact.sent': 'informedTimely' } },
    overdue: { on: { 'contact.sent': 'informedLate' } },
    informedTimely: {},
    informedLate: {},
  },
});

export const nextContactStatus = (status: ContactStatus, event: ContactEvent): ContactStatus =>
  nextStatus(contactMachine, status, event);
