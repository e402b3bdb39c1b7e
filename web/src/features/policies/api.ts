import type { z } from 'zod';
import type { policy, policyPage, previewResult } from '@server/modules/policies/contract.ts';
import { api } from '../../lib/api.ts';

export type Policy = z.infer<typeof policy>;
export type PolicyPage = z.infer<typeof policyPage>;
export type Preview = z.infer<typeof previewResult>;
export type PolicyDraft = {
  title: string;
  issuingDepartment: string;
  kind: Policy['kind'];
  mode: Policy['mode'];
  validFrom: string | null;
  validTo: string | null;
  interpretation: string;
  amountRule: { kind: 'fixed'; amount: number };
  rule: unknown;
};

export const listPolicies = (page: number) => api.get<PolicyPage>('/api/policies', { page, pageSize: 20 });
export const previewRule = (rule: unknown) => api.post<Preview>('/api/policies/preview', { rule });
export const createPolicy = (draft: PolicyDraft) => api.post<Policy>('/api/policies', draft);
export const publishPolicy = (id: string) => api.post<Policy>(`/api/policies/${id}/publish`);
