import { AppError } from '../../platform/errors.ts';
import { defineWorkflow } from '../../platform/workflow/define.ts';

/**
 * A briefing event's workflow (6.2.4), declared as data:
 *
 *   draft ──publish──▶ published ──hold (once started)──▶ held
 *     └──cancel──▶ cancelled ◀──cancel──┘
 *   edit: draft and published; register, cancel a registration, check in: published;
 *   upload materials: published and held.
 */

export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'held'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_ACTIONS = ['edit', 'publish', 'cancel', 'hold', 'register', 'check_in', 'upload'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** who acts is checked by the routes' permissions and the event's center; the workflow checks the state */
type Actor = 'staff';

export const EVENT_WORKFLOW = defineWorkflow<EventStatus, EventAction, Actor>({
  name: 'briefing',
  states: {
    draft: { label: '草稿' },
    published: { label: '已发布' },
    cancelled: { label: '已取消' },
    held: { label: '已举办' },
  },
  actions: {
    edit: { label: '修改', from: ['draft', 'published'], to: 'unchanged', actors: ['staff'] },
    publish: { label: '发布', from: ['draft'], to: ['published'], actors: ['staff'] },
    cancel: { label: '取消活动', from: ['draft', 'published'], to: ['cancelled'], actors: ['staff'] },
    hold: { label: '标记为已举办', from: ['published'], to: ['held'], actors: ['staff'] },
    register: { label: '报名', from: ['published'], to: 'unchanged', actors: ['staff'] },
    check_in: { label: '签到', from: ['published'], to: 'unchanged', actors: ['staff'] },
    upload: { label: '上传资料', from: ['published', 'held'], to: 'unchanged', actors: ['staff'] },
  },
  order: ['state'],
  refuse: {
    actor: (action) => `不能${action.label}`,
    state: (state, action, states) => `活动当前为“${states[state!].label}”，不能${action.label}`,
  },
});

/** Throws INVALID_STATE (409) when the action is not open in this state; returns the state after it. */
export function nextStatus(status: EventStatus, action: EventAction): EventStatus {
  return EVENT_WORKFLOW.next(status, action, undefined, (refusal) => new AppError(refusal.code, refusal.message, [{ field: 'status', message: refusal.message }]));
}

/** The buttons the staff's event page shows. */
export function availableEventActions(status: EventStatus): ('edit' | 'publish' | 'cancel' | 'hold')[] {
  return (['edit', 'publish', 'cancel', 'hold'] as const).filter((a) => EVENT_WORKFLOW.check(status, a).ok);
}
