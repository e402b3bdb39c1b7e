import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from './api.ts';

export const scenarioKeys = {
  all: ['scenarios'] as const,
  providers: ['scenarios', 'providers'] as const,
  scenarios: ['scenarios', 'list'] as const,
  referrals: ['scenarios', 'referrals'] as const,
  portal: ['scenarios-portal'] as const,
  publicList: ['scenarios-portal', 'public'] as const,
  own: ['scenarios-portal', 'own'] as const,
};

export const useProviders = () => useQuery({ queryKey: scenarioKeys.providers, queryFn: a.listProviders });
export const useScenarios = () => useQuery({ queryKey: scenarioKeys.scenarios, queryFn: a.listScenarios });
export const useReferrals = () => useQuery({ queryKey: scenarioKeys.referrals, queryFn: a.listReferrals });
export const usePublicScenarios = () => useQuery({ queryKey: scenarioKeys.publicList, queryFn: a.listPublicScenarios });
export const useOwnReferrals = () => useQuery({ queryKey: scenarioKeys.own, queryFn: a.listOwnReferrals });

/** Every change reloads the lists of its side (staff or portal). */
function useChange<A, R>(run: (arg: A) => Promise<R>, key: readonly string[]) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => void client.invalidateQueries({ queryKey: key }) });
}

export const useRegisterProvider = () => useChange(a.registerProvider, scenarioKeys.all);
export const useDecideProvider = () => useChange((x: { id: string; body: a.DecisionInput }) => a.decideProvider(x.id, x.body), scenarioKeys.all);
export const useCreateScenario = () => useChange(a.createScenario, scenarioKeys.all);
export const useUpdateScenario = () => useChange((x: { id: string; body: a.ScenarioUpdate }) => a.updateScenario(x.id, x.body), scenarioKeys.all);
export const useReferFor = () => useChange(a.referFor, scenarioKeys.all);
export const useRecordOutcome = () => useChange((x: { id: string; body: a.OutcomeInput }) => a.recordOutcome(x.id, x.body), scenarioKeys.all);
export const useReferOwn = () => useChange(a.referOwn, scenarioKeys.portal);
export const useRate = () => useChange((x: { id: string; body: a.RatingInput }) => a.rateReferral(x.id, x.body), scenarioKeys.portal);
