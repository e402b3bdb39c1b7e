import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from './api.ts';

export const timeLimitKeys = {
  all: ['time-limits'] as const,
  notices: (state: string) => ['time-limits', 'notices', state] as const,
  count: ['time-limits', 'count'] as const,
  figures: (p: object) => ['time-limits', 'figures', p] as const,
  settings: ['time-limits', 'settings'] as const,
  history: (id: string) => ['time-limits', 'history', id] as const,
  supervisions: (scope: string) => ['time-limits', 'supervisions', scope] as const,
};

export const useTimeLimitNotices = (state: 'open' | 'all') => useQuery({ queryKey: timeLimitKeys.notices(state), queryFn: () => a.getNotices(state), placeholderData: keepPreviousData });
/** The side menu's badge: undecided applications whose time limit was raised to me. */
export const useTimeLimitNoticeCount = (isEnabled: boolean) => useQuery({ queryKey: timeLimitKeys.count, queryFn: a.getNoticeCount, enabled: isEnabled, staleTime: 60_000, refetchInterval: 300_000 });
export const useTimeLimitFigures = (p: { from: string; to: string }) => useQuery({ queryKey: timeLimitKeys.figures(p), queryFn: () => a.getFigures(p), placeholderData: keepPreviousData });
export const useTimeLimitSettings = () => useQuery({ queryKey: timeLimitKeys.settings, queryFn: a.getSettings });
export const useTimeLimitHistory = (id: string, isEnabled: boolean) => useQuery({ queryKey: timeLimitKeys.history(id), queryFn: () => a.getHistory(id), enabled: isEnabled });
export const useSupervisions = (scope: 'mine' | 'center') => useQuery({ queryKey: timeLimitKeys.supervisions(scope), queryFn: () => a.getSupervisions(scope) });

function useTimeLimitChange<A, R>(run: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => void client.invalidateQueries({ queryKey: timeLimitKeys.all }) });
}
export const useSaveTimeLimitSettings = () => useTimeLimitChange(a.putSettings);
export const useOpenSupervision = () => useTimeLimitChange((x: { applicationId: string; deadline: string; request: string }) => a.openSupervision(x.applicationId, { deadline: x.deadline, request: x.request }));
export const useReplySupervision = () => useTimeLimitChange((x: { id: string; reply: string; version: number }) => a.replySupervision(x.id, { reply: x.reply, version: x.version }));
