import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './platform/db/database.ts';
import type { Job } from './platform/jobs/scheduler.ts';
import { dispatchOutbox, OUTBOX_CHANNEL, type OutboxHandler } from './platform/outbox/service.ts';
import { notificationHandlers } from './platform/notifications/service.ts';

/** Everything the outbox carries out after commit, by topic. */
export function outboxHandlers(config: Config, log: Logger): Record<string, OutboxHandler> {
  return { ...notificationHandlers(config, log) };
}

/** The periodic work of a running server; `banshi start` runs these (one process at a time per job). */
export function serverJobs(config: Config, log: Logger): Job[] {
  const handlers = outboxHandlers(config, log);
  return [
    {
      name: 'outbox',
      everyMs: 5_000,
      wakeOn: [OUTBOX_CHANNEL],
      run: async (db: Db) => {
        while ((await dispatchOutbox(db, handlers)) > 0);
      },
    },
  ];
}
