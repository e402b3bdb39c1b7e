import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './api.ts';

const keys = { all: ['online-applying'] as const, review: ['applications', 'online-review'] as const };

export const useOnlineForm = (kind: api.OnlineKind, code: string, answers: Record<string, string>, enabled = true) =>
  useQuery({ queryKey: [...keys.all, 'form', kind, code, answers], queryFn: () => api.getOnlineForm(kind, code, answers), placeholderData: keepPreviousData, enabled });
export const useDrafts = () => useQuery({ queryKey: [...keys.all, 'drafts'], queryFn: api.getDrafts, staleTime: 0, refetchOnMount: 'always' });
export const useOnlineReview = () => useQuery({ queryKey: keys.review, queryFn: api.getOnlineReview, staleTime: 0, refetchOnMount: 'always' });

export function useSaveDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; version: number; kind: api.OnlineKind; itemCode: string; answers: Record<string, string>; materials: api.OnlineMaterial[] }) =>
      input.id ? api.updateDraft(input.id, { answers: input.answers, materials: input.materials, version: input.version }) : api.createDraft({ kind: input.kind, itemCode: input.itemCode, answers: input.answers, materials: input.materials }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...keys.all, 'drafts'] }),
  });
}

export function useDeleteDraft() {
  const client = useQueryClient();
  return useMutation({ mutationFn: api.deleteDraft, onSuccess: () => void client.invalidateQueries({ queryKey: keys.all }) });
}

export function useSubmitOnline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: api.submitOnline,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.all });
      void client.invalidateQueries({ queryKey: ['applications', 'mine'] });
    },
  });
}
