import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { counters } from '../../venue/tables.ts';
import { staff } from '../../staff/tables.ts';
import type { GreenReason, PriorityClass, TicketChannel, TicketState } from '../contract.ts';
import { counterSessions, queueCounters, queueDailyCounters, queues, ticketEvents, tickets } from '../tables.ts';
import { CALLABLE_STATES } from './workflow.ts';

type CounterScope = 'number' | 'queue_walk_in' | 'item_walk_in';

/**
 * Adds one to a per-day counter and returns the new value, or undefined when it already stands at
 * `limit`. The row stays locked until the transaction ends: concurrent takes wait in line, and a
 * rollback takes the increment back.
 */
export async function incrementDaily(
  tx: DbOrTx,
  key: { scope: CounterScope; scopeId: string; businessDate: string },
  limit: number | null,
): Promise<number | undefined> {
  const [row] = await tx
    .insert(queueDailyCounters)
    .values({ ...key, value: 1 })
    .onConflictDoUpdate({
      target: [queueDailyCounters.scope, queueDailyCounters.scopeId, queueDailyCounters.businessDate],
      set: { value: sql`${queueDailyCounters.value} + 1` },
      ...(limit === null ? {} : { setWhere: sql`${queueDailyCounters.value} < ${limit}` }),
    })
    .returning({ value: queueDailyCounters.value });
  return row?.value;
}

export async function readDaily(db: DbOrTx, key: { scope: CounterScope; scopeId: string; businessDate: string }): Promise<number> {
  const [row] = await db
    .select({ value: queueDailyCounters.value })
    .from(queueDailyCounters)
    .where(and(eq(queueDailyCounters.scope, key.scope), eq(queueDailyCounters.scopeId, key.scopeId), eq(queueDailyCounters.businessDate, key.businessDate)));
  return row?.value ?? 0;
}

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
  phone: string | null;
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

export type AtomicIssue = {
  centerId: string;
  queueId: string;
  prefix: string;
  businessDate: string;
  /** walk-ins count against the queue's quota (null: no limit) and the item's; check-ins do not */
  walkIn: { queueLimit: number | null; itemId: string | null; itemLimit: number | null } | null;
  token: string;
  channel: TicketChannel;
  priorityClass: PriorityClass;
  greenReason: GreenReason | null;
  theme: string | null;
  itemId: string | null;
  uscc: string | null;
  phone: string | null;
  appointmentId: string | null;
  issuedBy: string | null;
  notifyChannel: string;
  eventId: string;
  /** a caller's own clock (demo data, tests); otherwise the database's, taken after the number */
  issuedAt: Date | null;
};

/**
 * Issues a ticket in ONE statement: walk-in quotas, the day's next number, the ticket, its event
 * and the notification. The counter rows stay locked only for this statement (and its commit),
 * so concurrent takes of a queue queue up for the shortest time; a refused quota writes nothing.
 * Returns undefined when a quota is used up.
 */
export async function issueAtomically(db: DbOrTx, t: AtomicIssue): Promise<{ id: string; number: number } | undefined> {
  const isWalkIn = t.walkIn ? sql.raw('true') : sql.raw('false');
  const countsItem = t.walkIn?.itemId ? sql.raw('true') : sql.raw('false');
  const c = queueDailyCounters;
  const conflict = sql`on conflict (scope, scope_id, business_date) do update set value = c.value + 1`;
  const result = await db.execute(sql`
    with w1 as (
      insert into ${c} as c (scope, scope_id, business_date, value)
      select 'queue_walk_in', ${t.queueId}::uuid, ${t.businessDate}::date, 1 where ${isWalkIn}
      ${conflict} where ${t.walkIn?.queueLimit ?? null}::int is null or c.value < ${t.walkIn?.queueLimit ?? null}::int
      returning value),
    w2 as (
      insert into ${c} as c (scope, scope_id, business_date, value)
      select 'item_walk_in', ${t.walkIn?.itemId ?? null}::uuid, ${t.businessDate}::date, 1 where ${countsItem} and exists (select 1 from w1)
      ${conflict} where ${t.walkIn?.itemLimit ?? null}::int is null or c.value < ${t.walkIn?.itemLimit ?? null}::int
      returning value),
    n as (
      insert into ${c} as c (scope, scope_id, business_date, value)
      select 'number', ${t.queueId}::uuid, ${t.businessDate}::date, 1
      where (not ${isWalkIn} or exists (select 1 from w1)) and (not ${countsItem} or exists (select 1 from w2))
      ${conflict}
      returning value),
    t as (
      insert into ${tickets} (center_id, queue_id, issued_queue_id, business_date, number, display_number, token, state, channel,
        priority_class, green_reason, theme, item_id, uscc, phone, appointment_id, issued_by, issued_at, sort_at)
      select ${t.centerId}::uuid, ${t.queueId}::uuid, ${t.queueId}::uuid, ${t.businessDate}::date, n.value,
        ${t.prefix} || case when n.value < 100 then lpad(n.value::text, 3, '0') else n.value::text end,
        ${t.token}, 'waiting', ${t.channel}, ${t.priorityClass}, ${t.greenReason}, ${t.theme}, ${t.itemId}::uuid, ${t.uscc}, ${t.phone},
        ${t.appointmentId}::uuid, ${t.issuedBy}::uuid,
        coalesce(${t.issuedAt?.toISOString() ?? null}::timestamptz, clock_timestamp()), coalesce(${t.issuedAt?.toISOString() ?? null}::timestamptz, clock_timestamp())
      from n
      returning id, number, display_number),
    e as (
      insert into ${ticketEvents} (ticket_id, action, from_state, to_state, staff_id, queue_id)
      select t.id, 'issue', null, 'waiting', ${t.issuedBy}::uuid, ${t.queueId}::uuid from t)
    select t.id, t.number, pg_notify(${t.notifyChannel}, json_build_object(
      'eventId', ${t.eventId}::text, 'kind', 'ticket', 'action', 'issue', 'ticketId', t.id, 'queueId', ${t.queueId}::text, 'displayNumber', t.display_number)::text)
    from t`);
  const row = (result as unknown as { rows: { id: string; number: number }[] }).rows[0];
  return row ? { id: row.id, number: Number(row.number) } : undefined;
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
  phone: tickets.phone,
  appointmentId: tickets.appointmentId,
  issuedAt: tickets.issuedAt,
  sortAt: tickets.sortAt,
  calledAt: tickets.calledAt,
  lastCalledAt: tickets.lastCalledAt,
  recallCount: tickets.recallCount,
  serviceStartedAt: tickets.serviceStartedAt,
  serviceEndedAt: tickets.serviceEndedAt,
  counterId: tickets.counterId,
  counterNumber: sql<string | null>`(select c.number from ${counters} c where c.id = ${tickets.counterId})`,
  staffId: tickets.staffId,
  staffName: sql<string | null>`(select s.display_name from ${staff} s where s.id = ${tickets.staffId})`,
  targetCounterId: tickets.targetCounterId,
  targetCounterNumber: sql<string | null>`(select c.number from ${counters} c where c.id = ${tickets.targetCounterId})`,
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
  phone: string | null;
  appointmentId: string | null;
  issuedAt: Date;
  sortAt: Date;
  calledAt: Date | null;
  lastCalledAt: Date | null;
  recallCount: number;
  serviceStartedAt: Date | null;
  serviceEndedAt: Date | null;
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

export async function findTicketByToken(db: DbOrTx, token: string): Promise<TicketRow | undefined> {
  const [row] = await selectTickets(db).where(eq(tickets.token, token));
  return row as TicketRow | undefined;
}

/** Locks the ticket for the rest of the transaction and returns it as it is now. */
export async function lockTicket(tx: DbOrTx, id: string): Promise<TicketRow | undefined> {
  const [row] = await selectTickets(tx).where(eq(tickets.id, id)).for('update', { of: tickets });
  return row as TicketRow | undefined;
}

export type TicketFilter = { centerId: string; businessDate: string; states?: TicketState[]; queueId?: string; q?: string };

export async function listTickets(db: DbOrTx, f: TicketFilter, limit = 500): Promise<TicketRow[]> {
  const conditions = [eq(tickets.centerId, f.centerId), eq(tickets.businessDate, f.businessDate)];
  if (f.states?.length) conditions.push(inArray(tickets.state, f.states));
  if (f.queueId) conditions.push(eq(tickets.queueId, f.queueId));
  if (f.q) conditions.push(or(eq(tickets.displayNumber, f.q.toUpperCase()), eq(tickets.uscc, f.q.toUpperCase()), eq(tickets.phone, f.q))!);
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

/** Service times (seconds) of the queue's last finished tickets, recent first. */
export async function recentServiceSeconds(db: DbOrTx, queueId: string, since: Date, limit = 20): Promise<number[]> {
  const rows = await db
    .select({ s: sql<string>`extract(epoch from ${tickets.serviceEndedAt} - ${tickets.serviceStartedAt})` })
    .from(tickets)
    .where(and(eq(tickets.queueId, queueId), eq(tickets.state, 'done'), isNotNull(tickets.serviceStartedAt), gte(tickets.serviceEndedAt, since)))
    .orderBy(desc(tickets.serviceEndedAt))
    .limit(limit);
  return rows.map((r) => Number(r.s));
}

/** Counters open now (not paused) that call from each of the center's queues. */
export async function countOpenCountersByQueue(db: DbOrTx, centerId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ queueId: queueCounters.queueId, n: sql<number>`count(*)::int` })
    .from(queueCounters)
    .innerJoin(counterSessions, and(eq(counterSessions.counterId, queueCounters.counterId), eq(counterSessions.state, 'open')))
    .where(eq(counterSessions.centerId, centerId))
    .groupBy(queueCounters.queueId);
  return new Map(rows.map((r) => [r.queueId, r.n]));
}

/** Waiting tickets per queue today, and since when the oldest has waited. */
export async function waitingByQueue(db: DbOrTx, centerId: string, businessDate: string) {
  const rows = await db
    .select({ queueId: tickets.queueId, waiting: sql<number>`count(*)::int`, oldestIssuedAt: sql<Date>`min(${tickets.issuedAt})` })
    .from(tickets)
    .where(and(eq(tickets.centerId, centerId), eq(tickets.businessDate, businessDate), inArray(tickets.state, [...CALLABLE_STATES])))
    .groupBy(tickets.queueId);
  return new Map(rows.map((r) => [r.queueId, { waiting: r.waiting, oldestIssuedAt: r.oldestIssuedAt ? new Date(r.oldestIssuedAt) : null }]));
}

/** The last calls of the day (recalls included) at the given counters, newest first. */
export async function lastCalls(db: DbOrTx, f: { centerId: string; businessDate: string; counterIds: string[] | null; limit: number }) {
  const conditions = [eq(tickets.centerId, f.centerId), eq(tickets.businessDate, f.businessDate), isNotNull(tickets.lastCalledAt)];
  if (f.counterIds) conditions.push(inArray(tickets.counterId, f.counterIds));
  return db
    .select({
      ticketId: tickets.id,
      displayNumber: tickets.displayNumber,
      state: tickets.state,
      counterId: tickets.counterId,
      counterNumber: counters.number,
      calledAt: tickets.lastCalledAt,
      queueId: tickets.queueId,
    })
    .from(tickets)
    .innerJoin(counters, eq(counters.id, tickets.counterId))
    .where(and(...conditions))
    .orderBy(desc(tickets.lastCalledAt))
    .limit(f.limit);
}

/** Open tickets of days before `businessDate`, for the day-end close. */
export async function listStaleOpenTickets(db: DbOrTx, businessDate: string, limit: number) {
  return db
    .select({ id: tickets.id, centerId: tickets.centerId, state: tickets.state })
    .from(tickets)
    .where(and(sql`${tickets.businessDate} < ${businessDate}`, inArray(tickets.state, ['waiting', 'transferred', 'called', 'serving'])))
    .orderBy(asc(tickets.businessDate))
    .limit(limit);
}

/** The ticket finished last at a counter since `since`, if any. */
export async function lastFinishedAtCounter(db: DbOrTx, counterId: string, since: Date) {
  const [row] = await db
    .select({ id: tickets.id, displayNumber: tickets.displayNumber, serviceEndedAt: tickets.serviceEndedAt })
    .from(tickets)
    .where(and(eq(tickets.counterId, counterId), eq(tickets.state, 'done'), gte(tickets.serviceEndedAt, since)))
    .orderBy(desc(tickets.serviceEndedAt))
    .limit(1);
  return row;
}

/** The center's items most asked for at the queue since `since`. */
export async function popularItemIds(db: DbOrTx, centerId: string, since: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ itemId: tickets.itemId, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.centerId, centerId), gte(tickets.businessDate, since), isNotNull(tickets.itemId)))
    .groupBy(tickets.itemId)
    .orderBy(desc(sql`count(*)`))
    .limit(limit);
  return rows.map((r) => r.itemId!);
}

export type TicketRecord = NewTicket & {
  id: string;
  issuedAt: Date;
  sortAt: Date;
  recallCount: number;
  serviceEndedAt: Date | null;
  handledItemIds: string[];
  cancelReason: string | null;
};

/** Bulk insert (demo history and imports): 500 rows a statement. */
export async function insertTicketRecords(tx: DbOrTx, rows: TicketRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await tx.insert(tickets).values(rows.slice(i, i + 100));
}

/** Raises per-day counters to at least the given values (never lowers them). */
export async function raiseDaily(tx: DbOrTx, rows: { scope: CounterScope; scopeId: string; businessDate: string; value: number }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(queueDailyCounters)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [queueDailyCounters.scope, queueDailyCounters.scopeId, queueDailyCounters.businessDate],
        set: { value: sql`greatest(${queueDailyCounters.value}, excluded.value)` },
      });
  }
}
