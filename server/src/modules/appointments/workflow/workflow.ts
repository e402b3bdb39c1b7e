import { AppError } from '../../../platform/errors.ts';
import type { AppointmentAction, AppointmentActor, AppointmentState } from '../contract.ts';
import { assertNever } from '../../../lib/assert-never.ts';
import { defineWorkflow } from '../../../platform/workflow/define.ts';

/**
 * The life of a booking as data. Booking creates it `booked`. Rescheduling moves it to another
 * slot and keeps its code (it stays `booked`). Check-in in the window gives an appointment-priority
 * ticket; after the window, on the same day, an ordinary ticket (`arrived_late`), also when the
 * no-show job was quicker. The applicant's own changes stop at the cut-off (checked by the service).
 */
export const APPOINTMENT_WORKFLOW = defineWorkflow<AppointmentState, AppointmentAction, AppointmentActor>({
  name: 'appointment',
  states: {
    booked: { label: '已预约' },
    checked_in: { label: '已签到' },
    arrived_late: { label: '迟到已取普通号' },
    cancelled: { label: '已取消' },
    no_show: { label: '爽约' },
  },
  actions: {
    reschedule: { label: '改约', from: ['booked'], to: ['booked'], actors: ['applicant', 'staff'] },
    cancel: { label: '取消', from: ['booked'], to: ['cancelled'], actors: ['applicant', 'staff', 'system'] },
    check_in: { label: '签到', from: ['booked'], to: ['checked_in'], actors: ['kiosk', 'staff'] },
    arrive_late: { label: '迟到签到', from: ['booked', 'no_show'], to: ['arrived_late'], actors: ['kiosk', 'staff'] },
    mark_no_show: { label: '记为爽约', from: ['booked'], to: ['no_show'], actors: ['system'] },
  },
  order: ['actor', 'state'],
  refuse: {
    actor: (action) => `您不能${action.label}该预约`,
    state: (state, action, states) => `该预约${states[state!].label}，不能${action.label}`,
  },
});

export const STATE_NAMES: Record<AppointmentState, string> = Object.fromEntries(
  Object.entries(APPOINTMENT_WORKFLOW.states).map(([state, info]) => [state, (info as { label: string }).label]),
) as Record<AppointmentState, string>;

/** The state `action` leads to from `state` when `actor` takes it; throws when the workflow does not allow it. */
export function nextState(state: AppointmentState, action: AppointmentAction, actor: AppointmentActor): AppointmentState {
  return APPOINTMENT_WORKFLOW.next(state, action, actor, (refusal) => new AppError(refusal.code, refusal.message));
}

/** States that hold a place (one per applicant, item and day). */
export function isActive(state: AppointmentState): boolean {
  switch (state) {
    case 'booked':
    case 'checked_in':
      return true;
    case 'arrived_late':
    case 'cancelled':
    case 'no_show':
      return false;
    default:
      return assertNever(state, 'appointment state');
  }
}

/** States a booking never leaves (a no-show may still turn into a late arrival on its day). */
export function isFinal(state: AppointmentState): boolean {
  switch (state) {
    case 'checked_in':
    case 'arrived_late':
    case 'cancelled':
      return true;
    case 'booked':
    case 'no_show':
      return false;
    default:
      return assertNever(state, 'appointment state');
  }
}

export const ACTIVE_STATES = ['booked', 'checked_in'] as const satisfies readonly AppointmentState[];
