import { defineJob } from './job.ts';
import { pruneRuns } from './repository.ts';

/** How long the run history is kept (runs that found nothing to do: one day). */
export const JOB_RUNS_KEPT_DAYS = 90;

export const platformJobs = [
  defineJob({ name: 'jobs.prune-runs', schedule: '30 3 * * *', run: async (ctx) => ctx.done(await pruneRuns(ctx.db, JOB_RUNS_KEPT_DAYS)) }),
];
