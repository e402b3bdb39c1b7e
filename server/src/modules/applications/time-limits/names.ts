import type { Db } from '../../../platform/db/database.ts';
import { getStaff, listDepartments } from '../../staff/service.ts';

/** Names shown beside ids: staff members and a center's departments. */

export async function staffNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const found = await Promise.all(unique.map((id) => getStaff(db, id).catch(() => null)));
  return new Map(found.filter((s) => s !== null).map((s) => [s.id, s.displayName]));
}

export async function departmentNames(db: Db, centerIds: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const centerId of new Set(centerIds)) for (const d of await listDepartments(db, centerId)) names.set(d.id, d.name);
  return names;
}
