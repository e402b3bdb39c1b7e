import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { downloadUnmaskedExport, evaluationFigures, type FiguresFilter } from './api.ts';

export const useEvaluationFigures = (filter: FiguresFilter) =>
  useQuery({ queryKey: ['evaluations', 'figures', filter], queryFn: () => evaluationFigures(filter), placeholderData: keepPreviousData });

export const useUnmaskedExport = () => useMutation({ mutationFn: downloadUnmaskedExport });
