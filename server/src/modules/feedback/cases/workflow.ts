import { AppError } from '../../../platform/errors.ts';
import { defineWorkflow } from '../../../platform/workflow/define.ts';
import type { Satisfaction } from './kinds.ts';

/**
 * A feedback case's workflow, declared as data with the platform's `defineWorkflow()` (in the spirit of DIGIT PGR):
 *
 *   received ──assign──▶ assigned ──reply──▶ replied ──rate (satisfied/basically)──▶ closed ──archive──▶ archived
 *      └──────────reply─────────────────────────▲   └──rate dissatisfied, first time──▶ assigned (re-opened once)
 *                                                   └──close (no rating, or dissatisfied again)──▶ closed
 *   refer (to the discipline body) is recorded in any state before archive, the state unchanged.
 *   An archived case is read-only.
 */

export const CASE_STATES = ['received', 'assigned', 'replied', 'closed', 'archived'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const STATE_LABELS: Record<CaseState, string> = {
  received: '已受理',
  assigned: '办理中',
  replied: '已答复',
  closed: '已办结',
  archived: '已归档',
};

export const CASE_ACTIONS = ['assign', 'reply', 'rate', 'close', 'archive', 'refer', 'add_task', 'answer_task'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** who acts is checked by the routes' permissions and the case's scope; the workflow checks the state */
export type CaseActor = 'staff';

const OPEN: readonly CaseState[] = ['received', 'assigned', 'replied'];

export const CASE_WORKFLOW = defineWorkflow<CaseState, CaseAction, CaseActor>({
  name: 'feedback',
  states: {
    received: { label: STATE_LABELS.received },
    assigned: { label: STATE_LABELS.assigned },
    replied: { label: STATE_LABELS.replied },
    closed: { label: STATE_LABELS.closed },
    archived: { label: STATE_LABELS.archived },
  },
  actions: {
    assign: { label: '分派', from: ['received', 'assigned'], to: ['assigned'], actors: ['staff'] },
    reply: { label: '答复', from: ['received', 'assigned'], to: ['replied'], actors: ['staff'] },
    rate: { label: '评价答复', from: ['replied'], to: ['assigned', 'closed'], actors: ['staff'] },
    close: { label: '办结', from: ['replied'], to: ['closed'], actors: ['staff'] },
    archive: { label: '归档', from: ['closed'], to: ['archived'], actors: ['staff'] },
    refer: { label: '移送纪检监察', from: [...OPEN, 'closed'], to: 'unchanged', actors: ['staff'] },
    add_task: { label: '发起协调', from: ['received', 'assigned'], to: ['assigned'], actors: ['staff'] },
    answer_task: { label: '反馈协调意见', from: ['received', 'assigned'], to: 'unchanged', actors: ['staff'] },
  },
  order: ['state'],
  refuse: {
    actor: (action) => `不能${action.label}`,
    state: (state, action, states) => (state === 'archived' ? `诉求已归档，不能${action.label}` : `诉求当前为“${states[state!].label}”，不能${action.label}`),
  },
});

export const ACTIONS = CASE_WORKFLOW.actions;

/** Throws INVALID_STATE (409) when the action is not open; returns a check of the state the service chose. */
export function requireTransition(state: CaseState, action: CaseAction) {
  return CASE_WORKFLOW.require(state, action, undefined, (refusal) => new AppError(refusal.code, refusal.message, [{ field: 'state', message: refusal.message }]));
}

/** A dissatisfied rating re-opens the case once; after that the case closes with the rating recorded. */
export function stateAfterRating(satisfaction: Satisfaction, reopenCount: number): CaseState {
  return satisfaction === 'dissatisfied' && reopenCount === 0 ? 'assigned' : 'closed';
}

export function availableActions(state: CaseState): CaseAction[] {
  return CASE_ACTIONS.filter((a) => CASE_WORKFLOW.check(state, a).ok);
}
