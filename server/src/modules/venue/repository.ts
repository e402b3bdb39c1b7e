import { and, asc, eq, sql } from 'drizzle-orm';
import { STAFF_ACCOUNTS_CACHE } from '../../platform/auth/staff-accounts.ts';
import { invalidate } from '../../platform/cache/cache.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { centers, counters, regions, zones } from './tables.ts';
import type { CenterLevel, CounterPurpose, ZoneKind } from './contract.ts';

export async function listRegions(db: DbOrTx) {
  return db
    .select({ code: regions.code, name: regions.name, parentCode: regions.parentCode })
    .from(regions)
    .orderBy(asc(regions.code));
}

export async function findRegion(db: DbOrTx, code: string) {
  const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  return row;
}

export async function insertRegion(db: DbOrTx, row: { code: string; name: string; parentCode: string | null }) {
  const [created] = await db.insert(regions).values(row).onConflictDoNothing().returning();
  return created;
}

const centerColumns = {
  id: centers.id,
  name: centers.name,
  level: centers.level,
  regionCode: centers.regionCode,
  regionName: regions.name,
  parentId: centers.parentId,
  address: centers.address,
  phone: centers.phone,
  openingHours: centers.openingHours,
  isActive: centers.isActive,
  version: centers.version,
};

export async function listCenters(db: DbOrTx) {
  return db
    .select(centerColumns)
    .from(centers)
    .innerJoin(regions, eq(regions.code, centers.regionCode))
    .orderBy(sql`array_position(array['city','county','town','village']::text[], ${centers.level})`, asc(centers.name));
}

export async function findCenter(db: DbOrTx, id: string) {
  const [row] = await db
    .select(centerColumns)
    .from(centers)
    .innerJoin(regions, eq(regions.code, centers.regionCode))
    .where(eq(centers.id, id));
  return row;
}

export type CenterFields = {
  name: string;
  level: CenterLevel;
  regionCode: string;
  parentId: string | null;
  address: string;
  phone: string;
  openingHours: string;
};

export async function insertCenter(db: DbOrTx, fields: CenterFields): Promise<string> {
  await invalidate(db, STAFF_ACCOUNTS_CACHE);
  const [row] = await db.insert(centers).values(fields).returning({ id: centers.id });
  return row!.id;
}

/** Optimistic update: returns false when the row's version has moved on. */
export async function updateCenter(
  db: DbOrTx,
  id: string,
  version: number,
  fields: Partial<CenterFields> & { isActive?: boolean },
): Promise<boolean> {
  await invalidate(db, STAFF_ACCOUNTS_CACHE);
  const rows = await db
    .update(centers)
    .set({ ...fields, version: sql`${centers.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(centers.id, id), eq(centers.version, version)))
    .returning({ id: centers.id });
  return rows.length === 1;
}

const zoneColumns = {
  id: zones.id,
  centerId: zones.centerId,
  kind: zones.kind,
  name: zones.name,
  floor: zones.floor,
  isActive: zones.isActive,
  version: zones.version,
};

export async function listZones(db: DbOrTx, centerId: string) {
  return db.select(zoneColumns).from(zones).where(eq(zones.centerId, centerId)).orderBy(asc(zones.floor), asc(zones.name));
}

export async function findZone(db: DbOrTx, id: string) {
  const [row] = await db.select(zoneColumns).from(zones).where(eq(zones.id, id));
  return row;
}

export type ZoneFields = { kind: ZoneKind; name: string; floor: string };

export async function insertZone(db: DbOrTx, centerId: string, fields: ZoneFields): Promise<string> {
  const [row] = await db.insert(zones).values({ centerId, ...fields }).returning({ id: zones.id });
  return row!.id;
}

export async function updateZone(
  db: DbOrTx,
  id: string,
  version: number,
  fields: Partial<ZoneFields> & { isActive?: boolean },
): Promise<boolean> {
  const rows = await db
    .update(zones)
    .set({ ...fields, version: sql`${zones.version} + 1` })
    .where(and(eq(zones.id, id), eq(zones.version, version)))
    .returning({ id: zones.id });
  return rows.length === 1;
}

const counterColumns = {
  id: counters.id,
  centerId: counters.centerId,
  zoneId: counters.zoneId,
  zoneName: zones.name,
  number: counters.number,
  name: counters.name,
  purpose: counters.purpose,
  departmentId: counters.departmentId,
  isActive: counters.isActive,
  version: counters.version,
};

export async function listCounters(db: DbOrTx, centerId: string) {
  return db
    .select(counterColumns)
    .from(counters)
    .innerJoin(zones, eq(zones.id, counters.zoneId))
    .where(eq(counters.centerId, centerId))
    .orderBy(sql`length(${counters.number})`, asc(counters.number));
}

export async function findCounter(db: DbOrTx, id: string) {
  const [row] = await db.select(counterColumns).from(counters).innerJoin(zones, eq(zones.id, counters.zoneId)).where(eq(counters.id, id));
  return row;
}

export async function findCounterByNumber(db: DbOrTx, centerId: string, number: string) {
  const [row] = await db
    .select({ id: counters.id })
    .from(counters)
    .where(and(eq(counters.centerId, centerId), eq(counters.number, number)));
  return row;
}

export type CounterFields = {
  zoneId: string;
  number: string;
  name: string;
  purpose: CounterPurpose;
  departmentId: string | null;
};

export async function insertCounter(db: DbOrTx, centerId: string, fields: CounterFields): Promise<string> {
  const [row] = await db.insert(counters).values({ centerId, ...fields }).returning({ id: counters.id });
  return row!.id;
}

export async function updateCounter(
  db: DbOrTx,
  id: string,
  version: number,
  fields: Partial<CounterFields> & { isActive?: boolean },
): Promise<boolean> {
  const rows = await db
    .update(counters)
    .set({ ...fields, version: sql`${counters.version} + 1` })
    .where(and(eq(counters.id, id), eq(counters.version, version)))
    .returning({ id: counters.id });
  return rows.length === 1;
}

export async function centerAndBelow(db: DbOrTx, centerId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive below(id) as (
      select ${centers.id} from ${centers} where ${centers.id} = ${centerId}
      union
      select c.id from ${centers} c join below b on c.parent_id = b.id
    )
    select id from below`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}
