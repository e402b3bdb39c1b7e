import type { z } from 'zod';
import type { appealBody, AppealDto, AppealRatingDto, decideBody } from '@server/modules/evaluations/appeals/contract.ts';
import { api } from '../../../lib/api.ts';

export type { AppealDto, AppealRatingDto };
export type AppealInput = z.input<typeof appealBody>;
export type DecideInput = z.input<typeof decideBody>;

export const listAppealable = () => api.get<AppealRatingDto[]>('/api/evaluations/appeals/appealable');
export const listMyAppeals = () => api.get<AppealDto[]>('/api/evaluations/appeals/mine');
export const listAppealsToReview = (state?: string) => api.get<AppealDto[]>('/api/evaluations/appeals', { state });

export const createAppeal = (input: AppealInput) => api.post<AppealDto>('/api/evaluations/appeals', input);
export const uploadAppealEvidence = (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<AppealDto>('POST', `/api/evaluations/appeals/${id}/evidence`, form);
};
export const appealEvidenceUrl = (id: string, fileId: string) => `/api/evaluations/appeals/${id}/evidence/${fileId}`;
export const decideAppeal = (id: string, input: DecideInput) => api.post<AppealDto>(`/api/evaluations/appeals/${id}/decide`, input);
