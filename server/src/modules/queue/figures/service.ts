import type { Db } from '../../../platform/db/database.ts';
import { invalidField } from '../../../platform/errors.ts';
import { listStaff } from '../../staff/service.ts';
import { listCounters } from '../../venue/service.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { listLiveSessions } from '../counters/service.ts';
import { getCenterOrThrow, listQueues } from '../settings/service.ts';
import { waitingByQueue } from '../live/repository.ts';
import { findTicket } from '../tickets/repository.ts';
import { countDoneAtCounter } from '../counters/service.ts';
import type { HistoryFigures, HistoryGroup, LiveFigures } from './contract.ts';
import * as repo from './repository.ts';

const MAX_HISTORY_DAYS = 92;

/** The center now: who waits where and for how long, which counters are open, today's averages. */
export async function getLiveFigures(db: Db, centerId: string, now = new Date()): Promise<LiveFigures> {
  await getCenterOrThrow(db, centerId);
  const today = businessClock(now).date;
  const [queues, counters, sessions, waiting, byQueue, total] = await Promise.all([
    listQueues(db, centerId),
    listCounters(db, centerId),
    listLiveSessions(db, centerId),
    waitingByQueue(db, centerId, today),
    repo.aggregateTickets(db, { centerId, from: today, to: today, by: 'queue' }),
    repo.aggregateTotal(db, { centerId, from: today, to: today, onlyCalled: false }),
  ]);
  const liveSessions = sessions.filter((s) => s.businessDate === today);
  const sessionOf = new Map(liveSessions.map((s) => [s.counterId, s]));
  const figuresOf = new Map(byQueue.map((r) => [r.key, r]));
  const waitedMinutes = (since: Date | null | undefined) => (since ? Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000)) : null);
  const queueRows = queues.map((q) => {
    const f = figuresOf.get(q.id);
    const w = waiting.get(q.id);
    return {
      id: q.id,
      name: q.name,
      prefix: q.prefix,
      isOpen: q.isOpen,
      waiting: w?.waiting ?? 0,
      longestWaitMinutes: waitedMinutes(w?.oldestIssuedAt),
      countersOpen: q.counterIds.filter((id) => sessionOf.get(id)?.state === 'open').length,
      issuedToday: f?.tickets ?? 0,
      doneToday: f?.done ?? 0,
      averageWaitMinutes: toMinutes(f?.waitSeconds),
      averageServiceMinutes: toMinutes(f?.serviceSeconds),
    };
  });
  const counterRows = await Promise.all(
    counters
      .filter((c) => c.isActive)
      .map(async (c) => {
        const s = sessionOf.get(c.id);
        const current = s?.currentTicketId ? await findTicket(db, s.currentTicketId) : undefined;
        return {
          id: c.id,
          number: c.number,
          name: c.name,
          state: s?.state ?? ('closed' as const),
          staffName: s?.staffName ?? null,
          currentDisplayNumber: current?.displayNumber ?? null,
          doneToday: await countDoneAtCounter(db, c.id, today),
        };
      }),
  );
  const oldest = [...waiting.values()].map((w) => w.oldestIssuedAt).filter((d): d is Date => d !== null);
  return {
    generatedAt: now.toISOString(),
    businessDate: today,
    totals: {
      waiting: queueRows.reduce((n, q) => n + q.waiting, 0),
      longestWaitMinutes: oldest.length ? waitedMinutes(new Date(Math.min(...oldest.map((d) => d.getTime())))) : null,
      countersOpen: liveSessions.filter((s) => s.state === 'open').length,
      countersPaused: liveSessions.filter((s) => s.state === 'paused').length,
      issuedToday: total.tickets,
      doneToday: total.done,
      noShowToday: total.noShow,
      averageWaitMinutes: toMinutes(total.waitSeconds),
      averageServiceMinutes: toMinutes(total.serviceSeconds),
    },
    queues: queueRows,
    counters: counterRows,
  };
}

/** Figures over a range of business dates, per day, queue, counter or clerk. */
export async function getHistoryFigures(db: Db, centerId: string, q: { from: string; to: string; by: HistoryGroup }): Promise<HistoryFigures> {
  await getCenterOrThrow(db, centerId);
  if (q.from > q.to) throw invalidField('from', '起始日期不能晚于结束日期');
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
  if (days > MAX_HISTORY_DAYS) throw invalidField('to', `一次最多查询 ${MAX_HISTORY_DAYS} 天`);
  const [rows, total, labels] = await Promise.all([
    repo.aggregateTickets(db, { centerId, ...q }),
    repo.aggregateTotal(db, { centerId, from: q.from, to: q.to, onlyCalled: q.by === 'counter' || q.by === 'clerk' }),
    labelsFor(db, centerId, q.by),
  ]);
  const toRow = (r: repo.AggregateRow, key: string, label: string) => ({
    key,
    label,
    tickets: r.tickets,
    done: r.done,
    noShow: r.noShow,
    cancelled: r.cancelled,
    averageWaitMinutes: toMinutes(r.waitSeconds),
    maxWaitMinutes: toMinutes(r.maxWaitSeconds),
    averageServiceMinutes: toMinutes(r.serviceSeconds),
  });
  return {
    ...q,
    rows: rows.map((r) => toRow(r, r.key ?? '', labels.get(r.key ?? '') ?? r.key ?? '')),
    total: toRow(total, 'total', '合计'),
  };
}

async function labelsFor(db: Db, centerId: string, by: HistoryGroup): Promise<Map<string, string>> {
  switch (by) {
    case 'day':
      return new Map();
    case 'queue':
      return new Map((await listQueues(db, centerId)).map((q) => [q.id, `${q.prefix} ${q.name}`]));
    case 'counter':
      return new Map((await listCounters(db, centerId)).map((c) => [c.id, `${c.number} 号窗口`]));
    case 'clerk':
      return new Map((await listStaff(db, { centerId })).map((s) => [s.id, s.staffNumber ? `${s.displayName}（${s.staffNumber}）` : s.displayName]));
  }
}

function toMinutes(seconds: string | null | undefined): number | null {
  if (seconds === null || seconds === undefined) return null;
  return Math.round((Number(seconds) / 60) * 10) / 10;
}
