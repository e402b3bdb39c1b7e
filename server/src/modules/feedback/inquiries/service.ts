import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { loadCalendar } from '../../../platform/calendar/service.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, forbidden, invalidField, notFound } from '../../../platform/errors.ts';
import { decryptField, normalizePhone, personalDataKeys, sealPhone, sealPhoneIfAny } from '../../../platform/personal-data/personal-data.ts';
import type { Theme } from '../../catalog/contract.ts';
import { issueTicket, ticketNumbersOf, type IssuedTicketDto } from '../../queue/service.ts';
import { getDepartment, getStaff, listDepartments, listStaff } from '../../staff/service.ts';
import { dueDaysOf } from '../cases/intake.ts';
import { directoryOf, type Directory, type ServiceDeps } from '../cases/scope.ts';
import type { InquiryDto, InquiryInput } from './contract.ts';
import * as repo from './repository.ts';
import { mayAct, transition, type InquiryAction, type InquiryOutcome } from './workflow.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';

/**
 * 首问、首办 (A.1, A.2). Whoever is asked first — at the guidance desk or anywhere else, on site,
 * by phone or online — records the inquiry as its first responder, and how it ended: answered on
 * the spot; to be answered within the limit (a consultation's working days, FACTS §7, the
 * center's setting); transferred to a department or colleague who receives it within
 * INQUIRY_TRANSFER_WORKING_DAYS; directed to a counter (the guidance desk takes the ticket in the
 * same transaction); or outside the center's remit. What is owed and not done in time becomes a
 * violation for the manager (violations.ts).
 */

const OWES_REPLY: readonly InquiryOutcome[] = ['pending', 'transferred'];
const MAY_CARRY_REPLY: readonly InquiryOutcome[] = ['answered', 'directed', 'outside_center'];

export async function recordInquiry(deps: ServiceDeps, by: StaffPrincipal, input: InquiryInput, now = new Date()): Promise<{ inquiry: InquiryDto; issued: IssuedTicketDto | null }> {
  const centerId = by.centerId;
  if (!centerId) throw invalidField('centerId', '您的账号没有所属中心，不能登记咨询');
  if (input.ticket && input.outcome !== 'directed') throw invalidField('ticket', '只有“引导至窗口”才需要取号');
  if (input.ticket && !by.permissions.has('queue.issue')) throw forbidden('只有咨询导办人员可以代为取号');
  if (input.ticket?.overrideQuota && !by.permissions.has('queue.override_quota')) throw forbidden('您没有超出现场取号量加号的权限');
  const isTransfer = input.outcome === 'transferred';
  if (!isTransfer && (input.transferDepartmentId || input.transferStaffId)) throw invalidField('transferDepartmentId', '只有“移交”才需要选择移交的部门或人员');
  if (isTransfer && !input.transferDepartmentId && !input.transferStaffId) throw invalidField('transferDepartmentId', '移交时请选择接收的部门或工作人员');
  if (input.reply && !MAY_CARRY_REPLY.includes(input.outcome)) throw invalidField('reply', '待答复或移交的咨询不填写答复内容，答复时再填写');
  if (input.outcome === 'answered' && !input.reply) throw invalidField('reply', '当场答复的咨询请填写答复要点');
  const transfer = isTransfer ? await transferTargetOf(deps.db, centerId, input, by) : null;
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && !phone) throw new AppError('PHONE_INVALID', '联系电话应为手机号码或带区号的固定电话', [{ field: 'phone', message: '电话号码格式不正确' }]);

  const today = businessToday(now);
  const calendar = await loadCalendar(deps.db);
  const replyDueOn = OWES_REPLY.includes(input.outcome) ? calendar.addWorkingDays(today, (await dueDaysOf(deps.db, centerId)).consultation) : null;
  const transferDueOn = isTransfer ? calendar.addWorkingDays(today, deps.config.INQUIRY_TRANSFER_WORKING_DAYS) : null;
  const keys = personalDataKeys(deps.config);

  const result = await deps.db.transaction(async (tx) => {
    const issued = input.ticket
      ? await issueTicket(tx, {
          centerId,
          ...input.ticket,
          itemId: input.ticket.itemId ?? input.itemId,
          channel: 'guidance',
          uscc: input.uscc,
          phone: phone ? sealPhone(keys, phone) : null,
          issuedBy: by.id,
          now,
        })
      : null;
    const row = await repo.insertInquiry(tx, {
      centerId,
      businessDate: today,
      askedAt: now,
      firstResponderId: by.id,
      mode: input.mode,
      purpose: input.purpose,
      subject: input.subject,
      theme: input.theme,
      itemId: input.itemId,
      uscc: input.uscc,
      enterpriseName: input.enterpriseName,
      personName: input.personName,
      ...sealPhoneIfAny(keys, phone),
      outcome: input.outcome,
      ticketId: issued?.ticket.id ?? null,
      note: input.note,
      reply: input.reply,
      repliedAt: input.reply ? now : null,
      repliedBy: input.reply ? by.id : null,
      replyDueOn,
      transferDepartmentId: transfer?.departmentId ?? null,
      transferStaffId: transfer?.staffId ?? null,
      transferDueOn,
    });
    return { row, issued };
  });
  const [inquiry] = await toDtos(deps.db, centerId, [result.row], by);
  return { inquiry: inquiry!, issued: result.issued };
}

/** The department and colleague an inquiry is transferred to, checked against the center. */
async function transferTargetOf(db: Db, centerId: string, input: InquiryInput, by: StaffPrincipal) {
  let departmentId = input.transferDepartmentId;
  if (input.transferStaffId) {
    const person = await getStaff(db, input.transferStaffId).catch(() => null);
    if (!person || person.centerId !== centerId || !person.isActive) throw invalidField('transferStaffId', '移交人员不是本中心在岗人员');
    if (person.id === by.id) throw invalidField('transferStaffId', '不能移交给自己');
    if (departmentId && person.departmentId !== departmentId) throw invalidField('transferStaffId', '移交人员不属于所选部门');
    departmentId ??= person.departmentId;
  }
  if (departmentId) {
    const department = await getDepartment(db, departmentId).catch(() => null);
    if (!department || department.centerId !== centerId || !department.isActive) throw invalidField('transferDepartmentId', '部门不是本中心的进驻部门');
  }
  return { departmentId, staffId: input.transferStaffId };
}

const staleInquiry = () => new AppError('STALE_VERSION', '该咨询已被他人处理，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

/** One action in one transaction: the row locked, the reader's right, the version and the course checked. */
async function act(deps: ServiceDeps, by: StaffPrincipal, input: { id: string; version: number }, action: InquiryAction, patch: (now: Date) => Partial<repo.InquiryRow>, now: Date) {
  const id = await deps.db.transaction(async (tx) => {
    const row = await repo.findInquiry(tx, input.id, { lock: true });
    if (!row || !isCenterInScope(by, row.centerId) || !isVisible(row, by)) throw notFound('咨询记录');
    const to = transition(row.outcome, action);
    if (!mayAct(action, row, by)) throw forbidden(action === 'reply' ? '只有该咨询的首问责任人或接收人可以答复' : '只有被移交的工作人员（或所移交部门的人员）可以接收');
    if (row.version !== input.version) throw staleInquiry();
    await repo.updateInquiry(tx, row.id, { ...patch(now), outcome: to });
    return row.id;
  });
  const row = (await repo.findInquiry(deps.db, id))!;
  return (await toDtos(deps.db, row.centerId, [row], by))[0]!;
}

export async function replyInquiry(deps: ServiceDeps, by: StaffPrincipal, input: { id: string; version: number; reply: string }, now = new Date()) {
  return act(deps, by, input, 'reply', (at) => ({ reply: input.reply, repliedAt: at, repliedBy: by.id }), now);
}

export async function receiveInquiry(deps: ServiceDeps, by: StaffPrincipal, input: { id: string; version: number }, now = new Date()) {
  return act(deps, by, input, 'receive', (at) => ({ receivedAt: at, receivedBy: by.id }), now);
}

/** Who sees an inquiry: those it involves, the guidance desk and the center's managers. */
function isVisible(row: repo.InquiryRow, by: StaffPrincipal): boolean {
  if (by.permissions.has('queue.issue') || by.permissions.has('inquiry.violations_all')) return true;
  return [row.firstResponderId, row.receivedBy, row.transferStaffId].includes(by.id) || (row.transferDepartmentId !== null && row.transferDepartmentId === by.departmentId);
}

export async function listInquiries(deps: ServiceDeps, by: StaffPrincipal, q: { box: 'mine' | 'incoming' | 'center'; from?: string; to?: string; outcome?: InquiryOutcome }): Promise<InquiryDto[]> {
  const centerId = by.centerId;
  if (!centerId) return [];
  if (q.from && q.to && q.from > q.to) throw invalidField('from', '开始日期不能晚于结束日期');
  if (q.box === 'center' && !by.permissions.has('queue.issue') && !by.permissions.has('inquiry.violations_all')) throw forbidden('只有咨询导办人员和中心管理人员可以查看全中心的咨询登记');
  const today = businessToday();
  const box: repo.InquiryBox = q.box === 'mine' ? { kind: 'mine', staffId: by.id } : q.box === 'incoming' ? { kind: 'incoming', staffId: by.id, departmentId: by.departmentId } : { kind: 'center' };
  // What waits for me is shown whatever day it came; the other lists default to the last 30 days.
  const period = q.box === 'incoming' ? { from: q.from, to: q.to } : { from: q.from ?? addDays(today, -30), to: q.to ?? today };
  const rows = await repo.listInquiries(deps.db, { centerId, box, ...period, outcome: q.outcome });
  return toDtos(deps.db, centerId, rows, by);
}

/** The departments and colleagues an inquiry may be transferred to (active ones of the center, not oneself). */
export async function inquiryOptionsOf(deps: ServiceDeps, by: StaffPrincipal) {
  if (!by.centerId) return { departments: [], staff: [] };
  const [departments, people] = await Promise.all([listDepartments(deps.db, by.centerId), listStaff(deps.db, { centerId: by.centerId })]);
  const active = departments.filter((d) => d.isActive);
  const names = new Map(active.map((d) => [d.id, d.name]));
  return {
    departments: active.map((d) => ({ id: d.id, name: d.name })),
    staff: people
      .filter((p) => p.isActive && p.id !== by.id && !p.roles.every((r) => r === 'administrator' || r === 'auditor'))
      .map((p) => ({ id: p.id, name: p.displayName, departmentId: p.departmentId, departmentName: p.departmentId ? (names.get(p.departmentId) ?? '') : '' })),
  };
}

/** The asker's full contact, for whoever must get back to them (the route audits each read). */
export async function revealContact(deps: ServiceDeps, by: StaffPrincipal, id: string) {
  const row = await repo.findInquiry(deps.db, id);
  if (!row || !isCenterInScope(by, row.centerId) || !isVisible(row, by)) throw notFound('咨询记录');
  const involved = [row.firstResponderId, row.receivedBy, row.transferStaffId].includes(by.id) || (row.transferDepartmentId !== null && row.transferDepartmentId === by.departmentId);
  if (!involved) throw forbidden('只有首问责任人和接收人可以查看咨询人的联系电话');
  return {
    personName: row.personName,
    enterpriseName: row.enterpriseName,
    uscc: row.uscc,
    phone: row.phoneCipher ? decryptField(personalDataKeys(deps.config), 'phone', row.phoneCipher) : null,
  };
}

export async function toDtos(db: DbOrTx, centerId: string, rows: readonly repo.InquiryRow[], reader: StaffPrincipal | null, dir?: Directory): Promise<InquiryDto[]> {
  const names = dir ?? (await directoryOf(db as Db, centerId));
  const tickets = await ticketNumbersOf(db, rows.flatMap((r) => (r.ticketId ? [r.ticketId] : [])));
  const today = businessToday();
  return rows.map((r) => ({
    id: r.id,
    centerId: r.centerId,
    businessDate: r.businessDate,
    askedAt: r.askedAt.toISOString(),
    mode: r.mode,
    purpose: r.purpose,
    subject: r.subject,
    theme: r.theme as Theme | null,
    itemId: r.itemId,
    uscc: r.uscc,
    enterpriseName: r.enterpriseName,
    personName: r.personName,
    phoneMasked: r.phoneMasked,
    firstResponderId: r.firstResponderId,
    firstResponderName: names.staff(r.firstResponderId),
    outcome: r.outcome,
    reply: r.reply,
    repliedAt: r.repliedAt?.toISOString() ?? null,
    repliedByName: names.staff(r.repliedBy),
    replyDueOn: r.replyDueOn,
    transferDepartmentId: r.transferDepartmentId,
    transferDepartmentName: names.department(r.transferDepartmentId),
    transferStaffId: r.transferStaffId,
    transferStaffName: names.staff(r.transferStaffId),
    transferDueOn: r.transferDueOn,
    receivedAt: r.receivedAt?.toISOString() ?? null,
    receivedByName: names.staff(r.receivedBy),
    ticketId: r.ticketId,
    ticketDisplayNumber: r.ticketId ? (tickets.get(r.ticketId) ?? null) : null,
    note: r.note,
    isOverdue: OWES_REPLY.includes(r.outcome) && r.replyDueOn !== null && r.replyDueOn < today,
    isTransferOverdue: r.outcome === 'transferred' && r.transferDueOn !== null && r.transferDueOn < today,
    canReply: reader !== null && mayAct('reply', r, reader),
    canReceive: reader !== null && mayAct('receive', r, reader),
    version: r.version,
  }));
}
