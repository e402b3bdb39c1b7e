import { AppError } from '../../platform/errors.ts';
import { defineWorkflow } from '../../platform/workflow/define.ts';

/**
 * A talent service request's course (6.2.3), declared as data:
 *
 *   submitted ──accept──▶ accepted ──coordinate──▶ coordinating ──complete──▶ done
 *       │                    └──────────complete───────────────────────▲
 *       └──decline──▶ declined ◀──decline── accepted, coordinating
 *   note: a note on an open request, the state unchanged. done and declined are final.
 */

export const REQUEST_STATES = ['submitted', 'accepted', 'coordinating', 'done', 'declined'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_ACTIONS = ['submit', 'accept', 'coordinate', 'complete', 'decline', 'note'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];
/** the actions a step may take (submit creates the request) */
export const STEP_ACTIONS = ['accept', 'coordinate', 'complete', 'decline', 'note'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

const STATE_LABELS: Record<RequestState, string> = { submitted: '已提交', accepted: '已受理', coordinating: '协调部门中', done: '已办结', declined: '不予办理' };
const OPEN: readonly RequestState[] = ['submitted', 'accepted', 'coordinating'];
export const CLOSED: readonly RequestState[] = ['done', 'declined'];

export const REQUEST_WORKFLOW = defineWorkflow<RequestState, RequestAction, 'staff'>({
  name: 'talent_request',
  states: {
    submitted: { label: STATE_LABELS.submitted },
    accepted: { label: STATE_LABELS.accepted },
    coordinating: { label: STATE_LABELS.coordinating },
    done: { label: STATE_LABELS.done },
    declined: { label: STATE_LABELS.declined },
  },
  actions: {
    submit: { label: '登记', from: null, to: ['submitted'], actors: ['staff'] },
    accept: { label: '受理', from: ['submitted'], to: ['accepted'], actors: ['staff'] },
    coordinate: { label: '协调部门', from: ['accepted', 'coordinating'], to: ['coordinating'], actors: ['staff'] },
    complete: { label: '办结', from: ['accepted', 'coordinating'], to: ['done'], actors: ['staff'] },
    decline: { label: '不予办理', from: OPEN, to: ['declined'], actors: ['staff'] },
    note: { label: '记录进展', from: OPEN, to: 'unchanged', actors: ['staff'] },
  },
  order: ['state'],
  refuse: {
    actor: (action) => `不能${action.label}`,
    state: (state, action, states) => `该人才服务事项当前为“${state ? states[state].label : '未登记'}”，不能${action.label}`,
  },
});

/** The state the step leads to; INVALID_STATE (409) naming the state when the step is out of order. */
export function nextState(state: RequestState, action: StepAction): RequestState {
  const step = REQUEST_WORKFLOW.actions[action];
  const check = REQUEST_WORKFLOW.require(state, action, undefined, (refusal) => new AppError(refusal.code, refusal.message, [{ field: 'state', message: refusal.message }]));
  return step.to === 'unchanged' ? state : check(step.to[0]!);
}

export function availableSteps(state: RequestState): StepAction[] {
  return STEP_ACTIONS.filter((a) => REQUEST_WORKFLOW.check(state, a).ok);
}
