import { and, asc, count, desc, eq, getTableColumns, gte, ilike, isNotNull, lt, lte, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { personIdNumberMasked } from '../enterprises/lookups.ts';
import { departmentName, staffDisplayName } from '../staff/lookups.ts';
import { talentProfiles, talentRequests, talentRequestSteps } from './tables.ts';

export type ProfileRow = typeof talentProfiles.$inferSelect & { idNumberMasked: string; verifiedByName: string | null };
export type RequestRow = typeof talentRequests.$inferSelect & { personName: string; category: string; departmentName: string | null };
export type StepRow = typeof talentRequestSteps.$inferSelect;

const profileColumns = { ...getTableColumns(talentProfiles), idNumberMasked: personIdNumberMasked(talentProfiles.personId), verifiedByName: staffDisplayName(talentProfiles.verifiedBy) };

/** null when the person already has a profile at the center (the unique index decides, also under concurrency) */
export async function insertProfile(db: DbOrTx, row: typeof talentProfiles.$inferInsert): Promise<string | null> {
  const [inserted] = await db.insert(talentProfiles).values(row).onConflictDoNothing().returning({ id: talentProfiles.id });
  return inserted?.id ?? null;
}

export async function findProfile(db: DbOrTx, id: string): Promise<ProfileRow | undefined> {
  const [row] = await db.select(profileColumns).from(talentProfiles).where(eq(talentProfiles.id, id));
  return row;
}

export async function findProfileOfPerson(db: DbOrTx, centerId: string, personId: string): Promise<ProfileRow | undefined> {
  const [row] = await db.select(profileColumns).from(talentProfiles).where(and(eq(talentProfiles.centerId, centerId), eq(talentProfiles.personId, personId)));
  return row;
}

export async function listProfiles(db: DbOrTx, f: { centerId: string; category?: string; state?: string; q?: string }): Promise<ProfileRow[]> {
  return db
    .select(profileColumns)
    .from(talentProfiles)
    .where(
      and(
        eq(talentProfiles.centerId, f.centerId),
        f.category ? eq(talentProfiles.category, f.category) : undefined,
        f.state ? eq(talentProfiles.state, f.state) : undefined,
        f.q ? ilike(talentProfiles.personName, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
      ),
    )
    .orderBy(desc(talentProfiles.createdAt))
    .limit(500);
}

/** false when the version is stale (someone changed it first) */
export async function verifyProfile(db: DbOrTx, id: string, expected: number, by: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(talentProfiles)
    .set({ state: 'verified', verifiedBy: by, verifiedAt: at, version: sql`${talentProfiles.version} + 1` })
    .where(and(eq(talentProfiles.id, id), eq(talentProfiles.version, expected)))
    .returning({ id: talentProfiles.id });
  return rows.length === 1;
}

export async function profileCounts(db: DbOrTx, centerId: string) {
  return db
    .select({ category: talentProfiles.category, total: count(), verified: count(talentProfiles.verifiedAt) })
    .from(talentProfiles)
    .where(eq(talentProfiles.centerId, centerId))
    .groupBy(talentProfiles.category);
}

const requestColumns = {
  ...getTableColumns(talentRequests),
  personName: talentProfiles.personName,
  category: talentProfiles.category,
  departmentName: departmentName(talentRequests.departmentId),
};

export async function insertRequest(db: DbOrTx, row: typeof talentRequests.$inferInsert): Promise<string> {
  const [inserted] = await db.insert(talentRequests).values(row).returning({ id: talentRequests.id });
  return inserted!.id;
}

export async function findRequest(db: DbOrTx, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select(requestColumns).from(talentRequests).innerJoin(talentProfiles, eq(talentProfiles.id, talentRequests.profileId)).where(eq(talentRequests.id, id));
  return row;
}

export type RequestFilter = { centerId: string; state?: string; kind?: string; profileId?: string; overdueOn?: string; dueBy?: string; open?: boolean; submittedOn?: string };

export async function listRequests(db: DbOrTx, f: RequestFilter): Promise<RequestRow[]> {
  const closed = ['done', 'declined'];
  return db
    .select(requestColumns)
    .from(talentRequests)
    .innerJoin(talentProfiles, eq(talentProfiles.id, talentRequests.profileId))
    .where(
      and(
        eq(talentRequests.centerId, f.centerId),
        f.state ? eq(talentRequests.state, f.state) : undefined,
        f.kind ? eq(talentRequests.kind, f.kind) : undefined,
        f.profileId ? eq(talentRequests.profileId, f.profileId) : undefined,
        f.open || f.overdueOn || f.dueBy ? notInArray(talentRequests.state, closed) : undefined,
        f.overdueOn ? lt(talentRequests.dueOn, f.overdueOn) : undefined,
        f.dueBy ? lte(talentRequests.dueOn, f.dueBy) : undefined,
        f.submittedOn ? eq(talentRequests.submittedOn, f.submittedOn) : undefined,
      ),
    )
    .orderBy(f.dueBy ? asc(talentRequests.dueOn) : desc(talentRequests.createdAt))
    .limit(500);
}

/** Writes the step's outcome when the version is current; false when someone changed the request first. */
export async function updateRequest(db: DbOrTx, id: string, expected: number, patch: Partial<typeof talentRequests.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(talentRequests)
    .set({ ...patch, updatedAt: new Date(), version: sql`${talentRequests.version} + 1` })
    .where(and(eq(talentRequests.id, id), eq(talentRequests.version, expected)))
    .returning({ id: talentRequests.id });
  return rows.length === 1;
}

export async function insertStep(db: DbOrTx, row: typeof talentRequestSteps.$inferInsert): Promise<void> {
  await db.insert(talentRequestSteps).values(row);
}

export async function listSteps(db: DbOrTx, requestId: string): Promise<StepRow[]> {
  return db.select().from(talentRequestSteps).where(eq(talentRequestSteps.requestId, requestId)).orderBy(asc(talentRequestSteps.at), asc(talentRequestSteps.id));
}

export async function requestCounts(db: DbOrTx, centerId: string) {
  return db
    .select({ kind: talentRequests.kind, state: talentRequests.state, count: count() })
    .from(talentRequests)
    .where(eq(talentRequests.centerId, centerId))
    .groupBy(talentRequests.kind, talentRequests.state);
}

export async function countOverdue(db: DbOrTx, centerId: string, today: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(talentRequests)
    .where(and(eq(talentRequests.centerId, centerId), notInArray(talentRequests.state, ['done', 'declined']), lt(talentRequests.dueOn, today)));
  return row?.n ?? 0;
}

/** the done requests' dates, for the average working days to done */
export async function doneDates(db: DbOrTx, centerId: string, since: string): Promise<{ submittedOn: string; closedOn: string }[]> {
  const rows = await db
    .select({ submittedOn: talentRequests.submittedOn, closedOn: talentRequests.closedOn })
    .from(talentRequests)
    .where(and(eq(talentRequests.centerId, centerId), eq(talentRequests.state, 'done'), isNotNull(talentRequests.closedOn), gte(talentRequests.submittedOn, since)));
  return rows.map((r) => ({ submittedOn: r.submittedOn, closedOn: r.closedOn! }));
}
