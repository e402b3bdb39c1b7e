import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createCenter,
  createCounter,
  createRegion,
  createZone,
  getCenter,
  listCenters,
  listCounters,
  listRegions,
  listZones,
  updateCenter,
  updateCounter,
  updateZone,
  type CenterPatch,
  type CounterPatch,
  type ZonePatch,
} from './api.ts';

export const venueKeys = {
  regions: ['venue', 'regions'] as const,
  centers: ['venue', 'centers'] as const,
  center: (id: string) => ['venue', 'centers', id] as const,
  zones: (centerId: string) => ['venue', 'zones', centerId] as const,
  counters: (centerId: string) => ['venue', 'counters', centerId] as const,
};

/** A patch to a row: its id, the version it was read at, and the changed fields. */
type Patch<P> = P & { id: string };

export const useRegions = () => useQuery({ queryKey: venueKeys.regions, queryFn: listRegions });
export const useCenters = () => useQuery({ queryKey: venueKeys.centers, queryFn: listCenters });
export const useCenter = (id: string) => useQuery({ queryKey: venueKeys.center(id), queryFn: () => getCenter(id) });
export const useZones = (centerId: string | null) =>
  useQuery({ queryKey: venueKeys.zones(centerId ?? ''), queryFn: () => listZones(centerId!), enabled: centerId !== null });
export const useCounters = (centerId: string | null) =>
  useQuery({ queryKey: venueKeys.counters(centerId ?? ''), queryFn: () => listCounters(centerId!), enabled: centerId !== null });

/** Counters of several centers at once, e.g. to name each staff member's counter in a list. */
export const useCountersOfCenters = (centerIds: string[]) =>
  useQueries({
    queries: centerIds.map((id) => ({ queryKey: venueKeys.counters(id), queryFn: () => listCounters(id) })),
    combine: (results) => results.flatMap((r) => r.data ?? []),
  });

export function useCreateRegion() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createRegion, onSettled: () => queryClient.invalidateQueries({ queryKey: venueKeys.regions }) });
}

export function useCreateCenter() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCenter, onSettled: () => queryClient.invalidateQueries({ queryKey: venueKeys.centers }) });
}

export function useUpdateCenter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: Patch<CenterPatch>) => updateCenter(id, patch),
    // centers/:id sits under the list's key, so one invalidation reloads list and detail
    onSettled: () => queryClient.invalidateQueries({ queryKey: venueKeys.centers }),
  });
}

export function useCreateZone(centerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Parameters<typeof createZone>[1]) => createZone(centerId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: venueKeys.zones(centerId) }),
  });
}

export function useUpdateZone(centerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: Patch<ZonePatch>) => updateZone(id, patch),
    // a counter shows its zone's name
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: venueKeys.zones(centerId) }),
        queryClient.invalidateQueries({ queryKey: venueKeys.counters(centerId) }),
      ]),
  });
}

export function useCreateCounter(centerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Parameters<typeof createCounter>[1]) => createCounter(centerId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: venueKeys.counters(centerId) }),
  });
}

export function useUpdateCounter(centerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: Patch<CounterPatch>) => updateCounter(id, patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: venueKeys.counters(centerId) }),
  });
}
