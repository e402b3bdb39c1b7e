import type { SearchResponse } from '@server/modules/catalog/guidance/contract.ts';
import { api } from '../../lib/api.ts';

export type SearchResult = SearchResponse['results'][number];

/** Smart guidance (6.3.4): the portal's search box and the guidance desk both use it. */
export const searchGuidance = (q: string, limit = 10) => api.get<SearchResponse>('/api/guidance/search', { q, limit });
