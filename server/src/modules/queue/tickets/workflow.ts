import { AppError } from '../../../platform/errors.ts';
import type { TicketAction, TicketState } from '../contract.ts';
import { assertNever } from '../../../lib/assert-never.ts';
import { defineWorkflow } from '../../../platform/workflow/define.ts';

/**
 * Who may act on a ticket:
 * - `counter`: the clerk at the counter that holds it (permission `queue.serve`: counter clerks and
 *   the policy, talent and agency desks);
 * - `desk`: the guidance desk and managers (permission `queue.issue`);
 * - `holder`: whoever holds the ticket's token (the receipt's QR code);
 * - `system`: the day-end job.
 */
export type TicketActor = 'counter' | 'desk' | 'holder' | 'system';
export const TICKET_ACTORS = ['counter', 'desk', 'holder', 'system'] as const satisfies readonly TicketActor[];

/**
 * The life of a ticket as data: waiting → called → serving → done, or no-show, transferred
 * (waiting again, elsewhere, in its old place), cancelled. Issuing creates a ticket `waiting`;
 * a walk-in served without a ticket is created `serving`.
 */
export const TICKET_WORKFLOW = defineWorkflow<TicketState, TicketAction, TicketActor>({
  name: 'ticket',
  states: {
    waiting: { label: '等候中' },
    called: { label: '已叫号' },
    serving: { label: '办理中' },
    transferred: { label: '已转移待叫' },
    done: { label: '已办结' },
    no_show: { label: '已过号' },
    cancelled: { label: '已取消' },
  },
  actions: {
    call: { label: '叫号', from: ['waiting', 'transferred'], to: ['called'], actors: ['counter'] },
    recall: { label: '重呼', from: ['called'], to: ['called'], actors: ['counter'] },
    start: { label: '开始办理', from: ['called'], to: ['serving'], actors: ['counter'] },
    no_show: { label: '过号', from: ['called'], to: ['no_show'], actors: ['counter'] },
    transfer: { label: '转移', from: ['called', 'serving'], to: ['transferred'], actors: ['counter'] },
    finish: { label: '办结', from: ['serving'], to: ['done'], actors: ['counter'] },
    cancel: { label: '取消', from: ['waiting', 'transferred'], to: ['cancelled'], actors: ['desk', 'holder'] },
    expire: { label: '日终关闭', from: ['waiting', 'called', 'serving', 'transferred'], to: ['cancelled'], actors: ['system'] },
  },
  order: ['actor', 'state'],
  refuse: {
    actor: (action) => `您不能对该号${action.label}`,
    state: (state, action, states) => `该号${states[state!].label}，不能${action.label}`,
  },
});

/** The state `action` leads to from `state` when `actor` takes it; throws when the workflow does not allow it. */
export function nextState(state: TicketState, action: TicketAction, actor: TicketActor): TicketState {
  return TICKET_WORKFLOW.next(state, action, actor, (refusal) => new AppError(refusal.code, refusal.message));
}

/** States in which a counter may call the ticket. */
export function isCallable(state: TicketState): boolean {
  switch (state) {
    case 'waiting':
    case 'transferred':
      return true;
    case 'called':
    case 'serving':
    case 'done':
    case 'no_show':
    case 'cancelled':
      return false;
    default:
      return assertNever(state, 'ticket state');
  }
}

/** States a ticket never leaves. */
export function isFinal(state: TicketState): boolean {
  switch (state) {
    case 'done':
    case 'no_show':
    case 'cancelled':
      return true;
    case 'waiting':
    case 'transferred':
    case 'called':
    case 'serving':
      return false;
    default:
      return assertNever(state, 'ticket state');
  }
}

/** States in which a counter has the ticket in hand. */
export function isAtCounter(state: TicketState): boolean {
  return state === 'called' || state === 'serving';
}

export const CALLABLE_STATES = ['waiting', 'transferred'] as const satisfies readonly TicketState[];
export const OPEN_STATES = ['waiting', 'transferred', 'called', 'serving'] as const satisfies readonly TicketState[];

export function stateName(state: TicketState): string {
  return TICKET_WORKFLOW.states[state].label;
}
