import type { z } from 'zod';
import type {
  CertificateDto,
  certificateInput,
  ConductDto,
  conductInput,
  ConductSummary,
  CourseDetail,
  courseInput,
  CourseSummary,
  examInput,
  RuleDto,
  ruleInput,
  sessionInput,
} from '@server/modules/staff/training/contract.ts';
import { api } from '../../../lib/api.ts';

export type { CertificateDto, ConductDto, ConductSummary, CourseDetail, CourseSummary, RuleDto };
export type CertificateInput = z.input<typeof certificateInput>;
export type CourseInput = z.input<typeof courseInput>;
export type SessionInput = z.input<typeof sessionInput>;
export type ExamInput = z.input<typeof examInput>;
export type RuleInput = z.input<typeof ruleInput>;
export type ConductInput = z.input<typeof conductInput>;

export const listCourses = () => api.get<CourseSummary[]>('/api/training/courses');
export const getCourse = (id: string) => api.get<CourseDetail>(`/api/training/courses/${id}`);
export const createCourse = (input: CourseInput) => api.post<CourseDetail>('/api/training/courses', input);
export const recordSession = (id: string, input: SessionInput) => api.post<CourseDetail>(`/api/training/courses/${id}/sessions`, input);
export const recordExam = (id: string, input: ExamInput) => api.post<CourseDetail>(`/api/training/courses/${id}/exams`, input);
export const listCertificates = (staffId?: string) => api.get<CertificateDto[]>('/api/training/certificates', { staffId });
export const listExpiring = (days?: number) => api.get<CertificateDto[]>('/api/training/certificates/expiring', { days });
export const recordCertificate = (input: CertificateInput) => api.post<CertificateDto>('/api/training/certificates', input);
export const listRules = () => api.get<RuleDto[]>('/api/training/rules');
export const createRule = (input: RuleInput) => api.post<RuleDto>('/api/training/rules', input);
export const deleteRule = (id: string) => api.delete<void>(`/api/training/rules/${id}`);
export const listConduct = (month?: string) => api.get<ConductDto[]>('/api/training/conduct', { month });
export const conductSummary = (month?: string) => api.get<ConductSummary>('/api/training/conduct/summary', { month });
export const recordConduct = (input: ConductInput) => api.post<ConductDto>('/api/training/conduct', input);
