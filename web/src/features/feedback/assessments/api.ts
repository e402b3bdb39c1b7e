import type { z } from 'zod';
import type { FindingDto, ReportDetail, ReportSummary, raiseImprovementInput, reportInput } from '@server/modules/feedback/assessments/contract.ts';
import { api } from '../../../lib/api.ts';

export type { FindingDto, ReportDetail, ReportSummary };
export type ReportInput = z.input<typeof reportInput>;
export type RaiseImprovement = z.input<typeof raiseImprovementInput>;

export const listReports = (kind?: string) => api.get<ReportSummary[]>('/api/assessments', { kind });
export const getReport = (id: string) => api.get<ReportDetail>(`/api/assessments/${id}`);
export const createReport = (input: ReportInput) => api.post<ReportDetail>('/api/assessments', input);
export const addFinding = (id: string, finding: { problem: string; recommendation?: string }) => api.post<ReportDetail>(`/api/assessments/${id}/findings`, finding);
export const raiseImprovement = (id: string, findingId: string, body: RaiseImprovement) => api.post<ReportDetail>(`/api/assessments/${id}/findings/${findingId}/improvement`, body);
export const uploadReportFile = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<{ id: string; filename: string; size: number }>('POST', '/api/assessment-files', form);
};
export const reportFileUrl = (id: string) => `/api/assessments/${id}/file`;
