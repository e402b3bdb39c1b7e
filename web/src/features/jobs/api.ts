import type { z } from 'zod';
import type { jobList, runPage, runQuery } from '@server/platform/jobs/contract.ts';
import { api } from '../../lib/api.ts';

export type JobList = z.infer<typeof jobList>;
export type JobSummary = JobList['items'][number];
export type RunPage = z.infer<typeof runPage>;
export type JobRun = RunPage['items'][number];
export type RunFilter = z.infer<typeof runQuery>;

export const listJobs = () => api.get<JobList>('/api/jobs');
export const searchRuns = (filter: RunFilter) => api.get<RunPage>('/api/jobs/runs', filter);
export const runJobNow = (name: string) => api.post<{ ok: true }>(`/api/jobs/${encodeURIComponent(name)}/run`);
