import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { applicationSupplements, applications } from '../tables.ts';
import { businessDateSql } from '../../../platform/calendar/clock.ts';

/** Counts behind the figures; business dates are read in Asia/Shanghai whatever the session's zone. */

const localDate = businessDateSql;

export async function intakeCounts(db: DbOrTx, centerId: string, from: string, to: string) {
  const inRange = (column: unknown) => sql`${localDate(column)} between ${from}::date and ${to}::date`;
  const noSupplement = sql`not exists (select 1 from ${applicationSupplements} s where s.application_id = ${applications.id})`;
  const [row] = await db
    .select({
      received: sql<number>`count(*) filter (where ${inRange(applications.receivedAt)})::int`,
      deemedAccepted: sql<number>`count(*) filter (where ${inRange(applications.receivedAt)} and ${applications.isDeemedAccepted})::int`,
      accepted: sql<number>`count(*) filter (where ${applications.acceptedAt} is not null and ${inRange(applications.acceptedAt)})::int`,
      acceptedWithoutSupplement: sql<number>`count(*) filter (where ${applications.acceptedAt} is not null and ${inRange(applications.acceptedAt)} and ${noSupplement})::int`,
    })
    .from(applications)
    .where(and(eq(applications.centerId, centerId), isNull(applications.parentId)));
  return row!;
}

/** Decisions on items (single applications and bundle children) per department, in the range. */
export async function decisionCounts(db: DbOrTx, centerId: string, from: string, to: string) {
  return db
    .select({
      departmentId: applications.departmentId,
      decided: sql<number>`count(*)::int`,
      onTime: sql<number>`count(*) filter (where ${applications.decidedOn} <= ${applications.dueDate})::int`,
    })
    .from(applications)
    .where(
      and(
        eq(applications.centerId, centerId),
        eq(applications.kind, 'item'),
        sql`${applications.decidedOn} between ${from}::date and ${to}::date`,
      ),
    )
    .groupBy(applications.departmentId);
}

export async function secondSupplementCount(db: DbOrTx, centerId: string, from: string, to: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applicationSupplements)
    .innerJoin(applications, eq(applications.id, applicationSupplements.applicationId))
    .where(and(eq(applications.centerId, centerId), sql`${applicationSupplements.ordinal} > 1`, sql`${localDate(applicationSupplements.requestedAt)} between ${from}::date and ${to}::date`));
  return row?.n ?? 0;
}

export async function stateCounts(db: DbOrTx, centerId: string) {
  return db
    .select({ state: applications.state, n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.centerId, centerId), isNull(applications.parentId)))
    .groupBy(applications.state);
}

/** Items under review (running or paused clocks), for the colours per department and the overdue list. */
export async function openItems(db: DbOrTx, centerId: string, states: string[]) {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.centerId, centerId), eq(applications.kind, 'item'), inArray(applications.state, states)));
}
