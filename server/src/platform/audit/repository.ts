import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { auditLog } from './tables.ts';
import { withinCenters } from '../db/center-scope.ts';

export type AuditEntry = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export type AuditFilter = {
  /** only what staff of these centers did (the reader's center scope); null: the whole installation */
  centers?: readonly string[] | null;
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  outcome?: 'success' | 'failure';
  requestId?: string;
  page: number;
  pageSize: number;
};

export async function searchAuditEntries(db: DbOrTx, f: AuditFilter) {
  const conditions: SQL[] = [];
  const scoped = withinCenters(auditLog.centerId, f.centers);
  if (scoped) conditions.push(scoped);
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lt(auditLog.at, f.to));
  if (f.actor) conditions.push(or(eq(auditLog.actorId, f.actor), ilike(auditLog.actorName, `%${escapeLike(f.actor)}%`))!);
  if (f.action) conditions.push(ilike(auditLog.action, `${escapeLike(f.action)}%`));
  if (f.objectType) conditions.push(eq(auditLog.objectType, f.objectType));
  if (f.objectId) conditions.push(eq(auditLog.objectId, f.objectId));
  if (f.outcome) conditions.push(eq(auditLog.outcome, f.outcome));
  if (f.requestId) conditions.push(eq(auditLog.requestId, f.requestId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
