import { AppError } from '../../../platform/errors.ts';
import type { Satisfaction } from './kinds.ts';

/**
 * A feedback case's workflow, declared as data (in the spirit of DIGIT PGR):
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

const OPEN: readonly CaseState[] = ['received', 'assigned', 'replied'];

export const ACTIONS: Record<CaseAction, { label: string; from: readonly CaseState[]; to: readonly CaseState[] | 'unchanged' }> = {
  assign: { label: '分派', from: ['received', 'assigned'], to: ['assigned'] },
  reply: { label: '答复', from: ['received', 'assigned'], to: ['replied'] },
  rate: { label: '评价答复', from: ['replied'], to: ['assigned', 'closed'] },
  close: { label: '办结', from: ['replied'], to: ['closed'] },
  archive: { label: '归档', from: ['closed'], to: ['archived'] },
  refer: { label: '移送纪检监察', from: [...OPEN, 'closed'], to: 'unchanged' },
  add_task: { label: '发起协调', from: ['received', 'assigned'], to: ['assigned'] },
  answer_task: { label: '反馈协调意见', from: ['received', 'assigned'], to: 'unchanged' },
};

/** Throws INVALID_STATE (409) when the action is not open; returns a check of the state the service chose. */
export function requireTransition(state: CaseState, action: CaseAction) {
  const info = ACTIONS[action];
  if (!info.from.includes(state)) {
    const message = state === 'archived' ? `诉求已归档，不能${info.label}` : `诉求当前为“${STATE_LABELS[state]}”，不能${info.label}`;
    throw new AppError('INVALID_STATE', message, [{ field: 'state', message }]);
  }
  return (target: CaseState): CaseState => {
    if (info.to === 'unchanged' ? target !== state : !info.to.includes(target)) throw new Error(`feedback workflow: ${action} cannot lead from ${state} to ${target}`);
    return target;
  };
}

/** A dissatisfied rating re-opens the case once; after that the case closes with the rating recorded. */
export function stateAfterRating(satisfaction: Satisfaction, reopenCount: number): CaseState {
  return satisfaction === 'dissatisfied' && reopenCount === 0 ? 'assigned' : 'closed';
}

export function availableActions(state: CaseState): CaseAction[] {
  return CASE_ACTIONS.filter((a) => ACTIONS[a].from.includes(state));
}
