import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from './api.ts';

export const talentKeys = {
  all: ['talent'] as const,
  profiles: (q: object) => ['talent', 'profiles', q] as const,
  requests: (f: a.RequestFilter) => ['talent', 'requests', f] as const,
  request: (id: string) => ['talent', 'request', id] as const,
  today: ['talent', 'today'] as const,
  figures: ['talent', 'figures'] as const,
};

export const useProfiles = (q: { category?: string; q?: string }) => useQuery({ queryKey: talentKeys.profiles(q), queryFn: () => a.listProfiles(q) });
export const useRequests = (f: a.RequestFilter) => useQuery({ queryKey: talentKeys.requests(f), queryFn: () => a.listRequests(f) });
export const useRequest = (id: string) => useQuery({ queryKey: talentKeys.request(id), queryFn: () => a.getRequest(id) });
export const useTalentToday = (enabled: boolean) => useQuery({ queryKey: talentKeys.today, queryFn: a.getToday, enabled });
export const useTalentFigures = () => useQuery({ queryKey: talentKeys.figures, queryFn: a.getFigures });

/** Every change reloads the talent lists; a request's answer replaces the request shown. */
function useTalentChange<A, R>(run: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'steps' in result) client.setQueryData(talentKeys.request((result as unknown as a.RequestDetail).id), result);
      void client.invalidateQueries({ queryKey: talentKeys.all });
    },
  });
}

export const useCreateProfile = () => useTalentChange(a.createProfile);
export const useVerifyProfile = () => useTalentChange((p: { id: string; version: number }) => a.verifyProfile(p.id, p.version));
export const useOpenRequest = () => useTalentChange(a.openRequest);
export const useTakeStep = () => useTalentChange((x: { id: string; body: a.StepInput }) => a.takeStep(x.id, x.body));
