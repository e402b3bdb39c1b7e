import { describe, expect, it } from 'vitest';
import { FACILITY_STATUSES } from './contract.ts';
import { FACILITY_WORKFLOW, refusal } from './workflow.ts';

describe('the facility workflow', () => {
  it('a fault, its repair started and finished, bring a facility back in service', () => {
    expect(FACILITY_WORKFLOW.require('in_service', 'report_fault', 'staff', refusal)('faulty')).toBe('faulty');
    expect(FACILITY_WORKFLOW.next('faulty', 'start_repair', 'manager', refusal)).toBe('under_repair');
    expect(FACILITY_WORKFLOW.next('under_repair', 'finish_repair', 'manager', refusal)).toBe('in_service');
  });

  it('refuses finishing a repair that never started, naming why', () => {
    for (const state of ['in_service', 'faulty'] as const) {
      const check = FACILITY_WORKFLOW.check(state, 'finish_repair', 'manager');
      expect(check).toMatchObject({ ok: false, reason: 'state' });
      expect(check.ok ? '' : check.message).toContain('尚未开始维修');
    }
    expect(() => FACILITY_WORKFLOW.next('faulty', 'finish_repair', 'manager', refusal)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });

  it('lets any staff member report a fault and only the manager do the rest', () => {
    for (const state of FACILITY_STATUSES) {
      const staff = FACILITY_WORKFLOW.available(state, ['staff']);
      expect(staff).toEqual(state === 'retired' ? [] : ['report_fault']);
    }
    expect(FACILITY_WORKFLOW.available('faulty', ['manager'])).toEqual(['edit', 'report_fault', 'start_repair', 'retire']);
    expect(FACILITY_WORKFLOW.available('retired', ['manager'])).toEqual(['edit', 'reinstate']);
  });
});
