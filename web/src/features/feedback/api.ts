import type { z } from 'zod';
import type { CaseDetail, CaseSummary, PublicCase, caseInput, optionsDto, casePage } from '@server/modules/feedback/cases/contract.ts';
import type { ImprovementDto, publicImprovement } from '@server/modules/feedback/improvements/contract.ts';
import type { responseFigures } from '@server/modules/feedback/figures/service.ts';
import type { listLedger } from '@server/modules/feedback/unresolved/service.ts';
import type { InquiryDto, inquiryInput, inquiryOptions, ViolationDto, ViolationLedger } from '@server/modules/feedback/inquiries/contract.ts';
import type { experienceOptions, TaskDto as ExperienceTaskDto, FindingDto, OfficerDto, officerInput, reportInput } from '@server/modules/feedback/experience/contract.ts';
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

// 首问、首办 (A.1, A.2): first inquiries and their violations
export type { InquiryDto, ViolationDto, ViolationLedger } from '@server/modules/feedback/inquiries/contract.ts';
export type InquiryInput = z.input<typeof inquiryInput>;
export type InquiryBox = 'mine' | 'incoming' | 'center';
export type InquiryOptions = z.infer<typeof inquiryOptions>;
export type ViolationFilter = { from: string; to: string; staffId?: string; kind?: string; state?: string };

export const recordInquiry = (input: InquiryInput) => api.post<{ inquiry: InquiryDto }>('/api/inquiries', input);
export const listInquiries = (q: { box: InquiryBox; from?: string; to?: string }) => api.get<InquiryDto[]>('/api/inquiries', q);
export const getInquiryOptions = () => api.get<InquiryOptions>('/api/inquiry-options');
export const replyInquiry = (id: string, body: { version: number; reply: string }) => api.post<InquiryDto>(`/api/inquiries/${id}/reply`, body);
export const receiveInquiry = (id: string, body: { version: number }) => api.post<InquiryDto>(`/api/inquiries/${id}/receive`, body);
export const revealInquiryContact = (id: string) => api.get<{ personName: string; enterpriseName: string; uscc: string | null; phone: string | null }>(`/api/inquiries/${id}/contact`);
export const getViolations = (f: ViolationFilter) => api.get<ViolationLedger>('/api/inquiry-violations', f);
export const getViolationNotice = () => api.get<{ open: number }>('/api/inquiry-violations/notice');
export const handleViolation = (id: string, body: { version: number; handling: string; note: string }) => api.post<ViolationDto>(`/api/inquiry-violations/${id}/handling`, body);

// 体验员 (9.3)
export type { OfficerDto, TaskDto as ExperienceTaskDto, FindingDto } from '@server/modules/feedback/experience/contract.ts';
export type OfficerInput = z.input<typeof officerInput>;
export type ReportInput = z.input<typeof reportInput>;
export type ExperienceOptions = z.infer<typeof experienceOptions>;

export const listOfficers = () => api.get<OfficerDto[]>('/api/experience-officers');
export const createOfficer = (input: OfficerInput) => api.post<OfficerDto>('/api/experience-officers', input);
export const updateOfficer = (id: string, patch: Partial<OfficerInput> & { version: number; isActive?: boolean }) => api.patch<OfficerDto>(`/api/experience-officers/${id}`, patch);
export const revealOfficerContact = (id: string) => api.get<{ name: string; phone: string | null }>(`/api/experience-officers/${id}/contact`);
export const getExperienceOptions = () => api.get<ExperienceOptions>('/api/experience-options');
export const listExperienceTasks = (q: { state?: string; officerId?: string }) => api.get<ExperienceTaskDto[]>('/api/experience-tasks', q);
export const scheduleExperienceTask = (input: object) => api.post<ExperienceTaskDto>('/api/experience-tasks', input);
export const cancelExperienceTask = (id: string, body: { version: number }) => api.post<ExperienceTaskDto>(`/api/experience-tasks/${id}/cancel`, body);
export const reportExperienceTask = (id: string, body: ReportInput) => api.post<ExperienceTaskDto>(`/api/experience-tasks/${id}/report`, body);
export const listFindings = (q: { state?: string }) => api.get<FindingDto[]>('/api/experience-findings', q);
export const replyFinding = (id: string, body: { version: number; reply: string }) => api.post<FindingDto>(`/api/experience-findings/${id}/reply`, body);
