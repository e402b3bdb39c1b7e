import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as s from './api.ts';

const settingsKey = ['evaluations', 'settings'] as const;

export const useEvaluationSettings = () => useQuery({ queryKey: settingsKey, queryFn: s.getEvaluationSettings });

export function useSaveEvaluationSettings() {
  const client = useQueryClient();
  return useMutation({ mutationFn: s.saveEvaluationSettings, onSettled: () => client.invalidateQueries({ queryKey: settingsKey }) });
}
