import type { z } from 'zod';
import type { CaseDetail, CaseSummary, PublicCase, caseInput, optionsDto, casePage } from '@server/modules/feedback/cases/contract.ts';
import type { ImprovementDto, publicImprovement } from '@server/modules/feedback/improvements/contract.ts';
import type { responseFigures } from '@server/modules/feedback/figures/service.ts';
import type { listLedger } from '@server/modules/feedback/unresolved/service.ts';
import { api } from '../../lib/api.ts';

export type { CaseDetail, CaseSummary, PublicCase, ImprovementDto };
export type CaseInput = z.input<typeof caseInput>;
export type CasePage = z.infer<typeof casePage>;
export type FeedbackOptions = z.infer<typeof optionsDto>;
export type PublicImprovement = z.infer<typeof publicImprovement>;
export type ResponseFigures = Awaited<ReturnType<typeof responseFigures>>;
export type Ledger = Awaited<ReturnType<typeof listLedger>>;

export type CaseFilter = { kind?: string; state?: string; isOpen?: boolean; overdue?: boolean; q?: string; page: number; pageSize: number };
export type Follow = { number: string; phone?: string; uscc?: string };

export const fileCase = (input: CaseInput) => api.post<{ id: string; number: string; dueOn: string }>('/api/feedback', input);
export const getOptions = () => api.get<FeedbackOptions>('/api/feedback-options');
export const listCases = (f: CaseFilter) =>
  api.get<CasePage>('/api/feedback', { ...f, isOpen: f.isOpen ? 'true' : undefined, overdue: f.overdue ? 'true' : undefined });
export const getCase = (id: string) => api.get<CaseDetail>(`/api/feedback/${id}`);
export const act = (id: string, path: string, body: object) => api.post<CaseDetail>(`/api/feedback/${id}/${path}`, body);
export const revealComplainant = (id: string) => api.get<{ personName: string; enterpriseName: string; uscc: string | null; phone: string | null }>(`/api/feedback/${id}/complainant`);

export const followCase = (f: Follow) => api.get<PublicCase>('/api/feedback/follow', f);
export const rateCase = (f: Follow & { satisfaction: string }) => api.post<PublicCase>('/api/feedback/follow/rating', f);

export const getLedger = (q: { from: string; to: string; state?: string }) => api.get<Ledger>('/api/feedback-unresolved', q);
export const isDesk = () => api.get<{ isDesk: boolean }>('/api/feedback-unresolved/desk');
export const getFigures = (q: { from: string; to: string }) => api.get<ResponseFigures>('/api/feedback-figures', q);

export const listImprovements = (q: { state?: string; mine?: boolean }) => api.get<ImprovementDto[]>('/api/improvements', { state: q.state, mine: q.mine ? 'true' : undefined });
export const createImprovement = (body: object) => api.post<ImprovementDto>('/api/improvements', body);
export const submitImprovement = (id: string, body: object) => api.post<ImprovementDto>(`/api/improvements/${id}/submission`, body);
export const recheckImprovement = (id: string, body: object) => api.post<ImprovementDto>(`/api/improvements/${id}/recheck`, body);
export const listPublicImprovements = () => api.get<PublicImprovement[]>('/api/public/improvements');
