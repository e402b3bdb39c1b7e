import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { defineJob, type Job } from './platform/jobs/job.ts';
import { platformJobs } from './platform/jobs/jobs.ts';
import { auditJobs } from './platform/audit/jobs.ts';
import { dispatchOutbox, OUTBOX_CHANNEL, pruneOutbox } from './platform/outbox/service.ts';
import { registerEventConsumers } from './events.ts';
import { queueJobs } from './modules/queue/jobs.ts';
import { applicationJobs } from './modules/applications/jobs.ts';
import { appointmentJobs } from './modules/appointments/jobs.ts';
import { evaluationJobs } from './modules/evaluations/jobs.ts';
import { feedbackJobs } from './modules/feedback/jobs.ts';
import { briefingJobs } from './modules/briefings/jobs.ts';

/** The periodic work of a running server, collected from the modules; `banshi start` schedules it. */
export function serverJobs(config: Config, log: Logger): Job[] {
  registerEventConsumers();
  return [
    // The outbox: every 5 s, and at once when an entry is written (NOTIFY).
    defineJob({
      name: 'outbox',
      schedule: '*/5 * * * * *',
      wakeOn: [OUTBOX_CHANNEL],
      run: async (ctx) => {
        for (let n = await dispatchOutbox(ctx.db, { config, log }); n > 0; n = await dispatchOutbox(ctx.db, { config, log })) ctx.done(n);
      },
    }),
    // Delivered outbox entries are kept OUTBOX_RETENTION_DAYS, then pruned (failed ones stay).
    defineJob({
      name: 'outbox.prune',
      schedule: '15 4 * * *',
      run: async (ctx) => ctx.done(await pruneOutbox(ctx.db, config.OUTBOX_RETENTION_DAYS)),
    }),
    ...platformJobs,
    ...auditJobs,
    ...queueJobs,
    ...applicationJobs,
    ...appointmentJobs,
    ...evaluationJobs,
    ...feedbackJobs,
    ...briefingJobs,
  ];
}
