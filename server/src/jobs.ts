import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { defineJob, type Job } from './platform/jobs/job.ts';
import { platformJobs } from './platform/jobs/jobs.ts';
import { dispatchOutbox, OUTBOX_CHANNEL, type OutboxHandler } from './platform/outbox/service.ts';
import { notificationHandlers } from './platform/notifications/service.ts';
import { queueJobs } from './modules/queue/jobs.ts';
import { applicationJobs } from './modules/applications/jobs.ts';
import { appointmentJobs } from './modules/appointments/jobs.ts';
import { evaluationJobs } from './modules/evaluations/jobs.ts';

/** Everything the outbox carries out after commit, by topic. */
export function outboxHandlers(config: Config, log: Logger): Record<string, OutboxHandler> {
  return { ...notificationHandlers(config, log) };
}

/** The periodic work of a running server, collected from the modules; `banshi start` schedules it. */
export function serverJobs(config: Config, log: Logger): Job[] {
  const handlers = outboxHandlers(config, log);
  return [
    // The outbox: every 5 s, and at once when an entry is written (NOTIFY).
    defineJob({
      name: 'outbox',
      schedule: '*/5 * * * * *',
      wakeOn: [OUTBOX_CHANNEL],
      run: async (ctx) => {
        for (let n = await dispatchOutbox(ctx.db, handlers); n > 0; n = await dispatchOutbox(ctx.db, handlers)) ctx.done(n);
      },
    }),
    ...platformJobs,
    ...queueJobs,
    ...applicationJobs,
    ...appointmentJobs,
    ...evaluationJobs,
  ];
}
