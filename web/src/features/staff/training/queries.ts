import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from './api.ts';

export const trainingKeys = {
  all: ['training'] as const,
  courses: ['training', 'courses'] as const,
  course: (id: string) => ['training', 'course', id] as const,
  certificates: ['training', 'certificates'] as const,
  expiring: (days: number) => ['training', 'expiring', days] as const,
  rules: ['training', 'rules'] as const,
  conduct: (month: string) => ['training', 'conduct', month] as const,
  summary: (month: string) => ['training', 'summary', month] as const,
};

export const useCourses = () => useQuery({ queryKey: trainingKeys.courses, queryFn: a.listCourses });
export const useCourse = (id: string) => useQuery({ queryKey: trainingKeys.course(id), queryFn: () => a.getCourse(id) });
export const useCertificates = () => useQuery({ queryKey: trainingKeys.certificates, queryFn: () => a.listCertificates() });
export const useExpiring = (days: number, isEnabled = true) => useQuery({ queryKey: trainingKeys.expiring(days), queryFn: () => a.listExpiring(days), enabled: isEnabled });
export const useRules = () => useQuery({ queryKey: trainingKeys.rules, queryFn: a.listRules });
export const useConduct = (month: string) => useQuery({ queryKey: trainingKeys.conduct(month), queryFn: () => a.listConduct(month) });
export const useConductSummary = (month: string) => useQuery({ queryKey: trainingKeys.summary(month), queryFn: () => a.conductSummary(month) });

/** Every change reloads what training shows: a certificate changes the expiring list, an exam the certificates. */
function useTrainingChange<A, R>(run: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => client.invalidateQueries({ queryKey: trainingKeys.all }) });
}

export const useCreateCourse = () => useTrainingChange(a.createCourse);
export const useRecordSession = () => useTrainingChange((x: { id: string; input: a.SessionInput }) => a.recordSession(x.id, x.input));
export const useRecordExam = () => useTrainingChange((x: { id: string; input: a.ExamInput }) => a.recordExam(x.id, x.input));
export const useRecordCertificate = () => useTrainingChange(a.recordCertificate);
export const useCreateRule = () => useTrainingChange(a.createRule);
export const useDeleteRule = () => useTrainingChange(a.deleteRule);
export const useRecordConduct = () => useTrainingChange(a.recordConduct);
