import { defineJob } from '../../platform/jobs/job.ts';
import { runFeedbackOverdueCheck, runInquiryViolationCheck } from './service.ts';

export const feedbackJobs = [
  // 5.1.4: a feedback case past its due date alerts the department's chief officer, once.
  defineJob({ name: 'feedback.overdue', schedule: '*/15 * * * *', run: async (ctx) => void (await runFeedbackOverdueCheck({ db: ctx.db, config: ctx.config }, ctx.now)) }),
  // A.1.4, A.2.4: an inquiry answered late or not at all, a transfer nobody received in time — flagged to the manager, once.
  defineJob({ name: 'feedback.inquiry-violations', schedule: '*/15 * * * *', run: async (ctx) => ctx.done((await runInquiryViolationCheck({ db: ctx.db, config: ctx.config }, ctx.now, ctx)).flagged) }),
];
