import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { RATING_RECORDED, ratingRecorded, receiptTokenHash, VISIT_FINISHED, type VisitFinished } from '../../platform/events/domain.ts';
import { enqueue, enqueueMany, type OutboxHandler } from '../../platform/outbox/service.ts';
import { getCounter } from '../venue/service.ts';
import { publishQueueEvent } from './events.ts';
import { findTicket, markTicketRated, type TicketRow } from './tickets/repository.ts';

/**
 * The queue's domain events (ARCHITECTURE.md, "Events"): it publishes `visit.finished` when a
 * ticket is served to its end, and consumes `rating.recorded` so the evaluator stops asking.
 */

type FinishedTicket = Pick<TicketRow, 'id' | 'centerId' | 'displayNumber' | 'businessDate' | 'token' | 'counterId' | 'staffId' | 'itemId' | 'handledItemIds' | 'uscc' | 'phoneCipher' | 'phoneMasked' | 'channel' | 'issuedAt' | 'serviceStartedAt' | 'serviceEndedAt'>;

function visitFinishedOf(ticket: FinishedTicket): VisitFinished {
  return {
    ticketId: ticket.id,
    centerId: ticket.centerId,
    displayNumber: ticket.displayNumber,
    businessDate: ticket.businessDate,
    receiptTokenHash: receiptTokenHash(ticket.token),
    counterId: ticket.counterId,
    staffId: ticket.staffId,
    // what was handled (none for a consultation), not what the ticket was taken for
    itemIds: ticket.handledItemIds,
    uscc: ticket.uscc,
    // still encrypted: evaluations opens it only to send the rating invitation
    phoneCipher: ticket.phoneCipher,
    phoneMasked: ticket.phoneMasked,
    channel: ticket.channel,
    issuedAt: ticket.issuedAt.toISOString(),
    serviceStartedAt: ticket.serviceStartedAt?.toISOString() ?? null,
    finishedAt: ticket.serviceEndedAt!.toISOString(),
  };
}

/** In the transaction that finishes the ticket (with its finished state). */
export async function publishVisitFinished(tx: DbOrTx, ticket: FinishedTicket): Promise<void> {
  await enqueue(tx, { topic: VISIT_FINISHED, dedupeKey: `visit-finished:${ticket.id}`, payload: visitFinishedOf(ticket) });
}

/** Finished tickets loaded in bulk (history): they carry no phone. */
export async function publishVisitsFinished(tx: DbOrTx, tickets: FinishedTicket[]): Promise<void> {
  await enqueueMany(
    tx,
    tickets.map((t) => ({ topic: VISIT_FINISHED, dedupeKey: `visit-finished:${t.id}`, payload: visitFinishedOf({ ...t, phoneCipher: null, phoneMasked: null }) })),
  );
}

/** What the queue consumes from the outbox. */
export const queueConsumers: Record<string, OutboxHandler> = {
  [RATING_RECORDED]: async (payload, { tx }) => {
    const event = ratingRecorded.parse(payload);
    if (event.subject.kind !== 'visit') return;
    const ticket = await findTicket(tx, event.subject.id);
    if (!ticket || ticket.ratedAt) return;
    await markTicketRated(tx, ticket.id, new Date(event.ratedAt));
    if (ticket.counterId) {
      const counter = await getCounter(tx as Db, ticket.counterId);
      await publishQueueEvent(tx, ticket.centerId, { kind: 'ticket', action: 'rated', ticketId: ticket.id, counterId: counter.id, zoneId: counter.zoneId });
    }
  },
};
