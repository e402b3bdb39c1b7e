import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { availableSteps, nextState, REQUEST_STATES, STEP_ACTIONS, type RequestState, type StepAction } from './workflow.ts';

/** The talent service request's course, step by step: what each state allows and where it leads. */

const EXPECTED: Record<RequestState, Partial<Record<StepAction, RequestState>>> = {
  submitted: { accept: 'accepted', decline: 'declined', note: 'submitted' },
  accepted: { coordinate: 'coordinating', complete: 'done', decline: 'declined', note: 'accepted' },
  coordinating: { coordinate: 'coordinating', complete: 'done', decline: 'declined', note: 'coordinating' },
  done: {},
  declined: {},
};

describe('the talent request workflow', () => {
  for (const state of REQUEST_STATES) {
    it(`from “${state}” allows exactly its steps`, () => {
      expect(availableSteps(state)).toEqual(STEP_ACTIONS.filter((a) => a in EXPECTED[state]));
      for (const action of STEP_ACTIONS) {
        const to = EXPECTED[state][action];
        if (to) expect(nextState(state, action)).toBe(to);
        else {
          let error: unknown;
          try {
            nextState(state, action);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(AppError);
          expect(error).toMatchObject({ code: 'INVALID_STATE', fields: [{ field: 'state' }] });
        }
      }
    });
  }
});
