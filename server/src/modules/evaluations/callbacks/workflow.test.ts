import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, CALLBACK_ACTIONS, CALLBACK_STATES, availableActions, requireTransition, stateAfterContact, stateAfterVerdict, UNREACHED_ATTEMPTS_LIMIT, VERDICTS } from './workflow.ts';

describe('the callback workflow', () => {
  it('moves an open callback on with a reached contact, or with the third unreached attempt', () => {
    expect(stateAfterContact('open', false)).toBe('open');
    expect(stateAfterContact('open', false, 1)).toBe('open');
    expect(stateAfterContact('open', false, UNREACHED_ATTEMPTS_LIMIT - 1)).toBe('open');
    expect(stateAfterContact('open', false, UNREACHED_ATTEMPTS_LIMIT)).toBe('contacted');
    expect(stateAfterContact('open', true)).toBe('contacted');
    for (const state of ['contacted', 'verified', 'rectifying'] as const) expect(stateAfterContact(state, true)).toBe(state);
  });

  it('closes an unfounded review at verification and sends the others to rectification', () => {
    expect(VERDICTS.map(stateAfterVerdict)).toEqual(['verified', 'verified', 'closed']);
  });

  it('offers nothing on a closed callback, and never the system’s exclusion as a button', () => {
    expect(availableActions('closed')).toEqual([]);
    for (const state of CALLBACK_STATES) expect(availableActions(state)).not.toContain('exclude');
  });

  it('refuses every action from a state it does not start from, and allows only the targets it declares', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CALLBACK_STATES), fc.constantFrom(...CALLBACK_ACTIONS), fc.constantFrom(...CALLBACK_STATES), (state, action, target) => {
        const info = ACTIONS[action];
        if (!info.from.includes(state)) {
          expect(() => requireTransition(state, action)).toThrow(/不能/);
          return;
        }
        const check = requireTransition(state, action);
        const isAllowed = info.to === 'unchanged' ? target === state : info.to.includes(target);
        if (isAllowed) expect(check(target)).toBe(target);
        else expect(() => check(target)).toThrow();
      }),
    );
  });
});
