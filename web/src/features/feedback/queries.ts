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
export function useCreateImprovement() {
  const client = useQueryClient();
  // an improvement may close an experience officer's finding
  return useFeedbackChange(a.createImprovement, () => void client.invalidateQueries({ queryKey: ['experience'] }));
}
export const useSubmitImprovement = () => useFeedbackChange((x: { id: string; body: object }) => a.submitImprovement(x.id, x.body));
export const useRecheckImprovement = () => useFeedbackChange((x: { id: string; body: object }) => a.recheckImprovement(x.id, x.body));

// 首问、首办 (A.1, A.2)
export const inquiryKeys = {
  all: ['inquiries'] as const,
  list: (q: object) => ['inquiries', 'list', q] as const,
  options: ['inquiries', 'options'] as const,
  violations: (f: object) => ['inquiries', 'violations', f] as const,
  notice: ['inquiries', 'notice'] as const,
};

export const useInquiryList = (q: { box: a.InquiryBox; from?: string; to?: string }) => useQuery({ queryKey: inquiryKeys.list(q), queryFn: () => a.listInquiries(q), placeholderData: keepPreviousData });
export const useInquiryOptions = () => useQuery({ queryKey: inquiryKeys.options, queryFn: a.getInquiryOptions, staleTime: 300_000 });
export const useViolations = (f: a.ViolationFilter) => useQuery({ queryKey: inquiryKeys.violations(f), queryFn: () => a.getViolations(f), placeholderData: keepPreviousData });
/** The manager's notice (the side menu's badge): violations flagged to them, not yet handled. */
export const useViolationNotice = (isEnabled: boolean) => useQuery({ queryKey: inquiryKeys.notice, queryFn: a.getViolationNotice, enabled: isEnabled, staleTime: 60_000, refetchInterval: 300_000 });

function useInquiryChange<A, R>(run: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => void client.invalidateQueries({ queryKey: inquiryKeys.all }) });
}
export const useRecordInquiry = () => useInquiryChange(a.recordInquiry);
export const useReplyInquiry = () => useInquiryChange((x: { id: string; version: number; reply: string }) => a.replyInquiry(x.id, { version: x.version, reply: x.reply }));
export const useReceiveInquiry = () => useInquiryChange((x: { id: string; version: number }) => a.receiveInquiry(x.id, { version: x.version }));
export const useHandleViolation = () => useInquiryChange((x: { id: string; version: number; handling: string; note: string }) => a.handleViolation(x.id, { version: x.version, handling: x.handling, note: x.note }));

// 体验员 (9.3): any change reloads officers, tasks and findings, and the improvements (a finding may open one)
export const experienceKeys = {
  officers: ['experience', 'officers'] as const,
  options: ['experience', 'options'] as const,
  tasks: (q: object) => ['experience', 'tasks', q] as const,
  findings: (q: object) => ['experience', 'findings', q] as const,
};

export const useOfficers = () => useQuery({ queryKey: experienceKeys.officers, queryFn: a.listOfficers });
export const useExperienceOptions = () => useQuery({ queryKey: experienceKeys.options, queryFn: a.getExperienceOptions });
export const useExperienceTasks = (q: { state?: string; officerId?: string }) => useQuery({ queryKey: experienceKeys.tasks(q), queryFn: () => a.listExperienceTasks(q), placeholderData: keepPreviousData });
export const useFindings = (q: { state?: string }) => useQuery({ queryKey: experienceKeys.findings(q), queryFn: () => a.listFindings(q), placeholderData: keepPreviousData });

function useExperienceChange<A, R>(run: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['experience'] });
      void client.invalidateQueries({ queryKey: feedbackKeys.all });
    },
  });
}
export const useCreateOfficer = () => useExperienceChange(a.createOfficer);
export const useUpdateOfficer = () => useExperienceChange((x: { id: string; patch: Parameters<typeof a.updateOfficer>[1] }) => a.updateOfficer(x.id, x.patch));
export const useScheduleTask = () => useExperienceChange(a.scheduleExperienceTask);
export const useCancelTask = () => useExperienceChange((x: { id: string; version: number }) => a.cancelExperienceTask(x.id, { version: x.version }));
export const useReportTask = () => useExperienceChange((x: { id: string; body: a.ReportInput }) => a.reportExperienceTask(x.id, x.body));
export const useReplyFinding = () => useExperienceChange((x: { id: string; version: number; reply: string }) => a.replyFinding(x.id, { version: x.version, reply: x.reply }));
