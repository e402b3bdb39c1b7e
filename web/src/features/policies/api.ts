import type { z } from 'zod';
import type {
  applicationForm,
  calculatorInput,
  calculatorResult,
  explanation,
  grant,
  grantPage,
  inboxEntry,
  matchPage,
  policy,
  policyApplication,
  policyOptions,
  policyPage,
  previewResult,
  publicPolicy,
  pushFigures,
} from '@server/modules/policies/contract.ts';
import type { ownProgressDto, uploadedFile } from '@server/modules/applications/contract.ts';
import { api } from '../../lib/api.ts';

export type Policy = z.infer<typeof policy>;
export type PolicyPage = z.infer<typeof policyPage>;
export type Preview = z.infer<typeof previewResult>;
export type PolicyOptions = z.infer<typeof policyOptions>;
export type PushFigures = z.infer<typeof pushFigures>;
export type MatchPage = z.infer<typeof matchPage>;
export type Grant = z.infer<typeof grant>;
export type GrantPage = z.infer<typeof grantPage>;
export type PolicyApplication = z.infer<typeof policyApplication>;
export type PublicPolicy = z.infer<typeof publicPolicy>;
export type InboxEntry = z.infer<typeof inboxEntry>;
export type Explanation = z.infer<typeof explanation>;
export type CalculatorInput = z.input<typeof calculatorInput>;
export type CalculatorResult = z.infer<typeof calculatorResult>;
export type ApplicationForm = z.infer<typeof applicationForm>;
export type OwnProgress = z.infer<typeof ownProgressDto>;
export type UploadedFile = z.infer<typeof uploadedFile>;
export type AmountRule = Policy['amountRule'];

/** What the editor sends: a new policy, or the changes to one (with the version seen). */
export type PolicyDraft = {
  title: string;
  issuingDepartment: string;
  kind: Policy['kind'];
  mode: Policy['mode'];
  legalBasisName: string;
  legalBasisNumber: string;
  summary: string;
  validFrom: string | null;
  validTo: string | null;
  interpretation: string;
  amountRule: AmountRule;
  departmentId: string | null;
  itemId: string | null;
  materials: Policy['materials'];
  rule: unknown;
};
export type ApplyBody = {
  answers: Record<string, string>;
  contactPhone: string;
  materials: { key: string; fileId: string | null; licenseId: string | null }[];
};

// the policy officer and the departments
export const listPolicies = (page: number, q: string) => api.get<PolicyPage>('/api/policies', { page, pageSize: 20, q });
export const getPolicy = (id: string) => api.get<Policy>(`/api/policies/${id}`);
export const getPolicyOptions = () => api.get<PolicyOptions>('/api/policies/options');
export const previewRule = (rule: unknown) => api.post<Preview>('/api/policies/preview', { rule });
export const createPolicy = (draft: PolicyDraft) => api.post<Policy>('/api/policies', draft);
export const updatePolicy = (id: string, draft: Partial<PolicyDraft> & { version: number }) => api.patch<Policy>(`/api/policies/${id}`, draft);
export const publishPolicy = (id: string) => api.post<Policy>(`/api/policies/${id}/publish`);
export const withdrawPolicy = (id: string, version: number) => api.post<Policy>(`/api/policies/${id}/withdraw`, { version });
export const getFigures = (id: string) => api.get<PushFigures>(`/api/policies/${id}/figures`);
export const getMatches = (id: string, page: number) => api.get<MatchPage>(`/api/policies/${id}/matches`, { page, pageSize: 20 });
export const getExplanation = (id: string, uscc: string) => api.get<Explanation>(`/api/policies/${id}/explain/${uscc}`);
export const getPolicyApplications = (id: string) => api.get<PolicyApplication[]>(`/api/policies/${id}/applications`);
export const listGrants = (q: { policyId?: string; status?: Grant['status']; scope: 'all' | 'mine'; page: number }) =>
  api.get<GrantPage>('/api/policy-grants', { ...q, pageSize: 50 });
export const verifyGrant = (id: string, decision: 'confirm' | 'reject', reason: string) => api.post<Grant>(`/api/policy-grants/${id}/verify`, { decision, reason });
export const verifyGrants = (ids: string[], decision: 'confirm' | 'reject', reason: string) => api.post<Grant[]>('/api/policy-grants/verify', { ids, decision, reason });
export const setDisbursement = (id: string, disbursement: 'in_progress' | 'disbursed' | 'failed') => api.post<Grant>(`/api/policy-grants/${id}/disbursement`, { disbursement });

// the public portal
export const listPublicPolicies = () => api.get<PublicPolicy[]>('/api/public/policies');
export const getPublicPolicy = (id: string) => api.get<PublicPolicy>(`/api/public/policies/${id}`);
export const calculateFor = (input: CalculatorInput) => api.post<CalculatorResult>('/api/public/policy-calculator', input);

// the enterprise signed in on the portal
export const getInbox = () => api.get<InboxEntry[]>('/api/portal/policy-inbox');
export const markRead = (id: string) => api.post<void>(`/api/portal/policy-inbox/${id}/read`);
export const getOptOut = () => api.get<{ optedOut: boolean }>('/api/portal/policy-opt-out');
export const setOptOut = (optedOut: boolean) => api.put<{ optedOut: boolean }>('/api/portal/policy-opt-out', { optedOut });
export const getOwnGrants = () => api.get<Grant[]>('/api/portal/policy-grants');
export const getOwnCalculation = () => api.get<CalculatorResult>('/api/portal/policy-calculator');
export const getOwnExplanation = (policyId: string) => api.get<Explanation>(`/api/portal/policies/${policyId}/explanation`);
export const getApplicationForm = (policyId: string, answers: Record<string, string>) =>
  api.get<ApplicationForm>(`/api/portal/policies/${policyId}/application-form`, {
    answers: Object.entries(answers)
      .map(([k, v]) => `${k}:${v}`)
      .join(','),
  });
export const uploadMaterial = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<UploadedFile>('POST', '/api/portal/application-uploads', form);
};
export const applyForPolicy = (policyId: string, body: ApplyBody) => api.post<{ applicationId: string; number: string }>(`/api/portal/policies/${policyId}/applications`, body);
export const getOwnApplications = () => api.get<PolicyApplication[]>('/api/portal/policy-applications');
export const getOwnProgress = (applicationId: string) => api.get<OwnProgress>(`/api/portal/applications/${applicationId}/progress`);
export const supplyMaterial = (applicationId: string, key: string, fileId: string) => api.put<OwnProgress>(`/api/portal/applications/${applicationId}/materials/${key}`, { fileId });
