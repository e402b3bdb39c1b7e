import type { CatalogDisclosure, MonthlyFigures, ResultsPage, StaffDisclosure } from '@server/modules/disclosure/contract.ts';
import { api, withQuery } from '../../lib/api.ts';

export const disclosureCatalog = (centerId?: string) => api.get<CatalogDisclosure>('/api/public/disclosure/catalog', { centerId });
export const disclosureStaff = (centerId?: string) => api.get<StaffDisclosure>('/api/public/disclosure/staff', { centerId });
export const disclosureResults = (q: { centerId?: string; number?: string; page: number; pageSize: number }) => api.get<ResultsPage>('/api/public/disclosure/results', q);
export const disclosureFigures = (q: { centerId?: string; month?: string }) => api.get<MonthlyFigures>('/api/public/disclosure/figures', q);
export const staffPhotoUrl = (staffId: string, version: string | null, centerId?: string) => withQuery(`/api/public/disclosure/staff/${staffId}/photo`, { centerId, v: version ?? '' });
export const feedUrl = (kind: 'atom' | 'json', centerId?: string) => withQuery(`/api/public/disclosure/feed.${kind}`, { centerId });
