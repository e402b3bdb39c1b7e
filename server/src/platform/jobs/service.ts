import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import type { JobRunDto, JobSummaryDto } from './contract.ts';
import * as repo from './repository.ts';
import { requestJobRun } from './scheduler.ts';

/** Every scheduled job with its next due time and its latest run. */
export async function listJobs(db: Db, now = new Date()): Promise<JobSummaryDto[]> {
  const [schedules, latest] = await Promise.all([repo.listSchedules(db), repo.latestRuns(db)]);
  const lastOf = new Map(latest.map((r) => [r.jobName, r]));
  return schedules.map((s) => {
    const last = lastOf.get(s.name);
    return {
      name: s.name,
      schedule: s.schedule,
      nextRunAt: s.nextRunAt.toISOString(),
      running: s.leaseUntil !== null && s.leaseUntil.getTime() > now.getTime(),
      requestedAt: s.requestedAt?.toISOString() ?? null,
      lastRun: last ? runDto(last) : null,
    };
  });
}

export async function searchRuns(db: Db, filter: repo.RunFilter): Promise<{ items: JobRunDto[]; total: number }> {
  const { rows, total } = await repo.searchRuns(db, filter);
  return { items: rows.map(runDto), total };
}

/** "Run now": the next free scheduler of any process takes it. */
export async function runJobNow(db: Db, name: string, by: string): Promise<void> {
  if (!(await requestJobRun(db, name, by))) throw notFound('任务');
}

function runDto(r: repo.RunRow): JobRunDto {
  return {
    ...r,
    scheduledFor: r.scheduledFor.toISOString(),
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
