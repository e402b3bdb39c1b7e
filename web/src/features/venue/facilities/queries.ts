import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './api.ts';

export const facilityKeys = {
  all: ['facilities'] as const,
  list: (filter: api.FacilityFilter) => ['facilities', 'list', filter] as const,
  detail: (id: string) => ['facilities', 'detail', id] as const,
  figures: ['facilities', 'figures'] as const,
  accessibility: (centerId: string) => ['facilities', 'accessibility', centerId] as const,
};

export const useFacilities = (filter: api.FacilityFilter) => useQuery({ queryKey: facilityKeys.list(filter), queryFn: () => api.listFacilities(filter), placeholderData: keepPreviousData });
export const useFacility = (id: string | null) => useQuery({ queryKey: facilityKeys.detail(id ?? ''), queryFn: () => api.getFacility(id!), enabled: id !== null });
export const useFacilityFigures = () => useQuery({ queryKey: facilityKeys.figures, queryFn: api.getFacilityFigures });
export const useAccessibility = (centerId: string | undefined) =>
  useQuery({ queryKey: facilityKeys.accessibility(centerId ?? ''), queryFn: () => api.getAccessibility(centerId!), enabled: centerId !== undefined });

/** Every change to a facility reloads the register, the figures and the open detail. */
function useFacilityMutation<V>(fn: (v: V) => Promise<api.FacilityDetail>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: facilityKeys.all }) });
}

export const useCreateFacility = () => useFacilityMutation(api.createFacility);
export const useUpdateFacility = () => useFacilityMutation(({ id, ...patch }: api.FacilityPatch & { id: string }) => api.updateFacility(id, patch));
export const useReportFault = () => useFacilityMutation(({ id, description }: { id: string; description: string }) => api.reportFault(id, description));
export const useStartRepair = () => useFacilityMutation(({ id, ...body }: { id: string; version: number; repairer: string }) => api.startRepair(id, body));
export const useFinishRepair = () => useFacilityMutation(({ id, ...body }: { id: string; version: number; repairResult: string }) => api.finishRepair(id, body));
export const useRetireFacility = () => useFacilityMutation(({ id, version }: { id: string; version: number }) => api.retireFacility(id, version));
export const useReinstateFacility = () => useFacilityMutation(({ id, version }: { id: string; version: number }) => api.reinstateFacility(id, version));
