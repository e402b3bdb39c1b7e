import { defineJob } from '../../platform/jobs/job.ts';
import { runApplicationTimers } from './service.ts';
import { raiseTimeLimitAlerts } from './time-limits/raise.ts';

export const applicationJobs = [
  // The 5-day notice rule, special procedures at their maximum, deferred materials past due, commitment checks due.
  defineJob({
    name: 'applications.timers',
    schedule: '*/10 * * * *',
    run: async (ctx) => void (await runApplicationTimers({ db: ctx.db, config: ctx.config }, ctx.now, ctx)),
  }),
  // A.7: time-limit warnings, overdue and escalations, each raised once.
  defineJob({
    name: 'applications.time-limits',
    schedule: '*/10 * * * *',
    run: async (ctx) => void (await raiseTimeLimitAlerts({ db: ctx.db, config: ctx.config }, ctx.now, ctx)),
  }),
];
