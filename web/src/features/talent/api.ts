import type { z } from 'zod';
import type { ProfileDto, RequestDetail, RequestDto, TalentFigures, TalentToday, profileInput, requestInput, stepBody } from '@server/modules/talent/contract.ts';
import { api } from '../../lib/api.ts';

export type { ProfileDto, RequestDetail, RequestDto, TalentFigures, TalentToday };
export type ProfileInput = z.input<typeof profileInput>;
export type RequestInput = z.input<typeof requestInput>;
export type StepInput = z.input<typeof stepBody>;
export type RequestFilter = { state?: string; kind?: string; overdue?: boolean };

export const listProfiles = (q: { category?: string; q?: string }) => api.get<ProfileDto[]>('/api/talent/profiles', { category: q.category, q: q.q || undefined });
export const createProfile = (input: ProfileInput) => api.post<ProfileDto>('/api/talent/profiles', input);
export const verifyProfile = (id: string, version: number) => api.post<ProfileDto>(`/api/talent/profiles/${id}/verify`, { version });
export const documentUrl = (id: string) => `/api/talent/profiles/${id}/document`;
export const uploadDocument = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<{ id: string; filename: string; size: number }>('POST', '/api/talent/documents', form);
};

export const listRequests = (f: RequestFilter) => api.get<RequestDto[]>('/api/talent/requests', { state: f.state, kind: f.kind, overdue: f.overdue ? 'true' : undefined });
export const getRequest = (id: string) => api.get<RequestDetail>(`/api/talent/requests/${id}`);
export const openRequest = (input: RequestInput) => api.post<RequestDetail>('/api/talent/requests', input);
export const takeStep = (id: string, body: StepInput) => api.post<RequestDetail>(`/api/talent/requests/${id}/steps`, body);

export const getToday = () => api.get<TalentToday>('/api/talent/today');
export const getFigures = () => api.get<TalentFigures>('/api/talent/figures');
