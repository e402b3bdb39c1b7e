import { AppError } from '../../../platform/errors.ts';
import { defineWorkflow } from '../../../platform/workflow/define.ts';
import type { FacilityStatus } from './contract.ts';

/**
 * A facility's status (4.2.2), declared as data:
 *
 *   (register) ──▶ in_service ──report_fault──▶ faulty ──start_repair──▶ under_repair ──finish_repair──▶ in_service
 *   a further report on a faulty (or under-repair) facility joins its open fault: the status stays;
 *   retire: in service or faulty (its open fault is closed as retired) ──▶ retired ──reinstate──▶ in_service
 *
 * Any staff member reports a fault; the center's manager registers, edits, retires and records repairs.
 */

export type FacilityAction = 'register' | 'edit' | 'report_fault' | 'start_repair' | 'finish_repair' | 'retire' | 'reinstate';
export type FacilityActor = 'staff' | 'manager';

export const STATUS_LABELS: Record<FacilityStatus, string> = { in_service: '在用', faulty: '故障', under_repair: '维修中', retired: '停用' };

export const FACILITY_WORKFLOW = defineWorkflow<FacilityStatus, FacilityAction, FacilityActor>({
  name: 'facility',
  states: {
    in_service: { label: STATUS_LABELS.in_service },
    faulty: { label: STATUS_LABELS.faulty },
    under_repair: { label: STATUS_LABELS.under_repair },
    retired: { label: STATUS_LABELS.retired },
  },
  actions: {
    register: { label: '登记', from: null, to: ['in_service'], actors: ['manager'] },
    edit: { label: '修改', from: ['in_service', 'faulty', 'under_repair', 'retired'], to: 'unchanged', actors: ['manager'] },
    report_fault: { label: '报告故障', from: ['in_service', 'faulty', 'under_repair'], to: ['faulty', 'under_repair'], actors: ['staff', 'manager'] },
    start_repair: { label: '开始维修', from: ['faulty'], to: ['under_repair'], actors: ['manager'] },
    finish_repair: { label: '维修完成', from: ['under_repair'], to: ['in_service'], actors: ['manager'] },
    retire: { label: '停用', from: ['in_service', 'faulty'], to: ['retired'], actors: ['manager'] },
    reinstate: { label: '恢复使用', from: ['retired'], to: ['in_service'], actors: ['manager'] },
  },
  order: ['actor', 'state'],
  refuse: {
    actor: (action) => `只有中心管理人员可以${action.label}设施`,
    state: (state, action, states) =>
      action.label === '维修完成' && state !== 'retired'
        ? `该设施尚未开始维修（当前为“${state ? states[state].label : '未登记'}”），不能登记维修完成`
        : `该设施当前为“${state ? states[state].label : '未登记'}”，不能${action.label}`,
  },
});

export const refusal = (r: { code: 'FORBIDDEN' | 'INVALID_STATE'; message: string }) => new AppError(r.code, r.message, [{ field: 'status', message: r.message }]);
