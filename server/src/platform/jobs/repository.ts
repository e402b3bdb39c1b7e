import { and, count, desc, eq, gte, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/database.ts';
import { jobRuns, jobSchedules } from './tables.ts';

export type ScheduleRow = typeof jobSchedules.$inferSelect;
export type RunRow = typeof jobRuns.$inferSelect;
export type RunStatus = RunRow['status'];
export type RunTrigger = RunRow['trigger'];

/** Adds the jobs this process knows; a changed schedule takes effect from its next due time. */
export async function upsertSchedules(db: DbOrTx, rows: { name: string; schedule: string; nextRunAt: Date }[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(jobSchedules)
    .values(rows)
    .onConflictDoUpdate({
      target: jobSchedules.name,
      set: {
        schedule: sql`excluded.schedule`,
        nextRunAt: sql`case when ${jobSchedules.schedule} = excluded.schedule then ${jobSchedules.nextRunAt} else excluded.next_run_at end`,
      },
      setWhere: sql`${jobSchedules.schedule} <> excluded.schedule`,
    });
}

export type Claimed = { row: ScheduleRow; dbNow: Date };

/**
 * Locks one job that is free (no lease, or an expired one) and due, requested, or woken,
 * skipping rows another scheduler holds locked. Call inside a short transaction.
 */
export async function lockClaimable(tx: DbOrTx, names: string[], woken: string[]): Promise<Claimed | null> {
  if (names.length === 0) return null;
  const [row] = await tx
    .select({ row: jobSchedules, dbNow: sql<string>`now()`.mapWith((v: string | Date) => new Date(v)) })
    .from(jobSchedules)
    .where(
      and(
        inArray(jobSchedules.name, names),
        or(sql`${jobSchedules.leaseUntil} is null`, lt(jobSchedules.leaseUntil, sql`now()`)),
        or(
          lte(jobSchedules.nextRunAt, sql`now()`),
          isNotNull(jobSchedules.requestedAt),
          woken.length ? inArray(jobSchedules.name, woken) : sql`false`,
        ),
      ),
    )
    .orderBy(jobSchedules.nextRunAt)
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

/** A run whose process went away without finishing it (its lease ran out). */
export async function abandonRun(tx: DbOrTx, runId: number): Promise<void> {
  await tx
    .update(jobRuns)
    .set({ status: 'abandoned', finishedAt: sql`now()`, error: '执行进程未结束此次运行（租约过期）' })
    .where(and(eq(jobRuns.id, runId), eq(jobRuns.status, 'running')));
}

export async function insertRun(
  tx: DbOrTx,
  run: { jobName: string; trigger: RunTrigger; scheduledFor: Date; owner: string },
): Promise<number | null> {
  const [row] = await tx.insert(jobRuns).values(run).onConflictDoNothing().returning({ id: jobRuns.id });
  return row?.id ?? null;
}

export async function takeLease(
  tx: DbOrTx,
  name: string,
  lease: { owner: string; ms: number; runId: number | null; nextRunAt: Date; clearRequest: boolean },
): Promise<void> {
  await tx
    .update(jobSchedules)
    .set({
      nextRunAt: lease.nextRunAt,
      leaseOwner: lease.runId === null ? null : lease.owner,
      leaseUntil: lease.runId === null ? null : sql`now() + ${`${lease.ms} milliseconds`}::interval`,
      currentRunId: lease.runId,
      ...(lease.clearRequest ? { requestedAt: null, requestedBy: null } : {}),
    })
    .where(eq(jobSchedules.name, name));
}

export async function renewLease(db: DbOrTx, name: string, owner: string, ms: number): Promise<void> {
  await db
    .update(jobSchedules)
    .set({ leaseUntil: sql`now() + ${`${ms} milliseconds`}::interval` })
    .where(and(eq(jobSchedules.name, name), eq(jobSchedules.leaseOwner, owner)));
}

export async function finishRun(
  db: Db,
  run: { id: number; jobName: string; owner: string; status: RunStatus; itemsDone: number; itemsFailed: number; error: string | null; failures: { item: string; message: string }[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(jobRuns)
      .set({
        status: run.status,
        finishedAt: sql`now()`,
        itemsDone: run.itemsDone,
        itemsFailed: run.itemsFailed,
        error: run.error,
        failures: run.failures,
      })
      .where(eq(jobRuns.id, run.id));
    await tx
      .update(jobSchedules)
      .set({ leaseOwner: null, leaseUntil: null, currentRunId: null })
      .where(and(eq(jobSchedules.name, run.jobName), eq(jobSchedules.leaseOwner, run.owner), eq(jobSchedules.currentRunId, run.id)));
  });
}

/** When a scheduler should look again: the earliest moment one of these jobs is due and free. */
export async function nextWake(db: DbOrTx, names: string[]): Promise<Date | null> {
  if (names.length === 0) return null;
  const [row] = await db
    .select({
      at: sql<string | null>`min(greatest(case when ${jobSchedules.requestedAt} is not null then now() else ${jobSchedules.nextRunAt} end, coalesce(${jobSchedules.leaseUntil}, '-infinity')))`,
    })
    .from(jobSchedules)
    .where(inArray(jobSchedules.name, names));
  return row?.at ? new Date(row.at) : null;
}

export async function requestRun(db: DbOrTx, name: string, by: string): Promise<boolean> {
  const rows = await db
    .update(jobSchedules)
    .set({ requestedAt: sql`now()`, requestedBy: by })
    .where(eq(jobSchedules.name, name))
    .returning({ name: jobSchedules.name });
  return rows.length > 0;
}

export async function listSchedules(db: DbOrTx): Promise<ScheduleRow[]> {
  return db.select().from(jobSchedules).orderBy(jobSchedules.name);
}

/** Each job's latest run. */
export async function latestRuns(db: DbOrTx): Promise<RunRow[]> {
  return db
    .selectDistinctOn([jobRuns.jobName])
    .from(jobRuns)
    .orderBy(jobRuns.jobName, desc(jobRuns.startedAt), desc(jobRuns.id));
}

export type RunFilter = { job?: string; status?: RunStatus; from?: Date; to?: Date; page: number; pageSize: number };

export async function searchRuns(db: DbOrTx, f: RunFilter): Promise<{ rows: RunRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (f.job) conditions.push(eq(jobRuns.jobName, f.job));
  if (f.status) conditions.push(eq(jobRuns.status, f.status));
  if (f.from) conditions.push(gte(jobRuns.startedAt, f.from));
  if (f.to) conditions.push(lt(jobRuns.startedAt, f.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select()
    .from(jobRuns)
    .where(where)
    .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await db.select({ n: count() }).from(jobRuns).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Retention: runs that did nothing go after a day, the others after `keepDays`. */
export async function pruneRuns(db: DbOrTx, keepDays: number): Promise<number> {
  const rows = await db
    .delete(jobRuns)
    .where(
      and(
        sql`${jobRuns.status} <> 'running'`,
        or(
          lt(jobRuns.startedAt, sql`now() - ${`${keepDays} days`}::interval`),
          and(
            lt(jobRuns.startedAt, sql`now() - interval '1 day'`),
            eq(jobRuns.status, 'succeeded'),
            eq(jobRuns.itemsDone, 0),
          ),
        ),
      ),
    )
    .returning({ id: jobRuns.id });
  return rows.length;
}
