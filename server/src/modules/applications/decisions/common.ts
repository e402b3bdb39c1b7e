import { queueSms } from '../../../platform/notifications/service.ts';
import type { SmsTemplate } from '../../../platform/notifications/templates.zh-CN.ts';
import { decryptField, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ActionContext } from '../actions.ts';
import { PRESENT_STATUSES, type MaterialStatus, type NoticeKind } from '../contract.ts';
import type { NoticeContent, NoticeFacts } from '../notices/documents.ts';
import { issueNotice, noticeFacts } from '../notices/service.ts';
import type * as repo from '../repository.ts';
import { dueDateOf } from '../review/schedule.ts';
import { NOTICE_WORKING_DAYS } from '../workflow/definition.ts';

/** Helpers the decisions share: materials, the 5-day notice rule, the clock, notices, messages. */

/** A bundle's materials belong to the bundle application; its children read them there. */
export const materialsOwnerId = (app: repo.ApplicationRow) => app.parentId ?? app.id;

export const isPresent = (status: MaterialStatus) => PRESENT_STATUSES.includes(status);

/** FACTS §7: the last day on which a written notice is on time. */
export function noticeDeadlineOf(ctx: Pick<ActionContext, 'calendar'>, lastReceivedOn: string): string {
  return ctx.calendar.addWorkingDays(lastReceivedOn, NOTICE_WORKING_DAYS);
}

/**
 * A written notice given after the deadline: the application counts as accepted from the day of
 * receipt, so the promised clock starts then.
 */
export function lateNoticePatch(ctx: ActionContext): repo.ApplicationPatch {
  if (ctx.app.isDeemedAccepted || ctx.today <= noticeDeadlineOf(ctx, ctx.app.lastReceivedOn)) return {};
  return { isDeemedAccepted: true, clockStartOn: ctx.app.clockStartOn ?? ctx.app.lastReceivedOn };
}

/** Working days the clock stood still since `pausedSince`, added to the total, and the due date moved. */
export function resumeClockPatch(ctx: ActionContext): repo.ApplicationPatch {
  const { app } = ctx;
  if (!app.pausedSince || !app.clockStartOn) return { pausedSince: null };
  const pausedDays = app.pausedDays + ctx.calendar.countWorkingDays(app.pausedSince, ctx.today);
  return { pausedDays, pausedSince: null, dueDate: dueDateOf(ctx.calendar, app.clockStartOn, app.promisedDays, pausedDays) };
}

/** The cap of a supplement or deferral deadline: never beyond the promised limit (an instant item gets the notice window). */
export function deadlineCap(promisedDays: number): number {
  return promisedDays > 0 ? promisedDays : NOTICE_WORKING_DAYS;
}

export async function issue(ctx: ActionContext, kind: NoticeKind, build: (facts: NoticeFacts) => NoticeContent, app: repo.ApplicationRow = ctx.app) {
  const facts = await noticeFacts(ctx.tx, app);
  return issueNotice(ctx.tx, { app, kind, content: build(facts), facts, today: ctx.today, now: ctx.now, issuedBy: ctx.byName, isDemo: ctx.deps.config.BANSHI_DEMO });
}

/** An SMS to the applicant's phone, when one was given; queued in the action's transaction. */
export async function notifyApplicant(ctx: ActionContext, template: SmsTemplate, params: Record<string, string>, app: repo.ApplicationRow = ctx.app) {
  if (!app.phoneCipher) return;
  const phone = decryptField(personalDataKeys(ctx.deps.config), 'phone', app.phoneCipher);
  const facts = await noticeFacts(ctx.tx, app);
  await queueSms(ctx.tx, ctx.deps.config, {
    phone,
    template,
    params: { center: facts.centerName, item: app.name, number: app.number, ...params },
    related: { type: 'application', id: app.id },
    centerId: app.centerId,
    dedupeKey: `application:${app.id}:${template}:${ctx.now.getTime()}`,
  });
}

export function materialsIncomplete(names: string[], what = '以下材料尚未齐全'): AppError {
  return new AppError('MATERIALS_INCOMPLETE', `${what}：${names.join('、')}`, names.map((n) => ({ field: 'materials', message: n })));
}

export function requireDepartment(ctx: ActionContext, departmentId: string, message = '只能处理本部门的办件') {
  if (ctx.performer.kind === 'staff' && ctx.performer.principal.departmentId !== departmentId) throw new AppError('FORBIDDEN', message);
}
