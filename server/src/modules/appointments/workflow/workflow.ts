import { AppError } from '../../../platform/errors.ts';
import type { AppointmentAction, AppointmentActor, AppointmentState } from '../contract.ts';
import { assertNever } from '../../../lib/assert-never.ts';

type Step = { from: readonly AppointmentState[]; to: AppointmentState; actors: readonly AppointmentActor[] };

/**
 * The life of a booking as data. Booking creates it `booked`. Rescheduling moves it to another
 * slot and keeps its code (it stays `booked`). Check-in in the window gives an appointment-priority
 * ticket; after the window, on the same day, an ordinary ticket (`arrived_late`), also when the
 * no-show job was quicker. The applicant's own changes stop at the cut-off (checked by the service).
 */
export const APPOINTMENT_WORKFLOW = {
  reschedule: { from: ['booked'], to: 'booked', actors: ['applicant', 'staff'] },
  cancel: { from: ['booked'], to: 'cancelled', actors: ['applicant', 'staff', 'system'] },
  check_in: { from: ['booked'], to: 'checked_in', actors: ['kiosk', 'staff'] },
  arrive_late: { from: ['booked', 'no_show'], to: 'arrived_late', actors: ['kiosk', 'staff'] },
  mark_no_show: { from: ['booked'], to: 'no_show', actors: ['system'] },
} as const satisfies Record<AppointmentAction, Step>;

const ACTION_NAMES: Record<AppointmentAction, string> = {
  reschedule: '改约',
  cancel: '取消',
  check_in: '签到',
  arrive_late: '迟到签到',
  mark_no_show: '记为爽约',
};

export const STATE_NAMES: Record<AppointmentState, string> = {
  booked: '已预约',
  checked_in: '已签到',
  arrived_late: '迟到已取普通号',
  cancelled: '已取消',
  no_show: '爽约',
};

/** The state `action` leads to from `state` when `actor` takes it; throws when the workflow does not allow it. */
export function nextState(state: AppointmentState, action: AppointmentAction, actor: AppointmentActor): AppointmentState {
  const step: Step = APPOINTMENT_WORKFLOW[action];
  if (!step.actors.includes(actor)) throw new AppError('FORBIDDEN', `您不能${ACTION_NAMES[action]}该预约`);
  if (!step.from.includes(state)) throw new AppError('INVALID_STATE', `该预约${STATE_NAMES[state]}，不能${ACTION_NAMES[action]}`);
  return step.to;
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
