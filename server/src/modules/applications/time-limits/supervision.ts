import { isCenterInScope, type StaffPrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { queueSms } from '../../../platform/notifications/service.ts';
import { normalizePhone } from '../../../platform/personal-data/personal-data.ts';
import { getDepartment } from '../../staff/service.ts';
import { getCenter } from '../../venue/service.ts';
import type { ServiceDeps } from '../actions.ts';
import { findApplication } from '../repository.ts';
import { STATES } from '../workflow/definition.ts';
import type { SupervisionDto } from './contract.ts';
import * as repo from './repository.ts';
import { departmentNames, staffNames } from './names.ts';

/**
 * 督办 (A.7): the center manager opens one on any undecided application, addressed to the
 * deciding department's chief officer, with a deadline and what is asked; only the addressee
 * replies (once). Unanswered past the deadline, or answered after it, it shows as overdue.
 */

const DECIDED = ['approved', 'rejected', 'delivering'];

export async function openSupervision(deps: ServiceDeps, by: StaffPrincipal, input: { applicationId: string; deadline: string; request: string }, now = new Date()): Promise<SupervisionDto> {
  const today = businessToday(now);
  const app = await findApplication(deps.db, input.applicationId);
  if (!app || !isCenterInScope(by, app.centerId)) throw notFound('办件');
  if (app.decidedOn !== null || STATES[app.state as keyof typeof STATES].isTerminal || DECIDED.includes(app.state)) {
    throw new AppError('INVALID_STATE', '办件已办结，不能督办', [{ field: 'applicationId', message: '只能督办未办结的办件' }]);
  }
  if (input.deadline < today) throw invalidField('deadline', '督办期限不能早于今天');
  const department = await getDepartment(deps.db, app.departmentId);
  if (!department.chiefOfficerId) throw new AppError('INVALID_STATE', `${department.name}没有首席事务代表，不能督办`, [{ field: 'applicationId', message: '审批部门没有首席事务代表' }]);
  const id = await repo.insertSupervision(deps.db, {
    centerId: app.centerId,
    applicationId: app.id,
    departmentId: app.departmentId,
    addresseeId: department.chiefOfficerId,
    openedBy: by.id,
    openedAt: now,
    openedOn: today,
    deadline: input.deadline,
    request: input.request,
  });
  if (!id) throw new AppError('SUPERVISION_OPEN', '该办件已有未答复的督办', [{ field: 'applicationId', message: '已有未答复的督办' }]);
  const phone = normalizePhone(department.phone);
  if (phone && /^1\d{10}$/.test(phone)) {
    const center = await getCenter(deps.db, app.centerId);
    await queueSms(deps.db, deps.config, {
      phone,
      template: 'supervision_opened',
      params: { center: center.name, number: app.number, item: app.name, department: department.name, deadline: input.deadline },
      related: { type: 'supervision', id },
      centerId: app.centerId,
      dedupeKey: `supervision:${id}`,
    });
  }
  return (await supervisionDtos(deps, by, [{ supervision: (await repo.findSupervision(deps.db, id))!, application: app }], now))[0]!;
}

export async function replySupervision(deps: ServiceDeps, by: StaffPrincipal, input: { id: string; reply: string; version: number }, now = new Date()): Promise<SupervisionDto> {
  const row = await repo.findSupervision(deps.db, input.id);
  if (!row || !isCenterInScope(by, row.centerId)) throw notFound('督办');
  if (row.addresseeId !== by.id) throw new AppError('SUPERVISION_NOT_ADDRESSEE', '督办只能由被督办的首席事务代表答复', [{ field: 'reply', message: '您不是该督办的答复人' }]);
  if (row.reply !== null) throw new AppError('INVALID_STATE', '该督办已答复', [{ field: 'reply', message: '已答复' }]);
  const saved = await repo.replySupervision(deps.db, row.id, input.version, { reply: input.reply, repliedBy: by.id, repliedAt: now, repliedOn: businessToday(now) });
  if (!saved) throw new AppError('STALE_VERSION', '该督办已被修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  const app = (await findApplication(deps.db, row.applicationId))!;
  return (await supervisionDtos(deps, by, [{ supervision: (await repo.findSupervision(deps.db, row.id))!, application: app }], now))[0]!;
}

/** Supervisions addressed to me, or (scope center, with time_limit.supervise) all of my center's. */
export async function listSupervisions(deps: ServiceDeps, by: StaffPrincipal, q: { scope: 'mine' | 'center' }): Promise<SupervisionDto[]> {
  if (!by.centerId) return [];
  const all = q.scope === 'center' && by.permissions.has('time_limit.supervise');
  const rows = await repo.listSupervisions(deps.db, { centerId: by.centerId, ...(all ? {} : { addresseeId: by.id }) });
  return supervisionDtos(deps, by, rows);
}

export async function supervisionDtos(
  deps: ServiceDeps,
  by: StaffPrincipal,
  rows: { supervision: repo.SupervisionRow; application: { number: string; name: string } }[],
  now = new Date(),
): Promise<SupervisionDto[]> {
  const today = businessToday(now);
  const names = await staffNames(deps.db, rows.flatMap((r) => [r.supervision.addresseeId, r.supervision.openedBy, r.supervision.repliedBy]));
  const departments = await departmentNames(deps.db, rows.map((r) => r.supervision.centerId));
  return rows.map(({ supervision: s, application }) => ({
    id: s.id,
    applicationId: s.applicationId,
    applicationNumber: application.number,
    applicationName: application.name,
    departmentName: departments.get(s.departmentId) ?? '',
    addresseeId: s.addresseeId,
    addresseeName: names.get(s.addresseeId) ?? '',
    openedByName: names.get(s.openedBy) ?? '',
    openedAt: s.openedAt.toISOString(),
    deadline: s.deadline,
    request: s.request,
    reply: s.reply,
    repliedByName: s.repliedBy ? (names.get(s.repliedBy) ?? '') : '',
    repliedAt: s.repliedAt?.toISOString() ?? null,
    isOverdue: s.repliedOn === null ? today > s.deadline : s.repliedOn > s.deadline,
    canReply: s.reply === null && s.addresseeId === by.id && by.permissions.has('time_limit.reply'),
    version: s.version,
  }));
}
