import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import type { Config } from '../../config.ts';
import { listDecidedApplications } from '../applications/disclosure/service.ts';
import { getFigures as applicationFigures } from '../applications/figures/service.ts';
import { getGuaranteeView } from '../appointments/guarantee/service.ts';
import { loadPublishedCatalog } from '../catalog/published/cache.ts';
import { getDisclosure as evaluationDisclosure } from '../evaluations/disclosure/service.ts';
import { responseFigures } from '../feedback/figures/service.ts';
import { listLiveSessions } from '../queue/counters/service.ts';
import { findPhotoStamp, staffPhoto } from '../queue/photos/service.ts';
import { listDepartments, listStaff } from '../staff/service.ts';
import { getCenter, listCounters } from '../venue/service.ts';
import type { CatalogDisclosure, MonthlyFigures, ResultsPage, StaffDisclosure } from './contract.ts';
import { maskApplicantName } from './masking.ts';

type Center = { id: string; name: string };

async function centerOf(db: Db, centerId: string): Promise<Center> {
  const c = await getCenter(db, centerId);
  return { id: c.id, name: c.name };
}

/** 服务事项目录: the published items with fees, time limits and legal bases. */
export async function getCatalogDisclosure(db: Db, centerId: string): Promise<CatalogDisclosure> {
  const catalog = await loadPublishedCatalog(db, centerId);
  const items = [...catalog.items.values()].map(({ code, guide: g }) => ({
    code,
    name: g.name,
    departmentName: catalog.departmentNames.get(g.departmentId) ?? '',
    processingKind: g.processingKind,
    legalLimitDays: g.legalLimitDays,
    promisedLimitDays: g.promisedLimitDays,
    isFeeCharged: g.isFeeCharged,
    feeDescription: g.feeDescription,
    feeBasis: g.feeBasis,
    legalBasis: g.legalBasis,
    channels: g.channels,
  }));
  return { center: await centerOf(db, centerId), items };
}

/**
 * 窗口工作人员: the active staff assigned to the center's active counters, and whoever has a counter
 * session open now (on duty first). Only the name, staff number, counter and department: nothing private.
 */
export async function getStaffDisclosure(db: Db, centerId: string, now = new Date()): Promise<StaffDisclosure> {
  const [counters, staff, sessions, departments] = await Promise.all([listCounters(db, centerId), listStaff(db, { centerId }), listLiveSessions(db, centerId), listDepartments(db, centerId)]);
  const counterOf = new Map(counters.filter((c) => c.isActive).map((c) => [c.id, c]));
  const departmentOf = new Map(departments.map((d) => [d.id, d.name]));
  const sessionOf = new Map(sessions.filter((s) => counterOf.has(s.counterId)).map((s) => [s.staffId, s]));
  const shown = staff.filter((s) => s.isActive && ((s.counterId && counterOf.has(s.counterId)) || sessionOf.has(s.id)));
  const rows = await Promise.all(
    shown.map(async (s) => {
      const session = sessionOf.get(s.id);
      const counter = counterOf.get(session?.counterId ?? s.counterId!)!;
      const photoVersion = await findPhotoStamp(db, s.id);
      return {
        staffId: s.id,
        name: s.displayName,
        staffNumber: s.staffNumber,
        counterNumber: counter.number,
        counterName: counter.name,
        departmentName: departmentOf.get(counter.departmentId ?? s.departmentId ?? '') ?? '',
        isOnDuty: session !== undefined,
        hasPhoto: photoVersion !== null,
        photoVersion,
      };
    }),
  );
  rows.sort((a, b) => Number(b.isOnDuty) - Number(a.isOnDuty) || a.counterNumber.localeCompare(b.counterNumber, 'zh-CN', { numeric: true }) || a.name.localeCompare(b.name, 'zh-CN'));
  return { center: await centerOf(db, centerId), date: businessToday(now), staff: rows };
}

/** The photo of a staff member the disclosure lists; anyone else's answers 404. */
export async function getDisclosedPhoto(db: Db, centerId: string, staffId: string) {
  const { staff } = await getStaffDisclosure(db, centerId);
  if (!staff.some((s) => s.staffId === staffId && s.hasPhoto)) throw notFound('照片');
  return staffPhoto(db, staffId);
}

/** 办理结果公开: decided applications, newest first, the applicant masked (masking.ts). */
export async function getResults(db: Db, centerId: string, q: { number?: string; page: number; pageSize: number }): Promise<ResultsPage> {
  const { rows, total } = await listDecidedApplications(db, centerId, { number: q.number || undefined, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    center: await centerOf(db, centerId),
    total,
    page: q.page,
    pageSize: q.pageSize,
    results: rows.map((r) => ({ number: r.number, itemName: r.name, applicantName: maskApplicantName(r.applicantName), decision: r.decision, decidedOn: r.decidedOn })),
  };
}

/**
 * The figures services of the other modules read a center through a staff principal. The
 * disclosure reads them as a center-wide reader of this one center (the auditor's view: every
 * department, nothing to act on) and publishes only their totals.
 */
function disclosureReader(centerId: string): StaffPrincipal {
  return {
    type: 'staff',
    id: '00000000-0000-0000-0000-000000000000',
    username: 'disclosure',
    displayName: '信息公开',
    roles: ['auditor'],
    permissions: new Set(['audit.read']),
    centerId,
    centerScope: [centerId],
    departmentId: null,
    mustChangePassword: false,
  };
}

/** 月度数据: evaluations, time limits met, appointments within 3 working days, feedback answered in time. */
export async function getMonthlyFigures(deps: { db: Db; config: Config }, centerId: string, q: { month?: string }, now = new Date()): Promise<MonthlyFigures> {
  const { db } = deps;
  const today = businessToday(now);
  const month = q.month ?? today.slice(0, 7);
  const from = `${month}-01`;
  const last = lastDayOf(month);
  const to = last < today ? last : today < from ? from : today;
  const reader = disclosureReader(centerId);
  const [center, evaluations, applications, guarantee, feedback] = await Promise.all([
    centerOf(db, centerId),
    evaluationDisclosure(db, centerId, { month }, now),
    applicationFigures(db, reader, { from, to }, now),
    getGuaranteeView(db, centerId, now),
    responseFigures(deps, reader, { from, to }),
  ]);
  const f = feedback.center;
  return {
    center,
    month,
    from,
    to,
    evaluations: { rated: evaluations.totals.rated, goodRate: evaluations.totals.goodRate, rectified: evaluations.rectified.length },
    timeLimits: { decided: applications.decided, decidedOnTime: applications.decidedOnTime, onTimeRate: applications.onTimeRate },
    appointments: { asOf: guarantee.today, meeting: guarantee.meeting, total: guarantee.total, share: guarantee.share },
    feedback: { received: f.received, answeredInTime: f.answeredInTime, counted: f.answeredInTime + f.answeredLate + f.overdue, rate: f.rate },
  };
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
}
