import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from './api.ts';

export const crossRegionKeys = {
  all: ['cross-region'] as const,
  publicDirectory: ['cross-region', 'public-directory'] as const,
  ownDirectory: ['cross-region', 'own-directory'] as const,
  handovers: (side: 'received' | 'competent') => ['cross-region', 'handovers', side] as const,
};

export const usePublicDirectory = () => useQuery({ queryKey: crossRegionKeys.publicDirectory, queryFn: a.listPublicDirectory });
export const useOwnDirectory = () => useQuery({ queryKey: crossRegionKeys.ownDirectory, queryFn: a.listOwnDirectory });
export const useHandovers = (side: 'received' | 'competent') => useQuery({ queryKey: crossRegionKeys.handovers(side), queryFn: () => a.listHandovers(side) });

/** Any change of a hand-over: every cross-region list reloads. */
export function useCrossRegionChange<A, R>(run: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => void client.invalidateQueries({ queryKey: crossRegionKeys.all }) });
}
