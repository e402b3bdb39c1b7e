import { and, asc, count, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { EnterpriseSearch, EnterpriseType, SizeClass } from '../contract.ts';
import { insertJsonRows } from '../../../platform/db/bulk-insert.ts';
import { enterprises } from '../tables.ts';

const columns = {
  id: enterprises.id,
  uscc: enterprises.uscc,
  name: enterprises.name,
  type: enterprises.type,
  legalRepresentative: enterprises.legalRepresentative,
  registeredAddress: enterprises.registeredAddress,
  districtCode: enterprises.districtCode,
  town: enterprises.town,
  registrationDate: enterprises.registrationDate,
  industryCode: enterprises.industryCode,
  employees: enterprises.employees,
  revenue: enterprises.revenue,
  assets: enterprises.assets,
  sizeClass: enterprises.sizeClass,
  sizeReason: enterprises.sizeReason,
  tags: enterprises.tags,
  version: enterprises.version,
  createdAt: enterprises.createdAt,
  updatedAt: enterprises.updatedAt,
};

export type EnterpriseRow = Awaited<ReturnType<typeof findById>> & {};

export type EnterpriseWrite = {
  name: string;
  type: EnterpriseType;
  legalRepresentative: string;
  registeredAddress: string;
  districtCode: string;
  town: string;
  registrationDate: string | null;
  industryCode: string;
  employees: number | null;
  revenue: number | null;
  assets: number | null;
  sizeClass: SizeClass | null;
  sizeReason: string;
  tags: string[];
};

export async function findById(db: DbOrTx, id: string) {
  const [row] = await db.select(columns).from(enterprises).where(eq(enterprises.id, id));
  return row;
}

export async function findByUscc(db: DbOrTx, uscc: string) {
  const [row] = await db.select(columns).from(enterprises).where(eq(enterprises.uscc, uscc));
  return row;
}

export async function findByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(columns).from(enterprises).where(inArray(enterprises.id, ids));
}

/** Which of these codes are registered already. */
export async function existingUsccs(db: DbOrTx, usccs: string[]): Promise<Set<string>> {
  if (usccs.length === 0) return new Set();
  const rows = await db.select({ uscc: enterprises.uscc }).from(enterprises).where(inArray(enterprises.uscc, usccs));
  return new Set(rows.map((r) => r.uscc));
}

/** One parameter however many codes: the list travels as a JSON array. */
export async function idsByUscc(db: DbOrTx, usccs: string[]) {
  if (usccs.length === 0) return [];
  return db
    .select({ id: enterprises.id, uscc: enterprises.uscc })
    .from(enterprises)
    .where(sql`${enterprises.uscc} in (select jsonb_array_elements_text(${JSON.stringify(usccs)}::jsonb))`);
}

export async function countAll(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(enterprises);
  return row?.n ?? 0;
}

/** Inserts one enterprise; returns undefined when the code is taken. */
export async function insertEnterprise(db: DbOrTx, uscc: string, fields: EnterpriseWrite): Promise<string | undefined> {
  const [row] = await db.insert(enterprises).values({ uscc, ...fields }).onConflictDoNothing({ target: enterprises.uscc }).returning({ id: enterprises.id });
  return row?.id;
}

/** Many at once (imports, demo data), in one statement per 5,000 rows. */
export async function insertEnterprises(db: DbOrTx, rows: (EnterpriseWrite & { uscc: string })[]): Promise<Map<string, string>> {
  const inserted = await insertJsonRows(db, enterprises, rows, ['id', 'uscc']);
  return new Map(inserted.map((r) => [r.uscc as string, r.id as string]));
}

/** Optimistic update: false when the row's version has moved on. */
export async function updateEnterprise(db: DbOrTx, id: string, version: number, fields: EnterpriseWrite): Promise<boolean> {
  const rows = await db
    .update(enterprises)
    .set({ ...fields, version: sql`${enterprises.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
    .returning({ id: enterprises.id });
  return rows.length === 1;
}

export async function searchEnterprises(db: DbOrTx, f: EnterpriseSearch & { industryPrefix?: string }) {
  const conditions: SQL[] = [];
  if (f.q) {
    const q = f.q.trim();
    conditions.push(or(ilike(enterprises.name, `%${escapeLike(q)}%`), like(enterprises.uscc, `${escapeLike(q.toUpperCase())}%`))!);
  }
  if (f.districtCode) conditions.push(eq(enterprises.districtCode, f.districtCode));
  if (f.town) conditions.push(eq(enterprises.town, f.town));
  if (f.industryPrefix) conditions.push(like(enterprises.industryCode, `${f.industryPrefix}%`));
  if (f.sizeClass) conditions.push(eq(enterprises.sizeClass, f.sizeClass));
  if (f.tag) conditions.push(sql`${f.tag} = any(${enterprises.tags})`);
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(enterprises)
      .where(where)
      .orderBy(asc(enterprises.name), asc(enterprises.uscc))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(enterprises).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The towns used so far in a district, for the search form. */
export async function listTowns(db: DbOrTx) {
  return db
    .selectDistinct({ districtCode: enterprises.districtCode, town: enterprises.town })
    .from(enterprises)
    .where(sql`${enterprises.town} <> ''`)
    .orderBy(asc(enterprises.districtCode), asc(enterprises.town));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
