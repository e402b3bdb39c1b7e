import type { z } from 'zod';
import type { EnterprisePrincipal, StaffPrincipal } from '../../platform/auth/principal.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { DbOrTx, Tx } from '../../platform/db/database.ts';
import { AppError, forbidden, invalidField } from '../../platform/errors.ts';
import { normalizePhone, personalDataKeys, sealPhone } from '../../platform/personal-data/personal-data.ts';
import { listPublishedItemFacts, resolvePortalCenter } from '../catalog/service.ts';
import { findEnterpriseByUscc } from '../enterprises/service.ts';
import { ticketInHandOf } from '../queue/tickets/service.ts';
import type { portalRequestInput, staffRequestInput } from './contract.ts';
import { findProject } from './projects/repository.ts';
import * as repo from './repository.ts';
import { ownRequestFor, requestFor, type ServiceDeps } from './views.ts';
import { requireAgencyTransition, type AgencyAction, type AgencyActor, type AgencyState } from './workflow.ts';

/**
 * An agency request, asked for by the enterprise on the portal or entered by staff (phone,
 * counter, an agent's visit), and the one way every later action changes it: the request locked,
 * the workflow asked, the version checked, the change and its timeline entry written, the version
 * raised — of two people acting on one request, the later gets STALE_VERSION.
 */

type Fields = { itemId: string | null; matter: string; contactName: string; contactPhone: string };

async function itemOf(db: DbOrTx, centerId: string, itemId: string | null, matter: string): Promise<{ id: string | null; name: string }> {
  if (!itemId) {
    if (!matter.trim()) throw invalidField('matter', '请选择代办事项或填写代办需求');
    return { id: null, name: '' };
  }
  const item = (await listPublishedItemFacts(db, centerId)).find((i) => i.id === itemId);
  if (!item) throw invalidField('itemId', '该事项不在本中心公布的事项目录中');
  return { id: item.id, name: item.name };
}

async function insert(
  deps: ServiceDeps,
  input: Fields & { centerId: string; uscc: string; channel: repo.RequestRow['channel']; ticketId: string | null; projectId?: string | null; recordedBy: string; actor: AgencyActor; actorId: string | null; now: Date },
): Promise<repo.RequestRow> {
  requireAgencyTransition(null, 'request', input.actor);
  const enterprise = await findEnterpriseByUscc(deps.db, input.uscc);
  if (!enterprise) throw new AppError('ENTERPRISE_NOT_REGISTERED', '该企业尚未在企业库登记，请先登记企业', [{ field: 'uscc', message: '企业库中没有该企业' }]);
  const item = await itemOf(deps.db, input.centerId, input.itemId, input.matter);
  const phone = normalizePhone(input.contactPhone);
  if (!phone) throw new AppError('PHONE_INVALID', '联系电话不正确：应为 11 位手机号码或带区号的固定电话', [{ field: 'contactPhone', message: '号码不正确' }]);
  const sealed = sealPhone(personalDataKeys(deps.config), phone);
  const today = businessToday(input.now);
  return deps.db.transaction(async (tx) => {
    const year = Number(today.slice(0, 4));
    const serial = await repo.nextNumber(tx, input.centerId, year);
    const row = await repo.insertRequest(tx, {
      centerId: input.centerId,
      number: `DB-${year}-${String(serial).padStart(6, '0')}`,
      enterpriseId: enterprise.id,
      uscc: enterprise.uscc,
      enterpriseName: enterprise.name,
      itemId: item.id,
      itemName: item.name,
      matter: input.matter.trim(),
      channel: input.channel,
      ticketId: input.ticketId,
      projectId: input.projectId ?? null,
      contactName: input.contactName.trim(),
      ...sealed,
      state: 'requested',
      recordedBy: input.recordedBy,
      requestedOn: today,
      createdAt: input.now,
      updatedAt: input.now,
    });
    await repo.insertEvent(tx, { requestId: row.id, action: 'request', note: input.matter.trim(), actorId: input.actorId, actorName: input.recordedBy, at: input.now });
    return row;
  });
}

/** 申请帮办代办 on the portal, by the enterprise signed in. */
export async function requestOnPortal(deps: ServiceDeps, enterprise: EnterprisePrincipal, body: z.output<typeof portalRequestInput>, now = new Date()) {
  const centerId = await resolvePortalCenter(deps.db, body.centerId);
  return insert(deps, { ...body, centerId, uscc: enterprise.uscc, channel: 'portal', ticketId: null, recordedBy: enterprise.name, actor: 'enterprise', actorId: null, now });
}

/** A request taken by phone or at the counter, or raised by an agent on a visit (with the ticket in hand, if any). */
export async function requestByStaff(deps: ServiceDeps, staff: StaffPrincipal, body: z.output<typeof staffRequestInput>, now = new Date()) {
  if (!staff.centerId) throw forbidden('您未被分配到服务中心');
  const ticket = body.fromCurrentTicket ? await ticketInHandOf(deps.db, staff.id) : null;
  if (body.fromCurrentTicket && !ticket) throw new AppError('NO_CURRENT_TICKET', '您的窗口当前没有正在办理的号，请先叫号或不关联取号');
  if (body.projectId) {
    const project = await findProject(deps.db, body.projectId);
    if (!project || project.centerId !== staff.centerId) throw invalidField('projectId', '本中心没有该重点项目');
    const enterprise = await findEnterpriseByUscc(deps.db, body.uscc);
    if (project.enterpriseId !== enterprise?.id) throw invalidField('projectId', `重点项目“${project.name}”属于${project.enterpriseName}，不是该企业的项目`);
  }
  return insert(deps, { ...body, centerId: staff.centerId, ticketId: ticket?.id ?? null, recordedBy: staff.displayName, actor: 'staff', actorId: staff.id, now });
}

// ── the one way to change a request ─────────────────────────────────
export type ActionCtx = { tx: Tx; row: repo.RequestRow; now: Date; today: string; byName: string; byId: string | null };
export type Outcome = { to?: AgencyState; patch?: Partial<repo.RequestInsert>; note?: string; event?: { activityKind?: string; departmentId?: string | null; applicationId?: string | null } };

type Who = { kind: 'staff'; principal: StaffPrincipal } | { kind: 'enterprise'; enterpriseId: string; name: string };

const stale = () => new AppError('STALE_VERSION', '该代办申请已被他人处理，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

export async function runAction(
  deps: ServiceDeps,
  who: Who,
  input: { id: string; version: number; now?: Date },
  action: AgencyAction,
  body: (ctx: ActionCtx) => Promise<Outcome> | Outcome,
): Promise<repo.RequestRow> {
  return deps.db.transaction(async (tx) => {
    const row = who.kind === 'staff' ? await requestFor(tx, who.principal, input.id, { lock: true }) : await ownRequestFor(tx, who.enterpriseId, input.id, { lock: true });
    const state = row.state as AgencyState;
    const checkTarget = requireAgencyTransition(state, action, who.kind);
    const now = input.now ?? new Date();
    const byName = who.kind === 'staff' ? who.principal.displayName : who.name;
    const byId = who.kind === 'staff' ? who.principal.id : null;
    const ctx: ActionCtx = { tx, row, now, today: businessToday(now), byName, byId };
    // Checks of the thing itself (a material returned twice) answer before a stale version does.
    const outcome = await body(ctx);
    if (row.version !== input.version) throw stale();
    const to = checkTarget(outcome.to ?? state);
    await repo.updateRequest(tx, row.id, { ...outcome.patch, state: to });
    await repo.insertEvent(tx, {
      requestId: row.id,
      action,
      activityKind: outcome.event?.activityKind ?? null,
      departmentId: outcome.event?.departmentId ?? null,
      applicationId: outcome.event?.applicationId ?? null,
      note: outcome.note ?? '',
      actorId: byId,
      actorName: byName,
      at: now,
    });
    return (await repo.findRequest(tx, row.id))!;
  });
}
