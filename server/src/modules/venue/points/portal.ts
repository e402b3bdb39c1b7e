import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { resolvePortalCenter } from '../../catalog/service.ts';
import { centerAndBelow, getCenter } from '../service.ts';
import type { ItemPlacesDto } from './contract.ts';
import * as repo from './repository.ts';
import { findItem } from './service.ts';

type Place = ItemPlacesDto['places'][number];

/**
 * 就近办 on the portal: where an item of the center can be done — the competent center itself and
 * the points below it that publish it (delegated, or their own item under the same code), by town.
 */
export async function itemPlaces(db: Db, code: string, query: { centerId?: string; townId?: string }): Promise<ItemPlacesDto> {
  const centerId = await resolvePortalCenter(db, query.centerId);
  const item = await findItem(db, centerId, code);
  if (!item || item.status !== 'published' || !item.published) throw new AppError('ITEM_NOT_FOUND', `事项“${code}”不存在或未发布`);
  const scope = await centerAndBelow(db, centerId);
  const points = await repo.listPoints(db, scope);
  const byId = new Map(points.map((p) => [p.id, p]));
  const townOf = (p: { id: string; level: string; parentId: string | null }) => (p.level === 'town' ? p.id : p.parentId);

  const delegated = new Set((await repo.listDelegations(db, { itemIds: [item.id], publishedOnly: true })).map((d) => d.centerId));
  const places: Place[] = [];
  for (const p of points) {
    const own = delegated.has(p.id) ? null : await findItem(db, p.id, code);
    const how = delegated.has(p.id) ? 'delegated' : own?.status === 'published' ? 'own' : null;
    if (!how) continue;
    places.push({ centerId: p.id, name: p.name, level: p.level as Place['level'], kind: p.kind, townId: townOf(p), address: p.address, phone: p.phone, openingHours: p.openingHours, how });
  }
  const filtered = query.townId ? places.filter((p) => p.townId === query.townId) : places;
  const center = await getCenter(db, centerId);
  const competent: Place = { centerId, name: center.name, level: center.level, kind: 'government', townId: null, address: center.address, phone: center.phone, openingHours: center.openingHours, how: 'competent' };
  const towns = points.filter((p) => p.level === 'town' && byId.has(p.id)).map((p) => ({ id: p.id, name: p.name }));
  return { code: item.code, name: item.published.guide.name, towns, places: [...filtered, competent] };
}
