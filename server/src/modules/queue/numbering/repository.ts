import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { SealedPhone } from '../../../platform/personal-data/personal-data.ts';
import type { GreenReason, PriorityClass, TicketChannel } from '../contract.ts';
import { queueDailyCounters, ticketEvents, tickets } from '../tables.ts';

/** The day's numbers and walk-in counts, and the one-statement issue that uses them. */

export type CounterScope = 'number' | 'queue_walk_in' | 'item_walk_in';

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
  phone: SealedPhone | null;
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
        priority_class, green_reason, theme, item_id, uscc, phone_cipher, phone_masked, phone_hash, appointment_id, issued_by, issued_at, sort_at)
      select ${t.centerId}::uuid, ${t.queueId}::uuid, ${t.queueId}::uuid, ${t.businessDate}::date, n.value,
        ${t.prefix} || case when n.value < 100 then lpad(n.value::text, 3, '0') else n.value::text end,
        ${t.token}, 'waiting', ${t.channel}, ${t.priorityClass}, ${t.greenReason}, ${t.theme}, ${t.itemId}::uuid, ${t.uscc}, ${t.phone?.phoneCipher ?? null}, ${t.phone?.phoneMasked ?? null}, ${t.phone?.phoneHash ?? null},
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
