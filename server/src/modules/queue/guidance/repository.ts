import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { staffDisplayName } from '../../staff/lookups.ts';
import type { InquiryMode, InquiryOutcome } from '../contract.ts';
import { inquiries, tickets } from '../tables.ts';

export type InquiryFields = {
  centerId: string;
  businessDate: string;
  firstResponderId: string;
  mode: InquiryMode;
  subject: string;
  theme: string | null;
  itemId: string | null;
  uscc: string | null;
  phone: string | null;
  outcome: InquiryOutcome;
  ticketId: string | null;
  note: string;
};

export async function insertInquiry(db: DbOrTx, fields: InquiryFields): Promise<string> {
  const [row] = await db.insert(inquiries).values(fields).returning({ id: inquiries.id });
  return row!.id;
}

const columns = {
  id: inquiries.id,
  centerId: inquiries.centerId,
  businessDate: inquiries.businessDate,
  askedAt: inquiries.askedAt,
  firstResponderId: inquiries.firstResponderId,
  firstResponderName: sql<string>`${staffDisplayName(inquiries.firstResponderId)}`,
  mode: inquiries.mode,
  subject: inquiries.subject,
  theme: inquiries.theme,
  itemId: inquiries.itemId,
  uscc: inquiries.uscc,
  phone: inquiries.phone,
  outcome: inquiries.outcome,
  ticketId: inquiries.ticketId,
  ticketDisplayNumber: tickets.displayNumber,
  note: inquiries.note,
};

const select = (db: DbOrTx) =>
  db.select(columns).from(inquiries).leftJoin(tickets, eq(tickets.id, inquiries.ticketId));

export async function findInquiry(db: DbOrTx, id: string) {
  const [row] = await select(db).where(eq(inquiries.id, id));
  return row;
}

export async function listInquiries(db: DbOrTx, centerId: string, businessDate: string) {
  return select(db)
    .where(and(eq(inquiries.centerId, centerId), eq(inquiries.businessDate, businessDate)))
    .orderBy(desc(inquiries.askedAt))
    .limit(500);
}
