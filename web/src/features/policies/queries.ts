import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './api.ts';
import type { ApplyBody, Grant, PolicyDraft } from './api.ts';

// the policy officer and the departments

export const usePolicies = (page: number, q: string) => useQuery({ queryKey: ['policies', page, q], queryFn: () => api.listPolicies(page, q), placeholderData: keepPreviousData });
export const usePolicy = (id: string) => useQuery({ queryKey: ['policy', id], queryFn: () => api.getPolicy(id) });
export const usePolicyOptions = () => useQuery({ queryKey: ['policy-options'], queryFn: api.getPolicyOptions, staleTime: 60_000 });
export const usePolicyFigures = (id: string) => useQuery({ queryKey: ['policy', id, 'figures'], queryFn: () => api.getFigures(id) });
export const useMatches = (id: string, page: number) => useQuery({ queryKey: ['policy', id, 'matches', page], queryFn: () => api.getMatches(id, page), placeholderData: keepPreviousData });
export const useExplanation = (id: string, uscc: string | null) =>
  useQuery({ queryKey: ['policy', id, 'explain', uscc], queryFn: () => api.getExplanation(id, uscc!), enabled: uscc !== null });
export const usePolicyApplications = (id: string) => useQuery({ queryKey: ['policy', id, 'applications'], queryFn: () => api.getPolicyApplications(id) });

/** The live count of the rule as it is edited (null: nothing to count yet). */
export const useRulePreview = (rule: unknown) =>
  useQuery({ queryKey: ['policy-preview', JSON.stringify(rule)], queryFn: () => api.previewRule(rule), enabled: rule !== null, placeholderData: keepPreviousData, retry: false });

/** Saves a new policy (optionally publishing it at once) or the changes to one. */
export function useSavePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, draft, publish }: { id?: string; version?: number; draft: PolicyDraft; publish: boolean }) => {
      const saved = id ? await api.updatePolicy(id, { ...draft, version: version! }) : await api.createPolicy(draft);
      return publish && saved.status === 'draft' ? api.publishPolicy(saved.id) : saved;
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['policies'] });
      void client.invalidateQueries({ queryKey: ['policy', saved.id] });
    },
  });
}

export function usePolicyAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, version }: { id: string; action: 'publish' | 'withdraw'; version: number }) => (action === 'publish' ? api.publishPolicy(id) : api.withdrawPolicy(id, version)),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['policies'] });
      void client.invalidateQueries({ queryKey: ['policy', saved.id] });
    },
  });
}

export const useGrants = (q: { policyId?: string; status?: Grant['status']; scope: 'all' | 'mine'; page: number }) =>
  useQuery({ queryKey: ['policy-grants', q], queryFn: () => api.listGrants(q), placeholderData: keepPreviousData });

export function useVerifyGrants() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, decision, reason }: { ids: string[]; decision: 'confirm' | 'reject'; reason: string }) =>
      ids.length === 1 ? api.verifyGrant(ids[0]!, decision, reason).then((g) => [g]) : api.verifyGrants(ids, decision, reason),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['policy-grants'] });
      void client.invalidateQueries({ queryKey: ['policy'] });
    },
  });
}

export function useSetDisbursement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disbursement }: { id: string; disbursement: 'in_progress' | 'disbursed' | 'failed' }) => api.setDisbursement(id, disbursement),
    onSettled: () => void client.invalidateQueries({ queryKey: ['policy-grants'] }),
  });
}

// the portal

export const usePublicPolicies = () => useQuery({ queryKey: ['public-policies'], queryFn: api.listPublicPolicies });
export const usePublicPolicy = (id: string) => useQuery({ queryKey: ['public-policies', id], queryFn: () => api.getPublicPolicy(id) });
export const useCalculation = () => useMutation({ mutationFn: api.calculateFor });
export const useOwnCalculation = (enabled: boolean) => useQuery({ queryKey: ['own-policies', 'calculation'], queryFn: api.getOwnCalculation, enabled });
export const useOwnExplanation = (policyId: string, enabled: boolean) =>
  useQuery({ queryKey: ['own-policies', 'explain', policyId], queryFn: () => api.getOwnExplanation(policyId), enabled });
export const useInbox = () => useQuery({ queryKey: ['own-policies', 'inbox'], queryFn: api.getInbox });
export const useOptOut = () => useQuery({ queryKey: ['own-policies', 'opt-out'], queryFn: api.getOptOut });
export const useOwnGrants = () => useQuery({ queryKey: ['own-policies', 'grants'], queryFn: api.getOwnGrants });
export const useOwnApplications = () => useQuery({ queryKey: ['own-policies', 'applications'], queryFn: api.getOwnApplications });
export const useOwnProgress = (applicationId: string | null) =>
  useQuery({ queryKey: ['own-policies', 'progress', applicationId], queryFn: () => api.getOwnProgress(applicationId!), enabled: applicationId !== null });
export const useApplicationForm = (policyId: string, answers: Record<string, string>) =>
  useQuery({ queryKey: ['own-policies', 'form', policyId, answers], queryFn: () => api.getApplicationForm(policyId, answers), placeholderData: keepPreviousData });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({ mutationFn: api.markRead, onSuccess: () => void client.invalidateQueries({ queryKey: ['own-policies', 'inbox'] }) });
}

export function useSetOptOut() {
  const client = useQueryClient();
  return useMutation({ mutationFn: api.setOptOut, onSuccess: (data) => client.setQueryData(['own-policies', 'opt-out'], data) });
}

export const useUploadMaterial = () => useMutation({ mutationFn: api.uploadMaterial });

export function useApplyForPolicy(policyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyBody) => api.applyForPolicy(policyId, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['own-policies'] }),
  });
}

export function useSupplyMaterial(applicationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ key, file }: { key: string; file: File }) => api.supplyMaterial(applicationId, key, (await api.uploadMaterial(file)).id),
    onSuccess: (progress) => {
      client.setQueryData(['own-policies', 'progress', applicationId], progress);
      void client.invalidateQueries({ queryKey: ['own-policies', 'applications'] });
    },
  });
}
