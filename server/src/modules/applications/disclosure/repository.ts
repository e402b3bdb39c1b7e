import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { applications } from '../tables.ts';

export type DecidedRow = { number: string; name: string; applicantName: string; decision: 'approved' | 'rejected'; decidedOn: string };

/**
 * A center's decided applications, newest decision first: only the columns a public list of
 * processing results may start from (the applicant's name is masked by the caller).
 */
export async function listDecided(db: DbOrTx, centerId: string, q: { number?: string; limit: number; offset: number }): Promise<{ rows: DecidedRow[]; total: number }> {
  const where = and(
    eq(applications.centerId, centerId),
    isNotNull(applications.decision),
    isNotNull(applications.decidedOn),
    q.number ? sql`position(${q.number.toUpperCase()} in upper(${applications.number})) > 0` : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({ number: applications.number, name: applications.name, applicantName: applications.applicantName, decision: applications.decision, decidedOn: applications.decidedOn })
      .from(applications)
      .where(where)
      .orderBy(desc(applications.decidedAt), desc(applications.number))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(applications).where(where),
  ]);
  return { rows: rows as DecidedRow[], total: Number(counted?.n ?? 0) };
}
