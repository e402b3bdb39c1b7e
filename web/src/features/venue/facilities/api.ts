import type { z } from 'zod';
import type { AccessibilityDto, FacilityDetail, FacilityDto, FacilityFigures, FacilityStatus, facilityInput, facilityPatch } from '@server/modules/venue/facilities/contract.ts';
import { api, withQuery } from '../../../lib/api.ts';

export type { AccessibilityDto, FacilityDetail, FacilityDto, FacilityFigures, FacilityStatus };
export type FacilityInput = z.input<typeof facilityInput>;
export type FacilityPatch = z.input<typeof facilityPatch>;
export type FacilityFilter = { status?: FacilityStatus; openFault?: boolean };

export const listFacilities = (filter: FacilityFilter) =>
  api.get<FacilityDto[]>(withQuery('/api/facilities', { status: filter.status, openFault: filter.openFault ? 'true' : undefined }));
export const getFacility = (id: string) => api.get<FacilityDetail>(`/api/facilities/${id}`);
export const getFacilityFigures = () => api.get<FacilityFigures>('/api/facility-figures');
export const createFacility = (input: FacilityInput) => api.post<FacilityDetail>('/api/facilities', input);
export const updateFacility = (id: string, patch: FacilityPatch) => api.patch<FacilityDetail>(`/api/facilities/${id}`, patch);
export const reportFault = (id: string, description: string) => api.post<FacilityDetail>(`/api/facilities/${id}/faults`, { description });
export const startRepair = (id: string, body: { version: number; repairer: string }) => api.post<FacilityDetail>(`/api/facilities/${id}/repair-start`, body);
export const finishRepair = (id: string, body: { version: number; repairResult: string }) => api.post<FacilityDetail>(`/api/facilities/${id}/repair-finish`, body);
export const retireFacility = (id: string, version: number) => api.post<FacilityDetail>(`/api/facilities/${id}/retire`, { version });
export const reinstateFacility = (id: string, version: number) => api.post<FacilityDetail>(`/api/facilities/${id}/reinstate`, { version });
export const getAccessibility = (centerId: string) => api.get<AccessibilityDto>(`/api/portal/centers/${centerId}/accessibility`);
