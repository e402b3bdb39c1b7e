import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationDetail } from '@server/modules/applications/contract.ts';
import {
  act,
  currentTicket,
  deliveries,
  figures,
  getApplication,
  leadDecisions,
  listApplications,
  lookupApplicant,
  markMaterial,
  myApplications,
  progress,
  receive,
  receivedFromTicket,
  reviewers,
  reviewQueue,
  taskAction,
  uploadMaterial,
  verifications,
  type ApplicationFilter,
  type IntakeInput,
  type QueueScope,
  type SearchFilter,
} from './api.ts';
import type { MaterialMark } from '@server/modules/applications/contract.ts';

export const applicationKeys = {
  all: ['applications'] as const,
  list: (filter: ApplicationFilter) => ['applications', 'list', filter] as const,
  detail: (id: string) => ['applications', 'detail', id] as const,
  queue: (scope: QueueScope, due?: string) => ['applications', 'queue', scope, due ?? ''] as const,
};

export const useApplications = (filter: ApplicationFilter) =>
  useQuery({ queryKey: applicationKeys.list(filter), queryFn: () => listApplications(filter), placeholderData: keepPreviousData });
export const useApplication = (id: string) => useQuery({ queryKey: applicationKeys.detail(id), queryFn: () => getApplication(id) });
export const useCurrentTicket = () => useQuery({ queryKey: ['applications', 'current-ticket'], queryFn: currentTicket });
/** What was received from the ticket in hand (办结 pre-fills the items handled); fetched afresh each time. */
export const useReceivedFromTicket = () => useQuery({ queryKey: ['applications', 'current-ticket', 'received'], queryFn: receivedFromTicket, gcTime: 0, retry: false });
export const useApplicant = (uscc: string | null) =>
  useQuery({ queryKey: ['applications', 'applicant', uscc], queryFn: () => lookupApplicant(uscc!), enabled: !!uscc && uscc.length === 18, retry: false });
export const useReviewQueue = (scope: QueueScope, due?: 'warning' | 'overdue', search: SearchFilter = {}, enabled = true) =>
  useQuery({ queryKey: [...applicationKeys.queue(scope, due), search], queryFn: () => reviewQueue(scope, due, search), enabled, placeholderData: keepPreviousData });
export const useLeadDecisions = () => useQuery({ queryKey: ['applications', 'lead'], queryFn: leadDecisions });
export const useVerifications = () => useQuery({ queryKey: ['applications', 'verifications'], queryFn: verifications });
export const useReviewers = (enabled: boolean) => useQuery({ queryKey: ['applications', 'reviewers'], queryFn: reviewers, enabled });
export const useDeliveries = (state?: 'awaiting_pickup' | 'mailed', q?: string) =>
  useQuery({ queryKey: ['applications', 'deliveries', state ?? '', q ?? ''], queryFn: () => deliveries(state, q), placeholderData: keepPreviousData });
export const useFigures = (range: { from?: string; to?: string }) => useQuery({ queryKey: ['applications', 'figures', range], queryFn: () => figures(range) });
/** Each 查询 asks the server again (the `asked` count is part of the key): a repeated query shows the state now, never a cached answer. */
export const useProgress = (q: { number: string; checkCode?: string; phone?: string; asked: number } | null) =>
  useQuery({
    queryKey: ['applications', 'progress', q],
    queryFn: () => progress({ number: q!.number, checkCode: q!.checkCode, phone: q!.phone }),
    enabled: !!q,
    retry: false,
    staleTime: 0,
    gcTime: 0,
    placeholderData: keepPreviousData,
  });
export const useMyApplications = () => useQuery({ queryKey: ['applications', 'mine'], queryFn: myApplications, staleTime: 0, refetchOnMount: 'always' });

/** Every change to an application: the detail it returns is put in the cache, the lists reload. */
function useApplicationChange<A>(id: string, run: (args: A) => Promise<ApplicationDetail | null>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (detail) => {
      if (detail) client.setQueryData(applicationKeys.detail(id), detail);
      await client.invalidateQueries({ queryKey: applicationKeys.all, refetchType: 'active' });
    },
  });
}

export const useReceive = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: (input: IntakeInput) => receive(input), onSuccess: () => client.invalidateQueries({ queryKey: applicationKeys.all }) });
};
export const useMarkMaterial = (id: string) => useApplicationChange(id, (a: { key: string; mark: MaterialMark }) => markMaterial(id, a.key, a.mark));
export const useUploadMaterial = (id: string) => useApplicationChange(id, (a: { key: string; file: File }) => uploadMaterial(id, a.key, a.file));
export const useAct = (id: string) => useApplicationChange(id, (a: { path: string; body: object }) => act(id, a.path, a.body));
export const useTaskAction = (id: string) => useApplicationChange(id, (a: { taskId: string; path: string; body: object }) => taskAction(a.taskId, a.path, a.body));
