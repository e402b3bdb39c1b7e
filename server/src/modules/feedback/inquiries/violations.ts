import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { strictItems, type Items } from '../../../platform/jobs/job.ts';
import { queueSms } from '../../../platform/notifications/service.ts';
import { normalizePhone } from '../../../platform/personal-data/personal-data.ts';
import { getCenter } from '../../venue/service.ts';
import { getDepartment, getStaff, listStaff } from '../../staff/service.ts';
import type { StaffDto } from '../../staff/contract.ts';
import { directoryOf, type ServiceDeps } from '../cases/scope.ts';
import type { Handling, ViolationDto, ViolationKind, ViolationLedger } from './contract.ts';
import * as repo from './repository.ts';
import { holderOf } from './workflow.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';

/**
 * A.1.4, A.2.4: "在规定时限内应解决而未解决" and "未及时移交". A periodic check flags, once per
 * inquiry and kind, an answer that was due and came late or not at all (against whoever held the
 * inquiry: the colleague who received it, else the first responder), and a transfer nobody
 * received in time (against the first responder, who still owned it). Each is flagged to that
 * staff member's manager — their department's chief officer, else the center manager — who sees
 * it on the ledger as an open notice and gets an SMS through the outbox at the department's (or
 * the center's) mobile number when it has one; staff records carry no phone. The manager records
 * how it was dealt with after checking (谈话教育, 通报批评, 岗位调整, or unfounded).
 */

export const VIOLATION_LABELS: Record<ViolationKind, string> = { unanswered: '逾期未答复', not_received: '移交后逾期无人接收' };
export const HANDLING_LABELS: Record<Handling, string> = { talk: '谈话教育', criticism: '通报批评', reassignment: '岗位调整', unfounded: '核查不属实' };

const isMobile = (phone: string | null): phone is string => phone !== null && /^1\d{10}$/.test(phone);

/** The job: flags what is owed past its limit; returns how many violations are new. */
export async function runInquiryViolationCheck(deps: ServiceDeps, now = new Date(), { each }: Items = strictItems): Promise<{ flagged: number }> {
  const today = businessToday(now);
  let flagged = 0;
  const candidates: { kind: ViolationKind; row: repo.InquiryRow }[] = [
    ...(await repo.listUnansweredCandidates(deps.db, today)).map((row) => ({ kind: 'unanswered' as const, row })),
    ...(await repo.listNotReceivedCandidates(deps.db, today)).map((row) => ({ kind: 'not_received' as const, row })),
  ];
  await each(
    candidates,
    async ({ kind, row }) => {
      if (await flagViolation(deps, kind, row, now)) flagged += 1;
    },
    ({ kind, row }) => `inquiry ${row.id} ${kind}`,
  );
  return { flagged };
}

async function flagViolation(deps: ServiceDeps, kind: ViolationKind, row: repo.InquiryRow, now: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const person = await getStaff(db, kind === 'unanswered' ? holderOf(row) : row.firstResponderId);
    const manager = await managerOf(db, person);
    const dueOn = (kind === 'unanswered' ? row.replyDueOn : row.transferDueOn)!;
    const violation = await repo.insertViolation(tx, {
      centerId: row.centerId,
      inquiryId: row.id,
      kind,
      staffId: person.id,
      departmentId: person.departmentId,
      managerId: manager.id,
      dueOn,
      flaggedAt: now,
    });
    if (!violation) return false;
    const phone = manager.phone ? normalizePhone(manager.phone) : null;
    if (manager.id && isMobile(phone)) {
      const center = await getCenter(db, row.centerId);
      await queueSms(tx, deps.config, {
        phone,
        template: 'inquiry_violation',
        params: {
          center: center.name,
          staff: person.displayName,
          purpose: row.purpose === 'apply' ? '申办事项' : '咨询',
          what: VIOLATION_LABELS[kind],
          due: dueOn,
          clause: row.purpose === 'apply' ? 'A.2.4' : 'A.1.4',
        },
        related: { type: 'inquiry_violation', id: violation.id },
        centerId: row.centerId,
        dedupeKey: `inquiry-violation:${violation.id}`,
      });
    }
    return true;
  });
}

/**
 * Whom a staff member answers to: their department's chief officer (when it is someone else, in
 * post), else an active center manager; with the number an SMS reaches them at (the department's,
 * or the center's).
 */
async function managerOf(db: Db, person: StaffDto): Promise<{ id: string | null; phone: string | null }> {
  if (person.departmentId) {
    const department = await getDepartment(db, person.departmentId);
    if (department.chiefOfficerId && department.chiefOfficerId !== person.id) {
      const chief = await getStaff(db, department.chiefOfficerId).catch(() => null);
      if (chief?.isActive) return { id: chief.id, phone: department.phone };
    }
  }
  if (!person.centerId) return { id: null, phone: null };
  const managers = (await listStaff(db, { centerId: person.centerId, role: 'center_manager' })).filter((s) => s.isActive && s.id !== person.id);
  const center = await getCenter(db, person.centerId);
  return { id: managers[0]?.id ?? null, phone: managers[0] ? center.phone : null };
}

/** Whose violations a manager sees: the center's (inquiry.violations_all), else their department's and those flagged to them. */
function scopeOf(by: StaffPrincipal): repo.ViolationScope {
  return by.permissions.has('inquiry.violations_all') ? { kind: 'center' } : { kind: 'department', departmentId: by.departmentId, managerId: by.id };
}

function isInScope(scope: repo.ViolationScope, row: repo.ViolationRow): boolean {
  return scope.kind === 'center' || row.managerId === scope.managerId || (scope.departmentId !== null && row.departmentId === scope.departmentId);
}

/** The ledger: violations flagged in the period, with counts per staff member. */
export async function violationLedger(
  deps: ServiceDeps,
  by: StaffPrincipal,
  q: { from: string; to: string; staffId?: string; departmentId?: string; kind?: ViolationKind; state?: 'open' | 'handled' },
): Promise<ViolationLedger> {
  if (q.from > q.to) throw invalidField('from', '开始日期不能晚于结束日期');
  const centerId = by.centerId;
  if (!centerId) throw invalidField('centerId', '您的账号没有所属中心');
  const scope = scopeOf(by);
  const rows = await repo.listViolations(deps.db, {
    centerId,
    scope,
    from: q.from,
    to: q.to,
    staffId: q.staffId,
    departmentId: q.departmentId,
    kind: q.kind,
    isOpen: q.state === undefined ? undefined : q.state === 'open',
  });
  const items = await toDtos(deps, centerId, rows, by);
  const byStaff = new Map<string, ViolationLedger['byStaff'][number]>();
  for (const v of items) {
    const entry = byStaff.get(v.staffId) ?? { staffId: v.staffId, staffName: v.staffName, departmentName: v.departmentName, total: 0, unanswered: 0, notReceived: 0, open: 0 };
    entry.total += 1;
    if (v.kind === 'unanswered') entry.unanswered += 1;
    else entry.notReceived += 1;
    if (!v.handledAt) entry.open += 1;
    byStaff.set(v.staffId, entry);
  }
  return {
    scope: scope.kind,
    totals: {
      total: items.length,
      open: items.filter((v) => !v.handledAt).length,
      unanswered: items.filter((v) => v.kind === 'unanswered').length,
      notReceived: items.filter((v) => v.kind === 'not_received').length,
    },
    byStaff: [...byStaff.values()].sort((a, b) => b.total - a.total || a.staffName.localeCompare(b.staffName, 'zh-CN')),
    items,
  };
}

/** The manager's notice: how many violations flagged to them wait for their handling. */
export async function violationNotice(deps: ServiceDeps, by: StaffPrincipal): Promise<{ open: number }> {
  return { open: await repo.countOpenFlaggedTo(deps.db, by.id) };
}

/** Records how a violation was dealt with, once; never by the staff member it is about. */
export async function handleViolation(deps: ServiceDeps, by: StaffPrincipal, input: { id: string; version: number; handling: Handling; note: string }, now = new Date()): Promise<ViolationDto> {
  const scope = scopeOf(by);
  const centerId = await deps.db.transaction(async (tx) => {
    const row = await repo.findViolation(tx, input.id, { lock: true });
    if (!row || !isCenterInScope(by, row.centerId) || !isInScope(scope, row)) throw notFound('违规记录');
    if (row.staffId === by.id) throw new AppError('SELF_DECISION', '本人的违规记录由其上级处理', [{ field: 'handling', message: '不能处理本人的违规记录' }]);
    if (row.handledAt) throw new AppError('INVALID_STATE', '该违规记录已处理', [{ field: 'handling', message: '已处理' }]);
    if (row.version !== input.version) throw new AppError('STALE_VERSION', '该违规记录已被他人处理，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
    await repo.updateViolation(tx, row.id, { handling: input.handling, handlingNote: input.note, handledBy: by.id, handledAt: now });
    return row.centerId;
  });
  const row = (await repo.findViolation(deps.db, input.id))!;
  return (await toDtos(deps, centerId, [row], by))[0]!;
}

async function toDtos(deps: ServiceDeps, centerId: string, rows: readonly repo.ViolationRow[], by: StaffPrincipal): Promise<ViolationDto[]> {
  const [dir, inquiries] = await Promise.all([directoryOf(deps.db, centerId), repo.listInquiriesByIds(deps.db, [...new Set(rows.map((r) => r.inquiryId))])]);
  const inquiryOf = new Map(inquiries.map((i) => [i.id, i]));
  const scope = scopeOf(by);
  return rows.map((r) => {
    const i = inquiryOf.get(r.inquiryId)!;
    return {
      id: r.id,
      kind: r.kind,
      clause: i.purpose === 'apply' ? ('A.2.4' as const) : ('A.1.4' as const),
      staffId: r.staffId,
      staffName: dir.staff(r.staffId),
      departmentId: r.departmentId,
      departmentName: dir.department(r.departmentId),
      managerId: r.managerId,
      managerName: dir.staff(r.managerId),
      dueOn: r.dueOn,
      flaggedAt: r.flaggedAt.toISOString(),
      handling: r.handling,
      handlingNote: r.handlingNote,
      handledByName: dir.staff(r.handledBy),
      handledAt: r.handledAt?.toISOString() ?? null,
      inquiry: {
        id: i.id,
        askedAt: i.askedAt.toISOString(),
        mode: i.mode,
        purpose: i.purpose,
        subject: i.subject,
        outcome: i.outcome,
        firstResponderName: dir.staff(i.firstResponderId),
        transferDepartmentName: dir.department(i.transferDepartmentId),
        transferStaffName: dir.staff(i.transferStaffId),
      },
      canHandle: by.permissions.has('inquiry.violations') && r.handledAt === null && r.staffId !== by.id && isInScope(scope, r),
      version: r.version,
    };
  });
}
