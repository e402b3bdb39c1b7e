import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { staffDisplayName } from '../../staff/lookups.ts';
import { zones } from '../tables.ts';
import type { FacilityStatus } from './contract.ts';
import { facilities, facilityFaultReports, facilityFaults } from './tables.ts';

export type FacilityRow = typeof facilities.$inferSelect & { zoneName: string; zoneFloor: string };
export type FaultRow = typeof facilityFaults.$inferSelect;

const facilityColumns = { ...getTableColumns(facilities), zoneName: zones.name, zoneFloor: zones.floor };

function selectFacilities(db: DbOrTx) {
  return db.select(facilityColumns).from(facilities).innerJoin(zones, eq(zones.id, facilities.zoneId));
}

export async function listFacilities(db: DbOrTx, f: { centerId: string; status?: FacilityStatus; zoneId?: string; accessibility?: boolean; openFault?: boolean }): Promise<FacilityRow[]> {
  const where: SQL[] = [eq(facilities.centerId, f.centerId)];
  if (f.status) where.push(eq(facilities.status, f.status));
  if (f.zoneId) where.push(eq(facilities.zoneId, f.zoneId));
  if (f.accessibility !== undefined) where.push(eq(facilities.isAccessibility, f.accessibility));
  if (f.openFault !== undefined) where.push(sql`${f.openFault ? sql`` : sql`not`} exists (select 1 from ${facilityFaults} o where o.facility_id = ${facilities.id} and o.closed_at is null)`);
  return selectFacilities(db)
    .where(and(...where))
    .orderBy(asc(zones.floor), asc(zones.name), asc(facilities.name));
}

export async function findFacility(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<FacilityRow | undefined> {
  if (options.lock) await db.select({ id: facilities.id }).from(facilities).where(eq(facilities.id, id)).for('update');
  const [row] = await selectFacilities(db).where(eq(facilities.id, id));
  return row;
}

export async function insertFacility(db: DbOrTx, row: typeof facilities.$inferInsert): Promise<string> {
  const [inserted] = await db.insert(facilities).values(row).returning({ id: facilities.id });
  return inserted!.id;
}

/** Writes the patch and raises the version; the caller holds the row's lock and has checked the version. */
export async function updateFacility(db: DbOrTx, id: string, patch: Partial<typeof facilities.$inferInsert>): Promise<void> {
  await db
    .update(facilities)
    .set({ ...patch, updatedAt: new Date(), version: sql`${facilities.version} + 1` })
    .where(eq(facilities.id, id));
}

export async function assetNumberTaken(db: DbOrTx, centerId: string, assetNumber: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: facilities.id })
    .from(facilities)
    .where(and(eq(facilities.centerId, centerId), eq(facilities.assetNumber, assetNumber), exceptId ? sql`${facilities.id} <> ${exceptId}` : undefined));
  return rows.length > 0;
}

export async function findOpenFault(db: DbOrTx, facilityId: string): Promise<FaultRow | undefined> {
  const [row] = await db
    .select()
    .from(facilityFaults)
    .where(and(eq(facilityFaults.facilityId, facilityId), isNull(facilityFaults.closedAt)));
  return row;
}

export async function insertFault(db: DbOrTx, row: typeof facilityFaults.$inferInsert): Promise<FaultRow> {
  const [inserted] = await db.insert(facilityFaults).values(row).returning();
  return inserted!;
}

export async function updateFault(db: DbOrTx, id: string, patch: Partial<typeof facilityFaults.$inferInsert>): Promise<void> {
  await db
    .update(facilityFaults)
    .set({ ...patch, version: sql`${facilityFaults.version} + 1` })
    .where(eq(facilityFaults.id, id));
}

export async function insertReport(db: DbOrTx, row: typeof facilityFaultReports.$inferInsert): Promise<void> {
  await db.insert(facilityFaultReports).values(row);
}

/** The open faults of these facilities, with their number of reports. */
export async function openFaultsOf(db: DbOrTx, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return [];
  return db
    .select({
      id: facilityFaults.id,
      facilityId: facilityFaults.facilityId,
      openedAt: facilityFaults.openedAt,
      repairer: facilityFaults.repairer,
      reports: sql<number>`(select count(*)::int from ${facilityFaultReports} r where r.fault_id = "facility_faults"."id")`,
    })
    .from(facilityFaults)
    .where(and(inArray(facilityFaults.facilityId, [...facilityIds]), isNull(facilityFaults.closedAt)));
}

/** A facility's faults, newest first, with the names of who started and finished the repair. */
export async function faultsOf(db: DbOrTx, facilityId: string) {
  return db
    .select({
      fault: facilityFaults,
      repairStartedByName: staffDisplayName(facilityFaults.repairStartedBy),
      repairFinishedByName: staffDisplayName(facilityFaults.repairFinishedBy),
    })
    .from(facilityFaults)
    .where(eq(facilityFaults.facilityId, facilityId))
    .orderBy(desc(facilityFaults.openedAt));
}

export async function reportsOf(db: DbOrTx, faultIds: readonly string[]) {
  if (faultIds.length === 0) return [];
  return db
    .select({
      id: facilityFaultReports.id,
      faultId: facilityFaultReports.faultId,
      reportedAt: facilityFaultReports.reportedAt,
      description: facilityFaultReports.description,
      reportedByName: staffDisplayName(facilityFaultReports.reportedBy),
    })
    .from(facilityFaultReports)
    .where(inArray(facilityFaultReports.faultId, [...faultIds]))
    .orderBy(asc(facilityFaultReports.reportedAt));
}
