import crypto from 'node:crypto';
import type { Db } from '../../../platform/db/database.ts';
import type { GreenReason, PriorityClass, TicketChannel, TicketState } from '../contract.ts';
import { displayNumberOf } from '../tickets/estimate.ts';
import * as repo from './repository.ts';
import { raiseDaily } from '../numbering/repository.ts';
import { publishVisitsFinished } from '../visits.ts';

/** A finished ticket of an earlier time, as the demo's history generator (or an import) gives it. */
export type PastTicket = {
  centerId: string;
  queue: { id: string; prefix: string };
  businessDate: string;
  number: number;
  state: Extract<TicketState, 'done' | 'no_show' | 'cancelled'>;
  channel: TicketChannel;
  priorityClass: PriorityClass;
  greenReason: GreenReason | null;
  theme: string | null;
  itemId: string | null;
  uscc: string | null;
  issuedAt: Date;
  calledAt: Date | null;
  serviceStartedAt: Date | null;
  serviceEndedAt: Date | null;
  counterId: string | null;
  staffId: string | null;
  recallCount: number;
  /** of a finished ticket: the items handled (by default the ticket's own) */
  handledItemIds?: string[];
};

/**
 * Loads past tickets in bulk, in one transaction, and moves each queue's day counter past them so
 * that tickets taken later that day continue the numbering; the finished ones publish
 * `visit.finished` like any other. Returns the ids given to the tickets.
 */
export async function loadPastTickets(db: Db, past: PastTicket[]): Promise<string[]> {
  const records: repo.TicketRecord[] = past.map((t) => ({
    id: crypto.randomUUID(),
    centerId: t.centerId,
    queueId: t.queue.id,
    issuedQueueId: t.queue.id,
    businessDate: t.businessDate,
    number: t.number,
    displayNumber: displayNumberOf(t.queue.prefix, t.number),
    token: crypto.randomBytes(16).toString('base64url'),
    state: t.state,
    channel: t.channel,
    priorityClass: t.priorityClass,
    greenReason: t.greenReason,
    theme: t.theme,
    itemId: t.itemId,
    uscc: t.uscc,
    phoneCipher: null,
    phoneMasked: null,
    phoneHash: null,
    appointmentId: null,
    issuedBy: null,
    issuedAt: t.issuedAt,
    sortAt: t.issuedAt,
    calledAt: t.calledAt,
    lastCalledAt: t.calledAt,
    recallCount: t.recallCount,
    serviceStartedAt: t.serviceStartedAt,
    serviceEndedAt: t.serviceEndedAt,
    counterId: t.counterId,
    staffId: t.staffId,
    handledItemIds: t.state !== 'done' ? [] : (t.handledItemIds ?? (t.itemId ? [t.itemId] : [])),
    cancelReason: t.state === 'cancelled' ? 'holder' : null,
  }));
  const counters = new Map<string, { scope: 'number' | 'queue_walk_in'; scopeId: string; businessDate: string; value: number }>();
  const bump = (scope: 'number' | 'queue_walk_in', scopeId: string, businessDate: string, value: number, add: boolean) => {
    const key = `${scope}:${scopeId}:${businessDate}`;
    const current = counters.get(key);
    const next = add ? (current?.value ?? 0) + 1 : Math.max(current?.value ?? 0, value);
    counters.set(key, { scope, scopeId, businessDate, value: next });
  };
  for (const t of past) {
    bump('number', t.queue.id, t.businessDate, t.number, false);
    if (t.channel !== 'appointment') bump('queue_walk_in', t.queue.id, t.businessDate, 0, true);
  }
  await db.transaction(async (tx) => {
    await repo.insertTicketRecords(tx, records);
    await raiseDaily(tx, [...counters.values()]);
    await publishVisitsFinished(
      tx,
      records.filter((r) => r.state === 'done' && r.serviceEndedAt).map((r) => ({ ...r, counterId: r.counterId ?? null, staffId: r.staffId ?? null, itemId: r.itemId ?? null, uscc: r.uscc ?? null, phoneCipher: null, phoneMasked: null, serviceStartedAt: r.serviceStartedAt ?? null, serviceEndedAt: r.serviceEndedAt ?? null, handledItemIds: r.handledItemIds ?? [], channel: r.channel ?? 'kiosk' })),
    );
  });
  return records.map((r) => r.id);
}
