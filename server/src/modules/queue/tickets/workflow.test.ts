import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { TICKET_ACTIONS, TICKET_STATES, type TicketAction, type TicketState } from '../contract.ts';
import { isAtCounter, isCallable, isFinal, nextState, TICKET_ACTORS, TICKET_WORKFLOW, type TicketActor } from './workflow.ts';

/** The workflow written out the long way, to check the table against. */
const EXPECTED: Record<TicketAction, { actor: TicketActor; moves: Partial<Record<TicketState, TicketState>> }[]> = {
  call: [{ actor: 'counter', moves: { waiting: 'called', transferred: 'called' } }],
  recall: [{ actor: 'counter', moves: { called: 'called' } }],
  start: [{ actor: 'counter', moves: { called: 'serving' } }],
  no_show: [{ actor: 'counter', moves: { called: 'no_show' } }],
  transfer: [{ actor: 'counter', moves: { called: 'transferred', serving: 'transferred' } }],
  finish: [{ actor: 'counter', moves: { serving: 'done' } }],
  cancel: [
    { actor: 'desk', moves: { waiting: 'cancelled', transferred: 'cancelled' } },
    { actor: 'holder', moves: { waiting: 'cancelled', transferred: 'cancelled' } },
  ],
  expire: [{ actor: 'system', moves: { waiting: 'cancelled', called: 'cancelled', serving: 'cancelled', transferred: 'cancelled' } }],
};

describe('ticket workflow', () => {
  it('answers every state × action × actor as the long-hand table says', () => {
    let checked = 0;
    for (const state of TICKET_STATES) {
      for (const action of TICKET_ACTIONS) {
        for (const actor of TICKET_ACTORS) {
          const rule = EXPECTED[action].find((r) => r.actor === actor);
          const expected = rule?.moves[state];
          const run = () => nextState(state, action, actor);
          if (!rule) {
            expect(run, `${actor} ${action} ${state}`).toThrowError(AppError);
            expect(catchCode(run)).toBe('FORBIDDEN');
          } else if (!expected) {
            expect(catchCode(run), `${actor} ${action} ${state}`).toBe('INVALID_STATE');
          } else {
            expect(run(), `${actor} ${action} ${state}`).toBe(expected);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBe(TICKET_STATES.length * TICKET_ACTIONS.length * TICKET_ACTORS.length);
  });

  it('never leaves a final state, and every non-final state can still end', () => {
    for (const state of TICKET_STATES) {
      const leaving = TICKET_ACTIONS.filter((a) => (TICKET_WORKFLOW.actions[a].from as readonly TicketState[]).includes(state));
      if (isFinal(state)) expect(leaving, state).toEqual([]);
      else expect(leaving, state).toContain('expire');
    }
  });

  it('classifies states consistently', () => {
    for (const state of TICKET_STATES) {
      expect([isCallable(state), isAtCounter(state), isFinal(state)].filter(Boolean).length, state).toBe(1);
    }
  });
});

function catchCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
  return undefined;
}
