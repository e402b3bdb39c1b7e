import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.ts';
import { nextOutcome, nextProviderState, PROVIDER_DECISIONS, PROVIDER_STATES, type ProviderDecision, type ProviderState } from './workflow.ts';

/** The provider's approval and the referral's outcome, as declared: every pair of state and step, allowed or refused with INVALID_STATE. */
describe('the provider workflow', () => {
  const allowed: Record<ProviderState, Partial<Record<ProviderDecision, ProviderState>>> = {
    pending: { approve: 'approved', reject: 'rejected' },
    approved: { suspend: 'suspended' },
    rejected: { approve: 'approved' },
    suspended: { approve: 'approved' },
  };
  for (const state of PROVIDER_STATES) {
    for (const decision of PROVIDER_DECISIONS) {
      const to = allowed[state][decision];
      it(`${state} + ${decision} → ${to ?? 'refused'}`, () => {
        if (to) expect(nextProviderState(state, decision)).toBe(to);
        else expect(() => nextProviderState(state, decision)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }) as AppError);
      });
    }
  }
});

describe('the referral outcome', () => {
  it('goes once from 对接中 to 已服务 or 未达成, and never on', () => {
    expect(nextOutcome('in_progress', 'served')).toBe('served');
    expect(nextOutcome('in_progress', 'not_reached')).toBe('not_reached');
    for (const final of ['served', 'not_reached'] as const) {
      expect(() => nextOutcome(final, 'served')).toThrow(/不能记录为已服务/);
      expect(() => nextOutcome(final, 'not_reached')).toThrow(/不能记录为未达成/);
    }
  });
});
