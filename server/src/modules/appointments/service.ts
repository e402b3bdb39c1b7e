/**
 * What other modules and the server's jobs use of appointments (A.6).
 */
export { bookAppointment, type BookInput } from './booking/service.ts';
export { cancelAppointment, rescheduleAppointment } from './booking/changes.ts';
export { checkIn } from './check-in/service.ts';
export { markNoShows } from './no-shows/service.ts';
export { runGuaranteeCheck, getGuaranteeView } from './guarantee/service.ts';
export { sendAlmostCalledReminders, sendDayBeforeReminders } from './reminders/service.ts';
export type { AppointmentDto } from './booking/contract.ts';
