import type { z } from 'zod';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, duplicate, forbidden, invalidField, notFound } from '../../../platform/errors.ts';
import { listPublishedItemFacts } from '../../catalog/service.ts';
import { findEnterpriseByUscc } from '../../enterprises/service.ts';
import { listStaff } from '../../staff/service.ts';
import type { milestoneInput, ProjectDto, projectInput } from './contract.ts';
import { AGENCY_STATE_LABELS } from '../workflow.ts';
import * as repo from './repository.ts';

/** 重点项目 (6.2.1): the manager sets up a project with its items and agent team; milestones are added and done; progress is the share done. */

function centerOf(principal: StaffPrincipal): string {
  if (!principal.centerId) throw forbidden('您未被分配到服务中心');
  return principal.centerId;
}

function toDto(row: repo.ProjectRow, milestones: repo.MilestoneRow[], requests: repo.ProjectRequestRow[], today: string): ProjectDto {
  const own = milestones.filter((m) => m.projectId === row.id);
  const done = own.filter((m) => m.doneOn).length;
  return {
    id: row.id,
    name: row.name,
    enterpriseName: row.enterpriseName,
    description: row.description,
    items: row.items,
    team: row.team,
    milestones: own.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn, doneBy: m.doneBy, isOverdue: !m.doneOn && m.dueOn < today })),
    progress: own.length ? Math.round((done / own.length) * 100) : 0,
    requests: requests
      .filter((r) => r.projectId === row.id)
      .map((r) => ({ id: r.id, number: r.number, itemName: r.itemName, matter: r.matter, state: r.state, stateLabel: AGENCY_STATE_LABELS[r.state], agentName: r.agentName })),
    version: row.version,
  };
}

export async function listProjects(db: DbOrTx, principal: StaffPrincipal, now = new Date()) {
  const rows = await repo.listProjects(db, centerOf(principal));
  const ids = rows.map((r) => r.id);
  const [milestones, requests] = await Promise.all([repo.listMilestones(db, ids), repo.listProjectRequests(db, ids)]);
  return { items: rows.map((r) => toDto(r, milestones, requests, businessToday(now))) };
}

async function projectFor(db: DbOrTx, principal: StaffPrincipal, id: string, lock = false) {
  const row = await repo.findProject(db, id, { lock });
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('重点项目');
  return row;
}

export async function getProject(db: DbOrTx, principal: StaffPrincipal, id: string, now = new Date()): Promise<ProjectDto> {
  const row = await projectFor(db, principal, id);
  const [milestones, requests] = await Promise.all([repo.listMilestones(db, [row.id]), repo.listProjectRequests(db, [row.id])]);
  return toDto(row, milestones, requests, businessToday(now));
}

export async function createProject(db: Db, principal: StaffPrincipal, input: z.output<typeof projectInput>): Promise<string> {
  const centerId = centerOf(principal);
  const enterprise = await findEnterpriseByUscc(db, input.uscc);
  if (!enterprise) throw new AppError('ENTERPRISE_NOT_REGISTERED', '该企业尚未在企业库登记', [{ field: 'uscc', message: '企业库中没有该企业' }]);
  const published = new Map((await listPublishedItemFacts(db, centerId)).map((i) => [i.code, i]));
  const unknown = input.itemCodes.find((code) => !published.has(code));
  if (unknown) throw invalidField('itemCodes', `事项 ${unknown} 不在本中心公布的事项目录中`);
  const staff = new Map((await listStaff(db, { centerId })).filter((s) => s.isActive && (s.roles.includes('agency_agent') || s.roles.includes('center_manager'))).map((s) => [s.id, s.displayName]));
  const outsider = input.team.find((m) => !staff.has(m.staffId));
  if (outsider) throw invalidField('team', '代办团队成员应为本中心在岗的帮办代办人员');
  if (new Set(input.team.map((m) => m.staffId)).size !== input.team.length) throw invalidField('team', '代办团队成员不能重复');
  const row = await repo.insertProject(db, {
    centerId,
    name: input.name,
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    description: input.description,
    items: [...new Set(input.itemCodes)].map((code) => ({ itemId: published.get(code)!.id, name: published.get(code)!.name })),
    team: input.team.map((m) => ({ staffId: m.staffId, name: staff.get(m.staffId)!, isLead: m.isLead })),
    createdBy: principal.displayName,
  });
  if (!row) throw duplicate('name', '本中心已有同名的重点项目');
  return row.id;
}

const stale = () => new AppError('STALE_VERSION', '该重点项目已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

export async function addMilestone(db: Db, principal: StaffPrincipal, id: string, input: z.output<typeof milestoneInput>): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await projectFor(tx, principal, id, true);
    if (row.version !== input.version) throw stale();
    await repo.insertMilestone(tx, { projectId: row.id, title: input.title, dueOn: input.dueOn });
    await repo.raiseVersion(tx, row.id);
  });
}

/** A milestone done, by a member of the team or a manager; done twice → INVALID_STATE. */
export async function completeMilestone(db: Db, principal: StaffPrincipal, id: string, milestoneId: string, version: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await projectFor(tx, principal, id, true);
    if (!principal.permissions.has('agency.manage') && !row.team.some((m) => m.staffId === principal.id)) throw forbidden('只有项目的代办团队成员可以登记节点完成');
    const milestone = (await repo.listMilestones(tx, [row.id])).find((m) => m.id === milestoneId);
    if (!milestone) throw notFound('项目节点');
    if (milestone.doneOn) throw new AppError('INVALID_STATE', `节点“${milestone.title}”已于 ${milestone.doneOn} 完成`, [{ field: 'milestoneId', message: '节点已完成' }]);
    if (row.version !== version) throw stale();
    await repo.completeMilestone(tx, row.id, milestoneId, businessToday(now), principal.displayName);
    await repo.raiseVersion(tx, row.id);
  });
}
