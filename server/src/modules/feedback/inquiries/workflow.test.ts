import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { ACTIONS, INQUIRY_ACTIONS, INQUIRY_OUTCOMES, mayAct, transition } from './workflow.ts';

const someone = fc.constantFrom('a', 'b', 'c', 'd');
const row = fc.record({
  outcome: fc.constantFrom(...INQUIRY_OUTCOMES),
  firstResponderId: someone,
  receivedBy: fc.option(someone, { nil: null }),
  transferStaffId: fc.option(someone, { nil: null }),
  transferDepartmentId: fc.option(fc.constantFrom('d1', 'd2'), { nil: null }),
});
const who = fc.record({ id: someone, departmentId: fc.option(fc.constantFrom('d1', 'd2'), { nil: null }) });

describe('the first-inquiry workflow', () => {
  it('leads each action from where it starts to where it declares, and refuses it elsewhere', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INQUIRY_OUTCOMES), fc.constantFrom(...INQUIRY_ACTIONS), (outcome, action) => {
        if (ACTIONS[action].from.includes(outcome)) expect(transition(outcome, action)).toBe(ACTIONS[action].to);
        else expect(() => transition(outcome, action)).toThrow(AppError);
      }),
    );
  });

  it('lets only the holder answer and never lets the first responder receive their own transfer', () => {
    fc.assert(
      fc.property(row, who, (r, w) => {
        if (mayAct('reply', r, w)) expect(w.id).toBe(r.receivedBy ?? r.firstResponderId);
        if (mayAct('receive', r, w)) {
          expect(r.outcome).toBe('transferred');
          expect(w.id).not.toBe(r.firstResponderId);
          expect(w.id === r.transferStaffId || (r.transferStaffId === null && w.departmentId === r.transferDepartmentId)).toBe(true);
        }
      }),
    );
  });

  it('owes nothing once answered, directed or outside the remit', () => {
    for (const outcome of ['answered', 'directed', 'outside_center'] as const) {
      for (const action of INQUIRY_ACTIONS) expect(() => transition(outcome, action)).toThrow(/不能/);
    }
  });
});
