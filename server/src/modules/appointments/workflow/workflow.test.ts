import { describe, expect, it } from 'vitest';
import { APPOINTMENT_ACTIONS, APPOINTMENT_ACTORS, APPOINTMENT_STATES, type AppointmentAction, type AppointmentActor, type AppointmentState } from '../contract.ts';
import { APPOINTMENT_WORKFLOW, isActive, isFinal, nextState } from './workflow.ts';

/** Every (state, action, actor) the workflow allows, written out by hand: the table must say exactly this. */
const ALLOWED: [AppointmentState, AppointmentAction, AppointmentActor, AppointmentState][] = [
  ['booked', 'reschedule', 'applicant', 'booked'],
  ['booked', 'reschedule', 'staff', 'booked'],
  ['booked', 'cancel', 'applicant', 'cancelled'],
  ['booked', 'cancel', 'staff', 'cancelled'],
  ['booked', 'cancel', 'system', 'cancelled'],
  ['booked', 'check_in', 'kiosk', 'checked_in'],
  ['booked', 'check_in', 'staff', 'checked_in'],
  ['booked', 'arrive_late', 'kiosk', 'arrived_late'],
  ['booked', 'arrive_late', 'staff', 'arrived_late'],
  ['no_show', 'arrive_late', 'kiosk', 'arrived_late'],
  ['no_show', 'arrive_late', 'staff', 'arrived_late'],
  ['booked', 'mark_no_show', 'system', 'no_show'],
];

describe('appointment workflow', () => {
  it('allows exactly the listed transitions, for every state, action and actor', () => {
    let checked = 0;
    for (const state of APPOINTMENT_STATES) {
      for (const action of APPOINTMENT_ACTIONS) {
        for (const actor of APPOINTMENT_ACTORS) {
          const expected = ALLOWED.find(([s, a, who]) => s === state && a === action && who === actor);
          if (expected) {
            expect(nextState(state, action, actor)).toBe(expected[3]);
          } else {
            const isActorAllowed = (APPOINTMENT_WORKFLOW.actions[action].actors as readonly string[]).includes(actor);
            expect(() => nextState(state, action, actor)).toThrow(expect.objectContaining({ code: isActorAllowed ? 'INVALID_STATE' : 'FORBIDDEN' }));
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBe(APPOINTMENT_STATES.length * APPOINTMENT_ACTIONS.length * APPOINTMENT_ACTORS.length);
  });

  it('final states have no way out; a no-show can still arrive late; only booked and checked-in hold a place', () => {
    for (const state of APPOINTMENT_STATES) {
      const exits = APPOINTMENT_ACTIONS.filter((a) => (APPOINTMENT_WORKFLOW.actions[a].from as readonly string[]).includes(state));
      expect(isFinal(state), state).toBe(exits.length === 0);
    }
    expect(APPOINTMENT_STATES.filter(isActive)).toEqual(['booked', 'checked_in']);
  });

  it('names the state in the refusal a person reads', () => {
    expect(() => nextState('cancelled', 'check_in', 'kiosk')).toThrow(expect.objectContaining({ userMessage: '该预约已取消，不能签到' }));
  });
});
