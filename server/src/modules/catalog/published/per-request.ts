import { defineCache } from '../../../platform/cache/cache.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { BundleGuide, ItemGuide } from '../contract.ts';
import { getBundleByCode } from '../bundles/service.ts';
import { getGuideVersion, getItemByCode } from '../items/service.ts';
import { PUBLISHED_CACHE } from './cache-names.ts';

/**
 * What requests read of the catalog again and again, kept in the process (platform/cache):
 * whether an item or bundle is published and its published version (intake reads it), and the
 * guide of a version that can no longer change (every application detail reads its rules).
 * A publish, withdrawal or import invalidates PUBLISHED_CACHE (catalog/repository.ts).
 */

export type PublishedState<G> = { code: string; status: string; published: { versionId: string; guide: G } | null };

const published = defineCache<PublishedState<ItemGuide | BundleGuide>>(PUBLISHED_CACHE, async (db, key) => {
  const [kind, centerId, code] = key.split('\u0000') as ['item' | 'bundle', string, string];
  const entry = kind === 'item' ? await getItemByCode(db as Db, centerId, code) : await getBundleByCode(db as Db, centerId, code);
  return { code: entry.code, status: entry.status, published: entry.published ? { versionId: entry.published.meta.id, guide: entry.published.guide } : null };
});

/** An item's publication (throws ITEM_NOT_FOUND as getItemByCode does; a failure is not kept). */
export const publishedItemState = (db: Db, centerId: string, code: string) =>
  published.get(db, `item\u0000${centerId}\u0000${code}`) as Promise<PublishedState<ItemGuide>>;

export const publishedBundleState = (db: Db, centerId: string, code: string) =>
  published.get(db, `bundle\u0000${centerId}\u0000${code}`) as Promise<PublishedState<BundleGuide>>;

/** A version's guide is fixed once it left the draft state: kept for as long as the process lives (and MAX_AGE). */
const guides = defineCache(
  'catalog-guide-versions',
  async (db, versionId) => {
    const v = await getGuideVersion(db as Db, versionId);
    return { guide: v.guide, isDraft: v.meta.state === 'draft' };
  },
  (v) => !v.isDraft,
);

export const guideOfVersion = async (db: Db, versionId: string): Promise<ItemGuide> => (await guides.get(db, versionId)).guide;
