import { defineJob } from '../../platform/jobs/job.ts';
import { runCallbackOverdueCheck } from './callbacks/service.ts';
import { recordDefaultRatings } from './service.ts';

export const evaluationJobs = [
  // 9.1.2: a callback past its contact or finish deadline alerts the department's chief officer, once.
  defineJob({
    name: 'evaluations.callback-overdue',
    schedule: '*/15 * * * *',
    run: async (ctx) => void (await runCallbackOverdueCheck({ db: ctx.db, config: ctx.config }, ctx.now, ctx)),
  }),
  // 9.1: a visit or application not rated within the period is recorded as 基本满意.
  defineJob({ name: 'evaluations.default-ratings', schedule: '*/30 * * * *', run: async (ctx) => void (await recordDefaultRatings(ctx.db, ctx.now, ctx)) }),
];
