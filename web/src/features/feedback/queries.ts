import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from './api.ts';

export const feedbackKeys = {
  all: ['feedback'] as const,
  list: (f: a.CaseFilter) => ['feedback', 'cases', f] as const,
  detail: (id: string) => ['feedback', 'case', id] as const,
  options: ['feedback', 'options'] as const,
  ledger: (q: object) => ['feedback', 'ledger', q] as const,
  desk: ['feedback', 'desk'] as const,
  figures: (q: object) => ['feedback', 'figures', q] as const,
  improvements: (q: object) => ['feedback', 'improvements', q] as const,
  publicImprovements: ['feedback', 'public-improvements'] as const,
};

export const useCases = (f: a.CaseFilter) => useQuery({ queryKey: feedbackKeys.list(f), queryFn: () => a.listCases(f), placeholderData: keepPreviousData });
export const useCase = (id: string) => useQuery({ queryKey: feedbackKeys.detail(id), queryFn: () => a.getCase(id) });
export const useFeedbackOptions = () => useQuery({ queryKey: feedbackKeys.options, queryFn: a.getOptions, staleTime: 60_000 });
export const useLedger = (q: { from: string; to: string; state?: string }) => useQuery({ queryKey: feedbackKeys.ledger(q), queryFn: () => a.getLedger(q), placeholderData: keepPreviousData });
export const useIsDesk = (isEnabled: boolean) => useQuery({ queryKey: feedbackKeys.desk, queryFn: a.isDesk, enabled: isEnabled, staleTime: 300_000 });
export const useResponseFigures = (q: { from: string; to: string }) => useQuery({ queryKey: feedbackKeys.figures(q), queryFn: () => a.getFigures(q), placeholderData: keepPreviousData });
export const useImprovements = (q: { state?: string; mine?: boolean }) => useQuery({ queryKey: feedbackKeys.improvements(q), queryFn: () => a.listImprovements(q) });
export const usePublicImprovements = () => useQuery({ queryKey: feedbackKeys.publicImprovements, queryFn: a.listPublicImprovements });

/** Any change in feedback: the answer replaces the case shown; lists and figures reload. */
function useFeedbackChange<A, R>(run: (arg: A) => Promise<R>, onDone?: (result: R) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      onDone?.(result);
      void client.invalidateQueries({ queryKey: feedbackKeys.all });
    },
    onError: () => void client.invalidateQueries({ queryKey: feedbackKeys.all }),
  });
}

export function useCaseAction(id: string) {
  const client = useQueryClient();
  return useFeedbackChange((x: { path: string; body: object }) => a.act(id, x.path, x.body), (detail) => client.setQueryData(feedbackKeys.detail(id), detail));
}
export const useFileCase = () => useFeedbackChange(a.fileCase);
export const useCreateImprovement = () => useFeedbackChange(a.createImprovement);
export const useSubmitImprovement = () => useFeedbackChange((x: { id: string; body: object }) => a.submitImprovement(x.id, x.body));
export const useRecheckImprovement = () => useFeedbackChange((x: { id: string; body: object }) => a.recheckImprovement(x.id, x.body));
