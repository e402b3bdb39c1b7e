import { defineJob } from '../../platform/jobs/job.ts';
import { runApplicationTimers } from './service.ts';

export const applicationJobs = [
  // The 5-day notice rule, special procedures at their maximum, deferred materials past due, commitment checks due.
  defineJob({
    name: 'applications.timers',
    schedule: '*/10 * * * *',
    run: async (ctx) => void (await runApplicationTimers({ db: ctx.db, config: ctx.config }, ctx.now, ctx)),
  }),
];
