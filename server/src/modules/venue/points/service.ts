import { isCenterInScope, type StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { getItem, getItemByCode, listPublishedItemFacts } from '../../catalog/service.ts';
import type { ItemDetail } from '../../catalog/contract.ts';
import { getCenter } from '../service.ts';
import type { DelegationDto, PointFiguresDto, PointKind, ServicePointDto } from './contract.ts';
import * as repo from './repository.ts';

/**
 * Nearby service points (就近办, 6.3.5): the county delegates the intake of its items to the town
 * and village points below it (委托受理); a point publishes what it was delegated, receives
 * applications for it, and the county's department reviews them like any other.
 */

type PointRow = NonNullable<Awaited<ReturnType<typeof repo.findPoint>>>;

async function pointInScope(db: DbOrTx, principal: StaffPrincipal, id: string): Promise<PointRow> {
  const point = await repo.findPoint(db, id);
  if (!point) {
    const center = await getCenter(db, id);
    throw new AppError('NOT_A_SERVICE_POINT', `“${center.name}”不是便民服务点（镇街、村居），不能委托或发布事项`, [{ field: 'centerId', message: '不是便民服务点' }]);
  }
  if (!isCenterInScope(principal, point.id)) throw forbidden('只能管理本中心及下属的便民服务点');
  return point;
}

async function publishedCount(db: Db, pointId: string): Promise<number> {
  const own = await listPublishedItemFacts(db, pointId);
  const delegated = await repo.listDelegations(db, { centerId: pointId, publishedOnly: true });
  return own.length + delegated.length;
}

export async function listPoints(db: Db, principal: StaffPrincipal): Promise<ServicePointDto[]> {
  const rows = await repo.listPoints(db, principal.centerScope);
  const out: ServicePointDto[] = [];
  for (const r of rows) out.push({ ...r, level: r.level as 'town' | 'village', publishedItemCount: await publishedCount(db, r.id) });
  return out;
}

export async function setPointKind(db: Db, principal: StaffPrincipal, id: string, input: { kind: PointKind; version: number }, now = new Date()) {
  await pointInScope(db, principal, id);
  if (!(await repo.saveKind(db, id, input.kind, input.version, now))) {
    throw new AppError('STALE_VERSION', '该服务点已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  }
  return (await listPoints(db, { ...principal, centerScope: [id] }))[0]!;
}

async function toDto(db: Db, row: repo.DelegationRow, items = new Map<string, ItemDetail>()): Promise<DelegationDto> {
  const item = items.get(row.itemId) ?? (await getItem(db, row.itemId));
  items.set(row.itemId, item);
  return {
    id: row.id,
    centerId: row.centerId,
    ownerCenterId: row.ownerCenterId,
    itemId: row.itemId,
    itemCode: item.code,
    itemName: item.published?.guide.name ?? item.draft?.guide.name ?? item.code,
    state: row.state as DelegationDto['state'],
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    publishedByName: row.publishedByName,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export async function listPointDelegations(db: Db, principal: StaffPrincipal, pointId: string): Promise<DelegationDto[]> {
  await pointInScope(db, principal, pointId);
  const items = new Map<string, ItemDetail>();
  const rows = await repo.listDelegations(db, { centerId: pointId, activeOnly: true });
  const out: DelegationDto[] = [];
  for (const r of rows) out.push(await toDto(db, r, items));
  return out;
}

/** The centers above a point (its town, its county), nearest first. */
async function ancestorsOf(db: DbOrTx, point: { parentId: string | null }): Promise<string[]> {
  const out: string[] = [];
  let parentId = point.parentId;
  while (parentId && out.length < 3) {
    out.push(parentId);
    parentId = (await getCenter(db, parentId)).parentId;
  }
  return out;
}

/** 委托受理: a center above the point delegates the intake of one of its published items to it. */
export async function delegateItem(db: Db, principal: StaffPrincipal, pointId: string, itemId: string, now = new Date()): Promise<DelegationDto> {
  const point = await pointInScope(db, principal, pointId);
  const item = await getItem(db, itemId);
  if (!(await ancestorsOf(db, point)).includes(item.centerId) || !isCenterInScope(principal, item.centerId)) {
    throw new AppError('VALIDATION_FAILED', '只能委托该服务点上级中心的事项', [{ field: 'itemId', message: '不是上级中心的事项' }]);
  }
  if (item.status !== 'published' || !item.published) {
    throw new AppError('INVALID_STATE', `事项“${item.code}”未发布，不能委托`, [{ field: 'itemId', message: '事项未发布' }]);
  }
  const created = await repo.insertDelegation(db, { centerId: point.id, ownerCenterId: item.centerId, itemId, createdByName: principal.displayName, createdAt: now });
  if (!created) throw new AppError('DUPLICATE', `“${item.published.guide.name}”已委托该服务点`, [{ field: 'itemId', message: '已委托' }]);
  return toDto(db, created, new Map([[item.id, item]]));
}

/** The point publishes a delegated item: only what the county delegated to it (ITEM_NOT_DELEGATED otherwise). */
export async function publishDelegatedItem(db: Db, principal: StaffPrincipal, pointId: string, itemId: string, now = new Date()): Promise<DelegationDto> {
  const point = await pointInScope(db, principal, pointId);
  const delegation = await repo.findActiveDelegation(db, point.id, itemId);
  if (!delegation) {
    throw new AppError('ITEM_NOT_DELEGATED', `上级中心未将该事项委托“${point.name}”受理，不能在该服务点发布`, [{ field: 'itemId', message: '事项未委托本服务点' }]);
  }
  if (delegation.state === 'published') throw new AppError('INVALID_STATE', '该事项已在本服务点发布', [{ field: 'itemId', message: '已发布' }]);
  const row = await repo.updateDelegation(db, delegation.id, delegation.version, { state: 'published', publishedByName: principal.displayName, publishedAt: now });
  if (!row) throw new AppError('STALE_VERSION', '该委托已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  return toDto(db, row);
}

/** Ends a delegation: the point stops publishing and receiving the item. */
export async function revokeDelegation(db: Db, principal: StaffPrincipal, id: string, version: number, now = new Date()): Promise<DelegationDto> {
  const delegation = await repo.findDelegation(db, id);
  if (!delegation || !isCenterInScope(principal, delegation.ownerCenterId) || !isCenterInScope(principal, delegation.centerId)) throw notFound('委托');
  if (delegation.state === 'revoked') throw new AppError('INVALID_STATE', '该委托已撤销', [{ field: 'version', message: '已撤销' }]);
  const row = await repo.updateDelegation(db, id, version, { state: 'revoked', revokedAt: now });
  if (!row) throw new AppError('STALE_VERSION', '该委托已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  return toDto(db, row);
}

export async function pointFigures(db: Db, principal: StaffPrincipal, pointId: string, days: number, now = new Date()): Promise<PointFiguresDto> {
  const point = await pointInScope(db, principal, pointId);
  const since = new Date(now.getTime() - days * 86_400_000);
  const figures = await repo.pointFigures(db, point.id, since);
  return { centerId: point.id, from: since.toISOString(), tickets: figures.tickets, applications: figures.byItem.reduce((s, r) => s + r.applications, 0), byItem: figures.byItem };
}

/**
 * Intake at a point (the applications module asks): the item the point may receive under this code
 * when it is not the point's own — a published delegation from a center above. Null for the point's
 * own published item; ITEM_NOT_DELEGATED when it is neither.
 */
export async function delegatedIntake(db: Db, pointId: string, code: string): Promise<{ ownerCenterId: string; delegationId: string } | null> {
  const point = await repo.findPoint(db, pointId);
  if (!point) return null;
  const own = await findItem(db, point.id, code);
  if (own?.status === 'published') return null;
  for (const ancestor of await ancestorsOf(db, point)) {
    const item = await findItem(db, ancestor, code);
    if (!item) continue;
    const delegation = await repo.findActiveDelegation(db, point.id, item.id);
    if (delegation?.state === 'published') return { ownerCenterId: ancestor, delegationId: delegation.id };
  }
  throw new AppError('ITEM_NOT_DELEGATED', `事项“${code}”未委托“${point.name}”受理，请引导申请人到有权受理的中心办理`, [{ field: 'source.code', message: '事项未委托本服务点' }]);
}

export async function findItem(db: Db, centerId: string, code: string): Promise<ItemDetail | null> {
  try {
    return await getItemByCode(db, centerId, code.toUpperCase());
  } catch (e) {
    if (e instanceof AppError && e.code.endsWith('NOT_FOUND')) return null;
    throw e;
  }
}

/** Records the point an application was received at (inside the intake's transaction). */
export async function recordPointReceipt(db: DbOrTx, row: { applicationId: string; centerId: string; delegationId: string; code: string; name: string; receivedAt: Date }) {
  await repo.insertReceipt(db, row);
}

/** Whether an application was received at this point (its staff handle the intake of what they received, 委托受理). */
export async function receivedAtPoint(db: DbOrTx, applicationId: string, centerId: string | null): Promise<boolean> {
  return centerId !== null && (await repo.findReceipt(db, applicationId))?.centerId === centerId;
}

/** The applications received at a center that is a point: they belong to the county, and the point lists them as its own intake. */
export async function applicationsReceivedAt(db: DbOrTx, centerId: string): Promise<string[]> {
  return repo.listReceivedIds(db, centerId);
}
