import type { z } from 'zod';
import type {
  CenterDto,
  centerInput,
  centerPatch,
  CounterDto,
  counterInput,
  counterPatch,
  region,
  regionInput,
  ZoneDto,
  zoneInput,
  zonePatch,
} from '@server/modules/venue/contract.ts';
import { api } from '../../lib/api.ts';

export type RegionDto = z.infer<typeof region>;
export type RegionInput = z.input<typeof regionInput>;
export type CenterInput = z.input<typeof centerInput>;
export type CenterPatch = z.input<typeof centerPatch>;
export type ZoneInput = z.input<typeof zoneInput>;
export type ZonePatch = z.input<typeof zonePatch>;
export type CounterInput = z.input<typeof counterInput>;
export type CounterPatch = z.input<typeof counterPatch>;

export const listRegions = () => api.get<RegionDto[]>('/api/regions');
export const createRegion = (input: RegionInput) => api.post<RegionDto>('/api/regions', input);

export const listCenters = () => api.get<CenterDto[]>('/api/centers');
export const getCenter = (id: string) => api.get<CenterDto>(`/api/centers/${id}`);
export const createCenter = (input: CenterInput) => api.post<CenterDto>('/api/centers', input);
export const updateCenter = (id: string, patch: CenterPatch) => api.patch<CenterDto>(`/api/centers/${id}`, patch);

export const listZones = (centerId: string) => api.get<ZoneDto[]>(`/api/centers/${centerId}/zones`);
export const createZone = (centerId: string, input: ZoneInput) => api.post<ZoneDto>(`/api/centers/${centerId}/zones`, input);
export const updateZone = (id: string, patch: ZonePatch) => api.patch<ZoneDto>(`/api/zones/${id}`, patch);

export const listCounters = (centerId: string) => api.get<CounterDto[]>(`/api/centers/${centerId}/counters`);
export const createCounter = (centerId: string, input: CounterInput) =>
  api.post<CounterDto>(`/api/centers/${centerId}/counters`, input);
export const updateCounter = (id: string, patch: CounterPatch) => api.patch<CounterDto>(`/api/counters/${id}`, patch);
