import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { describeFiles, openFile } from '../../../platform/files/service.ts';
import { listCounters } from '../../venue/service.ts';
import { listDepartments, listStaff } from '../../staff/service.ts';
import type { CallbackAlertDto, CallbackDetail, CallbackPage, CallbackSummary } from './contract.ts';
import { labelOfTag } from '../ratings/questions.ts';
import * as repo from './repository.ts';
import { callbackFor, scopeOf, type ServiceDeps } from './scope.ts';
import { ACTIONS, STATE_LABELS, VERDICT_LABELS, availableActions, type CallbackState } from './workflow.ts';

/** Reading callbacks: the list (scoped, filtered), the detail with its ledger and timeline, the overdue alerts. */

export type Names = { departments: Map<string, string>; counters: Map<string, string>; staff: Map<string, string>; today: string };

export async function namesOf(db: Db, centerId: string, now: Date): Promise<Names> {
  const [departments, counters, people] = await Promise.all([listDepartments(db, centerId), listCounters(db, centerId), listStaff(db, { centerId })]);
  return {
    departments: new Map(departments.map((d) => [d.id, d.name])),
    counters: new Map(counters.map((c) => [c.id, `${c.number} 号窗口 ${c.name}`])),
    staff: new Map(people.map((s) => [s.id, s.displayName])),
    today: businessToday(now),
  };
}

export async function listCallbacks(
  deps: ServiceDeps,
  principal: StaffPrincipal,
  q: { state?: CallbackState; overdue?: 'true' | 'false'; departmentId?: string; from?: string; to?: string; page: number; pageSize: number },
  now = new Date(),
): Promise<CallbackPage> {
  if (!principal.centerId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  if (q.from && q.to && q.from > q.to) throw new AppError('VALIDATION_FAILED', '起始日期不能晚于截止日期', [{ field: 'from', message: '起始日期不能晚于截止日期' }]);
  const names = await namesOf(deps.db, principal.centerId, now);
  const { rows, total } = await repo.listCallbacks(deps.db, principal.centerId, {
    scope: await scopeOf(deps.db, principal),
    state: q.state,
    departmentId: q.departmentId,
    overdueOn: q.overdue === 'true' ? names.today : undefined,
    from: q.from ? startOfDay(q.from) : undefined,
    to: q.to ? startOfDay(addDays(q.to, 1)) : undefined,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: rows.map((r) => toSummary(r.callback, r.rating, names)), total, page: q.page, pageSize: q.pageSize };
}

export async function getCallbackDetail(deps: ServiceDeps, principal: StaffPrincipal, id: string, now = new Date()): Promise<CallbackDetail> {
  const { db } = deps;
  const callback = await callbackFor(db, principal, await scopeOf(db, principal), id);
  const [rating, additions, contacts, rectification, names] = await Promise.all([
    repo.findRating(db, callback.ratingId),
    repo.listAdditions(db, callback.ratingId),
    repo.listContacts(db, callback.id),
    repo.findRectification(db, callback.id),
    namesOf(db, callback.centerId, now),
  ]);
  const evidence = rectification ? await describeFiles(db, rectification.evidenceFileIds) : [];
  const reRating = additions.find((a) => a.kind === 're_rating') ?? null;
  const owners = callback.departmentId ? await listStaff(db, { departmentId: callback.departmentId }) : [];
  const nameOf = (staffId: string | null) => (staffId ? (names.staff.get(staffId) ?? null) : null);
  const state = callback.state as CallbackState;
  return {
    ...toSummary(callback, rating!, names),
    verdictNote: callback.verdictNote,
    verifiedByName: nameOf(callback.verifiedBy),
    verifiedAt: iso(callback.verifiedAt),
    additions: additions.map((a) => ({ id: a.id, kind: a.kind, level: a.level, tags: a.tags, comment: a.comment, channel: a.channel, enteredByName: nameOf(a.enteredBy), createdAt: a.createdAt.toISOString() })),
    contacts: contacts.map((c) => ({ id: c.id, method: c.method, isReached: c.isReached, note: c.note, staffName: nameOf(c.staffId) ?? '', contactedAt: c.contactedAt.toISOString() })),
    rectification: rectification
      ? {
          measures: rectification.measures,
          ownerId: rectification.ownerId,
          ownerName: rectification.ownerName,
          dueOn: rectification.dueOn,
          evidence: evidence.map((f) => ({ id: f.id, filename: f.filename, mediaType: f.mediaType, size: f.size })),
          result: rectification.result,
          doneAt: iso(rectification.doneAt),
          doneByName: nameOf(rectification.doneBy),
          publicSummary: rectification.publicSummary,
          createdAt: rectification.createdAt.toISOString(),
        }
      : null,
    reRating: reRating ? { level: reRating.level!, comment: reRating.comment, enteredByName: nameOf(reRating.enteredBy), createdAt: reRating.createdAt.toISOString() } : null,
    timeline: timelineOf({ callback, rating: rating!, contacts, rectification, reRating, evidence, nameOf }),
    actions: availableActions(state),
    owners: owners.filter((s) => s.isActive).map((s) => ({ id: s.id, displayName: s.displayName })),
  };
}

/** An evidence file of a callback the staff member may see. */
export async function evidenceFile(deps: ServiceDeps, principal: StaffPrincipal, id: string, fileId: string) {
  const callback = await callbackFor(deps.db, principal, await scopeOf(deps.db, principal), id);
  const rectification = await repo.findRectification(deps.db, callback.id);
  if (!rectification?.evidenceFileIds.includes(fileId)) throw notFound('整改佐证');
  return openFile(deps.db, fileId);
}

/** The overdue alerts still standing (alerted, not closed) that the staff member answers for. */
export async function listCallbackAlerts(deps: ServiceDeps, principal: StaffPrincipal, now = new Date()): Promise<CallbackAlertDto[]> {
  if (!principal.centerId) return [];
  const names = await namesOf(deps.db, principal.centerId, now);
  const rows = await repo.listAlerted(deps.db, principal.centerId, await scopeOf(deps.db, principal));
  return rows.map(({ callback, rating }) => ({
    id: callback.id,
    overdue: overdueOf(callback, names.today),
    departmentName: callback.departmentId ? (names.departments.get(callback.departmentId) ?? null) : null,
    itemName: rating.itemName,
    contactDueOn: callback.contactDueOn,
    finishDueOn: callback.finishDueOn,
    alertedAt: callback.overdueAlertedAt!.toISOString(),
  }));
}

/** Which deadline has passed as of `today` (the contact one first). */
export function overdueOf(c: Pick<repo.CallbackRow, 'state' | 'contactedAt' | 'contactDueOn' | 'finishDueOn'>, today: string): 'contact' | 'finish' | null {
  if (c.state === 'closed') return null;
  if (!c.contactedAt && c.contactDueOn < today) return 'contact';
  if (c.finishDueOn < today) return 'finish';
  return null;
}

function toSummary(c: repo.CallbackRow, r: repo.RatingRow, names: Names): CallbackSummary {
  return {
    id: c.id,
    state: c.state as CallbackState,
    stateLabel: STATE_LABELS[c.state as CallbackState],
    departmentId: c.departmentId,
    departmentName: c.departmentId ? (names.departments.get(c.departmentId) ?? null) : null,
    counterId: c.counterId,
    counterName: c.counterId ? (names.counters.get(c.counterId) ?? null) : null,
    assigneeId: c.assigneeId,
    assigneeName: c.assigneeId ? (names.staff.get(c.assigneeId) ?? null) : null,
    contactDueOn: c.contactDueOn,
    finishDueOn: c.finishDueOn,
    contactedAt: iso(c.contactedAt),
    verdict: c.verdict,
    closedAt: iso(c.closedAt),
    overdue: overdueOf(c, names.today),
    overdueAlertedAt: iso(c.overdueAlertedAt),
    createdAt: c.createdAt.toISOString(),
    version: c.version,
    rating: {
      id: r.id,
      level: r.level,
      channel: r.channel,
      questionSet: r.questionSet,
      tags: r.tags,
      tagLabels: r.tags.map((code) => labelOfTag(r.questionSet, code)),
      comment: r.comment,
      isRealName: r.isRealName,
      raterName: r.raterName,
      raterUscc: r.raterUscc,
      raterPhoneMasked: r.raterPhoneMasked,
      itemCode: r.itemCode,
      itemName: r.itemName,
      staffName: r.staffId ? (names.staff.get(r.staffId) ?? null) : null,
      ticketId: r.ticketId,
      applicationId: r.applicationId,
      serviceEndedAt: iso(r.serviceEndedAt),
      ratedAt: r.ratedAt.toISOString(),
      excludedAt: iso(r.excludedAt),
    },
  };
}

type TimelineEntry = CallbackDetail['timeline'][number];

/** What happened, in order, read from the ledger itself (every row carries its time and person). */
function timelineOf(x: {
  callback: repo.CallbackRow;
  rating: repo.RatingRow;
  contacts: repo.ContactRow[];
  rectification: repo.RectificationRow | undefined;
  reRating: repo.AdditionRow | null;
  evidence: { filename: string; createdAt: string }[];
  nameOf: (id: string | null) => string | null;
}): TimelineEntry[] {
  const { callback: c, rating: r, rectification: rect } = x;
  const entries: TimelineEntry[] = [
    { at: r.ratedAt.toISOString(), label: `收到${LEVEL_LABELS[r.level] ?? ''}评价`, byName: r.raterName || null, note: r.comment },
    { at: c.createdAt.toISOString(), label: '生成回访任务', byName: null, note: `回访期限 ${c.contactDueOn}，办结期限 ${c.finishDueOn}` },
    ...x.contacts.map((k) => ({ at: k.contactedAt.toISOString(), label: k.isReached ? '回访：已联系上' : '回访：未联系上', byName: x.nameOf(k.staffId), note: k.note })),
  ];
  if (c.verifiedAt && c.verdict) {
    entries.push({ at: c.verifiedAt.toISOString(), label: `核实：${VERDICT_LABELS[c.verdict]}`, byName: x.nameOf(c.verifiedBy), note: c.verdictNote });
  }
  if (rect) {
    entries.push({ at: rect.createdAt.toISOString(), label: ACTIONS.rectify.label, byName: null, note: `整改措施：${rect.measures}（责任人 ${rect.ownerName}，期限 ${rect.dueOn}）` });
    for (const f of x.evidence) entries.push({ at: f.createdAt, label: ACTIONS.add_evidence.label, byName: null, note: f.filename });
    if (rect.doneAt) entries.push({ at: rect.doneAt.toISOString(), label: ACTIONS.mark_done.label, byName: x.nameOf(rect.doneBy), note: rect.result });
  }
  if (x.reRating) entries.push({ at: x.reRating.createdAt.toISOString(), label: `整改后再评价：${LEVEL_LABELS[x.reRating.level ?? 0] ?? ''}`, byName: x.nameOf(x.reRating.enteredBy), note: x.reRating.comment });
  if (c.overdueAlertedAt) entries.push({ at: c.overdueAlertedAt.toISOString(), label: '逾期提醒首席事务代表', byName: null, note: '' });
  if (c.closedAt) {
    const byAppeal = r.excludedAt !== null;
    entries.push({ at: c.closedAt.toISOString(), label: byAppeal ? ACTIONS.exclude.label : '办结', byName: null, note: byAppeal ? c.verdictNote : '' });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

const LEVEL_LABELS: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** 00:00 in Shanghai of a business date. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00+08:00`);
