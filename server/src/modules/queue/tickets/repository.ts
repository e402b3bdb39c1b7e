import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { counterNumber } from '../../venue/lookups.ts';
import { staffDisplayName } from '../../staff/lookups.ts';
import type { GreenReason, PriorityClass, TicketChannel, TicketState } from '../contract.ts';
import { counterSessions, queues, ticketEvents, tickets } from '../tables.ts';
import { CALLABLE_STATES } from './workflow.ts';

export type NewTicket = {
  centerId: string;
  queueId: string;
  issuedQueueId: string;
  businessDate: string;
  number: number;
  displayNumber: string;
  token: string;
  state: TicketState;
  channel: TicketChannel;
  priorityClass: PriorityClass;
  greenReason: GreenReason | null;
  theme: string | null;
  itemId: string | null;
  uscc: string | null;
  phoneCipher: string | null;
  phoneMasked: string | null;
  phoneHash: string | null;
  appointmentId: string | null;
  issuedBy: string | null;
  counterId?: string | null;
  staffId?: string | null;
  calledAt?: Date | null;
  lastCalledAt?: Date | null;
  serviceStartedAt?: Date | null;
};

/** Issue time and place in line are taken after the day's number is locked, so they follow the numbers. */
export async function insertTicket(tx: DbOrTx, fields: NewTicket): Promise<string> {
  const [row] = await tx
    .insert(tickets)
    .values({ issuedAt: sql`clock_timestamp()`, sortAt: sql`clock_timestamp()`, ...fields })
    .returning({ id: tickets.id });
  return row!.id;
}

export type TicketEventRow = {
  ticketId: string;
  action: string;
  fromState: TicketState | null;
  toState: TicketState;
  staffId?: string | null;
  counterId?: string | null;
  queueId?: string | null;
  detail?: Record<string, unknown>;
};

export async function insertTicketEvent(tx: DbOrTx, e: TicketEventRow): Promise<void> {
  await tx.insert(ticketEvents).values(e);
}

const ticketColumns = {
  id: tickets.id,
  centerId: tickets.centerId,
  queueId: tickets.queueId,
  queueName: queues.name,
  queuePrefix: queues.prefix,
  issuedQueueId: tickets.issuedQueueId,
  businessDate: tickets.businessDate,
  number: tickets.number,
  displayNumber: tickets.displayNumber,
  token: tickets.token,
  state: tickets.state,
  channel: tickets.channel,
  priorityClass: tickets.priorityClass,
  greenReason: tickets.greenReason,
  theme: tickets.theme,
  itemId: tickets.itemId,
  uscc: tickets.uscc,
  phoneCipher: tickets.phoneCipher,
  phoneMasked: tickets.phoneMasked,
  appointmentId: tickets.appointmentId,
  issuedAt: tickets.issuedAt,
  sortAt: tickets.sortAt,
  calledAt: tickets.calledAt,
  lastCalledAt: tickets.lastCalledAt,
  recallCount: tickets.recallCount,
  serviceStartedAt: tickets.serviceStartedAt,
  serviceEndedAt: tickets.serviceEndedAt,
  ratedAt: tickets.ratedAt,
  counterId: tickets.counterId,
  counterNumber: counterNumber(tickets.counterId),
  staffId: tickets.staffId,
  staffName: staffDisplayName(tickets.staffId),
  targetCounterId: tickets.targetCounterId,
  targetCounterNumber: counterNumber(tickets.targetCounterId),
  handledItemIds: tickets.handledItemIds,
  cancelReason: tickets.cancelReason,
  version: tickets.version,
};
export type TicketRow = {
  id: string;
  centerId: string;
  queueId: string;
  queueName: string;
  queuePrefix: string;
  issuedQueueId: string;
  businessDate: string;
  number: number;
  displayNumber: string;
  token: string;
  state: TicketState;
  channel: TicketChannel;
  priorityClass: PriorityClass;
  greenReason: GreenReason | null;
  theme: string | null;
  itemId: string | null;
  uscc: string | null;
  /** the visitor's phone, encrypted (tickets/phone.ts opens it) and masked */
  phoneCipher: string | null;
  phoneMasked: string | null;
  appointmentId: string | null;
  issuedAt: Date;
  sortAt: Date;
  calledAt: Date | null;
  lastCalledAt: Date | null;
  recallCount: number;
  serviceStartedAt: Date | null;
  serviceEndedAt: Date | null;
  ratedAt: Date | null;
  counterId: string | null;
  counterNumber: string | null;
  staffId: string | null;
  staffName: string | null;
  targetCounterId: string | null;
  targetCounterNumber: string | null;
  handledItemIds: string[];
  cancelReason: string | null;
  version: number;
};

const selectTickets = (db: DbOrTx) => db.select(ticketColumns).from(tickets).innerJoin(queues, eq(queues.id, tickets.queueId));

export async function findTicket(db: DbOrTx, id: string): Promise<TicketRow | undefined> {
  const [row] = await selectTickets(db).where(eq(tickets.id, id));
  return row as TicketRow | undefined;
}

/** The numbers as printed (A012) of the given tickets. */
export async function listDisplayNumbers(db: DbOrTx, ids: readonly string[]): Promise<{ id: string; displayNumber: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: tickets.id, displayNumber: tickets.displayNumber }).from(tickets).where(inArray(tickets.id, [...ids]));
}

export async function findTicketByToken(db: DbOrTx, token: string): Promise<TicketRow | undefined> {
  const [row] = await selectTickets(db).where(eq(tickets.token, token));
  return row as TicketRow | undefined;
}

/** Locks the ticket for the rest of the transaction and returns it as it is now. */
export async function lockTicket(tx: DbOrTx, id: string): Promise<TicketRow | undefined> {
  const [row] = await selectTickets(tx).where(eq(tickets.id, id)).for('update', { of: tickets });
  return row as TicketRow | undefined;
}

/** `q` finds a display number or credit code; `phoneHash` (the keyed hash of the same text, when it is a phone number) finds a phone. */
export type TicketFilter = { centerId: string; businessDate: string; states?: TicketState[]; queueId?: string; q?: string; phoneHash?: string | null };

export async function listTickets(db: DbOrTx, f: TicketFilter, limit = 500): Promise<TicketRow[]> {
  const conditions = [eq(tickets.centerId, f.centerId), eq(tickets.businessDate, f.businessDate)];
  if (f.states?.length) conditions.push(inArray(tickets.state, f.states));
  if (f.queueId) conditions.push(eq(tickets.queueId, f.queueId));
  if (f.q) {
    const matches = [eq(tickets.displayNumber, f.q.toUpperCase()), eq(tickets.uscc, f.q.toUpperCase())];
    if (f.phoneHash) matches.push(eq(tickets.phoneHash, f.phoneHash));
    conditions.push(or(...matches)!);
  }
  const rows = await selectTickets(db)
    .where(and(...conditions))
    .orderBy(desc(tickets.issuedAt))
    .limit(limit);
  return rows as TicketRow[];
}

export type CandidateRow = { id: string; priorityClass: PriorityClass; number: number; sortKey: number };

/**
 * Tickets a counter may call: waiting in one of its queues (and not sent to a named counter), or
 * sent to this counter by name. Only the oldest `perClass` of each class can be next.
 */
export async function listCallCandidates(
  db: DbOrTx,
  f: { centerId: string; businessDate: string; queueIds: string[]; counterId: string | null; perClass: number },
): Promise<CandidateRow[]> {
  const reach = [and(inArray(tickets.queueId, f.queueIds), isNull(tickets.targetCounterId))];
  if (f.counterId) reach.push(eq(tickets.targetCounterId, f.counterId));
  const ranked = db
    .select({
      id: tickets.id,
      priorityClass: tickets.priorityClass,
      number: tickets.number,
      sortKey: sql<string>`(extract(epoch from ${tickets.sortAt}) * 1000000)::bigint`.as('sort_key'),
      rn: sql<number>`row_number() over (partition by ${tickets.priorityClass} order by ${tickets.sortAt}, ${tickets.number})`.as('rn'),
    })
    .from(tickets)
    .where(and(eq(tickets.centerId, f.centerId), eq(tickets.businessDate, f.businessDate), inArray(tickets.state, [...CALLABLE_STATES]), or(...reach)))
    .as('ranked');
  const rows = await db.select().from(ranked).where(lte(ranked.rn, f.perClass));
  // sort_key is in microseconds; the priority rule's bound is in milliseconds (fractions keep the order exact).
  return rows.map((r) => ({ id: r.id, priorityClass: r.priorityClass as PriorityClass, number: r.number, sortKey: Number(r.sortKey) / 1000 }));
}

/**
 * How many callable tickets go before this one, by the priority rule, counted in the database:
 * higher classes unless they arrived more than the fairness bound after it, the same class if
 * older, lower classes if older by more than the bound. Exact for a ticket just taken (the newest
 * of its line); for older tickets a close estimate.
 */
export async function countAhead(
  db: DbOrTx,
  f: { ticketId: string; queueIds: string[]; counterId: string | null; higher: PriorityClass[]; lower: PriorityClass[]; maxExtraWaitMs: number },
): Promise<number> {
  const self = alias(tickets, 'self');
  const bound = sql`(${f.maxExtraWaitMs} * interval '1 millisecond')`;
  const reach = [and(inArray(tickets.queueId, f.queueIds), isNull(tickets.targetCounterId))];
  if (f.counterId) reach.push(eq(tickets.targetCounterId, f.counterId));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .innerJoin(self, and(eq(self.id, f.ticketId), eq(self.centerId, tickets.centerId), eq(self.businessDate, tickets.businessDate)))
    .where(
      and(
        inArray(tickets.state, [...CALLABLE_STATES]),
        ne(tickets.id, self.id),
        or(...reach),
        or(
          and(inArray(tickets.priorityClass, f.higher), sql`${tickets.sortAt} <= ${self.sortAt} + ${bound}`),
          and(eq(tickets.priorityClass, self.priorityClass), sql`(${tickets.sortAt}, ${tickets.number}) < (${self.sortAt}, ${self.number})`),
          and(inArray(tickets.priorityClass, f.lower), sql`${tickets.sortAt} < ${self.sortAt} - ${bound}`),
        ),
      ),
    );
  return row?.n ?? 0;
}

/** Locks and returns the ticket if it is still callable and no other counter holds it. */
export async function tryLockCallable(tx: DbOrTx, id: string): Promise<TicketRow | undefined> {
  const [row] = await selectTickets(tx)
    .where(and(eq(tickets.id, id), inArray(tickets.state, [...CALLABLE_STATES])))
    .for('update', { of: tickets, skipLocked: true });
  return row as TicketRow | undefined;
}

export type TicketChange = Partial<{
  state: TicketState;
  queueId: string;
  calledAt: Date | null;
  lastCalledAt: Date | null;
  recallCount: number;
  serviceStartedAt: Date | null;
  serviceEndedAt: Date | null;
  counterId: string | null;
  staffId: string | null;
  targetCounterId: string | null;
  handledItemIds: string[];
  cancelReason: string | null;
}>;

/**
 * One statement for a counter's action: the ticket's change, the counter session's ticket in hand
 * (when it changes), the event row and its notification (delivered on commit).
 */
export async function applyTicketChange(
  tx: DbOrTx,
  a: { ticketId: string; change: TicketChange; session?: { id: string; currentTicketId: string | null }; event: TicketEventRow; notify: { channel: string; payload: Record<string, unknown> } },
): Promise<void> {
  const ticket = tx
    .update(tickets)
    .set({ ...a.change, version: sql`${tickets.version} + 1` })
    .where(eq(tickets.id, a.ticketId))
    .returning({ id: tickets.id });
  const session = a.session
    ? sql`, s as (${tx
        .update(counterSessions)
        .set({ currentTicketId: a.session.currentTicketId, version: sql`${counterSessions.version} + 1` })
        .where(eq(counterSessions.id, a.session.id))
        .returning({ id: counterSessions.id })
        .getSQL()})`
    : sql``;
  const e = a.event;
  await tx.execute(sql`
    with t as (${ticket.getSQL()})${session},
    e as (
      insert into ${ticketEvents} (ticket_id, action, from_state, to_state, staff_id, counter_id, queue_id, detail)
      select t.id, ${e.action}, ${e.fromState}, ${e.toState}, ${e.staffId ?? null}::uuid, ${e.counterId ?? null}::uuid, ${e.queueId ?? null}::uuid,
        ${e.detail ? JSON.stringify(e.detail) : null}::jsonb
      from t returning id)
    select pg_notify(${a.notify.channel}, ${JSON.stringify(a.notify.payload)}) from e`);
}

export async function updateTicket(tx: DbOrTx, id: string, change: TicketChange): Promise<void> {
  await tx
    .update(tickets)
    .set({ ...change, version: sql`${tickets.version} + 1` })
    .where(eq(tickets.id, id));
}

/** Notes that the visit was rated (evaluations' `rating.recorded`); not a change of the ticket's own state, so its version stays. */
export async function markTicketRated(tx: DbOrTx, id: string, at: Date): Promise<void> {
  await tx.update(tickets).set({ ratedAt: at }).where(eq(tickets.id, id));
}

/** Open tickets of days before `businessDate`, for the day-end close. */
/** Tickets still open from days before `businessDate`, by id after `afterId` (keyset pages). */
export async function listStaleOpenTickets(db: DbOrTx, businessDate: string, limit: number, afterId?: string) {
  return db
    .select({ id: tickets.id, centerId: tickets.centerId, state: tickets.state })
    .from(tickets)
    .where(
      and(
        sql`${tickets.businessDate} < ${businessDate}`,
        inArray(tickets.state, ['waiting', 'transferred', 'called', 'serving']),
        afterId ? sql`${tickets.id} > ${afterId}` : undefined,
      ),
    )
    .orderBy(asc(tickets.id))
    .limit(limit);
}

