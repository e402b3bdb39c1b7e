import type { z } from 'zod';
import type { KioskProgressDto, kioskProgressInput } from '@server/modules/applications/self-service/contract.ts';
import type { DepositDto, LockerDto, PickupDto } from '@server/modules/applications/delivery/lockers/contract.ts';
import type { KioskGrantDto } from '@server/modules/licenses/grants/kiosk.ts';
import { api } from '../../lib/api.ts';

export type KioskProgressInput = z.input<typeof kioskProgressInput>;
export type { DepositDto, KioskGrantDto, KioskProgressDto, LockerDto, PickupDto };

// the kiosk (public; the applicant's secret travels in the body)
export const lookupProgress = (input: KioskProgressInput) => api.post<KioskProgressDto>('/api/self-service/progress', input);
export const noticePdf = (noticeId: string, input: KioskProgressInput) => api.download(`/api/self-service/notices/${noticeId}/pdf`, input);
// e-license copies after the holder's grant code and credit code (public)
export const redeemLicenseGrant = (centerId: string, body: { code: string; uscc: string }) =>
  api.post<KioskGrantDto>(`/api/self-service/centers/${centerId}/license-grants/redeem`, body);
export const licenseCopyPdf = (grantId: string, licenseId: string, uscc: string) => api.download(`/api/self-service/license-grants/${grantId}/licenses/${licenseId}/pdf`, { uscc });
// the smart locker (its key in x-device-key)
export const pickupFromLocker = (key: string, code: string) => api.post<PickupDto>('/api/lockers/pickup', { code }, { headers: { 'x-device-key': key } });

// the delivery counter (application.deliver): the center's lockers and putting a result in one
export const listLockers = (centerId: string) => api.get<LockerDto[]>(`/api/centers/${centerId}/lockers`);
export const depositInLocker = (applicationId: string, body: { version: number; lockerId: string; phone?: string }) =>
  api.post<DepositDto>(`/api/applications/${applicationId}/delivery/locker`, body);
