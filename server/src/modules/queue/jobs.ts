import { defineJob } from '../../platform/jobs/job.ts';
import { closeEarlierDays } from './service.ts';

export const queueJobs = [
  // Tickets and counter sessions left open when a business day ends are closed; numbers restart.
  defineJob({ name: 'queue.day-end', schedule: '1 0 * * *', run: async (ctx) => void (await closeEarlierDays(ctx.db, ctx.now, ctx)) }),
];
