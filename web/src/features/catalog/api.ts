import type {
  BundleDetail,
  BundleGuide,
  CatalogEntrySummary,
  CatalogStatus,
  HistoryEntry,
  ItemDetail,
  ItemGuide,
} from '@server/modules/catalog/contract.ts';
import type { BundleCard, BundleNotice, ItemCard, ItemNotice, PortalOverview } from '@server/modules/catalog/portal/contract.ts';
import type { LifeStage, Theme } from '@server/modules/catalog/contract.ts';
import { api } from '../../lib/api.ts';

export type { BundleDetail, BundleGuide, BundleNotice, CatalogEntrySummary, HistoryEntry, ItemDetail, ItemGuide, ItemNotice };
export type EntryKind = 'item' | 'bundle';
export type FileInfo = { id: string; filename: string; mediaType: string; size: number; createdAt: string };
export type ImportSummary = { created: number; updated: number; unchanged: number; departmentsCreated: string[] };

const base = (kind: EntryKind) => (kind === 'item' ? '/api/catalog/items' : '/api/catalog/bundles');

// Administration (staff)
export const listEntries = (kind: EntryKind, centerId: string, filter: { q?: string; status?: CatalogStatus }) =>
  api.get<CatalogEntrySummary[]>(base(kind), { centerId, ...filter });
export const getItem = (id: string) => api.get<ItemDetail>(`/api/catalog/items/${id}`);
export const getBundle = (id: string) => api.get<BundleDetail>(`/api/catalog/bundles/${id}`);
export const createItem = (centerId: string, code: string, guide: ItemGuide) => api.post<ItemDetail>('/api/catalog/items', { centerId, code, guide });
export const createBundle = (centerId: string, code: string, guide: BundleGuide) =>
  api.post<BundleDetail>('/api/catalog/bundles', { centerId, code, guide });
export const saveItemDraft = (id: string, body: { version: number; guide: ItemGuide; note: string }) =>
  api.put<ItemDetail>(`/api/catalog/items/${id}/draft`, body);
export const saveBundleDraft = (id: string, body: { version: number; guide: BundleGuide; note: string }) =>
  api.put<BundleDetail>(`/api/catalog/bundles/${id}/draft`, body);
export const publishEntry = (kind: EntryKind, id: string, version: number) => api.post<unknown>(`${base(kind)}/${id}/publish`, { version });
export const withdrawEntry = (kind: EntryKind, id: string, version: number, reason: string) =>
  api.post<unknown>(`${base(kind)}/${id}/withdraw`, { version, reason });
export const discardDraft = (kind: EntryKind, id: string, version: number) => api.post<unknown>(`${base(kind)}/${id}/discard-draft`, { version });
export const getHistory = (kind: EntryKind, id: string) => api.get<HistoryEntry[]>(`${base(kind)}/${id}/history`);
export const exportUrl = (centerId: string) => `/api/catalog/export?centerId=${centerId}`;
export const fileUrl = (id: string) => `/api/catalog/files/${id}`;

export const uploadFile = (centerId: string, file: File) => postForm<FileInfo>(`/api/catalog/files?centerId=${centerId}`, file);
export const importWorkbook = (centerId: string, file: File, createDepartments: boolean) =>
  postForm<ImportSummary>(`/api/catalog/import?centerId=${centerId}&createDepartments=${createDepartments}`, file);

/** Multipart upload of one file (field `file`); errors come back as ApiError like every call. */
async function postForm<T>(path: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file);
  return api.upload<T>('POST', path, body);
}

// Public portal
export const getPortalOverview = () => api.get<PortalOverview>('/api/portal/catalog');
export const listPortalItems = (filter: { theme?: Theme; departmentId?: string }) => api.get<ItemCard[]>('/api/portal/items', filter);
export const listPortalBundles = (filter: { lifeStage?: LifeStage }) => api.get<BundleCard[]>('/api/portal/bundles', filter);
export const getItemNotice = (code: string, answers: string) => api.get<ItemNotice>(`/api/portal/items/${encodeURIComponent(code)}`, { answers });
export const getBundleNotice = (code: string, answers: string) => api.get<BundleNotice>(`/api/portal/bundles/${encodeURIComponent(code)}`, { answers });
