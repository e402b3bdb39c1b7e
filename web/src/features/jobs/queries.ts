import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listJobs, runJobNow, searchRuns, type RunFilter } from './api.ts';

const keys = {
  all: ['jobs'] as const,
  list: ['jobs', 'list'] as const,
  runs: (filter: RunFilter) => ['jobs', 'runs', filter] as const,
};

export const useJobs = () => useQuery({ queryKey: keys.list, queryFn: listJobs });

export const useJobRuns = (filter: RunFilter) =>
  useQuery({ queryKey: keys.runs(filter), queryFn: () => searchRuns(filter), placeholderData: keepPreviousData });

export function useRunJobNow() {
  const client = useQueryClient();
  return useMutation({ mutationFn: runJobNow, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}
