import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { ContactRole } from '../contract.ts';
import { insertJsonRows } from '../../../platform/db/bulk-insert.ts';
import { enterpriseContacts, enterprises, people } from '../tables.ts';

const masked = {
  id: people.id,
  name: people.name,
  idNumberMasked: people.idNumberMasked,
  phoneMasked: people.phoneMasked,
  version: people.version,
  createdAt: people.createdAt,
};

export type PersonRow = Awaited<ReturnType<typeof findPerson>> & {};

export type PersonWrite = {
  name: string;
  idNumberCipher: string;
  idNumberHash: string;
  idNumberMasked: string;
  phoneCipher: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  recordedCenterId?: string | null;
};

export async function findPerson(db: DbOrTx, id: string) {
  const [row] = await db.select(masked).from(people).where(eq(people.id, id));
  return row;
}

export async function findPersonByIdHash(db: DbOrTx, idNumberHash: string) {
  const [row] = await db.select(masked).from(people).where(eq(people.idNumberHash, idNumberHash));
  return row;
}

/** The encrypted fields, read only to unmask one record. */
export async function findCiphers(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, idNumberCipher: people.idNumberCipher, phoneCipher: people.phoneCipher, recordedCenterId: people.recordedCenterId })
    .from(people)
    .where(eq(people.id, id));
  return row;
}

export async function insertPerson(db: DbOrTx, fields: PersonWrite): Promise<string | undefined> {
  const [row] = await db.insert(people).values(fields).onConflictDoNothing({ target: people.idNumberHash }).returning({ id: people.id });
  return row?.id;
}

/** Inserts people; returns their ids by ID-number hash. */
export async function insertPeople(db: DbOrTx, rows: PersonWrite[]): Promise<Map<string, string>> {
  const inserted = await insertJsonRows(db, people, rows, ['id', 'idNumberHash']);
  return new Map(inserted.map((r) => [r.idNumberHash as string, r.id as string]));
}

export async function updatePerson(db: DbOrTx, id: string, version: number, fields: Partial<PersonWrite>): Promise<boolean> {
  const rows = await db
    .update(people)
    .set({ ...fields, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(people.id, id), eq(people.version, version)))
    .returning({ id: people.id });
  return rows.length === 1;
}

export async function searchPeople(db: DbOrTx, f: { name?: string; idNumberHash?: string; phoneHash?: string; page: number; pageSize: number }) {
  const conditions: SQL[] = [];
  if (f.name) conditions.push(ilike(people.name, `%${f.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.idNumberHash) conditions.push(eq(people.idNumberHash, f.idNumberHash));
  if (f.phoneHash) conditions.push(eq(people.phoneHash, f.phoneHash));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select(masked).from(people).where(where).orderBy(asc(people.name), asc(people.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(people).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function contactsOfEnterprise(db: DbOrTx, enterpriseId: string) {
  return db
    .select({ id: enterpriseContacts.id, role: enterpriseContacts.role, person: masked })
    .from(enterpriseContacts)
    .innerJoin(people, eq(people.id, enterpriseContacts.personId))
    .where(eq(enterpriseContacts.enterpriseId, enterpriseId))
    .orderBy(asc(enterpriseContacts.createdAt));
}

export async function enterprisesOfPerson(db: DbOrTx, personId: string) {
  return db
    .select({ contactId: enterpriseContacts.id, role: enterpriseContacts.role, enterpriseId: enterprises.id, uscc: enterprises.uscc, name: enterprises.name })
    .from(enterpriseContacts)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseContacts.enterpriseId))
    .where(eq(enterpriseContacts.personId, personId))
    .orderBy(asc(enterprises.name));
}

export async function insertContact(db: DbOrTx, enterpriseId: string, personId: string, role: ContactRole): Promise<string | undefined> {
  const [row] = await db.insert(enterpriseContacts).values({ enterpriseId, personId, role }).onConflictDoNothing().returning({ id: enterpriseContacts.id });
  return row?.id;
}

export async function insertContacts(db: DbOrTx, rows: { enterpriseId: string; personId: string; role: ContactRole }[]) {
  await insertJsonRows(db, enterpriseContacts, rows);
}

export async function deleteContact(db: DbOrTx, enterpriseId: string, contactId: string): Promise<boolean> {
  const rows = await db
    .delete(enterpriseContacts)
    .where(and(eq(enterpriseContacts.id, contactId), eq(enterpriseContacts.enterpriseId, enterpriseId)))
    .returning({ id: enterpriseContacts.id });
  return rows.length === 1;
}
