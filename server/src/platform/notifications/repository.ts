import { and, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { notificationMessages } from './tables.ts';
import { withinCenters } from '../db/center-scope.ts';

export type MessageRow = typeof notificationMessages.$inferSelect;

export async function insertMessage(db: DbOrTx, row: typeof notificationMessages.$inferInsert): Promise<string> {
  const [created] = await db.insert(notificationMessages).values(row).returning({ id: notificationMessages.id });
  return created!.id;
}

export async function deleteMessage(db: DbOrTx, id: string) {
  await db.delete(notificationMessages).where(eq(notificationMessages.id, id));
}

export async function findMessage(db: DbOrTx, id: string): Promise<MessageRow | undefined> {
  const [row] = await db.select().from(notificationMessages).where(eq(notificationMessages.id, id));
  return row;
}

export async function markSent(db: DbOrTx, id: string, transport: string, ref: string) {
  await db
    .update(notificationMessages)
    .set({ status: 'sent', transport, transportRef: ref, sentAt: sql`now()`, attempts: sql`${notificationMessages.attempts} + 1`, lastError: null })
    .where(eq(notificationMessages.id, id));
}

export async function markAttemptFailed(db: DbOrTx, id: string, transport: string, error: string, isFinal: boolean) {
  await db
    .update(notificationMessages)
    .set({ status: isFinal ? 'failed' : 'queued', transport, attempts: sql`${notificationMessages.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(eq(notificationMessages.id, id));
}

export type MessageFilter = {
  centerId?: string;
  /** only messages of these centers (the reader's scope) and of none; null: the whole installation */
  centers?: readonly string[] | null;
  relatedType?: string;
  relatedId?: string;
  recipientHash?: string;
  status?: 'queued' | 'sent' | 'failed';
  page: number;
  pageSize: number;
};

export async function listMessages(db: DbOrTx, f: MessageFilter) {
  const conditions: SQL[] = [];
  if (f.centerId) conditions.push(eq(notificationMessages.centerId, f.centerId));
  // a message of no center (a policy push to an enterprise) is the installation's, shown to every reader
  const scoped = withinCenters(notificationMessages.centerId, f.centers);
  if (scoped) conditions.push(or(isNull(notificationMessages.centerId), scoped)!);
  if (f.relatedType) conditions.push(eq(notificationMessages.relatedType, f.relatedType));
  if (f.relatedId) conditions.push(eq(notificationMessages.relatedId, f.relatedId));
  if (f.recipientHash) conditions.push(eq(notificationMessages.recipientHash, f.recipientHash));
  if (f.status) conditions.push(eq(notificationMessages.status, f.status));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(notificationMessages)
      .where(where)
      .orderBy(desc(notificationMessages.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(notificationMessages).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
