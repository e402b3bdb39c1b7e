import type { z } from 'zod';
import type { AgencyItemDto, RequestDetail, RequestSummary, agencyHome, figuresDto, ownRequest } from '@server/modules/agency/contract.ts';
import type { ProjectDto } from '@server/modules/agency/projects/contract.ts';
import { api } from '../../lib/api.ts';

export type { AgencyItemDto, RequestDetail, RequestSummary, ProjectDto };
export type AgencyHome = z.infer<typeof agencyHome>;
export type AgencyFigures = z.infer<typeof figuresDto>;
export type OwnRequest = z.infer<typeof ownRequest>;
export type RequestFilter = { state?: string; mine?: boolean; followUpDue?: boolean; q?: string };

export const listItems = () => api.get<{ items: AgencyItemDto[] }>('/api/agency/items');
export const listPublicItems = () => api.get<{ items: AgencyItemDto[] }>('/api/portal/agency-items');
export const addItem = (body: object) => api.post<{ items: AgencyItemDto[] }>('/api/agency/items', body);
export const updateItem = (id: string, body: object) => api.put<{ items: AgencyItemDto[] }>(`/api/agency/items/${id}`, body);
export const getSettings = () => api.get<{ followUpDays: number }>('/api/agency/settings');
export const setSettings = (body: { followUpDays: number }) => api.put<{ followUpDays: number }>('/api/agency/settings', body);

export const listRequests = (f: RequestFilter) =>
  api.get<{ items: RequestSummary[]; total: number }>('/api/agency/requests', { state: f.state, mine: f.mine ? '1' : undefined, followUpDue: f.followUpDue ? '1' : undefined, q: f.q || undefined });
export const createRequest = (body: object) => api.post<RequestDetail>('/api/agency/requests', body);
export const getRequest = (id: string) => api.get<RequestDetail>(`/api/agency/requests/${id}`);
export const act = (id: string, path: string, body: object) => api.post<RequestDetail>(`/api/agency/requests/${id}/${path}`, body);
export const agreementUrl = (id: string) => `/api/agency/requests/${id}/agreement`;
export const getHome = () => api.get<AgencyHome>('/api/agency/home');
export const getFigures = (q: { from?: string; to?: string }) => api.get<AgencyFigures>('/api/agency/figures', q);

export const listProjects = () => api.get<{ items: ProjectDto[] }>('/api/agency/projects');
export const createProject = (body: object) => api.post<ProjectDto>('/api/agency/projects', body);
export const addMilestone = (id: string, body: object) => api.post<ProjectDto>(`/api/agency/projects/${id}/milestones`, body);
export const completeMilestone = (id: string, milestoneId: string, version: number) => api.post<ProjectDto>(`/api/agency/projects/${id}/milestones/${milestoneId}/done`, { version });

export const listOwn = () => api.get<{ items: OwnRequest[] }>('/api/portal/agency-requests');
export const askOwn = (body: object) => api.post<{ items: OwnRequest[] }>('/api/portal/agency-requests', body);
export const confirmOwn = (id: string, body: object) => api.post<{ items: OwnRequest[] }>(`/api/portal/agency-requests/${id}/confirm`, body);
export const withdrawOwn = (id: string, body: object) => api.post<{ items: OwnRequest[] }>(`/api/portal/agency-requests/${id}/withdraw`, body);
export const ownAgreementUrl = (id: string) => `/api/portal/agency-requests/${id}/agreement`;
