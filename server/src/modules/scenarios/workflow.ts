import { AppError } from '../../platform/errors.ts';
import { defineWorkflow, type WorkflowRefusal } from '../../platform/workflow/define.ts';

/**
 * A provider's registration (6.3.6), declared as data:
 *
 *   register ─▶ pending ──approve──▶ approved ──suspend──▶ suspended ──approve──▶ approved
 *                  └──reject──▶ rejected ──approve──▶ approved
 *
 * Only approved providers are shown to enterprises and may be referred to.
 */
export const PROVIDER_STATES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type ProviderState = (typeof PROVIDER_STATES)[number];
export const PROVIDER_DECISIONS = ['approve', 'reject', 'suspend'] as const;
export type ProviderDecision = (typeof PROVIDER_DECISIONS)[number];

export const PROVIDER_WORKFLOW = defineWorkflow<ProviderState, 'register' | ProviderDecision, 'manager'>({
  name: 'scenario_provider',
  states: { pending: { label: '申请' }, approved: { label: '已审核通过' }, rejected: { label: '已驳回' }, suspended: { label: '已停用' } },
  actions: {
    register: { label: '登记', from: null, to: ['pending'], actors: ['manager'] },
    approve: { label: '审核通过', from: ['pending', 'rejected', 'suspended'], to: ['approved'], actors: ['manager'] },
    reject: { label: '驳回', from: ['pending'], to: ['rejected'], actors: ['manager'] },
    suspend: { label: '停用', from: ['approved'], to: ['suspended'], actors: ['manager'] },
  },
  order: ['state'],
  refuse: {
    actor: (action) => `不能${action.label}`,
    state: (state, action, states) => `该服务机构当前为“${state ? states[state].label : '未登记'}”，不能${action.label}`,
  },
});

/**
 * A referral's outcome: 对接中 until staff record 已服务 or 未达成 (final). The enterprise rates the
 * provider once, only after 已服务.
 */
export const OUTCOMES = ['in_progress', 'served', 'not_reached'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const FINAL_OUTCOMES = ['served', 'not_reached'] as const;

export const REFERRAL_WORKFLOW = defineWorkflow<Outcome, 'refer' | 'serve' | 'fail', 'staff'>({
  name: 'scenario_referral',
  states: { in_progress: { label: '对接中' }, served: { label: '已服务' }, not_reached: { label: '未达成' } },
  actions: {
    refer: { label: '对接', from: null, to: ['in_progress'], actors: ['staff'] },
    serve: { label: '记录为已服务', from: ['in_progress'], to: ['served'], actors: ['staff'] },
    fail: { label: '记录为未达成', from: ['in_progress'], to: ['not_reached'], actors: ['staff'] },
  },
  order: ['state'],
  refuse: {
    actor: (action) => `不能${action.label}`,
    state: (state, action, states) => `该对接当前为“${state ? states[state].label : '未登记'}”，不能${action.label}`,
  },
});

const toError = (refusal: WorkflowRefusal) => new AppError(refusal.code, refusal.message, [{ field: 'state', message: refusal.message }]);

export const nextProviderState = (state: ProviderState, decision: ProviderDecision): ProviderState => PROVIDER_WORKFLOW.next(state, decision, undefined, toError);

export const nextOutcome = (state: Outcome, outcome: (typeof FINAL_OUTCOMES)[number]): Outcome => REFERRAL_WORKFLOW.next(state, outcome === 'served' ? 'serve' : 'fail', undefined, toError);
