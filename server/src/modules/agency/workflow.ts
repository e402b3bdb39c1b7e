import { AppError } from '../../platform/errors.ts';
import { defineWorkflow } from '../../platform/workflow/define.ts';
import type { AGENCY_STATES } from './tables.ts';

/**
 * An agency request's workflow (6.2.1), declared as data:
 *
 *   requested ──accept──▶ accepted ──sign──▶ signed ──activity / file──▶ in_progress ──finish──▶ done
 *      │                     │                                                                  │
 *      ├─decline─▶ declined  └─withdraw─▶ withdrawn                 confirm (the enterprise) ◀──┤
 *      └─withdraw─▶ withdrawn                                                                   ▼
 *                                                       follow_up (from done or confirmed) ─▶ followed_up
 *
 * Materials are received from accepted to in_progress and returned at any time until the follow-up.
 */

export type AgencyState = (typeof AGENCY_STATES)[number];

export const AGENCY_STATE_LABELS: Record<AgencyState, string> = {
  requested: '待受理',
  accepted: '已受理',
  signed: '已签协议',
  in_progress: '代办中',
  done: '已办结',
  confirmed: '企业已确认',
  followed_up: '已回访',
  declined: '不予代办',
  withdrawn: '已撤回',
};

export const AGENCY_ACTIONS = ['request', 'accept', 'decline', 'withdraw', 'sign', 'receive_material', 'return_material', 'activity', 'file_application', 'finish', 'confirm', 'follow_up'] as const;
export type AgencyAction = (typeof AGENCY_ACTIONS)[number];
export type AgencyActor = 'staff' | 'enterprise';

const WORKING: readonly AgencyState[] = ['signed', 'in_progress'];

export const AGENCY_WORKFLOW = defineWorkflow<AgencyState, AgencyAction, AgencyActor>({
  name: 'agency',
  states: Object.fromEntries(Object.entries(AGENCY_STATE_LABELS).map(([k, label]) => [k, { label }])) as Record<AgencyState, { label: string }>,
  actions: {
    request: { label: '申请帮办代办', from: null, to: ['requested'], actors: ['staff', 'enterprise'] },
    accept: { label: '受理', from: ['requested'], to: ['accepted'], actors: ['staff'] },
    decline: { label: '不予代办', from: ['requested'], to: ['declined'], actors: ['staff'] },
    withdraw: { label: '撤回', from: ['requested', 'accepted'], to: ['withdrawn'], actors: ['staff', 'enterprise'] },
    sign: { label: '签订委托代办协议', from: ['accepted'], to: ['signed'], actors: ['staff'] },
    receive_material: { label: '接收材料', from: ['accepted', ...WORKING], to: 'unchanged', actors: ['staff'] },
    return_material: { label: '退还材料', from: ['accepted', ...WORKING, 'done', 'confirmed', 'withdrawn'], to: 'unchanged', actors: ['staff'] },
    activity: { label: '登记代办活动', from: WORKING, to: ['in_progress'], actors: ['staff'] },
    file_application: { label: '代企业申报', from: WORKING, to: ['in_progress'], actors: ['staff'] },
    finish: { label: '办结', from: ['in_progress'], to: ['done'], actors: ['staff'] },
    confirm: { label: '确认办结', from: ['done'], to: ['confirmed'], actors: ['enterprise'] },
    follow_up: { label: '回访', from: ['done', 'confirmed'], to: ['followed_up'], actors: ['staff'] },
  },
  order: ['actor', 'state'],
  refuse: {
    actor: (action) => `不能${action.label}`,
    state: (state, action, states) => (state === 'requested' || state === 'accepted' || state === 'signed' || state === 'in_progress') && action.label === '回访' ? `代办尚未办结（当前为“${states[state].label}”），不能回访` : `代办当前为“${state ? states[state].label : ''}”，不能${action.label}`,
  },
});

/** Throws INVALID_STATE (409) or FORBIDDEN (403); returns a check of the state the service chose. */
export function requireAgencyTransition(state: AgencyState | null, action: AgencyAction, actor: AgencyActor) {
  return AGENCY_WORKFLOW.require(state, action, actor, (refusal) => new AppError(refusal.code, refusal.message, [{ field: 'state', message: refusal.message }]));
}

export function availableAgencyActions(state: AgencyState, actor: AgencyActor): AgencyAction[] {
  return AGENCY_ACTIONS.filter((a) => a !== 'request' && AGENCY_WORKFLOW.check(state, a, actor).ok);
}

/** States that count as open work for the agent. */
export const OPEN_STATES: readonly AgencyState[] = ['requested', 'accepted', 'signed', 'in_progress'];
