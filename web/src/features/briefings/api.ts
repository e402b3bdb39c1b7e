import type { z } from 'zod';
import type { checkInResult, eventDetail, eventInput, eventSummary, overallFigures, ownRegistration, publicEvent, roomDto, staffRegistration } from '@server/modules/briefings/contract.ts';
import { api } from '../../lib/api.ts';

export type EventSummary = z.infer<typeof eventSummary>;
export type EventDetail = z.infer<typeof eventDetail>;
export type EventInput = z.input<typeof eventInput>;
export type PublicEvent = z.infer<typeof publicEvent>;
export type OwnRegistration = z.infer<typeof ownRegistration>;
export type StaffRegistration = z.infer<typeof staffRegistration>;
export type CheckInResult = z.infer<typeof checkInResult>;
export type OverallFigures = z.infer<typeof overallFigures>;
export type Room = z.infer<typeof roomDto>;

export const listEvents = () => api.get<EventSummary[]>('/api/briefings');
export const getEvent = (id: string) => api.get<EventDetail>(`/api/briefings/${id}`);
export const getFigures = () => api.get<OverallFigures>('/api/briefings/figures');
export const listRooms = () => api.get<Room[]>('/api/briefings/rooms');
export const createEvent = (input: EventInput) => api.post<EventDetail>('/api/briefings', input);
export const updateEvent = (id: string, input: EventInput & { version: number }) => api.put<EventDetail>(`/api/briefings/${id}`, input);
export const changeStatus = (id: string, action: 'publish' | 'cancel' | 'hold', version: number) => api.post<EventDetail>(`/api/briefings/${id}/${action}`, { version });
export const listRegistrations = (id: string) => api.get<StaffRegistration[]>(`/api/briefings/${id}/registrations`);
export const checkIn = (id: string, code: string) => api.post<CheckInResult>(`/api/briefings/${id}/check-ins`, { code });
export const uploadMaterial = (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<EventDetail>('POST', `/api/briefings/${id}/materials`, form);
};
export const staffMaterialUrl = (id: string, fileId: string) => `/api/briefings/${id}/materials/${fileId}`;

export const listPublicEvents = () => api.get<PublicEvent[]>('/api/public/briefings');
export const register = (id: string, attendees: { name: string; phone: string }[]) => api.post<OwnRegistration>(`/api/portal/briefings/${id}/registrations`, { attendees });
export const listOwn = () => api.get<OwnRegistration[]>('/api/portal/briefing-registrations');
export const cancelOwn = (id: string) => api.post<OwnRegistration>(`/api/portal/briefing-registrations/${id}/cancel`);
export const giveFeedback = (id: string, input: { satisfaction: number; comment: string }) => api.post<OwnRegistration>(`/api/portal/briefing-registrations/${id}/feedback`, input);
export const ownMaterialUrl = (id: string, fileId: string) => `/api/portal/briefing-registrations/${id}/materials/${fileId}`;
