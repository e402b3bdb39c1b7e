import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { todayInShanghai } from '../../lib/time.ts';
import * as q from './api.ts';

export const queueKeys = {
  all: ['queue'] as const,
  queues: (centerId: string) => ['queue', 'queues', centerId] as const,
  items: (centerId: string) => ['queue', 'items', centerId] as const,
  settings: (centerId: string) => ['queue', 'settings', centerId] as const,
  devices: (centerId: string) => ['queue', 'devices', centerId] as const,
  myCounters: ['queue', 'my-counters'] as const,
  inquiries: (centerId: string) => ['queue', 'inquiries', centerId] as const,
  waiting: (centerId: string) => ['queue', 'waiting', centerId] as const,
  live: (centerId: string) => ['queue', 'live', centerId] as const,
  history: (centerId: string, from: string, to: string, by: string) => ['queue', 'history', centerId, from, to, by] as const,
};

export const useQueues = (centerId: string | null) =>
  useQuery({ queryKey: queueKeys.queues(centerId ?? ''), queryFn: () => q.listQueues(centerId!), enabled: centerId !== null });
export const useQueueItems = (centerId: string | null) =>
  useQuery({ queryKey: queueKeys.items(centerId ?? ''), queryFn: () => q.listQueueItems(centerId!), enabled: centerId !== null });
export const useQueueSettings = (centerId: string | null) =>
  useQuery({ queryKey: queueKeys.settings(centerId ?? ''), queryFn: () => q.getSettings(centerId!), enabled: centerId !== null });
export const useDevices = (centerId: string | null) =>
  useQuery({ queryKey: queueKeys.devices(centerId ?? ''), queryFn: () => q.listDevices(centerId!), enabled: centerId !== null });
export const useEvaluatorLink = (counterId: string) => useQuery({ queryKey: ['queue', 'evaluator-link', counterId], queryFn: () => q.getEvaluatorLink(counterId), retry: false });
export const useMyCounters = () => useQuery({ queryKey: queueKeys.myCounters, queryFn: q.listMyCounters, refetchInterval: 30_000 });
export const useInquiries = (centerId: string | null) =>
  useQuery({ queryKey: queueKeys.inquiries(centerId ?? ''), queryFn: () => q.listInquiries(todayInShanghai()), enabled: centerId !== null });
export const useWaitingTickets = (centerId: string | null) =>
  useQuery({
    queryKey: queueKeys.waiting(centerId ?? ''),
    queryFn: async () => [...(await q.listTickets(centerId!, { state: 'waiting' })), ...(await q.listTickets(centerId!, { state: 'transferred' }))],
    enabled: centerId !== null,
    refetchInterval: 10_000,
  });
export const useLiveFigures = (centerId: string | null) =>
  useQuery({ queryKey: queueKeys.live(centerId ?? ''), queryFn: () => q.getLiveFigures(centerId!), enabled: centerId !== null, refetchInterval: 5_000, staleTime: 0 });
export const useHistoryFigures = (centerId: string | null, from: string, to: string, by: q.HistoryGroup) =>
  useQuery({ queryKey: queueKeys.history(centerId ?? '', from, to, by), queryFn: () => q.getHistoryFigures(centerId!, { from, to, by }), enabled: centerId !== null });

/** Mutations of the configuration reload what they change. */
export function useQueueMutation<A, R>(fn: (args: A) => Promise<R>, invalidate: readonly unknown[]) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: invalidate }) });
}
