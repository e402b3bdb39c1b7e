import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { listPublishedItemFacts } from '../../catalog/service.ts';
import { directoryOf, type ServiceDeps } from '../cases/scope.ts';
import type { Satisfaction } from '../cases/kinds.ts';
import type { ExperienceChannel, FindingDto, ReportInput, TaskDto, TaskState } from './contract.ts';
import { centerOf } from './officers.ts';
import * as repo from './repository.ts';

/**
 * Experience tasks (9.3): an officer tries one item of the catalog through one channel on a
 * date; staff enter the officer's report and its findings on their behalf; each finding is
 * followed until it is closed by a written answer or by an improvement (improvements/service.ts).
 *
 *   task:    scheduled ──report──▶ reported      scheduled ──cancel──▶ cancelled
 *   finding: open ──reply──▶ answered            open ──improvement──▶ improvement
 */

export const CHANNEL_LABELS: Record<ExperienceChannel, string> = { counter: '窗口', portal: '网上', phone: '电话' };

const stale = (what: string) => new AppError('STALE_VERSION', `该${what}已被他人处理，请刷新后重试`, [{ field: 'version', message: '版本已过期' }]);
const wrongState = (message: string, field = 'state') => new AppError('INVALID_STATE', message, [{ field, message }]);

export async function scheduleTask(
  deps: ServiceDeps,
  by: StaffPrincipal,
  input: { officerId: string; itemId: string; channel: ExperienceChannel; scheduledOn: string; brief: string },
  now = new Date(),
): Promise<TaskDto> {
  const centerId = centerOf(by);
  const officer = await repo.findOfficer(deps.db, input.officerId);
  if (!officer || officer.centerId !== centerId) throw invalidField('officerId', '体验员不存在');
  if (!officer.isActive) throw invalidField('officerId', '该体验员已停用');
  if (input.scheduledOn < businessToday(now)) throw invalidField('scheduledOn', '体验日期不能早于今天');
  if (input.scheduledOn < officer.termStart || input.scheduledOn > officer.termEnd) throw invalidField('scheduledOn', `体验日期不在体验员聘期内（${officer.termStart} 至 ${officer.termEnd}）`);
  const item = (await listPublishedItemFacts(deps.db, centerId)).find((i) => i.id === input.itemId);
  if (!item) throw invalidField('itemId', '事项不是本中心已发布的事项');
  const row = await repo.insertTask(deps.db, {
    centerId,
    officerId: officer.id,
    itemId: item.id,
    itemName: item.name,
    departmentId: item.departmentId,
    channel: input.channel,
    scheduledOn: input.scheduledOn,
    brief: input.brief,
    createdBy: by.id,
    createdAt: now,
  });
  return (await taskDtos(deps, centerId, [row]))[0]!;
}

async function lockTask(tx: DbOrTx, centerId: string, id: string, version: number) {
  const row = await repo.findTask(tx, id, { lock: true });
  if (!row || row.centerId !== centerId) throw notFound('体验任务');
  if (row.state !== 'scheduled') throw wrongState(row.state === 'reported' ? '该体验任务已登记报告' : '该体验任务已取消');
  if (row.version !== version) throw stale('体验任务');
  return row;
}

export async function cancelTask(deps: ServiceDeps, by: StaffPrincipal, input: { id: string; version: number }): Promise<TaskDto> {
  const centerId = centerOf(by);
  await deps.db.transaction(async (tx) => {
    const row = await lockTask(tx, centerId, input.id, input.version);
    await repo.updateTask(tx, row.id, { state: 'cancelled' });
  });
  return (await taskDtos(deps, centerId, [(await repo.findTask(deps.db, input.id))!]))[0]!;
}

/** The officer's report with its findings, entered by staff on their behalf: one per task. */
export async function reportTask(deps: ServiceDeps, by: StaffPrincipal, input: ReportInput & { id: string }, now = new Date()): Promise<TaskDto> {
  const centerId = centerOf(by);
  if (input.experiencedOn > businessToday(now)) throw invalidField('experiencedOn', '体验日期不能晚于今天');
  await deps.db.transaction(async (tx) => {
    const task = await lockTask(tx, centerId, input.id, input.version);
    const report = await repo.insertReport(tx, { taskId: task.id, experiencedOn: input.experiencedOn, summary: input.summary, satisfaction: input.satisfaction, enteredBy: by.id, enteredAt: now });
    await repo.insertFindings(
      tx,
      input.findings.map((f, i) => ({ centerId, reportId: report.id, ordinal: i + 1, category: f.category, description: f.description, suggestion: f.suggestion })),
    );
    await repo.updateTask(tx, task.id, { state: 'reported' });
  });
  return (await taskDtos(deps, centerId, [(await repo.findTask(deps.db, input.id))!]))[0]!;
}

/** Closes an open finding with a written answer. */
export async function replyFinding(deps: ServiceDeps, by: StaffPrincipal, input: { id: string; version: number; reply: string }, now = new Date()): Promise<FindingDto> {
  const centerId = centerOf(by);
  await deps.db.transaction(async (tx) => {
    const row = await openFinding(tx, centerId, input.id, 'reply');
    if (row.version !== input.version) throw stale('问题');
    await repo.updateFinding(tx, row.id, { state: 'answered', reply: input.reply, repliedBy: by.id, closedAt: now });
  });
  return (await findingDtos(deps, centerId, [(await repo.findFinding(deps.db, input.id))!]))[0]!;
}

/** The finding, locked, still open; `field` names what the caller gave (the reply, or the improvement's findingId). */
async function openFinding(tx: DbOrTx, centerId: string, id: string, field: 'reply' | 'findingId') {
  const row = await repo.findFinding(tx, id, { lock: true });
  if (!row || row.centerId !== centerId) throw field === 'reply' ? notFound('体验员发现的问题') : invalidField(field, '体验员发现的问题不存在');
  if (row.state !== 'open') throw wrongState(row.state === 'answered' ? '该问题已答复' : '该问题已有改进事项跟进', field);
  return row;
}

/**
 * Called by improvements in the transaction that creates the improvement: the open finding is
 * closed by it. Returns what the improvement records as its source.
 */
export async function closeFindingByImprovement(tx: DbOrTx, centerId: string, findingId: string, now: Date): Promise<string> {
  const row = await openFinding(tx, centerId, findingId, 'findingId');
  await repo.updateFinding(tx, row.id, { state: 'improvement', closedAt: now });
  const report = (await repo.findReport(tx, row.reportId))!;
  const task = (await repo.findTask(tx, report.taskId))!;
  return `体验员${CHANNEL_LABELS[task.channel]}体验“${task.itemName}”（${report.experiencedOn}）发现：${row.description}`.slice(0, 500);
}

export async function listTasks(deps: ServiceDeps, by: StaffPrincipal, q: { from?: string; to?: string; state?: TaskState; officerId?: string }): Promise<TaskDto[]> {
  const centerId = centerOf(by);
  if (q.from && q.to && q.from > q.to) throw invalidField('from', '开始日期不能晚于结束日期');
  return taskDtos(deps, centerId, await repo.listTasks(deps.db, { centerId, ...q }));
}

export async function listFindings(deps: ServiceDeps, by: StaffPrincipal, q: { state?: FindingDto['state'] }): Promise<FindingDto[]> {
  const centerId = centerOf(by);
  return findingDtos(deps, centerId, await repo.listFindings(deps.db, { centerId, state: q.state }));
}

async function taskDtos(deps: ServiceDeps, centerId: string, rows: readonly repo.TaskRow[]): Promise<TaskDto[]> {
  const [dir, officers, reports] = await Promise.all([directoryOf(deps.db, centerId), repo.listOfficers(deps.db, centerId), repo.listReports(deps.db, rows.map((r) => r.id))]);
  const findings = await findingDtos(deps, centerId, await repo.listFindings(deps.db, { centerId, reportIds: reports.map((r) => r.id) }), { dir, officers, reports, tasks: rows });
  const officerOf = new Map(officers.map((o) => [o.id, o]));
  const today = businessToday();
  return rows.map((r) => {
    const report = reports.find((x) => x.taskId === r.id);
    return {
      id: r.id,
      officerId: r.officerId,
      officerName: officerOf.get(r.officerId)?.name ?? '',
      officerOrganisation: officerOf.get(r.officerId)?.organisation ?? '',
      itemId: r.itemId,
      itemName: r.itemName,
      departmentName: dir.department(r.departmentId),
      channel: r.channel,
      scheduledOn: r.scheduledOn,
      brief: r.brief,
      state: r.state,
      isOverdue: r.state === 'scheduled' && r.scheduledOn < today,
      report: report
        ? { experiencedOn: report.experiencedOn, summary: report.summary, satisfaction: report.satisfaction as Satisfaction | null, enteredByName: dir.staff(report.enteredBy), enteredAt: report.enteredAt.toISOString() }
        : null,
      findings: findings.filter((f) => f.taskId === r.id),
      version: r.version,
    };
  });
}

type Known = { dir: Awaited<ReturnType<typeof directoryOf>>; officers: repo.OfficerRow[]; reports: repo.ReportRow[]; tasks: readonly repo.TaskRow[] };

async function findingDtos(deps: ServiceDeps, centerId: string, rows: readonly repo.FindingRow[], known?: Known): Promise<FindingDto[]> {
  if (rows.length === 0) return [];
  const dir = known?.dir ?? (await directoryOf(deps.db, centerId));
  const reports = known?.reports ?? (await repo.listReportsByIds(deps.db, [...new Set(rows.map((r) => r.reportId))]));
  const tasks = known?.tasks ?? (await repo.listTasks(deps.db, { centerId, ids: [...new Set(reports.map((r) => r.taskId))] }));
  const officers = known?.officers ?? (await repo.listOfficers(deps.db, centerId));
  const improvements = await repo.listImprovementsOfFindings(deps.db, rows.map((r) => r.id));
  return rows.map((r) => {
    const report = reports.find((x) => x.id === r.reportId)!;
    const task = tasks.find((x) => x.id === report.taskId)!;
    const improvement = improvements.find((i) => i.findingId === r.id);
    return {
      id: r.id,
      taskId: task.id,
      ordinal: r.ordinal,
      category: r.category,
      description: r.description,
      suggestion: r.suggestion,
      state: r.state,
      reply: r.reply,
      repliedByName: dir.staff(r.repliedBy),
      closedAt: r.closedAt?.toISOString() ?? null,
      officerName: officers.find((o) => o.id === task.officerId)?.name ?? '',
      itemName: task.itemName,
      channel: task.channel,
      experiencedOn: report.experiencedOn,
      improvement: improvement
        ? { id: improvement.id, state: improvement.state as 'open' | 'submitted' | 'passed', target: improvement.target, ownerName: dir.staff(improvement.ownerId), dueOn: improvement.dueOn }
        : null,
      version: r.version,
    };
  });
}
