import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, forbidden, invalidField, notFound } from '../../../platform/errors.ts';
import { getStaff } from '../../staff/service.ts';
import { resolvePortalCenter } from '../../catalog/service.ts';
import * as cases from '../cases/repository.ts';
import { directoryOf, type ServiceDeps } from '../cases/scope.ts';
import type { ImprovementDto } from './contract.ts';
import * as repo from './repository.ts';
import { closeFindingByImprovement } from '../experience/tasks.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';

/**
 * 改进 (9.4): open → (owner submits the result) → submitted → re-check by someone other than the
 * owner → passed, or sent back to open with the reason. Passed improvements and those under way
 * are listed publicly without personal data.
 */

type ImprovementState = ImprovementDto['state'];

export async function createImprovement(
  deps: ServiceDeps,
  principal: StaffPrincipal,
  input: { sourceType: ImprovementDto['sourceType']; caseId?: string; findingId?: string; sourceNote?: string; target: string; measures: string; ownerId: string; dueOn: string },
  now = new Date(),
): Promise<ImprovementDto> {
  const centerId = principal.centerId;
  if (!centerId) throw invalidField('centerId', '您的账号没有所属中心');
  if (input.dueOn < businessToday(now)) throw invalidField('dueOn', '改进期限不能早于今天');
  const owner = await getStaff(deps.db, input.ownerId).catch(() => null);
  if (!owner || owner.centerId !== centerId || !owner.isActive) throw invalidField('ownerId', '责任人不是本中心在岗人员');
  if (input.caseId) {
    const source = await cases.findCase(deps.db, input.caseId);
    if (!source || source.centerId !== centerId) throw invalidField('caseId', '来源诉求不存在');
  }
  if (input.findingId && input.caseId) throw invalidField('findingId', '改进事项只能来自一个诉求或一个体验员发现的问题');
  if (input.findingId && input.sourceType !== 'experience_officer') throw invalidField('sourceType', '体验员发现的问题，改进来源应为“体验员”');
  // A finding is closed by the improvement that follows it: both in one transaction.
  const row = await deps.db.transaction(async (tx) => {
    const findingNote = input.findingId ? await closeFindingByImprovement(tx, centerId, input.findingId, now) : null;
    return repo.insertImprovement(tx, {
      centerId,
      sourceType: input.sourceType,
      caseId: input.caseId ?? null,
      findingId: input.findingId ?? null,
      sourceNote: input.sourceNote ?? findingNote ?? '',
      target: input.target,
      measures: input.measures,
      ownerId: owner.id,
      departmentId: owner.departmentId,
      dueOn: input.dueOn,
      createdBy: principal.id,
      createdAt: now,
    });
  });
  return getImprovement(deps, principal, row.id);
}

async function forPrincipal(db: Db, principal: StaffPrincipal, id: string, lock = false) {
  const row = await repo.findImprovement(db, id, { lock });
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('改进事项');
  return row;
}

const stale = () => new AppError('STALE_VERSION', '该改进事项已被他人处理，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
const wrongState = (label: string) => new AppError('INVALID_STATE', `改进事项当前不能${label}`, [{ field: 'state', message: `不能${label}` }]);

/** The owner reports the measures carried out. */
export async function submitImprovement(deps: ServiceDeps, principal: StaffPrincipal, input: { id: string; version: number; result: string }, now = new Date()) {
  await deps.db.transaction(async (tx) => {
    const row = await forPrincipal(tx as unknown as Db, principal, input.id, true);
    if (row.ownerId !== principal.id && !principal.permissions.has('improvement.manage')) throw forbidden('只有责任人可以提交改进结果');
    if (row.state !== 'open') throw wrongState('提交复查');
    if (row.version !== input.version) throw stale();
    await repo.updateImprovement(tx, row.id, { state: 'submitted', result: input.result, submittedAt: now });
  });
  return getImprovement(deps, principal, input.id);
}

/** 复查: never by the owner (SELF_DECISION); passes it or sends it back with the reason. */
export async function recheckImprovement(deps: ServiceDeps, principal: StaffPrincipal, input: { id: string; version: number; outcome: 'passed' | 'sent_back'; note: string }, now = new Date()) {
  await deps.db.transaction(async (tx) => {
    const row = await forPrincipal(tx as unknown as Db, principal, input.id, true);
    if (row.ownerId === principal.id) throw new AppError('SELF_DECISION', '复查须由责任人以外的人员进行', [{ field: 'outcome', message: '责任人不能复查本人的改进' }]);
    if (row.state !== 'submitted') throw wrongState('复查');
    if (row.version !== input.version) throw stale();
    await repo.insertRecheck(tx, { improvementId: row.id, outcome: input.outcome, note: input.note, checkedBy: principal.id, checkedAt: now });
    const passed = input.outcome === 'passed';
    await repo.updateImprovement(tx, row.id, passed ? { state: 'passed', passedAt: now } : { state: 'open', sentBackCount: row.sentBackCount + 1 });
  });
  return getImprovement(deps, principal, input.id);
}

export async function listImprovements(deps: ServiceDeps, principal: StaffPrincipal, q: { state?: ImprovementState; mine?: 'true' | 'false' }) {
  const centerId = principal.centerId;
  if (!centerId) return [];
  const mayAll = principal.permissions.has('improvement.manage') || principal.permissions.has('improvement.recheck');
  const ownerId = q.mine === 'true' || !mayAll ? principal.id : undefined;
  const rows = await repo.listImprovements(deps.db, { centerId, state: q.state, ownerId });
  return toDtos(deps, centerId, rows);
}

export async function getImprovement(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<ImprovementDto> {
  const row = await forPrincipal(deps.db, principal, id);
  const mayAll = principal.permissions.has('improvement.manage') || principal.permissions.has('improvement.recheck');
  if (!mayAll && row.ownerId !== principal.id) throw notFound('改进事项');
  return (await toDtos(deps, row.centerId, [row]))[0]!;
}

async function toDtos(deps: ServiceDeps, centerId: string, rows: repo.ImprovementRow[]): Promise<ImprovementDto[]> {
  const [dir, rechecks] = await Promise.all([directoryOf(deps.db, centerId), repo.listRechecks(deps.db, rows.map((r) => r.id))]);
  const caseNumbers = new Map<string, string>();
  for (const id of new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))) {
    const c = await cases.findCase(deps.db, id);
    if (c) caseNumbers.set(id, c.number);
  }
  const today = businessToday();
  return rows.map((r) => ({
    id: r.id,
    sourceType: r.sourceType as ImprovementDto['sourceType'],
    caseId: r.caseId,
    caseNumber: r.caseId ? (caseNumbers.get(r.caseId) ?? null) : null,
    findingId: r.findingId,
    sourceNote: r.sourceNote,
    target: r.target,
    measures: r.measures,
    ownerId: r.ownerId,
    ownerName: dir.staff(r.ownerId),
    departmentName: dir.department(r.departmentId),
    dueOn: r.dueOn,
    state: r.state as ImprovementState,
    result: r.result,
    sentBackCount: r.sentBackCount,
    isOverdue: r.state !== 'passed' && r.dueOn < today,
    rechecks: rechecks
      .filter((c) => c.improvementId === r.id)
      .map((c) => ({ outcome: c.outcome, note: c.note, checkedByName: dir.staff(c.checkedBy), checkedAt: c.checkedAt.toISOString() })),
    createdByName: dir.staff(r.createdBy),
    createdAt: r.createdAt.toISOString(),
    passedAt: r.passedAt?.toISOString() ?? null,
    version: r.version,
  }));
}

/** The public list (portal and kiosk): targets, measures, department, status — no names, numbers or personal data. */
export async function listPublicImprovements(deps: ServiceDeps, centerId?: string) {
  const id = await resolvePortalCenter(deps.db, centerId);
  const [rows, dir] = await Promise.all([repo.listImprovements(deps.db, { centerId: id }), directoryOf(deps.db, id)]);
  return rows.map((r) => ({
    id: r.id,
    sourceType: r.sourceType as ImprovementDto['sourceType'],
    target: r.target,
    measures: r.measures,
    departmentName: dir.department(r.departmentId),
    dueOn: r.dueOn,
    state: r.state as ImprovementState,
    passedAt: r.passedAt?.toISOString() ?? null,
  }));
}
