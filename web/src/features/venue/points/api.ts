import type { DelegationDto, ItemPlacesDto, PointFiguresDto, PointKind, ServicePointDto } from '@server/modules/venue/points/contract.ts';
import { api } from '../../../lib/api.ts';

export type { DelegationDto, ItemPlacesDto, PointFiguresDto, PointKind, ServicePointDto };

export const listPoints = () => api.get<ServicePointDto[]>('/api/service-points');
export const setPointKind = (id: string, body: { kind: PointKind; version: number }) => api.patch<ServicePointDto>(`/api/service-points/${id}`, body);
export const listDelegations = (pointId: string) => api.get<DelegationDto[]>(`/api/service-points/${pointId}/delegations`);
export const delegateItem = (pointId: string, itemId: string) => api.post<DelegationDto>(`/api/service-points/${pointId}/delegations`, { itemId });
export const publishItem = (pointId: string, itemId: string) => api.post<DelegationDto>(`/api/service-points/${pointId}/published-items`, { itemId });
export const revokeDelegation = (id: string, version: number) => api.post<DelegationDto>(`/api/item-delegations/${id}/revoke`, { version });
export const getPointFigures = (pointId: string) => api.get<PointFiguresDto>(`/api/service-points/${pointId}/figures`, { days: 30 });
export const getItemPlaces = (code: string, townId?: string) => api.get<ItemPlacesDto>(`/api/portal/items/${encodeURIComponent(code)}/places`, { townId });
