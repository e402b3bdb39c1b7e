import type { CallbackAlertDto, CallbackDetail, CallbackPage, CallbackSummary } from '@server/modules/evaluations/callbacks/contract.ts';
import { api } from '../../../lib/api.ts';

export type { CallbackAlertDto, CallbackDetail, CallbackPage, CallbackSummary };

export type CallbackFilter = { state?: string; overdue?: boolean; departmentId?: string; from?: string; to?: string; page: number; pageSize: number };

const base = (id: string) => `/api/evaluations/callbacks/${id}`;

export const listCallbacks = (f: CallbackFilter) =>
  api.get<CallbackPage>('/api/evaluations/callbacks', { ...f, overdue: f.overdue ? 'true' : undefined });
export const getCallback = (id: string) => api.get<CallbackDetail>(base(id));
export const listCallbackAlerts = () => api.get<CallbackAlertDto[]>('/api/evaluations/callbacks/alerts');

/** The actions on a callback: POST with a body that carries the version the person saw. */
export const act = (id: string, path: string, body: object) => api.post<CallbackDetail>(`${base(id)}/${path}`, body);

export const uploadEvidence = (id: string, version: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<CallbackDetail>('POST', `${base(id)}/rectification/evidence?version=${version}`, form);
};
export const evidenceUrl = (id: string, fileId: string) => `${base(id)}/evidence/${fileId}`;

export const revealRaterPhone = (id: string) => api.post<{ phone: string }>(`${base(id)}/rater-phone`);
