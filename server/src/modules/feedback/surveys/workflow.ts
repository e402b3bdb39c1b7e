import { AppError } from '../../../platform/errors.ts';

/**
 * A survey's workflow, declared as data:
 *
 *   draft ──open──▶ open ──close──▶ closed
 *   edit: the draft only (answers refer to the questions and their option positions, so an open
 *   survey's questions are frozen); send and answer: while open.
 */

export const SURVEY_STATES = ['draft', 'open', 'closed'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

export const SURVEY_ACTIONS = ['edit', 'open', 'send', 'answer', 'close'] as const;
export type SurveyAction = (typeof SURVEY_ACTIONS)[number];

const STATE_LABELS: Record<SurveyState, string> = { draft: '草稿', open: '调查中', closed: '已结束' };

export const ACTIONS: Record<SurveyAction, { label: string; from: readonly SurveyState[]; to: SurveyState | 'unchanged' }> = {
  edit: { label: '修改', from: ['draft'], to: 'unchanged' },
  open: { label: '发布', from: ['draft'], to: 'open' },
  send: { label: '发送', from: ['open'], to: 'unchanged' },
  answer: { label: '填写', from: ['open'], to: 'unchanged' },
  close: { label: '结束', from: ['open'], to: 'closed' },
};

/** Throws INVALID_STATE (409) when the action is not open in this state; returns the state after it. */
export function requireSurveyTransition(state: SurveyState, action: SurveyAction): SurveyState {
  const info = ACTIONS[action];
  if (!info.from.includes(state)) {
    const message = `问卷当前为“${STATE_LABELS[state]}”，不能${info.label}`;
    throw new AppError('INVALID_STATE', message, [{ field: 'state', message }]);
  }
  return info.to === 'unchanged' ? state : info.to;
}

export function availableSurveyActions(state: SurveyState): SurveyAction[] {
  return SURVEY_ACTIONS.filter((a) => a !== 'answer' && ACTIONS[a].from.includes(state));
}
