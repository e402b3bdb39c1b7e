import { defineJob } from '../../platform/jobs/job.ts';
import { sendBriefingReminders } from './reminders.ts';

/** 6.2.4: the day-before reminders of briefings and training events. */
export const briefingJobs = [
  defineJob({ name: 'briefings.reminders', schedule: '*/10 * * * *', run: async (ctx) => ctx.done(await sendBriefingReminders(ctx.db, ctx.config, ctx.now, ctx)) }),
];
