import type { z } from 'zod';
import type { CallDto, FiguresDto, RecordDto, SessionDto, SignalDto, bookingInput, endInput, recordInput, slotsDto } from '@server/modules/assistance/contract.ts';
import { api } from '../../lib/api.ts';

export type { CallDto, FiguresDto, RecordDto, SessionDto, SignalDto };
export type RecordInput = z.input<typeof recordInput>;
export type EndInput = z.input<typeof endInput>;
export type BookingInput = z.input<typeof bookingInput>;
export type Slots = z.infer<typeof slotsDto>;
export type RecordFilter = { mode?: string; result?: string; followUp?: string; from?: string; to?: string };

export const listItems = () => api.get<{ id: string; name: string }[]>('/api/assistance/items');
export const listRecords = (f: RecordFilter) => api.get<RecordDto[]>('/api/assistance/records', f);
export const createRecord = (input: RecordInput) => api.post<RecordDto>('/api/assistance/records', input);
export const recordFollowUp = (id: string, body: { version: number; result: string }) => api.post<RecordDto>(`/api/assistance/records/${id}/follow-up`, body);
export const getFigures = (q: { from?: string; to?: string }) => api.get<FiguresDto>('/api/assistance/figures', q);

export const listCenterSessions = (scope: 'upcoming' | 'all') => api.get<SessionDto[]>('/api/assistance/video-sessions', { scope });
export const startSession = (id: string, version: number) => api.post<SessionDto>(`/api/assistance/video-sessions/${id}/start`, { version });
export const endSession = (id: string, body: EndInput) => api.post<SessionDto>(`/api/assistance/video-sessions/${id}/end`, body);

export const getSlots = () => api.get<Slots>('/api/portal/assistance/slots');
export const listMySessions = () => api.get<SessionDto[]>('/api/portal/assistance/video-sessions');
export const bookSession = (input: BookingInput) => api.post<SessionDto>('/api/portal/assistance/video-sessions', input);
export const cancelSession = (id: string, version: number) => api.post<SessionDto>(`/api/portal/assistance/video-sessions/${id}/cancel`, { version });

export const callStreamUrl = (id: string) => `/api/assistance/video-sessions/${id}/stream`;
export const sendSignal = (id: string, body: { kind: SignalDto['kind']; payload: Record<string, string | number | null> }) => api.post<{ id: number }>(`/api/assistance/video-sessions/${id}/signals`, body);
export const reportConnected = (id: string) => api.post<{ connectedAt: string }>(`/api/assistance/video-sessions/${id}/connected`);
