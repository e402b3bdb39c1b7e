import { z } from 'zod';
import { pageQuery } from '../http/schemas.ts';

export const RUN_STATUSES = ['running', 'succeeded', 'partial', 'failed', 'abandoned'] as const;

export const jobName = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,99}$/, '任务名称格式不正确');

export const jobRun = z.object({
  id: z.number(),
  jobName: z.string(),
  trigger: z.enum(['schedule', 'wake', 'manual']),
  scheduledFor: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(RUN_STATUSES),
  itemsDone: z.number(),
  itemsFailed: z.number(),
  error: z.string().nullable(),
  failures: z.array(z.object({ item: z.string(), message: z.string() })),
  owner: z.string(),
});
export type JobRunDto = z.infer<typeof jobRun>;

export const jobSummary = z.object({
  name: z.string(),
  schedule: z.string(),
  nextRunAt: z.string(),
  /** a process holds it right now */
  running: z.boolean(),
  /** an administrator asked for a run that no scheduler has taken yet */
  requestedAt: z.string().nullable(),
  lastRun: jobRun.nullable(),
});
export type JobSummaryDto = z.infer<typeof jobSummary>;

export const jobList = z.object({ items: z.array(jobSummary) });

export const runQuery = z.strictObject({
  job: jobName.optional(),
  status: z.enum(RUN_STATUSES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  ...pageQuery,
});

export const runPage = z.object({ items: z.array(jobRun), total: z.number() });

export const jobParams = z.strictObject({ name: jobName });
