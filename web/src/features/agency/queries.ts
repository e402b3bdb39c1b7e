import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from './api.ts';

export const agencyKeys = {
  all: ['agency'] as const,
  items: ['agency', 'items'] as const,
  publicItems: ['agency', 'public-items'] as const,
  settings: ['agency', 'settings'] as const,
  list: (f: a.RequestFilter) => ['agency', 'requests', f] as const,
  detail: (id: string) => ['agency', 'request', id] as const,
  home: ['agency', 'home'] as const,
  figures: (q: object) => ['agency', 'figures', q] as const,
  projects: ['agency', 'projects'] as const,
  own: ['agency', 'own'] as const,
};

export const useAgencyItems = () => useQuery({ queryKey: agencyKeys.items, queryFn: a.listItems });
export const usePublicAgencyItems = () => useQuery({ queryKey: agencyKeys.publicItems, queryFn: a.listPublicItems });
export const useAgencySettings = () => useQuery({ queryKey: agencyKeys.settings, queryFn: a.getSettings });
export const useRequests = (f: a.RequestFilter) => useQuery({ queryKey: agencyKeys.list(f), queryFn: () => a.listRequests(f), placeholderData: keepPreviousData });
export const useRequest = (id: string) => useQuery({ queryKey: agencyKeys.detail(id), queryFn: () => a.getRequest(id) });
export const useAgencyHome = (isEnabled: boolean) => useQuery({ queryKey: agencyKeys.home, queryFn: a.getHome, enabled: isEnabled });
export const useAgencyFigures = (q: { from?: string; to?: string }) => useQuery({ queryKey: agencyKeys.figures(q), queryFn: () => a.getFigures(q), placeholderData: keepPreviousData });
export const useProjects = () => useQuery({ queryKey: agencyKeys.projects, queryFn: a.listProjects });
export const useOwnRequests = () => useQuery({ queryKey: agencyKeys.own, queryFn: a.listOwn });

/** Any change in agency: everything of agency reloads (the answer is the new state). */
export function useAgencyChange<A, R>(run: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => void client.invalidateQueries({ queryKey: agencyKeys.all }) });
}
