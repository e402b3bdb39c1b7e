import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './api.ts';

export const ratingKeys = {
  questionSets: ['evaluations', 'question-sets'] as const,
  invitation: (token: string) => ['evaluations', 'invitation', token] as const,
  portal: ['evaluations', 'portal'] as const,
};

/** The question sets change only with a release: fetched once per page load. */
export const useQuestionSets = () => useQuery({ queryKey: ratingKeys.questionSets, queryFn: api.getQuestionSets, staleTime: Infinity });

export const useInvitation = (token: string) => useQuery({ queryKey: ratingKeys.invitation(token), queryFn: () => api.getInvitation(token), retry: false });

/** 追评 through a rating link; the page then shows the rating with it. */
export function useAddByInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (comment: string) => api.addByInvitation(token, { comment }),
    onSuccess: () => client.invalidateQueries({ queryKey: ratingKeys.invitation(token) }),
  });
}

export const usePortalEvaluations = () => useQuery({ queryKey: ratingKeys.portal, queryFn: api.getPortalEvaluations });

export function useRateOnPortal() {
  const client = useQueryClient();
  return useMutation({ mutationFn: api.rateOnPortal, onSuccess: () => client.invalidateQueries({ queryKey: ratingKeys.portal }) });
}

export function useAddOnPortal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { ratingId: string; comment: string }) => api.addOnPortal(v.ratingId, { comment: v.comment }),
    onSuccess: () => client.invalidateQueries({ queryKey: ratingKeys.portal }),
  });
}
