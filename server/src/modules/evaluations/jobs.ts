import { defineJob } from '../../platform/jobs/job.ts';
import { runCallbackOverdueCheck } from './callbacks/service.ts';
import { recordDefaultRatings } from './service.ts';
import { rollUpEvaluations } from './figures/rollups.ts';

export const evaluationJobs = [
  // 9.1.2: a callback past its contact or finish deadline alerts the department's chief officer, once.
  defineJob({
    name: 'evaluations.callback-overdue',
    schedule: '*/15 * * * *',
    run: async (ctx) => void (await runCallbackOverdueCheck({ db: ctx.db, config: ctx.config }, ctx.now, ctx)),
  }),
  // 9.1: a visit or application not rated within the period is recorded as 基本满意.
  defineJob({ name: 'evaluations.default-ratings', schedule: '*/30 * * * *', run: async (ctx) => void (await recordDefaultRatings(ctx.db, ctx.now, ctx)) }),
  // Figures at scale: the daily rollups of ratings and services, to yesterday, and the days a late change made stale.
  defineJob({ name: 'evaluations.figures-rollup', schedule: '*/10 * * * *', run: async (ctx) => ctx.done(await rollUpEvaluations(ctx.db, ctx.now, ctx)) }),
];
