/**
 * What other modules use of the queue. Appointments (A.6) check in with
 * `issueTicket(db, { centerId, itemId, channel: 'appointment', priorityClass: 'appointment', appointmentId })`.
 */
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { businessClock } from '../../platform/calendar/clock.ts';
import { listDisplayNumbers, listTickets } from './tickets/repository.ts';
import { statusOf } from './tickets/service.ts';

export { issueTicket, type IssueTicketInput } from './tickets/service.ts';
export { openTicketPhone } from './tickets/phone.ts';
export type { IssuedTicketDto, TicketDto, TicketStatusDto } from './tickets/contract.ts';
export { getSettings, listQueues } from './settings/service.ts';
export { closeEarlierDays } from './tickets/actions.ts';
export { queueOfItem } from './settings/service.ts';
export { authorizeEvaluator } from './evaluator/service.ts';
export { queueConsumers } from './visits.ts';

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

/** Tickets' numbers as printed (A012), by id: the guidance desk shows the ticket it took with each inquiry. */
export async function ticketNumbersOf(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await listDisplayNumbers(db, ids)).map((t) => [t.id, t.displayNumber]));
}
