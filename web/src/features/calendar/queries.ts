import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OverrideInput } from '@server/platform/calendar/contract.ts';
import { fetchDueDate, fetchMonth, fetchWorkingDayCount, listOverrides, removeOverride, setOverride } from './api.ts';

const keys = {
  all: ['calendar'] as const,
  month: (month: string) => ['calendar', 'month', month] as const,
  dueDate: (from: string, workingDays: number) => ['calendar', 'due-date', from, workingDays] as const,
  count: (from: string, to: string) => ['calendar', 'count', from, to] as const,
  overrides: ['calendar', 'overrides'] as const,
};

export const useMonth = (month: string | null) =>
  useQuery({ queryKey: keys.month(month ?? ''), queryFn: () => fetchMonth(month!), enabled: month !== null });

export const useDueDate = (params: { from: string; workingDays: number } | null) =>
  useQuery({
    queryKey: keys.dueDate(params?.from ?? '', params?.workingDays ?? 0),
    queryFn: () => fetchDueDate(params!.from, params!.workingDays),
    enabled: params !== null,
  });

export const useWorkingDayCount = (params: { from: string; to: string } | null) =>
  useQuery({
    queryKey: keys.count(params?.from ?? '', params?.to ?? ''),
    queryFn: () => fetchWorkingDayCount(params!.from, params!.to),
    enabled: params !== null,
  });

export const useOverrides = (isEnabled: boolean) =>
  useQuery({ queryKey: keys.overrides, queryFn: listOverrides, enabled: isEnabled });

/** An override changes months, due dates and counts alike: reload everything calendar. */
export function useSetOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, ...input }: OverrideInput & { date: string }) => setOverride(date, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRemoveOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeOverride,
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
