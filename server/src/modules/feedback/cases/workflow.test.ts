import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { SATISFACTIONS } from './kinds.ts';
import { ACTIONS, CASE_ACTIONS, CASE_STATES, requireTransition, stateAfterRating, type CaseState } from './workflow.ts';

describe('the feedback case workflow', () => {
  it('refuses every action on an archived case (read-only)', () => {
    for (const action of CASE_ACTIONS) expect(() => requireTransition('archived', action), action).toThrow(/已归档/);
  });

  it('re-opens a case only once, on a dissatisfied rating', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SATISFACTIONS), fc.constantFrom(0, 1), (s, reopened) => {
        const to = stateAfterRating(s, reopened);
        expect(to).toBe(s === 'dissatisfied' && reopened === 0 ? 'assigned' : 'closed');
      }),
    );
  });

  it('leads every action only to a state it declares', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATES), fc.constantFrom(...CASE_ACTIONS), fc.constantFrom(...CASE_STATES), (from: CaseState, action, target: CaseState) => {
        let check: ((t: CaseState) => CaseState) | null = null;
        try {
          check = requireTransition(from, action);
        } catch (error) {
          expect(error instanceof AppError && error.code === 'INVALID_STATE').toBe(true);
          expect(ACTIONS[action].from).not.toContain(from);
          return;
        }
        const to = ACTIONS[action].to;
        const allowed = to === 'unchanged' ? target === from : to.includes(target);
        if (allowed) expect(check(target)).toBe(target);
        else expect(() => check(target)).toThrow();
      }),
    );
  });
});
