import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { CreditKind } from '../contract.ts';
import { insertJsonRows } from '../../../platform/db/bulk-insert.ts';
import { creditRecords } from '../tables.ts';

const columns = {
  id: creditRecords.id,
  enterpriseId: creditRecords.enterpriseId,
  personId: creditRecords.personId,
  kind: creditRecords.kind,
  source: creditRecords.source,
  sourceReference: creditRecords.sourceReference,
  description: creditRecords.description,
  recordedOn: creditRecords.recordedOn,
  repairedOn: creditRecords.repairedOn,
  repairNote: creditRecords.repairNote,
  recordedBy: creditRecords.recordedBy,
  version: creditRecords.version,
  createdAt: creditRecords.createdAt,
};

export type CreditRow = Awaited<ReturnType<typeof findRecord>> & {};

export type CreditWrite = {
  enterpriseId: string | null;
  personId: string | null;
  kind: CreditKind;
  source: string;
  sourceReference: string;
  description: string;
  recordedOn: string;
  recordedBy: string;
  repairedOn?: string | null;
  repairNote?: string;
};

export async function findRecord(db: DbOrTx, id: string) {
  const [row] = await db.select(columns).from(creditRecords).where(eq(creditRecords.id, id));
  return row;
}

export async function recordsOf(db: DbOrTx, subject: { enterpriseId: string } | { personId: string }) {
  const where = 'enterpriseId' in subject ? eq(creditRecords.enterpriseId, subject.enterpriseId) : eq(creditRecords.personId, subject.personId);
  return db.select(columns).from(creditRecords).where(where).orderBy(desc(creditRecords.recordedOn), asc(creditRecords.createdAt));
}

/** Records not yet repaired, of the given kinds. */
export async function unrepairedOf(db: DbOrTx, subject: { enterpriseId: string } | { personId: string }, kinds: readonly CreditKind[]) {
  const who = 'enterpriseId' in subject ? eq(creditRecords.enterpriseId, subject.enterpriseId) : eq(creditRecords.personId, subject.personId);
  return db
    .select(columns)
    .from(creditRecords)
    .where(and(who, isNull(creditRecords.repairedOn), inArray(creditRecords.kind, [...kinds])))
    .orderBy(asc(creditRecords.recordedOn));
}

export async function insertRecord(db: DbOrTx, fields: CreditWrite): Promise<string> {
  const [row] = await db.insert(creditRecords).values(fields).returning({ id: creditRecords.id });
  return row!.id;
}

export async function insertRecords(db: DbOrTx, rows: CreditWrite[]) {
  await insertJsonRows(db, creditRecords, rows.map((r) => ({ ...r, repairedOn: r.repairedOn ?? null, repairNote: r.repairNote ?? '' })));
}

/** Marks a record repaired; false when it changed meanwhile or was repaired already. */
export async function repairRecord(db: DbOrTx, id: string, version: number, repairedOn: string, note: string): Promise<boolean> {
  const rows = await db
    .update(creditRecords)
    .set({ repairedOn, repairNote: note, version: sql`${creditRecords.version} + 1` })
    .where(and(eq(creditRecords.id, id), eq(creditRecords.version, version), isNull(creditRecords.repairedOn)))
    .returning({ id: creditRecords.id });
  return rows.length === 1;
}
