import type { z } from 'zod';
import type { ClerkCounterDto, EvaluatorLinkDto, finishInput, WorkbenchDto, walkInInput } from '@server/modules/queue/counters/contract.ts';
import type { DisplayUpdate } from '@server/modules/queue/display/contract.ts';
import type { EvaluatorSnapshot } from '@server/modules/queue/evaluator/contract.ts';
import type { HistoryFigures, HistoryGroup, LiveFigures } from '@server/modules/queue/figures/contract.ts';
import type { InquiryDto, inquiryInput } from '@server/modules/feedback/inquiries/contract.ts';
import type { KioskSnapshot, kioskTicketInput } from '@server/modules/queue/kiosk/contract.ts';
import type {
  DeviceDto,
  DeviceWithKey,
  deviceInput,
  QueueDto,
  queueInput,
  QueueItemDto,
  queuePatch,
  QueueSettingsDto,
  queueSettingsInput,
} from '@server/modules/queue/settings/contract.ts';
import type { IssuedTicketDto, TicketDto, TicketStatusDto, deskTicketInput } from '@server/modules/queue/tickets/contract.ts';
import type { TicketState } from '@server/modules/queue/contract.ts';
import { api } from '../../lib/api.ts';

export type KioskTicketInput = z.input<typeof kioskTicketInput>;
export type InquiryInput = z.input<typeof inquiryInput>;
export type DeskTicketInput = z.input<typeof deskTicketInput>;
export type WalkInInput = z.input<typeof walkInInput>;
export type QueueInput = z.input<typeof queueInput>;
export type QueuePatch = z.input<typeof queuePatch>;
export type QueueSettingsInput = z.input<typeof queueSettingsInput>;
export type DeviceInput = z.input<typeof deviceInput>;
export type { ClerkCounterDto, DeviceDto, DeviceWithKey, DisplayUpdate, EvaluatorSnapshot, HistoryFigures, HistoryGroup, InquiryDto, IssuedTicketDto, KioskSnapshot, LiveFigures, QueueDto, QueueItemDto, QueueSettingsDto, TicketDto, TicketStatusDto, WorkbenchDto };

// devices (public)
export const getKiosk = (centerId: string) => api.get<KioskSnapshot>(`/api/queue/kiosk/${centerId}`);
export const takeKioskTicket = (centerId: string, input: KioskTicketInput) => api.post<TicketStatusDto>(`/api/queue/kiosk/${centerId}/tickets`, input);
export const getTicketStatus = (token: string) => api.get<TicketStatusDto>(`/api/queue/t/${token}`);
export const cancelByHolder = (token: string) => api.post<TicketStatusDto>(`/api/queue/t/${token}/cancel`);
export const qrUrl = (token: string) => `/api/queue/t/${token}/qr.svg`;
export const displayStreamUrl = (centerId: string, zoneId: string) => `/api/queue/display/${centerId}/${zoneId}/stream`;
export const evaluatorStreamUrl = (counterId: string) => `/api/queue/evaluator/${counterId}/stream`;
export const evaluatorPhotoUrl = (counterId: string, version: string | null) => `/api/queue/evaluator/${counterId}/photo?v=${encodeURIComponent(version ?? '')}`;
export const rateAtEvaluator = (counterId: string, key: string, input: { ticketId: string; level: number; tags: string[]; comment: string }) =>
  api.post<{ ratingId: string; level: number }>(`/api/queue/evaluator/${counterId}/ratings`, input, { headers: { 'x-device-key': key } });

// workbench
export const listMyCounters = () => api.get<ClerkCounterDto[]>('/api/queue/my-counters');
export const getEvaluatorLink = (counterId: string) => api.get<EvaluatorLinkDto>(`/api/queue/counters/${counterId}/evaluator-link`);
export const getWorkbench = (counterId: string) => api.get<WorkbenchDto>(`/api/queue/counters/${counterId}/workbench`);
export const workbenchStreamUrl = (counterId: string) => `/api/queue/counters/${counterId}/workbench/stream`;
export const changeSession = (counterId: string, action: 'open' | 'pause' | 'resume' | 'close') => api.post<WorkbenchDto>(`/api/queue/counters/${counterId}/${action}`);
export const callNext = (counterId: string) => api.post<{ ticket: TicketDto | null }>(`/api/queue/counters/${counterId}/call-next`);
export const serveWalkIn = (counterId: string, input: WalkInInput) => api.post<TicketDto>(`/api/queue/counters/${counterId}/walk-in`, input);
export const ticketAction = (ticketId: string, action: 'recall' | 'start' | 'no-show') => api.post<TicketDto>(`/api/queue/tickets/${ticketId}/${action}`);
export const transferTicket = (ticketId: string, target: { queueId: string | null; counterId: string | null }) => api.post<TicketDto>(`/api/queue/tickets/${ticketId}/transfer`, target);
export const finishTicket = (ticketId: string, input: z.input<typeof finishInput>) => api.post<TicketDto>(`/api/queue/tickets/${ticketId}/finish`, input);

// reception (guidance desk)
/** The guidance desk records inquiries like any staff member (首问), and may take the ticket with it. */
export const recordInquiry = (input: InquiryInput) => api.post<{ inquiry: InquiryDto; issued: IssuedTicketDto | null }>('/api/inquiries', input);
export const listInquiries = (date: string) => api.get<InquiryDto[]>('/api/inquiries', { box: 'center', from: date, to: date });
export const listTickets = (centerId: string, filter: { state?: TicketState; queueId?: string }) => api.get<TicketDto[]>(`/api/queue/centers/${centerId}/tickets`, filter);
export const cancelByDesk = (ticketId: string) => api.post<TicketDto>(`/api/queue/tickets/${ticketId}/cancel`);

// configuration
export const listQueues = (centerId: string) => api.get<QueueDto[]>(`/api/queue/centers/${centerId}/queues`);
export const listQueueItems = (centerId: string) => api.get<QueueItemDto[]>(`/api/queue/centers/${centerId}/items`);
export const createQueue = (centerId: string, input: QueueInput) => api.post<QueueDto>(`/api/queue/centers/${centerId}/queues`, input);
export const updateQueue = (id: string, patch: QueuePatch) => api.patch<QueueDto>(`/api/queue/queues/${id}`, patch);
export const getSettings = (centerId: string) => api.get<QueueSettingsDto>(`/api/queue/centers/${centerId}/settings`);
export const saveSettings = (centerId: string, input: QueueSettingsInput) => api.put<QueueSettingsDto>(`/api/queue/centers/${centerId}/settings`, input);
export const listDevices = (centerId: string) => api.get<DeviceDto[]>(`/api/queue/centers/${centerId}/devices`);
export const createDevice = (centerId: string, input: DeviceInput) => api.post<DeviceWithKey>(`/api/queue/centers/${centerId}/devices`, input);
export const updateDevice = (id: string, patch: { version: number; name?: string; isActive?: boolean }) => api.patch<DeviceDto>(`/api/queue/devices/${id}`, patch);
export const renewDeviceKey = (id: string, version: number) => api.post<DeviceWithKey>(`/api/queue/devices/${id}/key`, { version });

// figures
export const getLiveFigures = (centerId: string) => api.get<LiveFigures>(`/api/queue/centers/${centerId}/figures/live`);
export const getHistoryFigures = (centerId: string, q: { from: string; to: string; by: HistoryGroup }) =>
  api.get<HistoryFigures>(`/api/queue/centers/${centerId}/figures/history`, q);

/** The staff member's own photo, shown on the evaluator (JPG, PNG or WebP, up to 512 KB). */
export function uploadStaffPhoto(staffId: string, file: File): Promise<{ updatedAt: string }> {
  const body = new FormData();
  body.append('file', file);
  return api.upload<{ updatedAt: string }>('PUT', `/api/queue/staff/${staffId}/photo`, body);
}
