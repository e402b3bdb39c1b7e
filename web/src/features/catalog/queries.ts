import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatalogStatus, LifeStage, Theme } from '@server/modules/catalog/contract.ts';
import {
  createBundle,
  createItem,
  discardDraft,
  getBundle,
  getBundleNotice,
  getHistory,
  getItem,
  getItemNotice,
  getPortalOverview,
  importWorkbook,
  listEntries,
  listPortalBundles,
  listPortalItems,
  publishEntry,
  saveBundleDraft,
  saveItemDraft,
  withdrawEntry,
  type BundleGuide,
  type EntryKind,
  type ItemGuide,
} from './api.ts';

export const catalogKeys = {
  all: ['catalog'] as const,
  entries: (kind: EntryKind, centerId: string, filter: object) => ['catalog', 'entries', kind, centerId, filter] as const,
  item: (id: string) => ['catalog', 'item', id] as const,
  bundle: (id: string) => ['catalog', 'bundle', id] as const,
  history: (kind: EntryKind, id: string) => ['catalog', 'history', kind, id] as const,
  portal: ['portal'] as const,
};

export const useEntries = (kind: EntryKind, centerId: string | null, filter: { q?: string; status?: CatalogStatus }) =>
  useQuery({
    queryKey: catalogKeys.entries(kind, centerId ?? '', filter),
    queryFn: () => listEntries(kind, centerId!, filter),
    enabled: centerId !== null,
    placeholderData: keepPreviousData,
  });
export const useItem = (id: string | null) => useQuery({ queryKey: catalogKeys.item(id ?? ''), queryFn: () => getItem(id!), enabled: id !== null });
export const useBundle = (id: string | null) => useQuery({ queryKey: catalogKeys.bundle(id ?? ''), queryFn: () => getBundle(id!), enabled: id !== null });
export const useHistory = (kind: EntryKind, id: string) => useQuery({ queryKey: catalogKeys.history(kind, id), queryFn: () => getHistory(kind, id) });

/** Any change to the catalog: lists, details, history and the public pages reload. */
function useInvalidateCatalog() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: catalogKeys.all }), queryClient.invalidateQueries({ queryKey: catalogKeys.portal })]);
}

export function useCreateItem() {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: (v: { centerId: string; code: string; guide: ItemGuide }) => createItem(v.centerId, v.code, v.guide), onSettled: invalidate });
}
export function useCreateBundle() {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: (v: { centerId: string; code: string; guide: BundleGuide }) => createBundle(v.centerId, v.code, v.guide), onSettled: invalidate });
}
export function useSaveItemDraft() {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: ({ id, ...body }: { id: string; version: number; guide: ItemGuide; note: string }) => saveItemDraft(id, body), onSettled: invalidate });
}
export function useSaveBundleDraft() {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: ({ id, ...body }: { id: string; version: number; guide: BundleGuide; note: string }) => saveBundleDraft(id, body), onSettled: invalidate });
}
export function usePublish() {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: (v: { kind: EntryKind; id: string; version: number }) => publishEntry(v.kind, v.id, v.version), onSettled: invalidate });
}
export function useWithdraw() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (v: { kind: EntryKind; id: string; version: number; reason: string }) => withdrawEntry(v.kind, v.id, v.version, v.reason),
    onSettled: invalidate,
  });
}
export function useDiscardDraft() {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: (v: { kind: EntryKind; id: string; version: number }) => discardDraft(v.kind, v.id, v.version), onSettled: invalidate });
}
export function useImportWorkbook() {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: (v: { centerId: string; file: File; createDepartments: boolean }) => importWorkbook(v.centerId, v.file, v.createDepartments), onSettled: invalidate });
}

// Public portal
export const usePortalOverview = () => useQuery({ queryKey: [...catalogKeys.portal, 'overview'], queryFn: getPortalOverview, staleTime: 60_000 });
export const usePortalItems = (filter: { theme?: Theme; departmentId?: string }) =>
  useQuery({ queryKey: [...catalogKeys.portal, 'items', filter], queryFn: () => listPortalItems(filter), placeholderData: keepPreviousData });
export const usePortalBundles = (filter: { lifeStage?: LifeStage }) =>
  useQuery({ queryKey: [...catalogKeys.portal, 'bundles', filter], queryFn: () => listPortalBundles(filter), placeholderData: keepPreviousData });
export const useItemNotice = (code: string, answers: string) =>
  useQuery({ queryKey: [...catalogKeys.portal, 'item', code, answers], queryFn: () => getItemNotice(code, answers), placeholderData: keepPreviousData });
export const useBundleNotice = (code: string, answers: string) =>
  useQuery({ queryKey: [...catalogKeys.portal, 'bundle', code, answers], queryFn: () => getBundleNotice(code, answers), placeholderData: keepPreviousData });
