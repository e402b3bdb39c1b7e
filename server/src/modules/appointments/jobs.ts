import { defineJob } from '../../platform/jobs/job.ts';
import { markNoShows, runGuaranteeCheck, sendAlmostCalledReminders, sendDayBeforeReminders } from './service.ts';

/** A.6: no-shows after the check-in window (and blocks), reminders, the 3-working-day guarantee. */
export const appointmentJobs = [
  defineJob({ name: 'appointments.no-shows', schedule: '* * * * *', run: async (ctx) => void (await markNoShows(ctx.db, ctx.config, ctx.now, ctx)) }),
  defineJob({
    name: 'appointments.day-before',
    schedule: '*/5 * * * *',
    run: async (ctx) => void (await sendDayBeforeReminders(ctx.db, ctx.config, ctx.now, ctx)),
  }),
  defineJob({
    name: 'appointments.almost-called',
    schedule: '*/15 * * * * *',
    run: async (ctx) => void (await sendAlmostCalledReminders(ctx.db, ctx.config, ctx.now, ctx)),
  }),
  defineJob({ name: 'appointments.guarantee', schedule: '*/30 * * * *', run: async (ctx) => void (await runGuaranteeCheck(ctx.db, ctx.now, ctx)) }),
];
