import type { z } from 'zod';
import type { onlineDraftDto, onlineForm, onlineReviewEntry, submitBody } from '@server/modules/applications/intake/online/contract.ts';
import { api } from '../../../lib/api.ts';

export type OnlineForm = z.infer<typeof onlineForm>;
export type OnlineDraft = z.infer<typeof onlineDraftDto>;
export type OnlineReviewEntry = z.infer<typeof onlineReviewEntry>;
export type OnlineMaterial = { key: string; fileId: string | null; licenseId: string | null };
export type SubmitInput = z.input<typeof submitBody>;
/** an item, or a bundle (一件事) */
export type OnlineKind = 'item' | 'bundle';

const answersParam = (answers: Record<string, string>) =>
  Object.entries(answers)
    .map(([k, v]) => `${k}:${v}`)
    .join(',');

export const getOnlineForm = (kind: OnlineKind, code: string, answers: Record<string, string>) =>
  api.get<OnlineForm>(`/api/portal/online/${kind === 'bundle' ? 'bundles' : 'items'}/${encodeURIComponent(code)}/form`, { answers: answersParam(answers) });
export const getDrafts = () => api.get<OnlineDraft[]>('/api/portal/online/drafts');
export const createDraft = (body: { kind: OnlineKind; itemCode: string; answers: Record<string, string>; materials: OnlineMaterial[] }) => api.post<OnlineDraft>('/api/portal/online/drafts', body);
export const updateDraft = (id: string, body: { answers: Record<string, string>; materials: OnlineMaterial[]; version: number }) => api.put<OnlineDraft>(`/api/portal/online/drafts/${id}`, body);
export const deleteDraft = (id: string) => api.delete<null>(`/api/portal/online/drafts/${id}`);
export const submitOnline = (body: SubmitInput) => api.post<{ applicationId: string; number: string }>('/api/portal/online/applications', body);
export const getOnlineReview = () => api.get<OnlineReviewEntry[]>('/api/applications/online-review');
