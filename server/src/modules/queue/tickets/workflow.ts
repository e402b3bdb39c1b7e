import { AppError } from '../../../platform/errors.ts';
import type { TicketAction, TicketState } from '../contract.ts';
import { assertNever } from '../../../lib/assert-never.ts';

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

type Step = { from: readonly TicketState[]; to: TicketState; actors: readonly TicketActor[] };

/**
 * The life of a ticket as data: waiting → called → serving → done, or no-show, transferred
 * (waiting again, elsewhere, in its old place), cancelled. Issuing creates a ticket `waiting`;
 * a walk-in served without a ticket is created `serving`.
 */
export const TICKET_WORKFLOW = {
  call: { from: ['waiting', 'transferred'], to: 'called', actors: ['counter'] },
  recall: { from: ['called'], to: 'called', actors: ['counter'] },
  start: { from: ['called'], to: 'serving', actors: ['counter'] },
  no_show: { from: ['called'], to: 'no_show', actors: ['counter'] },
  transfer: { from: ['called', 'serving'], to: 'transferred', actors: ['counter'] },
  finish: { from: ['serving'], to: 'done', actors: ['counter'] },
  cancel: { from: ['waiting', 'transferred'], to: 'cancelled', actors: ['desk', 'holder'] },
  expire: { from: ['waiting', 'called', 'serving', 'transferred'], to: 'cancelled', actors: ['system'] },
} as const satisfies Record<TicketAction, Step>;

const ACTION_NAMES: Record<TicketAction, string> = {
  call: '叫号',
  recall: '重呼',
  start: '开始办理',
  no_show: '过号',
  transfer: '转移',
  finish: '办结',
  cancel: '取消',
  expire: '日终关闭',
};

const STATE_NAMES: Record<TicketState, string> = {
  waiting: '等候中',
  called: '已叫号',
  serving: '办理中',
  transferred: '已转移待叫',
  done: '已办结',
  no_show: '已过号',
  cancelled: '已取消',
};

/** The state `action` leads to from `state` when `actor` takes it; throws when the workflow does not allow it. */
export function nextState(state: TicketState, action: TicketAction, actor: TicketActor): TicketState {
  const step: Step = TICKET_WORKFLOW[action];
  if (!step.actors.includes(actor)) throw new AppError('FORBIDDEN', `您不能对该号${ACTION_NAMES[action]}`);
  if (!step.from.includes(state)) {
    throw new AppError('INVALID_STATE', `该号${STATE_NAMES[state]}，不能${ACTION_NAMES[action]}`);
  }
  return step.to;
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
  return STATE_NAMES[state];
}
