import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './api.ts';

export const pointKeys = {
  all: ['service-points'] as const,
  list: ['service-points', 'list'] as const,
  delegations: (id: string) => ['service-points', 'delegations', id] as const,
  figures: (id: string) => ['service-points', 'figures', id] as const,
  places: (code: string, townId?: string) => ['item-places', code, townId ?? ''] as const,
};

export const usePoints = () => useQuery({ queryKey: pointKeys.list, queryFn: api.listPoints });
export const useDelegations = (id: string) => useQuery({ queryKey: pointKeys.delegations(id), queryFn: () => api.listDelegations(id) });
export const usePointFigures = (id: string) => useQuery({ queryKey: pointKeys.figures(id), queryFn: () => api.getPointFigures(id) });
export const useItemPlaces = (code: string, townId?: string) =>
  useQuery({ queryKey: pointKeys.places(code, townId), queryFn: () => api.getItemPlaces(code, townId), placeholderData: keepPreviousData });

/** Every change reloads the points, their delegations and figures. */
function usePointMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: pointKeys.all }) });
}

export const useSetPointKind = () => usePointMutation(({ id, ...body }: { id: string; kind: api.PointKind; version: number }) => api.setPointKind(id, body));
export const useDelegateItem = () => usePointMutation(({ pointId, itemId }: { pointId: string; itemId: string }) => api.delegateItem(pointId, itemId));
export const usePublishItem = () => usePointMutation(({ pointId, itemId }: { pointId: string; itemId: string }) => api.publishItem(pointId, itemId));
export const useRevokeDelegation = () => usePointMutation(({ id, version }: { id: string; version: number }) => api.revokeDelegation(id, version));
