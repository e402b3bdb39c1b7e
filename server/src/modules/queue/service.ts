/**
 * What other modules use of the queue. Appointments (A.6) check in with
 * `issueTicket(db, { centerId, itemId, channel: 'appointment', priorityClass: 'appointment', appointmentId })`.
 */
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { businessClock } from '../../platform/calendar/clock.ts';
import { findTicket, findTicketByToken, listTickets, type TicketRow } from './tickets/repository.ts';
import { statusOf } from './tickets/service.ts';

export { issueTicket, type IssueTicketInput } from './tickets/service.ts';
export type { IssuedTicketDto, TicketDto, TicketStatusDto } from './tickets/contract.ts';
export { getSettings, listQueues } from './settings/service.ts';
export { closeEarlierDays } from './tickets/actions.ts';
export { queueOfItem } from './settings/service.ts';

/**
 * The center's tickets checked in from an appointment that are still waiting today, with how many
 * people will be called before each (for the appointments module's "almost your turn" SMS).
 */
export async function listWaitingAppointmentTickets(
  db: Db,
  centerId: string,
  now = new Date(),
): Promise<{ ticketId: string; appointmentId: string; displayNumber: string; ahead: number }[]> {
  const rows = await listTickets(db, { centerId, businessDate: businessClock(now).date, states: ['waiting', 'transferred'] });
  const waiting = rows.filter((r) => r.appointmentId !== null);
  const result = [];
  for (const row of waiting) {
    const { ahead } = await statusOf(db, row, '', now);
    if (ahead !== null) result.push({ ticketId: row.id, appointmentId: row.appointmentId!, displayNumber: row.displayNumber, ahead });
  }
  return result;
}

/** What evaluations (一次一评) need of a visit: where and by whom it was served, what, and when it ended. */
export type VisitFacts = {
  id: string;
  centerId: string;
  businessDate: string;
  displayNumber: string;
  isFinished: boolean;
  serviceEndedAt: Date | null;
  counterId: string | null;
  staffId: string | null;
  /** the first item handled (or the one the ticket was taken for) */
  itemId: string | null;
  uscc: string | null;
  phone: string | null;
};

export async function getVisitFacts(db: DbOrTx, ticketId: string): Promise<VisitFacts | null> {
  const row = await findTicket(db, ticketId);
  return row ? visitFactsOf(row) : null;
}

/** The visit whose receipt carries this token (the secret in the receipt's QR code). */
export async function findVisitByReceipt(db: DbOrTx, token: string): Promise<VisitFacts | null> {
  const row = await findTicketByToken(db, token);
  return row ? visitFactsOf(row) : null;
}

/** A visit of one business day by its number as printed (e.g. A012). */
export async function findVisitByNumber(db: DbOrTx, centerId: string, businessDate: string, displayNumber: string): Promise<VisitFacts | null> {
  const rows = await listTickets(db, { centerId, businessDate, q: displayNumber }, 20);
  const row = rows.find((r) => r.displayNumber === displayNumber.toUpperCase());
  return row ? visitFactsOf(row) : null;
}

function visitFactsOf(row: TicketRow): VisitFacts {
  return {
    id: row.id,
    centerId: row.centerId,
    businessDate: row.businessDate,
    displayNumber: row.displayNumber,
    isFinished: row.state === 'done',
    serviceEndedAt: row.serviceEndedAt,
    counterId: row.counterId,
    staffId: row.staffId,
    itemId: row.handledItemIds[0] ?? row.itemId,
    uscc: row.uscc,
    phone: row.phone,
  };
}
