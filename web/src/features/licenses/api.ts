import type { z } from 'zod';
import type { GrantDto, LicenseDto, licenseIssueInput, LicenseStatus, LicenseTypeDto, licenseTypeInput, RedemptionDto } from '@server/modules/licenses/contract.ts';
import { api } from '../../lib/api.ts';

export type LicenseIssueInput = z.input<typeof licenseIssueInput>;
export type LicenseTypeInput = z.input<typeof licenseTypeInput>;
export type LicenseFilter = { q?: string; typeId?: string; status?: LicenseStatus; page?: number; pageSize?: number };
export type LicensePage = { items: LicenseDto[]; total: number; page: number; pageSize: number };

export const listLicenseTypes = () => api.get<LicenseTypeDto[]>('/api/license-types');
export const createLicenseType = (input: LicenseTypeInput) => api.post<LicenseTypeDto>('/api/license-types', input);
export const setLicenseTypeActive = (id: string, input: { isActive: boolean; version: number }) => api.patch<LicenseTypeDto>(`/api/license-types/${id}`, input);

export const searchLicenses = (filter: LicenseFilter) => api.get<LicensePage>('/api/licenses', filter);
export const licensesOfEnterprise = (enterpriseId: string) => api.get<LicenseDto[]>(`/api/enterprises/${enterpriseId}/licenses`);
export const issueLicense = (input: LicenseIssueInput) => api.post<LicenseDto>('/api/licenses', input);
export const revokeLicense = (id: string, input: { reason: string; version: number }) => api.post<LicenseDto>(`/api/licenses/${id}/revoke`, input);
export const uploadLicenseDocument = (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<LicenseDto>('PUT', `/api/licenses/${id}/document`, form);
};
export const libraryDocumentUrl = (id: string) => `/api/licenses/${id}/document`;

// Counter: redeeming a holder's grant
export const redeemGrant = (input: { code: string; applicationRef: string }) => api.post<RedemptionDto>('/api/license-grants/redeem', input);
export const listRedeemed = () => api.get<RedemptionDto[]>('/api/license-grants/redeemed');
export const redeemedDocumentUrl = (grantId: string, licenseId: string) => `/api/license-grants/${grantId}/licenses/${licenseId}/document`;

// Portal: the holder's own licenses and grants
export const ownLicenses = () => api.get<LicenseDto[]>('/api/portal/licenses');
export const ownDocumentUrl = (id: string) => `/api/portal/licenses/${id}/document`;
export const ownGrants = () => api.get<GrantDto[]>('/api/portal/license-grants');
export const createGrant = (typeIds: string[]) => api.post<GrantDto>('/api/portal/license-grants', { typeIds });
export const cancelGrant = (id: string) => api.post<GrantDto>(`/api/portal/license-grants/${id}/cancel`);
