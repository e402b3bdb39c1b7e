import { defineJob } from '../../platform/jobs/job.ts';
import { runFeedbackOverdueCheck } from './service.ts';

export const feedbackJobs = [
  // 5.1.4: a feedback case past its due date alerts the department's chief officer, once.
  defineJob({ name: 'feedback.overdue', schedule: '*/15 * * * *', run: async (ctx) => void (await runFeedbackOverdueCheck({ db: ctx.db, config: ctx.config }, ctx.now)) }),
];
