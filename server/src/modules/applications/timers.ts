import { loadCalendar } from '../../platform/calendar/service.ts';
import { strictItems, type Items } from '../../platform/jobs/job.ts';
import { addDays, businessToday } from '../../platform/calendar/working-days.ts';
import { recordCreditEntry } from '../enterprises/service.ts';
import { getCenter } from '../venue/service.ts';
import { applyAction, runAction, SYSTEM, type ServiceDeps } from './actions.ts';
import { isPresent, issue, lateNoticePatch, notifyApplicant } from './decisions/common.ts';
import { chineseDate, terminationNotice } from './notices/documents.ts';
import * as repo from './repository.ts';
import * as reviewRepo from './review/repository.ts';
import { endSpecialProcedure, hasReachedMaximum } from './review/special.ts';
import { NOTICE_WORKING_DAYS, TIMERS, type TimerName } from './workflow/definition.ts';

/**
 * The workflow's timers (workflow/definition.ts TIMERS), each a function of the database and
 * "now" so that tests run them for any day. The scheduler calls `runApplicationTimers`.
 */

export type TimerReport = Record<TimerName, number>;

/**
 * Every timer runs, each over all its applications: one that fails (an application, or a whole
 * timer) never stops the others; the failures are thrown together at the end.
 */
export async function runApplicationTimers(deps: ServiceDeps, now = new Date(), items: Items = strictItems): Promise<TimerReport> {
  const timers: [TimerName, typeof flagLateNotices][] = [
    ['notice_deadline', flagLateNotices],
    ['special_procedure_max', endProceduresAtMaximum],
    ['deferral_deadline', expireDeferrals],
    ['verification_due', flagOverdueVerifications],
  ];
  const report = {} as TimerReport;
  const errors: unknown[] = [];
  for (const [name, timer] of timers) {
    try {
      report[name] = await timer(deps, now, items);
    } catch (err) {
      report[name] = 0;
      errors.push(err);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} application timers failed`);
  return report;
}

/** FACTS §7: received, no written notice within 5 working days → counts as accepted from receipt. */
export async function flagLateNotices(deps: ServiceDeps, now = new Date(), { each }: Items = strictItems): Promise<number> {
  const today = businessToday(now);
  const calendar = await loadCalendar(deps.db);
  // Five working days span at least seven calendar days: older receipts are the only candidates.
  const candidates = await repo.receivedWithoutNotice(deps.db, addDays(today, -NOTICE_WORKING_DAYS));
  let flagged = 0;
  await each(
    candidates.filter((c) => today > calendar.addWorkingDays(c.lastReceivedOn, NOTICE_WORKING_DAYS)),
    async (c) => {
      await runAction(deps, { applicationId: c.id, action: TIMERS.notice_deadline.action, performer: SYSTEM, now }, async (ctx) => ({
        to: 'unchanged',
        patch: lateNoticePatch(ctx),
        note: `收件后 ${NOTICE_WORKING_DAYS} 个工作日内未出具书面告知，依法自收件之日（${chineseDate(c.lastReceivedOn)}）起视为受理`,
      }));
      flagged += 1;
    },
    (c) => `application ${c.id}`,
  );
  return flagged;
}

export async function endProceduresAtMaximum(deps: ServiceDeps, now = new Date(), { each }: Items = strictItems): Promise<number> {
  const today = businessToday(now);
  const calendar = await loadCalendar(deps.db);
  let ended = 0;
  await each(
    (await reviewRepo.listOpenProcedures(deps.db)).filter((p) => hasReachedMaximum(calendar.countWorkingDays, p, today)),
    async (p) => {
      await endSpecialProcedure(deps, SYSTEM, { id: p.applicationId, outcome: `已达最长期限 ${p.maxDays} 个工作日，自动恢复计时`, now });
      ended += 1;
    },
    (p) => `application ${p.applicationId}`,
  );
  return ended;
}

/**
 * A.9.3: deferred materials not supplied by the deadline — the application stops, the applicant
 * goes on the dishonesty list, and both sides are told (the termination notice and an SMS to the
 * applicant; the timeline to the department).
 */
export async function expireDeferrals(deps: ServiceDeps, now = new Date(), { each }: Items = strictItems): Promise<number> {
  const today = businessToday(now);
  let stopped = 0;
  await each(
    await repo.overdueDeferrals(deps.db, today),
    async ({ id }) => {
      await deps.db.transaction(async (tx) => {
        await applyAction(tx, deps, { applicationId: id, action: TIMERS.deferral_deadline.action, performer: SYSTEM, now }, async (ctx) => {
          const owed = (await repo.listMaterials(tx, id)).filter((m) => !isPresent(m.status)).map((m) => m.name);
          await issue(ctx, 'termination', (f) => terminationNotice(f, { materials: owed, deadline: ctx.app.deferredUntil!, stoppedOn: ctx.today }));
          const center = await getCenter(tx, ctx.app.centerId);
          await recordCreditEntry(tx, { uscc: ctx.app.uscc }, {
            kind: 'dishonesty_list',
            source: `${center.name}容缺受理`,
            sourceReference: ctx.app.number,
            description: `容缺材料逾期未补齐：${owed.join('、')}（期限 ${ctx.app.deferredUntil}）`,
            recordedOn: ctx.today,
            recordedBy: '系统',
          });
          await notifyApplicant(ctx, 'application_stopped', {});
          await reviewRepo.updateTasksOf(tx, id, ['open', 'taken', 'waiting'], { state: 'closed', decidedAt: ctx.now });
          for (const child of await repo.listChildren(tx, id)) {
            if (!['in_review', 'special_procedure', 'review_supplement', 'lead_decision', 'supplement_approval'].includes(child.state)) continue;
            await applyAction(tx, deps, { applicationId: child.id, action: 'expire_deferral', performer: SYSTEM, now }, async () => ({ to: 'stopped', departmentId: child.departmentId }));
            await reviewRepo.updateTasksOf(tx, child.id, ['open', 'taken', 'waiting'], { state: 'closed', decidedAt: ctx.now });
          }
          return {
            to: 'stopped',
            patch: { deferralState: 'expired', closedReason: `容缺材料逾期未补齐：${owed.join('、')}` },
            note: `容缺材料（${owed.join('、')}）逾期未补齐，终止办理，申请人列入失信名单`,
            departmentId: ctx.app.departmentId,
          };
        });
      });
      stopped += 1;
    },
    ({ id }) => `application ${id}`,
  );
  return stopped;
}

export async function flagOverdueVerifications(deps: ServiceDeps, now = new Date(), { each }: Items = strictItems): Promise<number> {
  const today = businessToday(now);
  let flagged = 0;
  await each(
    await reviewRepo.dueVerifications(deps.db, today),
    async ({ applicationId }) => {
      await runAction(deps, { applicationId, action: TIMERS.verification_due.action, performer: SYSTEM, now }, async (ctx) => {
        await reviewRepo.updateVerification(ctx.tx, applicationId, { isOverdue: true });
        return { to: 'unchanged', note: '告知承诺核查已超过期限，请审批部门尽快核查', departmentId: ctx.app.departmentId };
      });
      flagged += 1;
    },
    ({ applicationId }) => `application ${applicationId}`,
  );
  return flagged;
}
