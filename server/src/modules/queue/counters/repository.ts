import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { staffDisplayName, staffNumber } from '../../staff/lookups.ts';
import type { CounterSessionState } from '../contract.ts';
import { counterSessions, tickets } from '../tables.ts';

const sessionColumns = {
  id: counterSessions.id,
  centerId: counterSessions.centerId,
  counterId: counterSessions.counterId,
  staffId: counterSessions.staffId,
  staffName: staffDisplayName(counterSessions.staffId),
  staffNumber: staffNumber(counterSessions.staffId),
  businessDate: counterSessions.businessDate,
  state: counterSessions.state,
  openedAt: counterSessions.openedAt,
  pausedAt: counterSessions.pausedAt,
  pausedSeconds: counterSessions.pausedSeconds,
  currentTicketId: counterSessions.currentTicketId,
  version: counterSessions.version,
};
export type SessionRow = {
  id: string;
  centerId: string;
  counterId: string;
  staffId: string;
  staffName: string;
  staffNumber: string | null;
  businessDate: string;
  state: CounterSessionState;
  openedAt: Date;
  pausedAt: Date | null;
  pausedSeconds: number;
  currentTicketId: string | null;
  version: number;
};

const selectSessions = (db: DbOrTx) => db.select(sessionColumns).from(counterSessions);

/** The counter's session that is not closed, if any; `lock` holds it for the transaction. */
export async function findLiveSessionOfCounter(db: DbOrTx, counterId: string, lock = false): Promise<SessionRow | undefined> {
  const query = selectSessions(db).where(and(eq(counterSessions.counterId, counterId), ne(counterSessions.state, 'closed')));
  const [row] = lock ? await query.for('update', { of: counterSessions }) : await query;
  return row as SessionRow | undefined;
}

export async function findLiveSessionOfStaff(db: DbOrTx, staffId: string): Promise<SessionRow | undefined> {
  const [row] = await selectSessions(db).where(and(eq(counterSessions.staffId, staffId), ne(counterSessions.state, 'closed')));
  return row as SessionRow | undefined;
}

export async function listLiveSessions(db: DbOrTx, centerId: string): Promise<SessionRow[]> {
  const rows = await selectSessions(db).where(and(eq(counterSessions.centerId, centerId), ne(counterSessions.state, 'closed')));
  return rows as SessionRow[];
}

export async function insertSession(tx: DbOrTx, s: { centerId: string; counterId: string; staffId: string; businessDate: string }): Promise<string> {
  const [row] = await tx.insert(counterSessions).values({ ...s, state: 'open' }).returning({ id: counterSessions.id });
  return row!.id;
}

export type SessionChange = Partial<{
  state: CounterSessionState;
  pausedAt: Date | null;
  pausedSeconds: number;
  closedAt: Date | null;
  currentTicketId: string | null;
}>;

export async function updateSession(tx: DbOrTx, id: string, change: SessionChange): Promise<void> {
  await tx
    .update(counterSessions)
    .set({ ...change, version: sql`${counterSessions.version} + 1` })
    .where(eq(counterSessions.id, id));
}

/** Closes sessions left open on days before `businessDate`; returns the counters they were on. */
export async function closeStaleSessions(db: DbOrTx, businessDate: string): Promise<{ centerId: string; counterId: string }[]> {
  return db
    .update(counterSessions)
    .set({ state: 'closed', closedAt: sql`now()`, currentTicketId: null, version: sql`${counterSessions.version} + 1` })
    .where(and(ne(counterSessions.state, 'closed'), lt(counterSessions.businessDate, businessDate)))
    .returning({ centerId: counterSessions.centerId, counterId: counterSessions.counterId });
}

/** Tickets finished at a counter on a day. */
export async function countDoneAtCounter(db: DbOrTx, counterId: string, businessDate: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.counterId, counterId), eq(tickets.businessDate, businessDate), eq(tickets.state, 'done')));
  return row?.n ?? 0;
}
