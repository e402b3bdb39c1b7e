import { and, asc, avg, count, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { staffDisplayName } from '../staff/lookups.ts';
import { scenarioEntries, scenarioProviderLinks, scenarioProviders, scenarioReferrals, scenarios } from './tables.ts';

export type ProviderRow = typeof scenarioProviders.$inferSelect & { decidedByName: string | null };
export type ScenarioRow = typeof scenarios.$inferSelect;
export type ReferralRow = typeof scenarioReferrals.$inferSelect & { providerName: string; providerKind: string; scenarioTitle: string | null };

const providerColumns = { ...getTableColumns(scenarioProviders), decidedByName: staffDisplayName(scenarioProviders.decidedBy) };

/** null when the credit code is registered at the center already (the unique index decides) */
export async function insertProvider(db: DbOrTx, row: typeof scenarioProviders.$inferInsert): Promise<string | null> {
  const [inserted] = await db.insert(scenarioProviders).values(row).onConflictDoNothing().returning({ id: scenarioProviders.id });
  return inserted?.id ?? null;
}

export async function findProvider(db: DbOrTx, id: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select(providerColumns).from(scenarioProviders).where(eq(scenarioProviders.id, id));
  return row;
}

export async function listProviders(db: DbOrTx, f: { centerId: string; state?: string; kind?: string; ids?: string[] }): Promise<ProviderRow[]> {
  return db
    .select(providerColumns)
    .from(scenarioProviders)
    .where(
      and(
        eq(scenarioProviders.centerId, f.centerId),
        f.state ? eq(scenarioProviders.state, f.state) : undefined,
        f.kind ? eq(scenarioProviders.kind, f.kind) : undefined,
        f.ids ? (f.ids.length ? inArray(scenarioProviders.id, f.ids) : sql`false`) : undefined,
      ),
    )
    .orderBy(asc(scenarioProviders.kind), asc(scenarioProviders.name))
    .limit(500);
}

/** false when the version is stale */
export async function decideProvider(db: DbOrTx, id: string, expected: number, patch: { state: string; decisionNote: string; decidedBy: string; decidedAt: Date }): Promise<boolean> {
  const rows = await db
    .update(scenarioProviders)
    .set({ ...patch, version: sql`${scenarioProviders.version} + 1` })
    .where(and(eq(scenarioProviders.id, id), eq(scenarioProviders.version, expected)))
    .returning({ id: scenarioProviders.id });
  return rows.length === 1;
}

/** referrals, served and the ratings of each provider */
export async function providerFigures(db: DbOrTx, providerIds: string[]) {
  if (!providerIds.length) return [];
  return db
    .select({
      providerId: scenarioReferrals.providerId,
      referrals: count(),
      served: sql<number>`count(*) filter (where ${scenarioReferrals.outcome} = 'served')`.mapWith(Number),
      ratings: count(scenarioReferrals.rating),
      averageRating: avg(scenarioReferrals.rating).mapWith((v: string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10)),
    })
    .from(scenarioReferrals)
    .where(inArray(scenarioReferrals.providerId, providerIds))
    .groupBy(scenarioReferrals.providerId);
}

/** null when the center has a scenario of that title already */
export async function insertScenario(db: DbOrTx, row: typeof scenarios.$inferInsert): Promise<string | null> {
  const [inserted] = await db.insert(scenarios).values(row).onConflictDoNothing().returning({ id: scenarios.id });
  return inserted?.id ?? null;
}

export async function findScenario(db: DbOrTx, id: string): Promise<ScenarioRow | undefined> {
  const [row] = await db.select().from(scenarios).where(eq(scenarios.id, id));
  return row;
}

export async function listScenarios(db: DbOrTx, f: { centerId: string; published?: boolean }): Promise<ScenarioRow[]> {
  return db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.centerId, f.centerId), f.published === undefined ? undefined : eq(scenarios.published, f.published)))
    .orderBy(asc(scenarios.createdAt), asc(scenarios.id))
    .limit(200);
}

/** false when the version is stale */
export async function updateScenario(db: DbOrTx, id: string, expected: number, patch: Partial<typeof scenarios.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(scenarios)
    .set({ ...patch, updatedAt: new Date(), version: sql`${scenarios.version} + 1` })
    .where(and(eq(scenarios.id, id), eq(scenarios.version, expected)))
    .returning({ id: scenarios.id });
  return rows.length === 1;
}

export async function replaceParts(db: DbOrTx, scenarioId: string, entries: { kind: string; code: string; name: string }[], providerIds: string[]): Promise<void> {
  await db.delete(scenarioEntries).where(eq(scenarioEntries.scenarioId, scenarioId));
  await db.delete(scenarioProviderLinks).where(eq(scenarioProviderLinks.scenarioId, scenarioId));
  await db.insert(scenarioEntries).values(entries.map((e, position) => ({ scenarioId, ...e, position })));
  if (providerIds.length) await db.insert(scenarioProviderLinks).values(providerIds.map((providerId, position) => ({ scenarioId, providerId, position })));
}

export async function entriesOf(db: DbOrTx, scenarioIds: string[]) {
  if (!scenarioIds.length) return [];
  return db.select().from(scenarioEntries).where(inArray(scenarioEntries.scenarioId, scenarioIds)).orderBy(asc(scenarioEntries.position));
}

export async function linksOf(db: DbOrTx, scenarioIds: string[]) {
  if (!scenarioIds.length) return [];
  return db.select().from(scenarioProviderLinks).where(inArray(scenarioProviderLinks.scenarioId, scenarioIds)).orderBy(asc(scenarioProviderLinks.position));
}

const referralColumns = { ...getTableColumns(scenarioReferrals), providerName: scenarioProviders.name, providerKind: scenarioProviders.kind, scenarioTitle: scenarios.title };

const referralQuery = (db: DbOrTx) =>
  db.select(referralColumns).from(scenarioReferrals).innerJoin(scenarioProviders, eq(scenarioProviders.id, scenarioReferrals.providerId)).leftJoin(scenarios, eq(scenarios.id, scenarioReferrals.scenarioId));

export async function insertReferral(db: DbOrTx, row: typeof scenarioReferrals.$inferInsert): Promise<string> {
  const [inserted] = await db.insert(scenarioReferrals).values(row).returning({ id: scenarioReferrals.id });
  return inserted!.id;
}

export async function findReferral(db: DbOrTx, id: string): Promise<ReferralRow | undefined> {
  const [row] = await referralQuery(db).where(eq(scenarioReferrals.id, id));
  return row;
}

export async function listReferrals(db: DbOrTx, f: { centerId?: string; uscc?: string; outcome?: string; providerId?: string }): Promise<ReferralRow[]> {
  return referralQuery(db)
    .where(
      and(
        f.centerId ? eq(scenarioReferrals.centerId, f.centerId) : undefined,
        f.uscc ? eq(scenarioReferrals.uscc, f.uscc) : undefined,
        f.outcome ? eq(scenarioReferrals.outcome, f.outcome) : undefined,
        f.providerId ? eq(scenarioReferrals.providerId, f.providerId) : undefined,
      ),
    )
    .orderBy(desc(scenarioReferrals.createdAt), desc(scenarioReferrals.id))
    .limit(500);
}

/** false when the version is stale */
export async function recordOutcome(db: DbOrTx, id: string, expected: number, patch: { outcome: string; outcomeNote: string; outcomeSource: string; outcomeBy: string; outcomeAt: Date }): Promise<boolean> {
  const rows = await db
    .update(scenarioReferrals)
    .set({ ...patch, version: sql`${scenarioReferrals.version} + 1` })
    .where(and(eq(scenarioReferrals.id, id), eq(scenarioReferrals.version, expected)))
    .returning({ id: scenarioReferrals.id });
  return rows.length === 1;
}

/** false when it was rated already (also by a concurrent request) */
export async function rateReferral(db: DbOrTx, id: string, rating: number, comment: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(scenarioReferrals)
    .set({ rating, ratingComment: comment, ratedAt: at, version: sql`${scenarioReferrals.version} + 1` })
    .where(and(eq(scenarioReferrals.id, id), eq(scenarioReferrals.outcome, 'served'), isNull(scenarioReferrals.rating)))
    .returning({ id: scenarioReferrals.id });
  return rows.length === 1;
}
