import type { z } from 'zod';
import type { AppointmentDetailDto, AppointmentDto, AppointmentWithQrDto, staffBookingInput } from '@server/modules/appointments/booking/contract.ts';
import type { AvailabilityDto, BookableItemDto, CapacityDayDto, capacityAdjustmentInput, capacityRuleInput } from '@server/modules/appointments/capacity/contract.ts';
import type { CheckInResultDto } from '@server/modules/appointments/check-in/contract.ts';
import type { GuaranteeViewDto } from '@server/modules/appointments/guarantee/contract.ts';
import type { AppointmentSettingsDto, appointmentSettingsInput } from '@server/modules/appointments/settings/contract.ts';
import type { AppointmentBlockDto, DayViewDto } from '@server/modules/appointments/views/contract.ts';
import { api } from '../../lib/api.ts';

export type StaffBookingInput = z.input<typeof staffBookingInput>;
export type CapacityRuleInput = z.input<typeof capacityRuleInput>;
export type CapacityAdjustmentInput = z.input<typeof capacityAdjustmentInput>;
export type AppointmentSettingsInput = z.input<typeof appointmentSettingsInput>;
export type { AppointmentBlockDto, AppointmentDetailDto, AppointmentDto, AppointmentSettingsDto, AppointmentWithQrDto, AvailabilityDto, BookableItemDto, CapacityDayDto, CheckInResultDto, DayViewDto, GuaranteeViewDto };

// portal (public; a signed-in enterprise books under its USCC)
export const listBookableItems = (centerId?: string) => api.get<BookableItemDto[]>('/api/portal/appointments/items', { centerId });
export const getAvailability = (itemId: string, centerId?: string, days = 14) => api.get<AvailabilityDto>('/api/portal/appointments/availability', { itemId, centerId, days });
export const bookOnPortal = (input: { itemId: string; date: string; start: string; phone: string }) => api.post<AppointmentWithQrDto>('/api/portal/appointments', input);
export const lookupOnPortal = (input: { code: string; phone?: string }) => api.post<AppointmentWithQrDto>('/api/portal/appointments/lookup', input);
export const listMine = () => api.get<AppointmentDto[]>('/api/portal/appointments/mine');
export const cancelOnPortal = (code: string, phone?: string) => api.post<AppointmentDto>(`/api/portal/appointments/${code}/cancel`, { phone });
export const rescheduleOnPortal = (code: string, input: { date: string; start: string; phone?: string }) => api.post<AppointmentDto>(`/api/portal/appointments/${code}/reschedule`, input);

// kiosk (public)
export const checkInAtKiosk = (centerId: string, input: { code: string } | { phone: string }) => api.post<CheckInResultDto>(`/api/appointments/kiosk/${centerId}/check-in`, input);

// staff
export const getDayView = (centerId: string, date?: string) => api.get<DayViewDto>('/api/appointments/day', { centerId, date });
export const lookupAppointments = (centerId: string, q: { code?: string; phone?: string; uscc?: string }) => api.get<AppointmentDto[]>('/api/appointments/lookup', { centerId, ...q });
export const getAppointment = (id: string) => api.get<AppointmentDetailDto>(`/api/appointments/${id}`);
export const bookForApplicant = (input: StaffBookingInput) => api.post<AppointmentDto>('/api/appointments', input);
export const cancelForApplicant = (id: string, reason: string) => api.post<AppointmentDto>(`/api/appointments/${id}/cancel`, { reason });
export const rescheduleForApplicant = (id: string, input: { date: string; start: string }) => api.post<AppointmentDto>(`/api/appointments/${id}/reschedule`, input);
export const checkInAtDesk = (id: string) => api.post<CheckInResultDto>(`/api/appointments/${id}/check-in`);
export const getCapacityDay = (centerId: string, date: string) => api.get<CapacityDayDto>('/api/appointments/capacity', { centerId, date });
export const saveCapacityRule = (input: CapacityRuleInput) => api.put<CapacityDayDto>('/api/appointments/capacity/rules', input);
export const addCapacityAdjustment = (input: CapacityAdjustmentInput) => api.post<CapacityDayDto>('/api/appointments/capacity/adjustments', input);
export const removeCapacityAdjustment = (id: string) => api.delete<CapacityDayDto>(`/api/appointments/capacity/adjustments/${id}`);
export const getGuarantee = (centerId: string) => api.get<GuaranteeViewDto>(`/api/appointments/guarantee/${centerId}`);
export const getAppointmentSettings = (centerId: string) => api.get<AppointmentSettingsDto>(`/api/appointments/settings/${centerId}`);
export const saveAppointmentSettings = (centerId: string, input: AppointmentSettingsInput) => api.put<AppointmentSettingsDto>(`/api/appointments/settings/${centerId}`, input);
export const listBlocks = (centerId: string) => api.get<AppointmentBlockDto[]>(`/api/appointments/blocks/${centerId}`);
export const liftBlock = (id: string) => api.delete<{ ok: true }>(`/api/appointments/blocks/${id}`);
