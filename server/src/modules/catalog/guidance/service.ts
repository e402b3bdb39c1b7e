import type { Db } from '../../../platform/db/database.ts';
import { loadPublishedCatalog } from '../published/cache.ts';
import type { SearchResponse } from './contract.ts';
import { isGoodMatch } from './search-index.ts';

/** Smart guidance: the published items and bundles of a center that best match what someone typed, and whether the best is a good match. */
export async function searchCatalog(db: Db, centerId: string, query: string, limit: number): Promise<SearchResponse> {
  const catalog = await loadPublishedCatalog(db, centerId);
  const results = catalog.searchIndex().search(query, limit);
  return { results, isGoodMatch: isGoodMatch(results) };
}
