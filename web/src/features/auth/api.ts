import type { z } from 'zod';
import type { changePasswordBody, Me, staffLoginBody, TotpEnrolmentDto, TotpStatusDto } from '@server/platform/auth/contract.ts';
import { api } from '../../lib/api.ts';

export type StaffMe = Extract<Me, { type: 'staff' }>;
export type LoginInput = z.input<typeof staffLoginBody>;
export type ChangePasswordInput = z.input<typeof changePasswordBody>;

export const login = (input: LoginInput) => api.post<Me>('/api/auth/login', input);

export const logout = () => api.post<{ ok: true }>('/api/auth/logout');

/** The signed-in account, or null when there is none (asked without a 401, which a browser logs as an error). */
export async function fetchMe(): Promise<Me | null> {
  return (await api.get<{ me: Me | null }>('/api/auth/session')).me;
}

export const changePassword = (input: ChangePasswordInput) => api.post<{ ok: true }>('/api/auth/password', input);

export const fetchTotpStatus = () => api.get<TotpStatusDto>('/api/auth/totp');
export const startTotpEnrolment = (currentPassword: string) => api.post<TotpEnrolmentDto>('/api/auth/totp/enrolment', { currentPassword });
export const confirmTotp = (totp: string) => api.post<{ ok: true }>('/api/auth/totp/confirm', { totp });
export const disableTotp = (totp: string) => api.post<{ ok: true }>('/api/auth/totp/disable', { totp });
