import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { feedbackKeys } from '../queries.ts';
import * as a from './api.ts';

export const assessmentKeys = {
  all: ['assessments'] as const,
  list: (kind?: string) => ['assessments', 'list', kind ?? ''] as const,
  detail: (id: string) => ['assessments', 'detail', id] as const,
};

export const useReports = (kind?: string) => useQuery({ queryKey: assessmentKeys.list(kind), queryFn: () => a.listReports(kind) });
export const useReport = (id: string) => useQuery({ queryKey: assessmentKeys.detail(id), queryFn: () => a.getReport(id) });

/** A change to a report: the answer replaces the report shown; lists (and improvements, for a raised one) reload. */
function useReportChange<A>(run: (arg: A) => Promise<a.ReportDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (report) => {
      client.setQueryData(assessmentKeys.detail(report.id), report);
      void client.invalidateQueries({ queryKey: assessmentKeys.all });
      void client.invalidateQueries({ queryKey: feedbackKeys.all });
    },
  });
}

export const useCreateReport = () => useReportChange(a.createReport);
export const useAddFinding = () => useReportChange((x: { id: string; finding: { problem: string; recommendation?: string } }) => a.addFinding(x.id, x.finding));
export const useRaiseImprovement = () => useReportChange((x: { id: string; findingId: string; body: a.RaiseImprovement }) => a.raiseImprovement(x.id, x.findingId, x.body));
