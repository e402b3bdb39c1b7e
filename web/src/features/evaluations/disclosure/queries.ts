import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { evaluationDisclosure } from './api.ts';

export const useEvaluationDisclosure = (month?: string) =>
  useQuery({ queryKey: ['portal', 'evaluation-disclosure', month ?? 'current'], queryFn: () => evaluationDisclosure(month), placeholderData: keepPreviousData });
