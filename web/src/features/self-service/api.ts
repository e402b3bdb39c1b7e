import type { z } from 'zod';
import type { KioskProgressDto, kioskProgressInput } from '@server/modules/applications/self-service/contract.ts';
import type { PickupDto } from '@server/modules/applications/delivery/lockers/contract.ts';
import { api } from '../../lib/api.ts';

export type KioskProgressInput = z.input<typeof kioskProgressInput>;
export type { KioskProgressDto, PickupDto };

// the kiosk (public; the applicant's secret travels in the body)
export const lookupProgress = (input: KioskProgressInput) => api.post<KioskProgressDto>('/api/self-service/progress', input);
export const noticePdf = (noticeId: string, input: KioskProgressInput) => api.download(`/api/self-service/notices/${noticeId}/pdf`, input);
// the smart locker (its key in x-device-key)
export const pickupFromLocker = (key: string, code: string) => api.post<PickupDto>('/api/lockers/pickup', { code }, { headers: { 'x-device-key': key } });
