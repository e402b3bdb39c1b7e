import crypto from 'node:crypto';
import type { Config } from '../../../config.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { strictItems, type Items } from '../../../platform/jobs/job.ts';
import { listPublishedItemFacts } from '../../catalog/published/items.ts';
import { getCounter } from '../../venue/service.ts';
import type { CounterDto } from '../../venue/contract.ts';
import type { TicketAction } from '../contract.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { publishVisitFinished } from '../visits.ts';
import { sealTicketPhone } from './phone.ts';
import { publishQueueEvent, queueChannel, type QueueEvent } from '../events.ts';
import { closeStaleSessions, counterForClerk, requireOpenSession, setCurrentTicket } from '../counters/service.ts';
import { getQueue, loadSettings, priorityRuleOf, queueIdsOfCounter } from '../settings/service.ts';
import type { TicketDto } from './contract.ts';
import type { FinishInput } from '../counters/contract.ts';
import { orderForCalling } from './priority.ts';
import * as repo from './repository.ts';
import { incrementDaily } from '../numbering/repository.ts';
import { createTicket, queueRetired, toTicketDto } from './service.ts';
import { nextState, type TicketActor } from './workflow.ts';

/** Only the oldest few of each class can be next; reading more would only cost time. */
const CANDIDATES_PER_CLASS = 20;

/**
 * Calls the next ticket for this counter by the center's priority rule. Tickets another counter
 * is calling at the same instant are skipped (SKIP LOCKED), so two counters never get the same one.
 * Returns null when nobody is waiting.
 */
export async function callNext(db: Db, counterId: string, clerk: StaffPrincipal, now = new Date()): Promise<TicketDto | null> {
  const counter = await counterForClerk(db, counterId, clerk);
  const settings = await loadSettings(db, counter.centerId);
  const queueIds = await queueIdsOfCounter(db, counterId);
  const id = await db.transaction(async (tx) => {
    const session = await requireOpenSession(tx, counter, clerk);
    if (session.currentTicketId) {
      const current = await repo.findTicket(tx, session.currentTicketId);
      throw new AppError('INVALID_STATE', `请先办结、过号或转移当前的 ${current?.displayNumber ?? ''} 号`);
    }
    const candidates = await repo.listCallCandidates(tx, {
      centerId: counter.centerId,
      businessDate: businessClock(now).date,
      queueIds,
      counterId,
      perClass: CANDIDATES_PER_CLASS,
    });
    for (const candidate of orderForCalling(candidates, priorityRuleOf(settings))) {
      const ticket = await repo.tryLockCallable(tx, candidate.id);
      if (!ticket) continue;
      const to = nextState(ticket.state, 'call', 'counter');
      await repo.applyTicketChange(tx, {
        ticketId: ticket.id,
        change: { state: to, calledAt: ticket.calledAt ?? now, lastCalledAt: now, recallCount: 0, counterId, staffId: clerk.id, targetCounterId: null },
        session: { id: session.id, currentTicketId: ticket.id },
        ...eventOf({ ticket, action: 'call', to, counter, clerk }),
      });
      return ticket.id;
    }
    return null;
  });
  return id ? dto(db, id) : null;
}

export async function recall(db: Db, ticketId: string, clerk: StaffPrincipal, now = new Date()): Promise<TicketDto> {
  return actOnTicketInHand(db, ticketId, clerk, 'recall', async (_tx, ticket) => ({
    change: { recallCount: ticket.recallCount + 1, lastCalledAt: now },
    releases: false,
  }));
}

export async function startService(db: Db, ticketId: string, clerk: StaffPrincipal, now = new Date()): Promise<TicketDto> {
  return actOnTicketInHand(db, ticketId, clerk, 'start', async () => ({ change: { state: 'serving', serviceStartedAt: now }, releases: false }));
}

/** Past the configured number of recalls, the clerk may mark the ticket a no-show. */
export async function markNoShow(db: Db, ticketId: string, clerk: StaffPrincipal): Promise<TicketDto> {
  return actOnTicketInHand(db, ticketId, clerk, 'no_show', async (tx, ticket, counter) => {
    const { recallsBeforeNoShow } = await loadSettings(tx, counter.centerId);
    if (ticket.recallCount < recallsBeforeNoShow) {
      throw new AppError('INVALID_STATE', `须重呼 ${recallsBeforeNoShow} 次仍未到窗口才能过号（已重呼 ${ticket.recallCount} 次）`);
    }
    return { change: { state: 'no_show' }, releases: true };
  });
}

/**
 * Sends the ticket to another queue, or to a named counter, of the same center. It keeps its
 * number and its place in line (its original time), and waits to be called there.
 */
export async function transfer(db: Db, ticketId: string, clerk: StaffPrincipal, target: { queueId: string | null; counterId: string | null }): Promise<TicketDto> {
  if ((target.queueId === null) === (target.counterId === null)) throw invalidField('queueId', '请选择要转往的队列或窗口（二选一）');
  const toQueue = target.queueId ? await getQueue(db, target.queueId).catch(() => null) : null;
  const toCounter = target.counterId ? await getCounter(db, target.counterId).catch(() => null) : null;
  return actOnTicketInHand(db, ticketId, clerk, 'transfer', async (_tx, ticket, counter) => {
    if (target.queueId) {
      if (!toQueue || toQueue.centerId !== counter.centerId) throw invalidField('queueId', '只能转往本中心的队列');
      if (!toQueue.isActive) throw queueRetired(toQueue);
      if (!toQueue.isOpen) throw new AppError('QUEUE_CLOSED', `“${toQueue.name}”队列已暂停，不能转入`, [{ field: 'queueId', message: '队列已暂停' }]);
      return {
        change: { state: 'transferred', queueId: toQueue.id, targetCounterId: null, recallCount: 0, serviceStartedAt: null },
        releases: true,
        detail: { fromQueueId: ticket.queueId, toQueueId: toQueue.id },
      };
    }
    if (!toCounter || toCounter.centerId !== counter.centerId || !toCounter.isActive) throw invalidField('counterId', '只能转往本中心启用的窗口');
    if (toCounter.id === counter.id) throw invalidField('counterId', '不能转给本窗口');
    return { change: { state: 'transferred', targetCounterId: toCounter.id, recallCount: 0, serviceStartedAt: null }, releases: true, detail: { toCounterId: toCounter.id } };
  });
}

/**
 * Ends the service, recording the items handled — at least one, or explicitly none when the visit
 * was a consultation only — and publishes `visit.finished` in the same transaction (evaluations
 * makes it rateable, under the department of the item handled, and invites the rating by SMS when
 * the ticket carries a phone).
 */
export async function finish(db: Db, ticketId: string, clerk: StaffPrincipal, input: FinishInput, now: Date): Promise<TicketDto> {
  const { itemIds, isConsultationOnly } = input;
  if (isConsultationOnly && itemIds.length > 0) throw invalidField('isConsultationOnly', '已选择办理的事项，不能同时注明“仅咨询”');
  if (!isConsultationOnly && itemIds.length === 0) throw invalidField('itemIds', '请选择办理的事项；未办理事项的请注明“仅咨询”');
  const checkItems = async (before: repo.TicketRow) => {
    if (itemIds.length === 0) return;
    const published = new Set((await listPublishedItemFacts(db, before.centerId)).map((i) => i.id));
    if (itemIds.some((i) => !published.has(i))) throw invalidField('itemIds', '办理的事项不存在或未在本中心发布');
  };
  return actOnTicketInHand(
    db,
    ticketId,
    clerk,
    'finish',
    async (tx, ticket) => {
      const handledItemIds = [...new Set(itemIds)];
      await publishVisitFinished(tx, { ...ticket, handledItemIds, serviceEndedAt: now });
      return { change: { state: 'done', serviceEndedAt: now, handledItemIds }, releases: true };
    },
    checkItems,
  );
}

/** Serves someone who came to the counter without a ticket: a ticket of the counter's queue, already in service. */
export async function serveWalkIn(
  db: Db,
  config: Config,
  counterId: string,
  clerk: StaffPrincipal,
  input: { queueId: string | null; uscc: string | null; phone: string | null },
  now = new Date(),
): Promise<TicketDto> {
  const phone = sealTicketPhone(config, input.phone);
  const counter = await counterForClerk(db, counterId, clerk);
  const queueIds = await queueIdsOfCounter(db, counterId);
  const queueId = input.queueId ?? queueIds[0];
  if (!queueId) throw new AppError('INVALID_STATE', `${counter.number} 号窗口未分配队列，请管理员在排队设置中分配`);
  if (!queueIds.includes(queueId)) throw invalidField('queueId', '只能记入本窗口办理的队列');
  const queue = await getQueue(db, queueId);
  const businessDate = businessClock(now).date;
  const id = await db.transaction(async (tx) => {
    const session = await requireOpenSession(tx, counter, clerk);
    if (session.currentTicketId) throw new AppError('INVALID_STATE', '请先办结、过号或转移当前的号');
    const number = (await incrementDaily(tx, { scope: 'number', scopeId: queue.id, businessDate }, null))!;
    const ticketId = await createTicket(tx, {
      centerId: counter.centerId,
      queue,
      businessDate,
      number,
      state: 'serving',
      channel: 'counter',
      priorityClass: 'ordinary',
      greenReason: null,
      theme: queue.themes.length === 1 ? queue.themes[0]! : null,
      itemId: null,
      uscc: input.uscc,
      phone,
      appointmentId: null,
      issuedBy: clerk.id,
      at: { counterId: counter.id, staffId: clerk.id, now },
    });
    await setCurrentTicket(tx, session.id, ticketId);
    return ticketId;
  });
  return dto(db, id);
}

/** The guidance desk (actor `desk`) or the ticket's holder (`holder`) cancels a waiting ticket. */
export async function cancelTicket(db: Db, ticketId: string, by: { actor: Extract<TicketActor, 'desk' | 'holder'>; staffId?: string; centerId?: string | null }) {
  const ticket = await repo.findTicket(db, ticketId);
  if (!ticket) throw notFound('排队号');
  if (by.actor === 'desk' && by.centerId !== ticket.centerId) throw new AppError('FORBIDDEN', '只能取消本中心的号');
  await db.transaction(async (tx) => {
    const locked = await repo.lockTicket(tx, ticketId);
    const to = nextState(locked!.state, 'cancel', by.actor);
    await repo.updateTicket(tx, ticketId, { state: to, cancelReason: by.actor });
    await repo.insertTicketEvent(tx, { ticketId, action: 'cancel', fromState: locked!.state, toState: to, staffId: by.staffId ?? null, queueId: ticket.queueId });
    await publishQueueEvent(tx, ticket.centerId, { kind: 'ticket', action: 'cancel', ticketId, queueId: ticket.queueId, displayNumber: ticket.displayNumber });
  });
  return dto(db, ticketId);
}

/** Day-end: tickets and sessions left open from earlier days are closed (the day's numbers start again). */
export async function closeEarlierDays(db: Db, now = new Date(), { each }: Items = strictItems): Promise<number> {
  const today = businessClock(now).date;
  for (const s of await closeStaleSessions(db, today)) {
    await publishQueueEvent(db, s.centerId, { kind: 'counter', action: 'close', counterId: s.counterId });
  }
  let closed = 0;
  // Pages by id, so that a ticket that fails is left for the next run and the loop still ends.
  for (let after: string | undefined; ; ) {
    const stale = await repo.listStaleOpenTickets(db, today, 200, after);
    if (stale.length === 0) break;
    after = stale.at(-1)!.id;
    await each(
      stale,
      async (s) => {
        await db.transaction(async (tx) => {
          const locked = await repo.lockTicket(tx, s.id);
          if (!locked || !['waiting', 'transferred', 'called', 'serving'].includes(locked.state)) return;
          const to = nextState(locked.state, 'expire', 'system');
          await repo.updateTicket(tx, s.id, { state: to, cancelReason: 'day_end' });
          await repo.insertTicketEvent(tx, { ticketId: s.id, action: 'expire', fromState: locked.state, toState: to });
        });
        closed += 1;
      },
      (s) => `ticket ${s.id}`,
    );
  }
  return closed;
}

type InHand = (
  tx: DbOrTx,
  ticket: repo.TicketRow,
  counter: CounterDto,
) => Promise<{ change: repo.TicketChange; releases: boolean; detail?: Record<string, unknown> }>;

/**
 * An action on the ticket in the clerk's hand: the clerk's session at the ticket's counter is
 * locked first (the same order as calling), then the ticket; both are checked again under lock,
 * and the change, the event and its notification are one statement.
 */
async function actOnTicketInHand(
  db: Db,
  ticketId: string,
  clerk: StaffPrincipal,
  action: TicketAction,
  apply: InHand,
  prepare?: (before: repo.TicketRow) => Promise<void>,
): Promise<TicketDto> {
  const before = await repo.findTicket(db, ticketId);
  if (!before) throw notFound('排队号');
  if (!before.counterId) throw new AppError('NOT_YOUR_TICKET', `${before.displayNumber} 号不在您的窗口办理`);
  const counter = await counterForClerk(db, before.counterId, clerk);
  await prepare?.(before);
  await db.transaction(async (tx) => {
    const session = await requireOpenSession(tx, counter, clerk);
    if (session.currentTicketId !== ticketId) throw new AppError('NOT_YOUR_TICKET', `${before.displayNumber} 号不在您的窗口办理`);
    const ticket = (await repo.lockTicket(tx, ticketId))!;
    const to = nextState(ticket.state, action, 'counter');
    const { change, releases, detail } = await apply(tx, ticket, counter);
    await repo.applyTicketChange(tx, {
      ticketId,
      change,
      session: releases ? { id: session.id, currentTicketId: null } : undefined,
      ...eventOf({ ticket, action, to, counter, clerk, detail }),
    });
  });
  return dto(db, ticketId);
}

/** The journal row and the real-time event of a counter's action. */
function eventOf(r: { ticket: repo.TicketRow; action: TicketAction; to: repo.TicketRow['state']; counter: CounterDto; clerk: StaffPrincipal; detail?: Record<string, unknown> }) {
  const payload: QueueEvent = {
    eventId: crypto.randomUUID(),
    kind: 'ticket',
    action: r.action,
    ticketId: r.ticket.id,
    queueId: r.ticket.queueId,
    counterId: r.counter.id,
    zoneId: r.counter.zoneId,
    displayNumber: r.ticket.displayNumber,
    counterNumber: r.counter.number,
  };
  return {
    event: { ticketId: r.ticket.id, action: r.action, fromState: r.ticket.state, toState: r.to, staffId: r.clerk.id, counterId: r.counter.id, queueId: r.ticket.queueId, detail: r.detail },
    notify: { channel: queueChannel(r.counter.centerId), payload },
  };
}

async function dto(db: Db, id: string): Promise<TicketDto> {
  return toTicketDto(db, (await repo.findTicket(db, id))!);
}
