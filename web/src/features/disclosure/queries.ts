import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { disclosureCatalog, disclosureFigures, disclosureResults, disclosureStaff } from './api.ts';

const key = (centerId?: string) => ['public', 'disclosure', centerId ?? 'default'];

export const useDisclosureCatalog = (centerId?: string) => useQuery({ queryKey: [...key(centerId), 'catalog'], queryFn: () => disclosureCatalog(centerId) });
export const useDisclosureStaff = (centerId?: string) => useQuery({ queryKey: [...key(centerId), 'staff'], queryFn: () => disclosureStaff(centerId), refetchInterval: 60_000 });
export const useDisclosureResults = (q: { centerId?: string; number?: string; page: number; pageSize: number }) =>
  useQuery({ queryKey: [...key(q.centerId), 'results', q.number ?? '', q.page, q.pageSize], queryFn: () => disclosureResults(q), placeholderData: keepPreviousData });
export const useDisclosureFigures = (q: { centerId?: string; month?: string }) =>
  useQuery({ queryKey: [...key(q.centerId), 'figures', q.month ?? 'current'], queryFn: () => disclosureFigures(q), placeholderData: keepPreviousData });
