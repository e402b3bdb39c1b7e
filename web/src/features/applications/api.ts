import type { z } from 'zod';
import type {
  ApplicationDetail,
  ApplicationPage,
  DeliveryDto,
  FiguresDto,
  intakeBody,
  MaterialMark,
  OwnApplicationList,
  ProgressDto,
  QueueEntry,
  ApplicationSummary,
} from '@server/modules/applications/contract.ts';
import type { ApplicationState } from '@server/modules/applications/workflow/definition.ts';
import { api } from '../../lib/api.ts';

export type IntakeInput = z.input<typeof intakeBody>;
export type ApplicationFilter = { state?: ApplicationState; q?: string; due?: 'warning' | 'overdue'; page?: number; pageSize?: number };
/** The one search of the application lists: a text (number, applicant, credit code, item) and a state. */
export type SearchFilter = { q?: string; state?: ApplicationState };
export type QueueScope = 'open' | 'mine' | 'department';
export type CurrentTicket = { ticketId: string; displayNumber: string; uscc: string | null; phone: string | null; itemId: string | null } | null;
export type ApplicantLookup = {
  uscc: string;
  name: string | null;
  isRegistered: boolean;
  mayUseCommitment: { allowed: boolean; reason?: string };
  mayUseDeferredMaterials: { allowed: boolean; reason?: string };
};
export type ReceivedFromTicket = { ticketId: string | null; items: { number: string; code: string; name: string }[] };
export type VerificationEntry = { dueDate: string; state: string; isOverdue: boolean; application: ApplicationSummary };

const base = (id: string) => `/api/applications/${id}`;

export const listApplications = (filter: ApplicationFilter) => api.get<ApplicationPage>('/api/applications', filter);
export const getApplication = (id: string) => api.get<ApplicationDetail>(base(id));
export const currentTicket = () => api.get<CurrentTicket>('/api/applications/intake/current-ticket');
export const receivedFromTicket = () => api.get<ReceivedFromTicket>('/api/applications/intake/current-ticket/received');
export const lookupApplicant = (uscc: string) => api.get<ApplicantLookup>('/api/applications/intake/applicant', { uscc });
export const receive = (input: IntakeInput) => api.post<ApplicationDetail>('/api/applications', input);

export const markMaterial = (id: string, key: string, mark: MaterialMark) => api.put<ApplicationDetail>(`${base(id)}/materials/${key}`, mark);
export const uploadMaterial = (id: string, key: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<ApplicationDetail>('POST', `${base(id)}/materials/${key}/file`, form);
};
export const materialFileUrl = (id: string, key: string) => `${base(id)}/materials/${key}/file`;
export const noticeUrl = (id: string, noticeId: string) => `${base(id)}/notices/${noticeId}/pdf`;

/** The counter's decisions and the other application-level actions: POST with a body that carries the version. */
export const act = (id: string, path: string, body: object) => api.post<ApplicationDetail>(`${base(id)}/${path}`, body);
export const taskAction = (taskId: string, path: string, body: object) => api.post<null>(`/api/review/tasks/${taskId}/${path}`, body);

export const reviewQueue = (scope: QueueScope, due?: 'warning' | 'overdue', search: SearchFilter = {}) => api.get<QueueEntry[]>('/api/review/queue', { scope, due, ...search });
export const leadDecisions = () => api.get<ApplicationSummary[]>('/api/review/lead-decisions');
export const verifications = () => api.get<VerificationEntry[]>('/api/review/verifications');
export const reviewers = () => api.get<{ id: string; displayName: string }[]>('/api/review/reviewers');

export const deliveries = (state?: 'awaiting_pickup' | 'mailed', q?: string) => api.get<{ delivery: DeliveryDto; application: ApplicationSummary }[]>('/api/deliveries', { state, q });
export const figures = (range: { from?: string; to?: string }) => api.get<FiguresDto>('/api/application-figures', range);
export const progress = (q: { number: string; checkCode?: string; phone?: string }) => api.get<ProgressDto>('/api/portal/progress', q);

/** 我的办件: the applications of the enterprise signed in on the portal, and its notices' PDFs. */
export const myApplications = () => api.get<OwnApplicationList>('/api/portal/applications');
export const ownNoticeUrl = (id: string, noticeId: string) => `/api/portal/applications/${id}/notices/${noticeId}/pdf`;
