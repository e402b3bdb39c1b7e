import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createPolicy, listPolicies, previewRule, publishPolicy, type PolicyDraft } from './api.ts';

export const usePolicies = (page: number) => useQuery({ queryKey: ['policies', page], queryFn: () => listPolicies(page), placeholderData: keepPreviousData });

/** The live count of the rule as it is edited (null: nothing to count yet). */
export const useRulePreview = (rule: unknown | null) =>
  useQuery({ queryKey: ['policy-preview', JSON.stringify(rule)], queryFn: () => previewRule(rule), enabled: rule !== null, placeholderData: keepPreviousData, retry: false });

export function useCreateAndPublish() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ draft, publish }: { draft: PolicyDraft; publish: boolean }) => {
      const created = await createPolicy(draft);
      return publish ? publishPolicy(created.id) : created;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['policies'] }),
  });
}
