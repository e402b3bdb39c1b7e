import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { getCounter } from '../../venue/service.ts';
import type { CounterDto } from '../../venue/contract.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { publishQueueEvent } from '../events.ts';
import * as repo from './repository.ts';
import { ShortCache } from '../cache.ts';
import { assertNever } from '../../../lib/assert-never.ts';
import { assertQualified } from '../../staff/training/service.ts';

/** A clerk opens, pauses, resumes and closes a counter. One live session per counter and per clerk. */

export type SessionAction = 'open' | 'pause' | 'resume' | 'close';

export async function changeSession(db: Db, counterId: string, action: SessionAction, clerk: StaffPrincipal, now = new Date()) {
  // Opening reads the counter afresh: one retired a moment ago cannot be opened.
  const counter = await counterForClerk(db, counterId, clerk, { fresh: action === 'open' });
  const today = businessClock(now).date;
  const mine = action === 'open' ? await repo.findLiveSessionOfStaff(db, clerk.id) : undefined;
  const mineElsewhere = mine && mine.counterId !== counterId ? { ...mine, counter: await getCounter(db, mine.counterId) } : undefined;
  await db.transaction(async (tx) => {
    let session = await repo.findLiveSessionOfCounter(tx, counterId, true);
    if (session && session.businessDate < today) {
      // Left open yesterday: the day-end job would close it; do it now.
      await repo.updateSession(tx, session.id, { state: 'closed', closedAt: now, currentTicketId: null });
      session = undefined;
    }
    if (session && session.staffId !== clerk.id) {
      throw new AppError('COUNTER_BUSY', `${counter.number} 号窗口已由 ${session.staffName} 开启`);
    }
    switch (action) {
      case 'open': {
        if (session) return;
        const elsewhere = await repo.findLiveSessionOfStaff(tx, clerk.id);
        if (elsewhere && elsewhere.businessDate === today) {
          const number = mineElsewhere?.id === elsewhere.id ? mineElsewhere.counter.number : '另一';
          throw new AppError('COUNTER_BUSY', `您已在 ${number} 号窗口开启服务，请先关闭该窗口`);
        }
        // 5.2: a post that demands a certificate is opened only by a clerk holding it valid.
        await assertQualified(tx, clerk, counter, now);
        if (elsewhere) await repo.updateSession(tx, elsewhere.id, { state: 'closed', closedAt: now, currentTicketId: null });
        await repo.insertSession(tx, { centerId: counter.centerId, counterId, staffId: clerk.id, businessDate: today });
        break;
      }
      case 'pause':
        if (!session) throw notOpen(counter);
        if (session.state === 'paused') return;
        holdsNoTicket(session);
        await repo.updateSession(tx, session.id, { state: 'paused', pausedAt: now });
        break;
      case 'resume':
        if (!session) throw notOpen(counter);
        if (session.state === 'open') return;
        await repo.updateSession(tx, session.id, {
          state: 'open',
          pausedAt: null,
          pausedSeconds: session.pausedSeconds + Math.round((now.getTime() - (session.pausedAt ?? now).getTime()) / 1000),
        });
        break;
      case 'close':
        if (!session) return;
        holdsNoTicket(session);
        await repo.updateSession(tx, session.id, { state: 'closed', closedAt: now });
        break;
      default:
        assertNever(action, 'session action');
    }
    await publishQueueEvent(tx, counter.centerId, { kind: 'counter', action, counterId, zoneId: counter.zoneId, counterNumber: counter.number });
  });
}

/** The counter, if it is active and in the clerk's center. */
const counterCache = new ShortCache<CounterDto>(1000);

export async function counterForClerk(db: Db, counterId: string, clerk: StaffPrincipal, options: { fresh?: boolean } = {}): Promise<CounterDto> {
  if (options.fresh) counterCache.forget(db, counterId);
  const counter = await counterCache.get(db, counterId, () => getCounter(db, counterId));
  if (clerk.centerId !== counter.centerId) throw forbidden('只能在本中心的窗口服务');
  if (!counter.isActive) throw new AppError('COUNTER_RETIRED', `${counter.number} 号窗口已停用，不能开启或叫号`, [{ field: 'counterId', message: '窗口已停用' }]);
  return counter;
}

/**
 * The clerk's open session at the counter, locked for the transaction: calling, and acting on
 * the ticket in hand, need one. A paused counter does not call.
 */
export async function requireOpenSession(tx: DbOrTx, counter: CounterDto, clerk: StaffPrincipal, options: { allowPaused?: boolean } = {}) {
  const session = await repo.findLiveSessionOfCounter(tx, counter.id, true);
  if (!session || session.businessDate < businessClock(new Date()).date) throw notOpen(counter);
  if (session.staffId !== clerk.id) throw new AppError('NOT_YOUR_TICKET', `${counter.number} 号窗口由 ${session.staffName} 服务，您不能在此操作`);
  if (session.state === 'paused' && !options.allowPaused) throw new AppError('COUNTER_NOT_OPEN', `${counter.number} 号窗口暂停服务中，请先恢复服务`);
  return session;
}

export async function findLiveSession(db: DbOrTx, counterId: string) {
  return repo.findLiveSessionOfCounter(db, counterId);
}

export async function findSessionOfStaff(db: DbOrTx, staffId: string) {
  return repo.findLiveSessionOfStaff(db, staffId);
}

export async function listLiveSessions(db: DbOrTx, centerId: string) {
  return repo.listLiveSessions(db, centerId);
}

export async function setCurrentTicket(tx: DbOrTx, sessionId: string, ticketId: string | null) {
  await repo.updateSession(tx, sessionId, { currentTicketId: ticketId });
}

export async function countDoneAtCounter(db: DbOrTx, counterId: string, businessDate: string) {
  return repo.countDoneAtCounter(db, counterId, businessDate);
}

export async function closeStaleSessions(db: DbOrTx, businessDate: string) {
  return repo.closeStaleSessions(db, businessDate);
}

const notOpen = (counter: CounterDto) => new AppError('COUNTER_NOT_OPEN', `${counter.number} 号窗口尚未开启服务，请先开启`);

function holdsNoTicket(session: repo.SessionRow) {
  if (session.currentTicketId) throw new AppError('INVALID_STATE', '窗口还有正在处理的号，请先办结、过号或转移');
}
