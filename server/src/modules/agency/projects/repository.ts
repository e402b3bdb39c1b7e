import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { agencyMilestones, agencyProjects, agencyRequests } from '../tables.ts';

export type ProjectRow = typeof agencyProjects.$inferSelect;
export type MilestoneRow = typeof agencyMilestones.$inferSelect;

/** Inserts unless the center has a project of that name (then undefined). */
export async function insertProject(db: DbOrTx, row: typeof agencyProjects.$inferInsert): Promise<ProjectRow | undefined> {
  const [inserted] = await db.insert(agencyProjects).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function listProjects(db: DbOrTx, centerId: string): Promise<ProjectRow[]> {
  return db.select().from(agencyProjects).where(eq(agencyProjects.centerId, centerId)).orderBy(asc(agencyProjects.createdAt), asc(agencyProjects.id));
}

export async function findProject(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<ProjectRow | undefined> {
  const query = db.select().from(agencyProjects).where(eq(agencyProjects.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function raiseVersion(db: DbOrTx, id: string): Promise<void> {
  await db.update(agencyProjects).set({ version: sql`${agencyProjects.version} + 1` }).where(eq(agencyProjects.id, id));
}

export async function listMilestones(db: DbOrTx, projectIds: readonly string[]): Promise<MilestoneRow[]> {
  if (projectIds.length === 0) return [];
  return db.select().from(agencyMilestones).where(inArray(agencyMilestones.projectId, [...projectIds])).orderBy(asc(agencyMilestones.dueOn), asc(agencyMilestones.id));
}

export async function insertMilestone(db: DbOrTx, row: typeof agencyMilestones.$inferInsert): Promise<void> {
  await db.insert(agencyMilestones).values(row);
}

/** Marks the milestone done unless it already is; false when it was (or is not this project's). */
export async function completeMilestone(db: DbOrTx, projectId: string, milestoneId: string, on: string, by: string): Promise<boolean> {
  const rows = await db
    .update(agencyMilestones)
    .set({ doneOn: on, doneBy: by })
    .where(and(eq(agencyMilestones.id, milestoneId), eq(agencyMilestones.projectId, projectId), isNull(agencyMilestones.doneOn)))
    .returning({ id: agencyMilestones.id });
  return rows.length === 1;
}

export type ProjectRequestRow = Pick<typeof agencyRequests.$inferSelect, 'id' | 'projectId' | 'number' | 'itemName' | 'matter' | 'state' | 'agentName'>;

/** The agency requests taken for these projects, oldest first. */
export async function listProjectRequests(db: DbOrTx, projectIds: readonly string[]): Promise<ProjectRequestRow[]> {
  if (projectIds.length === 0) return [];
  return db
    .select({ id: agencyRequests.id, projectId: agencyRequests.projectId, number: agencyRequests.number, itemName: agencyRequests.itemName, matter: agencyRequests.matter, state: agencyRequests.state, agentName: agencyRequests.agentName })
    .from(agencyRequests)
    .where(inArray(agencyRequests.projectId, [...projectIds]))
    .orderBy(asc(agencyRequests.createdAt), asc(agencyRequests.id));
}
