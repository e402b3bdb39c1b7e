import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from './api.ts';

export const surveyKeys = {
  all: ['surveys'] as const,
  list: (state?: string) => ['surveys', 'list', state ?? ''] as const,
  detail: (id: string) => ['surveys', 'detail', id] as const,
  recipients: (id: string) => ['surveys', 'recipients', id] as const,
  results: (id: string) => ['surveys', 'results', id] as const,
  link: (token: string) => ['survey-link', token] as const,
};

export const useSurveys = (state?: string) => useQuery({ queryKey: surveyKeys.list(state), queryFn: () => a.listSurveys(state) });
export const useSurvey = (id: string | undefined) => useQuery({ queryKey: surveyKeys.detail(id ?? ''), queryFn: () => a.getSurvey(id!), enabled: !!id });
export const useRecipients = (id: string) => useQuery({ queryKey: surveyKeys.recipients(id), queryFn: () => a.listRecipients(id) });
export const useResults = (id: string) => useQuery({ queryKey: surveyKeys.results(id), queryFn: () => a.getResults(id) });
/** The public page: a refused link (used, expired, forged) is an answer, not something to retry. */
export const useSurveyLink = (token: string) => useQuery({ queryKey: surveyKeys.link(token), queryFn: () => a.getPublicSurvey(token), retry: false, refetchOnWindowFocus: false });

/** Any change to a survey: the answer replaces the survey shown; lists, recipients and results reload. */
function useSurveyChange<A, R extends a.SurveyDetail | a.SendingResult>(run: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      if ('questions' in result) client.setQueryData(surveyKeys.detail(result.id), result);
      void client.invalidateQueries({ queryKey: surveyKeys.all });
    },
    onError: () => void client.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

export const useCreateSurvey = () => useSurveyChange(a.createSurvey);
export const useUpdateSurvey = () => useSurveyChange((x: { id: string; input: a.SurveyInput & { version: number } }) => a.updateSurvey(x.id, x.input));
export const useOpenSurvey = () => useSurveyChange((x: { id: string; version: number }) => a.openSurvey(x.id, x.version));
export const useCloseSurvey = () => useSurveyChange((x: { id: string; version: number }) => a.closeSurvey(x.id, x.version));
export const useSendSurvey = () => useSurveyChange((x: { id: string; sending: a.Sending }) => a.sendSurvey(x.id, x.sending));
