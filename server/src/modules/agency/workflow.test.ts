import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.ts';
import { availableAgencyActions, requireAgencyTransition } from './workflow.ts';

/** The agency workflow as data: who may act in which state. */
describe('agency workflow', () => {
  it('offers the staff the steps of each state, and the enterprise only confirm and withdraw', () => {
    expect(availableAgencyActions('requested', 'staff')).toEqual(['accept', 'decline', 'withdraw']);
    expect(availableAgencyActions('accepted', 'staff')).toEqual(['withdraw', 'sign', 'receive_material', 'return_material']);
    expect(availableAgencyActions('in_progress', 'staff')).toEqual(['receive_material', 'return_material', 'activity', 'file_application', 'finish']);
    expect(availableAgencyActions('done', 'staff')).toEqual(['return_material', 'follow_up']);
    expect(availableAgencyActions('done', 'enterprise')).toEqual(['confirm']);
    expect(availableAgencyActions('requested', 'enterprise')).toEqual(['withdraw']);
    expect(availableAgencyActions('followed_up', 'staff')).toEqual([]);
    expect(availableAgencyActions('declined', 'staff')).toEqual([]);
  });

  it('refuses a follow-up before done (INVALID_STATE, saying why) and a confirmation by staff (FORBIDDEN)', () => {
    const early = (() => {
      try {
        requireAgencyTransition('in_progress', 'follow_up', 'staff');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(early).toMatchObject({ code: 'INVALID_STATE', userMessage: expect.stringContaining('尚未办结') });
    expect(() => requireAgencyTransition('done', 'confirm', 'staff')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }) as Error);
    expect(() => requireAgencyTransition('signed', 'finish', 'staff')).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }) as Error);
    expect(requireAgencyTransition('in_progress', 'finish', 'staff')('done')).toBe('done');
  });
});
