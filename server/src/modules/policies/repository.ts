import { and, asc, count, countDistinct, desc, eq, ilike, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { policies, policyApplications, policyGrants, policyMatches, policyPushes, policyPushOptOuts, policyVersions } from './tables.ts';
import { chunks } from '../../lib/chunks.ts';

export type PolicyRow = typeof policies.$inferSelect;
export type PolicyWrite = Omit<typeof policies.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type GrantRow = typeof policyGrants.$inferSelect;

const CHUNK = 1000;

export async function insertPolicy(db: DbOrTx, row: PolicyWrite): Promise<string> {
  const [created] = await db.insert(policies).values(row).returning({ id: policies.id });
  return created!.id;
}

/** Updates when the version matches; returns false when it does not (or the policy is gone). */
export async function updatePolicy(db: DbOrTx, id: string, version: number, changes: Partial<PolicyWrite>): Promise<boolean> {
  const rows = await db
    .update(policies)
    .set({ ...changes, version: sql`${policies.version} + 1`, updatedAt: new Date() })
    .where(and(eq(policies.id, id), eq(policies.version, version)))
    .returning({ id: policies.id });
  return rows.length === 1;
}

export async function findPolicy(db: DbOrTx, id: string): Promise<PolicyRow | undefined> {
  const [row] = await db.select().from(policies).where(eq(policies.id, id));
  return row;
}

export async function findPoliciesByIds(db: DbOrTx, ids: string[]): Promise<PolicyRow[]> {
  return ids.length ? db.select().from(policies).where(inArray(policies.id, ids)) : [];
}

export async function listPolicies(db: DbOrTx, f: { status?: PolicyRow['status']; q?: string; page: number; pageSize: number }) {
  const where = and(f.status ? eq(policies.status, f.status) : undefined, f.q ? ilike(policies.title, `%${f.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined);
  const [total] = await db.select({ n: count() }).from(policies).where(where);
  const rows = await db.select().from(policies).where(where).orderBy(desc(policies.updatedAt), asc(policies.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { total: total!.n, rows };
}

export async function listByStatus(db: DbOrTx, status: PolicyRow['status']): Promise<PolicyRow[]> {
  return db.select().from(policies).where(eq(policies.status, status)).orderBy(asc(policies.createdAt));
}

/** Published policies whose validity ended before `today` become expired; returns their ids. */
export async function expirePolicies(db: DbOrTx, today: string): Promise<string[]> {
  const rows = await db
    .update(policies)
    .set({ status: 'expired', version: sql`${policies.version} + 1`, updatedAt: new Date() })
    .where(and(eq(policies.status, 'published'), isNotNull(policies.validTo), lt(policies.validTo, today)))
    .returning({ id: policies.id });
  return rows.map((r) => r.id);
}

export async function insertVersion(db: DbOrTx, row: typeof policyVersions.$inferInsert): Promise<void> {
  await db.insert(policyVersions).values(row);
}

export async function listVersions(db: DbOrTx, policyId: string) {
  return db.select().from(policyVersions).where(eq(policyVersions.policyId, policyId)).orderBy(desc(policyVersions.version));
}

/** Marks enterprises as matching a policy; returns those that were not matching before (new or back). */
export async function addMatches(db: DbOrTx, policyId: string, rows: { enterpriseId: string; uscc: string }[]): Promise<string[]> {
  const gained: string[] = [];
  for (const part of chunks(rows, CHUNK)) {
    const result = await db
      .insert(policyMatches)
      .values(part.map((r) => ({ policyId, ...r })))
      .onConflictDoUpdate({
        target: [policyMatches.policyId, policyMatches.enterpriseId],
        set: { isCurrent: true, changedAt: new Date() },
        setWhere: sql`not ${policyMatches.isCurrent}`,
      })
      .returning({ enterpriseId: policyMatches.enterpriseId });
    gained.push(...result.map((r) => r.enterpriseId));
  }
  return gained;
}

export async function removeMatches(db: DbOrTx, policyId: string, enterpriseIds?: string[]): Promise<void> {
  for (const part of enterpriseIds ? chunks(enterpriseIds, CHUNK) : [undefined]) {
    if (part?.length === 0) continue;
    await db
      .update(policyMatches)
      .set({ isCurrent: false, changedAt: new Date() })
      .where(and(eq(policyMatches.policyId, policyId), eq(policyMatches.isCurrent, true), part ? inArray(policyMatches.enterpriseId, part) : undefined));
  }
}

export async function currentMatchIds(db: DbOrTx, policyId: string): Promise<string[]> {
  const rows = await db.select({ id: policyMatches.enterpriseId }).from(policyMatches).where(and(eq(policyMatches.policyId, policyId), eq(policyMatches.isCurrent, true)));
  return rows.map((r) => r.id);
}

export async function countMatches(db: DbOrTx, policyIds: string[]): Promise<Map<string, number>> {
  if (policyIds.length === 0) return new Map();
  const rows = await db
    .select({ policyId: policyMatches.policyId, n: count() })
    .from(policyMatches)
    .where(and(inArray(policyMatches.policyId, policyIds), eq(policyMatches.isCurrent, true)))
    .groupBy(policyMatches.policyId);
  return new Map(rows.map((r) => [r.policyId, r.n]));
}

export async function pageMatches(db: DbOrTx, policyId: string, page: number, pageSize: number) {
  return db
    .select({ uscc: policyMatches.uscc, enterpriseId: policyMatches.enterpriseId, firstMatchedAt: policyMatches.firstMatchedAt, pushId: policyPushes.id })
    .from(policyMatches)
    .leftJoin(policyPushes, and(eq(policyPushes.policyId, policyMatches.policyId), eq(policyPushes.enterpriseId, policyMatches.enterpriseId)))
    .where(and(eq(policyMatches.policyId, policyId), eq(policyMatches.isCurrent, true)))
    .orderBy(asc(policyMatches.uscc))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

export async function findMatch(db: DbOrTx, policyId: string, enterpriseId: string) {
  const [row] = await db.select().from(policyMatches).where(and(eq(policyMatches.policyId, policyId), eq(policyMatches.enterpriseId, enterpriseId)));
  return row;
}

export async function matchedPolicyIdsOf(db: DbOrTx, enterpriseId: string): Promise<string[]> {
  const rows = await db.select({ id: policyMatches.policyId }).from(policyMatches).where(and(eq(policyMatches.enterpriseId, enterpriseId), eq(policyMatches.isCurrent, true)));
  return rows.map((r) => r.id);
}

/** Records a push; returns its id, or null when this policy was already pushed to this enterprise. */
export async function insertPush(db: DbOrTx, row: typeof policyPushes.$inferInsert): Promise<string | null> {
  const [created] = await db.insert(policyPushes).values(row).onConflictDoNothing().returning({ id: policyPushes.id });
  return created?.id ?? null;
}

export async function markPushSms(db: DbOrTx, id: string): Promise<void> {
  await db.update(policyPushes).set({ isSmsQueued: true }).where(eq(policyPushes.id, id));
}

export async function findPush(db: DbOrTx, policyId: string, enterpriseId: string) {
  const [row] = await db.select().from(policyPushes).where(and(eq(policyPushes.policyId, policyId), eq(policyPushes.enterpriseId, enterpriseId)));
  return row;
}

export async function inboxOf(db: DbOrTx, uscc: string) {
  return db
    .select({ push: policyPushes, policy: policies })
    .from(policyPushes)
    .innerJoin(policies, eq(policies.id, policyPushes.policyId))
    .where(eq(policyPushes.uscc, uscc))
    .orderBy(desc(policyPushes.sentAt), asc(policyPushes.id));
}

export async function markRead(db: DbOrTx, id: string, uscc: string): Promise<boolean> {
  const rows = await db
    .update(policyPushes)
    .set({ readAt: sql`coalesce(${policyPushes.readAt}, now())` })
    .where(and(eq(policyPushes.id, id), eq(policyPushes.uscc, uscc)))
    .returning({ id: policyPushes.id });
  return rows.length === 1;
}

export async function isOptedOut(db: DbOrTx, enterpriseId: string): Promise<boolean> {
  const [row] = await db.select({ id: policyPushOptOuts.enterpriseId }).from(policyPushOptOuts).where(eq(policyPushOptOuts.enterpriseId, enterpriseId));
  return row !== undefined;
}

export async function optedOutAmong(db: DbOrTx, enterpriseIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(enterpriseIds, CHUNK)) {
    const rows = await db.select({ id: policyPushOptOuts.enterpriseId }).from(policyPushOptOuts).where(inArray(policyPushOptOuts.enterpriseId, part));
    for (const r of rows) out.add(r.id);
  }
  return out;
}

export async function setOptOut(db: DbOrTx, enterpriseId: string, uscc: string, optedOut: boolean): Promise<void> {
  if (optedOut) await db.insert(policyPushOptOuts).values({ enterpriseId, uscc }).onConflictDoNothing();
  else await db.delete(policyPushOptOuts).where(eq(policyPushOptOuts.enterpriseId, enterpriseId));
}

/** Creates grants that do not exist yet; returns those created. */
export async function insertGrants(db: DbOrTx, rows: (typeof policyGrants.$inferInsert)[]): Promise<GrantRow[]> {
  const created: GrantRow[] = [];
  for (const part of chunks(rows, CHUNK)) created.push(...(await db.insert(policyGrants).values(part).onConflictDoNothing().returning()));
  return created;
}

export async function findGrants(db: DbOrTx, ids: string[]): Promise<GrantRow[]> {
  return ids.length ? db.select().from(policyGrants).where(inArray(policyGrants.id, ids)) : [];
}

/** `departmentId`: only grants of policies naming this department or none (null: those naming none). */
export async function listGrants(db: DbOrTx, f: { policyId?: string; status?: GrantRow['status']; uscc?: string; departmentId?: string | null; page: number; pageSize: number }) {
  const where = and(
    f.policyId ? eq(policyGrants.policyId, f.policyId) : undefined,
    f.status ? eq(policyGrants.status, f.status) : undefined,
    f.uscc ? eq(policyGrants.uscc, f.uscc) : undefined,
    f.departmentId === undefined ? undefined : f.departmentId === null ? isNull(policies.departmentId) : or(isNull(policies.departmentId), eq(policies.departmentId, f.departmentId)),
  );
  const [total] = await db.select({ n: count() }).from(policyGrants).innerJoin(policies, eq(policies.id, policyGrants.policyId)).where(where);
  const rows = await db
    .select({ grant: policyGrants, title: policies.title })
    .from(policyGrants)
    .innerJoin(policies, eq(policies.id, policyGrants.policyId))
    .where(where)
    .orderBy(desc(policyGrants.createdAt), asc(policyGrants.uscc))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { total: total!.n, rows };
}

/** Decides pending grants only; returns those decided (a grant decided before is left as it is). */
export async function decideGrants(db: DbOrTx, ids: string[], change: { status: 'confirmed' | 'rejected'; rejectReason: string; verifiedBy: string }): Promise<GrantRow[]> {
  return db
    .update(policyGrants)
    .set({ ...change, verifiedAt: new Date(), version: sql`${policyGrants.version} + 1` })
    .where(and(inArray(policyGrants.id, ids), eq(policyGrants.status, 'pending')))
    .returning();
}

export async function setDisbursement(db: DbOrTx, id: string, disbursement: GrantRow['disbursement']): Promise<GrantRow | undefined> {
  const [row] = await db
    .update(policyGrants)
    .set({ disbursement, disbursedAt: disbursement === 'disbursed' ? new Date() : null, version: sql`${policyGrants.version} + 1` })
    .where(and(eq(policyGrants.id, id), eq(policyGrants.status, 'confirmed')))
    .returning();
  return row;
}

export async function pushFigures(db: DbOrTx, policyId: string) {
  const result = await db.execute(sql`
    select
      (select count(*)::int from ${policyMatches} m where m.policy_id = ${policyId} and m.is_current) as matched,
      (select count(*)::int from ${policyPushes} p where p.policy_id = ${policyId}) as sent,
      (select count(*)::int from ${policyPushes} p where p.policy_id = ${policyId} and p.read_at is not null) as read,
      (select count(distinct a.enterprise_id)::int from ${policyApplications} a where a.policy_id = ${policyId}) as applied,
      (select count(*)::int from ${policyGrants} g where g.policy_id = ${policyId} and g.status = 'confirmed') as granted,
      (select count(*)::int from ${policyMatches} m join ${policyPushOptOuts} o on o.enterprise_id = m.enterprise_id
        where m.policy_id = ${policyId} and m.is_current) as opted_out`);
  return (result as unknown as { rows: { matched: number; sent: number; read: number; applied: number; granted: number; opted_out: number }[] }).rows[0]!;
}

/** Records pushes not made before; returns those made now. */
export async function insertPushes(db: DbOrTx, rows: (typeof policyPushes.$inferInsert)[]): Promise<{ id: string; enterpriseId: string }[]> {
  const created: { id: string; enterpriseId: string }[] = [];
  for (const part of chunks(rows, CHUNK)) created.push(...(await db.insert(policyPushes).values(part).onConflictDoNothing().returning({ id: policyPushes.id, enterpriseId: policyPushes.enterpriseId })));
  return created;
}

export async function markPushesSms(db: DbOrTx, ids: string[]): Promise<void> {
  for (const part of chunks(ids, CHUNK)) await db.update(policyPushes).set({ isSmsQueued: true }).where(inArray(policyPushes.id, part));
}

// applications for apply-mode policies (the applications themselves live in the applications module)

export type PolicyApplicationRow = typeof policyApplications.$inferSelect;

export async function insertPolicyApplication(db: DbOrTx, row: typeof policyApplications.$inferInsert): Promise<void> {
  await db.insert(policyApplications).values(row);
}

/** Serialises applications of one enterprise for one policy until the transaction ends. */
export async function lockPolicyApplications(db: DbOrTx, policyId: string, enterpriseId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`policy-application:${policyId}:${enterpriseId}`}))`);
}

export async function policyApplicationsOf(db: DbOrTx, f: { policyId?: string; enterpriseId?: string; uscc?: string }): Promise<(PolicyApplicationRow & { title: string })[]> {
  return db
    .select({ applicationId: policyApplications.applicationId, policyId: policyApplications.policyId, enterpriseId: policyApplications.enterpriseId, uscc: policyApplications.uscc, createdAt: policyApplications.createdAt, title: policies.title })
    .from(policyApplications)
    .innerJoin(policies, eq(policies.id, policyApplications.policyId))
    .where(
      and(
        f.policyId ? eq(policyApplications.policyId, f.policyId) : undefined,
        f.enterpriseId ? eq(policyApplications.enterpriseId, f.enterpriseId) : undefined,
        f.uscc ? eq(policyApplications.uscc, f.uscc) : undefined,
      ),
    )
    .orderBy(desc(policyApplications.createdAt), asc(policyApplications.applicationId));
}

export async function countPolicyApplications(db: DbOrTx, policyId: string): Promise<number> {
  const [row] = await db.select({ n: countDistinct(policyApplications.enterpriseId) }).from(policyApplications).where(eq(policyApplications.policyId, policyId));
  return row?.n ?? 0;
}
