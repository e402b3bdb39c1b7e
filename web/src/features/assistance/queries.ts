import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from './api.ts';

export const assistanceKeys = {
  all: ['assistance'] as const,
  records: (f: a.RecordFilter) => ['assistance', 'records', f] as const,
  figures: (q: object) => ['assistance', 'figures', q] as const,
  sessions: (scope: string) => ['assistance', 'sessions', scope] as const,
  slots: ['assistance', 'slots'] as const,
  mine: ['assistance', 'mine'] as const,
};

export const useAssistanceItems = () => useQuery({ queryKey: ['assistance-items'], queryFn: a.listItems, staleTime: 300_000 });
export const useRecords = (f: a.RecordFilter) => useQuery({ queryKey: assistanceKeys.records(f), queryFn: () => a.listRecords(f), placeholderData: keepPreviousData });
export const useAssistanceFigures = (q: { from?: string; to?: string }) => useQuery({ queryKey: assistanceKeys.figures(q), queryFn: () => a.getFigures(q) });
export const useCenterSessions = (scope: 'upcoming' | 'all', isEnabled = true) => useQuery({ queryKey: assistanceKeys.sessions(scope), queryFn: () => a.listCenterSessions(scope), enabled: isEnabled });
export const useSlots = () => useQuery({ queryKey: assistanceKeys.slots, queryFn: a.getSlots });
export const useMySessions = () => useQuery({ queryKey: assistanceKeys.mine, queryFn: a.listMySessions, refetchInterval: 15_000 });

/** Any change: the lists, figures and slots reload. */
function useAssistanceChange<A, R>(run: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => void client.invalidateQueries({ queryKey: assistanceKeys.all }) });
}

export const useCreateRecord = () => useAssistanceChange(a.createRecord);
export const useFollowUp = () => useAssistanceChange((x: { id: string; version: number; result: string }) => a.recordFollowUp(x.id, { version: x.version, result: x.result }));
export const useStartSession = () => useAssistanceChange((x: { id: string; version: number }) => a.startSession(x.id, x.version));
export const useEndSession = () => useAssistanceChange((x: { id: string; body: a.EndInput }) => a.endSession(x.id, x.body));
export const useBookSession = () => useAssistanceChange(a.bookSession);
export const useCancelSession = () => useAssistanceChange((x: { id: string; version: number }) => a.cancelSession(x.id, x.version));
