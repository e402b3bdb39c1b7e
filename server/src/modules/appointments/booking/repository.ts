import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { staffDisplayName } from '../../staff/lookups.ts';
import { queueName } from '../../queue/lookups.ts';
import type { AppointmentState } from '../contract.ts';
import { appointmentEvents, appointments } from '../tables.ts';

export type AppointmentRow = Omit<typeof appointments.$inferSelect, 'state'> & { state: AppointmentState; queueName: string };
export type NewAppointment = typeof appointments.$inferInsert;

const selectRows = (db: DbOrTx) => db.select({ a: appointments, queueName: sql<string>`${queueName(appointments.queueId)}` }).from(appointments);
const toRow = (r: { a: typeof appointments.$inferSelect; queueName: string }): AppointmentRow => ({ ...r.a, state: r.a.state as AppointmentState, queueName: r.queueName });

export async function insertAppointment(tx: DbOrTx, row: NewAppointment): Promise<string> {
  const [created] = await tx.insert(appointments).values(row).returning({ id: appointments.id });
  return created!.id;
}

export async function findById(db: DbOrTx, id: string): Promise<AppointmentRow | undefined> {
  const [row] = await selectRows(db).where(eq(appointments.id, id));
  return row && toRow(row);
}

export async function findByCode(db: DbOrTx, code: string): Promise<AppointmentRow | undefined> {
  const [row] = await selectRows(db).where(eq(appointments.code, code));
  return row && toRow(row);
}

/** Locks the booking for the rest of the transaction and returns it as it is now. */
export async function lockById(tx: DbOrTx, id: string): Promise<AppointmentRow | undefined> {
  const [locked] = await tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.id, id)).for('update');
  return locked ? findById(tx, id) : undefined;
}

/** The applicant's active booking for the item on the date, other than `exceptId`. */
export async function findActiveForApplicant(
  db: DbOrTx,
  f: { centerId: string; applicantKey: string; itemId: string; date: string; exceptId?: string },
): Promise<{ id: string; code: string } | undefined> {
  const conditions = [
    eq(appointments.centerId, f.centerId),
    eq(appointments.applicantKey, f.applicantKey),
    eq(appointments.itemId, f.itemId),
    eq(appointments.date, f.date),
    inArray(appointments.state, ['booked', 'checked_in']),
  ];
  if (f.exceptId) conditions.push(ne(appointments.id, f.exceptId));
  const [row] = await db.select({ id: appointments.id, code: appointments.code }).from(appointments).where(and(...conditions));
  return row;
}

export type AppointmentChange = Partial<
  Pick<
    NewAppointment,
    | 'state'
    | 'slotScope'
    | 'slotScopeId'
    | 'date'
    | 'startMinute'
    | 'endMinute'
    | 'ticketId'
    | 'checkedInAt'
    | 'cancelledAt'
    | 'cancelledBy'
    | 'cancelReason'
    | 'noShowAt'
    | 'remindedForDate'
    | 'ticketReminderSentAt'
  >
> & { rescheduled?: boolean };

export async function updateAppointment(tx: DbOrTx, id: string, change: AppointmentChange): Promise<void> {
  const { rescheduled, ...fields } = change;
  await tx
    .update(appointments)
    .set({
      ...fields,
      ...(rescheduled ? { rescheduleCount: sql`${appointments.rescheduleCount} + 1` } : {}),
      updatedAt: sql`now()`,
      version: sql`${appointments.version} + 1`,
    })
    .where(eq(appointments.id, id));
}

export async function insertEvent(
  tx: DbOrTx,
  e: { appointmentId: string; action: string; fromState: AppointmentState | null; toState: AppointmentState; actor: string; staffId?: string | null; at?: Date; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(appointmentEvents).values(e);
}

export async function listEvents(db: DbOrTx, appointmentId: string) {
  return db
    .select({
      action: appointmentEvents.action,
      fromState: appointmentEvents.fromState,
      toState: appointmentEvents.toState,
      actor: appointmentEvents.actor,
      staffName: staffDisplayName(appointmentEvents.staffId),
      at: appointmentEvents.at,
      detail: appointmentEvents.detail,
    })
    .from(appointmentEvents)
    .where(eq(appointmentEvents.appointmentId, appointmentId))
    .orderBy(asc(appointmentEvents.id));
}

export type AppointmentFilter = {
  centerId?: string;
  date?: string;
  fromDate?: string;
  toDate?: string;
  states?: AppointmentState[];
  code?: string;
  phoneHash?: string;
  uscc?: string;
  queueId?: string;
};

export async function listAppointments(db: DbOrTx, f: AppointmentFilter, limit = 1000): Promise<AppointmentRow[]> {
  const conditions = [];
  if (f.centerId) conditions.push(eq(appointments.centerId, f.centerId));
  if (f.date) conditions.push(eq(appointments.date, f.date));
  if (f.fromDate) conditions.push(gte(appointments.date, f.fromDate));
  if (f.toDate) conditions.push(lte(appointments.date, f.toDate));
  if (f.states?.length) conditions.push(inArray(appointments.state, f.states));
  if (f.code) conditions.push(eq(appointments.code, f.code));
  if (f.phoneHash) conditions.push(eq(appointments.phoneHash, f.phoneHash));
  if (f.uscc) conditions.push(eq(appointments.uscc, f.uscc));
  if (f.queueId) conditions.push(eq(appointments.queueId, f.queueId));
  const rows = await selectRows(db)
    .where(and(...conditions))
    .orderBy(desc(appointments.date), asc(appointments.startMinute), asc(appointments.createdAt))
    .limit(limit);
  return rows.map(toRow);
}

/** The booking whose check-in issued this ticket. */
export async function findByTicket(db: DbOrTx, ticketId: string): Promise<AppointmentRow | undefined> {
  const [row] = await selectRows(db).where(eq(appointments.ticketId, ticketId));
  return row && toRow(row);
}
