import { defineJob } from '../../platform/jobs/job.ts';
import { closeEarlierDays } from './service.ts';
import { rollUpTickets } from './figures/rollups.ts';

export const queueJobs = [
  // Tickets and counter sessions left open when a business day ends are closed; numbers restart.
  defineJob({ name: 'queue.day-end', schedule: '1 0 * * *', run: async (ctx) => void (await closeEarlierDays(ctx.db, ctx.now, ctx)) }),
  // Figures at scale: the daily rollup of tickets, to yesterday, and the days a late change made stale.
  defineJob({ name: 'queue.figures-rollup', schedule: '*/10 * * * *', run: async (ctx) => ctx.done(await rollUpTickets(ctx.db, ctx.now, ctx)) }),
];
