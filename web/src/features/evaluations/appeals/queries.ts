import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callbackKeys } from '../callbacks/queries.ts';
import { createAppeal, decideAppeal, listAppealable, listAppealsToReview, listMyAppeals, uploadAppealEvidence, type AppealInput, type DecideInput } from './api.ts';

export const appealKeys = {
  all: ['evaluations', 'appeals'] as const,
  appealable: ['evaluations', 'appeals', 'appealable'] as const,
  mine: ['evaluations', 'appeals', 'mine'] as const,
  review: (state?: string) => ['evaluations', 'appeals', 'review', state ?? 'all'] as const,
};

export const useAppealable = () => useQuery({ queryKey: appealKeys.appealable, queryFn: listAppealable });
export const useMyAppeals = () => useQuery({ queryKey: appealKeys.mine, queryFn: listMyAppeals });
export const useAppealsToReview = (state?: string) => useQuery({ queryKey: appealKeys.review(state), queryFn: () => listAppealsToReview(state) });

/** Files the appeal with its statement, then uploads the evidence one by one. */
export function useCreateAppeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (v: { input: AppealInput; files: File[] }) => {
      let appeal = await createAppeal(v.input);
      for (const file of v.files) appeal = await uploadAppealEvidence(appeal.id, file);
      return appeal;
    },
    onSettled: () => void client.invalidateQueries({ queryKey: appealKeys.all }),
  });
}

/** A decision may close a callback too: the callbacks reload with the appeals. */
export function useDecideAppeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; input: DecideInput }) => decideAppeal(v.id, v.input),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: appealKeys.all });
      void client.invalidateQueries({ queryKey: callbackKeys.all });
    },
  });
}
