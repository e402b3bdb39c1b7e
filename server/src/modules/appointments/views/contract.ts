import { z } from 'zod';
import { isoDate } from '../../../platform/http/schemas.ts';
import { APPOINTMENT_STATES } from '../contract.ts';
import { appointment } from '../booking/contract.ts';

/** Staff: one day's bookings per queue with check-in status and no-shows. */
export const dayView = z.object({
  centerId: z.string(),
  date: z.string(),
  isToday: z.boolean(),
  /** the first working day after today (the staff's "tomorrow") */
  nextWorkingDay: z.string(),
  queues: z.array(
    z.object({
      queueId: z.string(),
      queueName: z.string(),
      counts: z.record(z.enum(APPOINTMENT_STATES), z.number()),
      appointments: z.array(appointment),
    }),
  ),
  totals: z.record(z.enum(APPOINTMENT_STATES), z.number()),
});
export type DayViewDto = z.infer<typeof dayView>;
export const dayViewQuery = z.strictObject({ centerId: z.uuid(), date: isoDate.optional() });

export const appointmentBlock = z.object({
  id: z.string(),
  applicant: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  noShows: z.number(),
  createdAt: z.string(),
});
export type AppointmentBlockDto = z.infer<typeof appointmentBlock>;
