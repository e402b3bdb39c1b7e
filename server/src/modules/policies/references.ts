import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { getItem, listPublishedItemFacts } from '../catalog/service.ts';
import type { ItemDetail } from '../catalog/contract.ts';
import { getDepartment, listDepartments } from '../staff/service.ts';

/**
 * What a policy names outside this module: the department of the center that verifies its
 * grants (承办部门), and the catalog item enterprises apply under (兑现事项). Checked when the
 * policy is saved (they belong to the officer's center; an auto-grant policy names no item) and
 * when it is published (the item is published).
 */

type Refs = { mode: 'apply' | 'auto'; departmentId: string | null; itemId: string | null };

export async function checkReferences(db: Db, staff: StaffPrincipal, refs: Refs): Promise<void> {
  const problems: FieldError[] = [];
  if (refs.departmentId) {
    const departments = staff.centerId ? await listDepartments(db, staff.centerId) : [];
    if (!departments.some((d) => d.id === refs.departmentId)) problems.push({ field: 'departmentId', message: '承办部门不存在或未进驻本中心' });
  }
  if (refs.itemId) {
    if (refs.mode === 'auto') problems.push({ field: 'itemId', message: '免申即享政策无需申报，不能指定兑现事项' });
    else {
      const item = await findItem(db, refs.itemId);
      if (!item || item.centerId !== staff.centerId) problems.push({ field: 'itemId', message: '兑现事项不存在或不属于本中心' });
    }
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), problems);
}

/** Before publishing: the item an apply-mode policy names must be published (enterprises apply under it). */
export async function checkItemPublished(db: Db, refs: Refs): Promise<void> {
  if (refs.mode !== 'apply' || !refs.itemId) return;
  const item = await findItem(db, refs.itemId);
  if (!item?.published || item.status !== 'published') {
    throw new AppError('POLICY_NOT_PUBLISHABLE', '兑现事项尚未发布，企业无法申报；请先发布该事项或改选其他事项', [{ field: 'itemId', message: '事项未发布' }]);
  }
}

/** The departments and published items of the officer's center a policy may name. */
export async function policyOptions(db: Db, staff: StaffPrincipal) {
  if (!staff.centerId) return { departments: [], items: [] };
  const [departments, items] = await Promise.all([listDepartments(db, staff.centerId), listPublishedItemFacts(db, staff.centerId)]);
  const online = await Promise.all(items.map(async (i) => (await findItem(db, i.id))?.published?.guide.channels.includes('online') ?? false));
  return {
    departments: departments.filter((d) => d.isActive).map((d) => ({ id: d.id, name: d.name })),
    items: items.map((i, n) => ({ id: i.id, code: i.code, name: i.name, departmentId: i.departmentId, isOnline: online[n]! })),
  };
}

/** How an enterprise applies online for a policy: the item's published guide and its department; null when it cannot. */
export async function onlineApplicationOf(db: Db, policy: Refs) {
  if (policy.mode !== 'apply' || !policy.itemId) return null;
  const item = await findItem(db, policy.itemId);
  const guide = item?.status === 'published' ? item.published?.guide : undefined;
  if (!item || !guide || !guide.channels.includes('online')) return null;
  const department = await getDepartment(db, guide.departmentId).catch(() => null);
  return { centerId: item.centerId, itemCode: item.code, itemName: guide.name, departmentName: department?.name ?? '', promisedLimitDays: guide.promisedLimitDays, guide };
}

async function findItem(db: Db, id: string): Promise<ItemDetail | null> {
  try {
    return await getItem(db, id);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  }
}
