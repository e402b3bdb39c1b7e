import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './platform/db/database.ts';
import type { Job } from './platform/jobs/scheduler.ts';
import { dispatchOutbox, OUTBOX_CHANNEL, type OutboxHandler } from './platform/outbox/service.ts';
import { notificationHandlers } from './platform/notifications/service.ts';
import { closeEarlierDays } from './modules/queue/service.ts';
import { runApplicationTimers } from './modules/applications/service.ts';
import { recordDefaultRatings } from './modules/evaluations/service.ts';
import { markNoShows, runGuaranteeCheck, sendAlmostCalledReminders, sendDayBeforeReminders } from './modules/appointments/service.ts';
import { runCallbackOverdueCheck } from './modules/evaluations/callbacks/service.ts';
import { anchorFinishedDays } from './platform/audit/verify.ts';

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
    // Tickets and counter sessions left open when a business day ends are closed; numbers restart.
    // Audit: once a business day is over, its anchor (the last seal of each chain) is stored and logged.
    // (Its own job once the runner stops holding a pool connection per job: a tenth job starves the pool today.)
    {
      name: 'queue.day-end',
      everyMs: 60_000,
      run: async (db: Db) => {
        await closeEarlierDays(db);
        for (const anchor of await anchorFinishedDays(db, Buffer.from(config.AUDIT_KEY, 'hex'))) log.info({ auditAnchor: anchor }, '审计日志日锚点');
      },
    },
    // Applications: the 5-day notice rule, special procedures at their maximum, deferred materials past due, commitment checks due.
    { name: 'applications.timers', everyMs: 10 * 60_000, run: async (db: Db) => void (await runApplicationTimers({ db, config })) },
    // Appointments (A.6): no-shows after the check-in window (and blocks), reminders, the 3-working-day guarantee.
    { name: 'appointments.no-shows', everyMs: 60_000, run: async (db: Db) => void (await markNoShows(db, config)) },
    { name: 'appointments.day-before', everyMs: 5 * 60_000, run: async (db: Db) => void (await sendDayBeforeReminders(db, config)) },
    { name: 'appointments.almost-called', everyMs: 15_000, run: async (db: Db) => void (await sendAlmostCalledReminders(db, config)) },
    { name: 'appointments.guarantee', everyMs: 30 * 60_000, run: async (db: Db) => void (await runGuaranteeCheck(db)) },
    // Evaluations (9.1.2): a callback past its contact or finish deadline alerts the department's chief officer, once.
    { name: 'evaluations.callback-overdue', everyMs: 15 * 60_000, run: async (db: Db) => void (await runCallbackOverdueCheck({ db, config })) },
    // Evaluations (9.1): a visit or application not rated within the period is recorded as 基本满意.
    { name: 'evaluations.default-ratings', everyMs: 30 * 60_000, run: async (db: Db) => void (await recordDefaultRatings(db)) },
  ];
}
