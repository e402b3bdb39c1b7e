import crypto from 'node:crypto';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, invalidField } from '../../../platform/errors.ts';
import { listPublishedItemFacts, type PublishedItemFacts } from '../../catalog/published/items.ts';
import type { Theme } from '../../catalog/contract.ts';
import type { GreenReason, PriorityClass, TicketChannel, TicketState } from '../contract.ts';
import type { SealedPhone } from '../../../platform/personal-data/personal-data.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { ticketWindow } from '../clock.ts';
import { publishQueueEvent, queueChannel } from '../events.ts';
import { getCenterOrThrow, queueCalendar, getQueue, listQueues, loadSettings, openingHoursOf, queueIdsOfCounter, queueOfItem } from '../settings/service.ts';
import type { QueueDto } from '../settings/contract.ts';
import { displayNumberOf, estimateWait, type WaitEstimate } from './estimate.ts';
import { ShortCache } from '../cache.ts';
import { isCallable } from './workflow.ts';
import type { IssuedTicketDto, TicketDto, TicketStatusDto } from './contract.ts';
import * as repo from './repository.ts';
import * as numbering from '../numbering/repository.ts';
import * as live from '../live/repository.ts';
import { findLiveSessionOfStaff as findLiveSessionOfStaffForIntake } from '../counters/repository.ts';

/** What the kiosk, the guidance desk and appointment check-in give to get a ticket. */
export type IssueTicketInput = {
  centerId: string;
  /** the queue, or else the item (its queue is found) — at least one */
  queueId?: string | null;
  itemId?: string | null;
  channel: Exclude<TicketChannel, 'counter'>;
  priorityClass: PriorityClass;
  /** required for the green channel, refused otherwise */
  greenReason?: GreenReason | null;
  uscc?: string | null;
  /** the visitor's phone, sealed by `sealTicketPhone` (./phone.ts) */
  phone?: SealedPhone | null;
  /** the appointment checked in (appointments module) */
  appointmentId?: string | null;
  /** the staff member issuing it on the enterprise's behalf */
  issuedBy?: string | null;
  /** beyond the daily walk-in quota: only for holders of `queue.override_quota` */
  overrideQuota?: boolean;
  /** the time of issue, for demo data and tests; otherwise the database's clock */
  now?: Date;
};

/**
 * Issues the next number of the queue. Refuses (4xx, nothing written) a closed queue, a time
 * outside the ticket-taking hours, and a walk-in over the queue's or the item's daily quota.
 * Appointment check-in passes `channel: 'appointment', priorityClass: 'appointment'`; those tickets
 * do not count against walk-in quotas. Safe to call inside a caller's transaction.
 */
export async function issueTicket(db: DbOrTx, input: IssueTicketInput): Promise<IssuedTicketDto> {
  const now = input.now ?? new Date();
  const center = await getCenterOrThrow(db, input.centerId);
  const settings = await loadSettings(db, center.id);
  const { date, minutes } = businessClock(now);
  const window = ticketWindow(openingHoursOf(settings), { isWorkingDay: (await queueCalendar(db)).isWorkingDay(date), minutes });
  if (!window.isOpen) throw new AppError(window.reason === 'not_service_day' ? 'NOT_SERVICE_DAY' : 'OUTSIDE_HOURS', window.message);

  checkPriority(input, settings.greenReasons);
  const { queue, item } = await resolveQueue(db, center.id, input);
  if (!queue.isActive) throw queueRetired(queue);
  if (!queue.isOpen) throw new AppError('QUEUE_CLOSED', `“${queue.name}”队列已暂停取号`, [{ field: 'queueId', message: '队列已暂停取号' }]);
  const isWalkIn = input.channel !== 'appointment';
  if (isWalkIn && item?.appointmentMode === 'appointment_only' && !input.overrideQuota) {
    throw new AppError('QUOTA_EXCEEDED', `“${item.name}”实行全预约办理，请先预约；确有急需的请到咨询导办台`, [{ field: 'itemId', message: '该事项须预约' }]);
  }

  const override = input.overrideQuota === true;
  const issued = await numbering.issueAtomically(db, {
    centerId: center.id,
    queueId: queue.id,
    prefix: queue.prefix,
    businessDate: date,
    walkIn: isWalkIn
      ? { queueLimit: override ? null : queue.dailyWalkInQuota, itemId: item?.id ?? null, itemLimit: override ? null : (item?.walkInDailyQuota ?? null) }
      : null,
    token: crypto.randomBytes(16).toString('base64url'),
    channel: input.channel,
    priorityClass: input.priorityClass,
    greenReason: input.greenReason ?? null,
    theme: item?.theme ?? (queue.themes.length === 1 ? queue.themes[0]! : null),
    itemId: item?.id ?? null,
    uscc: input.uscc ?? null,
    phone: input.phone ?? null,
    appointmentId: input.appointmentId ?? null,
    issuedBy: input.issuedBy ?? null,
    notifyChannel: queueChannel(center.id),
    eventId: crypto.randomUUID(),
    issuedAt: input.now ?? null,
  });
  if (!issued) throw await quotaRefusal(db, { queue, item, businessDate: date });
  const id = issued.id;
  const row = (await repo.findTicket(db, id))!;
  return { ticket: await toTicketDto(db, row), status: await statusOf(db, row, center.name) };
}

type CreateTicket = {
  centerId: string;
  queue: Pick<QueueDto, 'id' | 'prefix'>;
  businessDate: string;
  number: number;
  state: TicketState;
  channel: TicketChannel;
  priorityClass: PriorityClass;
  greenReason: GreenReason | null;
  theme: Theme | null;
  itemId: string | null;
  uscc: string | null;
  phone: SealedPhone | null;
  appointmentId: string | null;
  issuedBy: string | null;
  at?: { counterId: string; staffId: string; now: Date };
};

/** Inserts the ticket, its first event and the real-time event, in the caller's transaction. */
export async function createTicket(tx: DbOrTx, t: CreateTicket): Promise<string> {
  const { queue, at, phone, ...fields } = t;
  const displayNumber = displayNumberOf(queue.prefix, t.number);
  const id = await repo.insertTicket(tx, {
    ...fields,
    phoneCipher: phone?.phoneCipher ?? null,
    phoneMasked: phone?.phoneMasked ?? null,
    phoneHash: phone?.phoneHash ?? null,
    queueId: queue.id,
    issuedQueueId: queue.id,
    displayNumber,
    token: crypto.randomBytes(16).toString('base64url'),
    ...(at ? { counterId: at.counterId, staffId: at.staffId, calledAt: at.now, lastCalledAt: at.now, serviceStartedAt: at.now } : {}),
  });
  await repo.insertTicketEvent(tx, { ticketId: id, action: 'issue', fromState: null, toState: t.state, staffId: at?.staffId ?? t.issuedBy, counterId: at?.counterId, queueId: queue.id });
  await publishQueueEvent(tx, t.centerId, { kind: 'ticket', action: 'issue', ticketId: id, queueId: queue.id, counterId: at?.counterId, displayNumber });
  return id;
}

/** Which quota refused a walk-in: the queue's, else the item's. */
async function quotaRefusal(db: DbOrTx, f: { queue: QueueDto; item: PublishedItemFacts | null; businessDate: string }): Promise<AppError> {
  const used = await numbering.readDaily(db, { scope: 'queue_walk_in', scopeId: f.queue.id, businessDate: f.businessDate });
  if (f.queue.dailyWalkInQuota !== null && used >= f.queue.dailyWalkInQuota) {
    return new AppError('QUOTA_EXCEEDED', `“${f.queue.name}”今日现场取号已满（${f.queue.dailyWalkInQuota} 个），请预约其他日期或到咨询导办台`, [
      { field: 'queueId', message: '今日现场号已取完' },
    ]);
  }
  return new AppError('QUOTA_EXCEEDED', `“${f.item?.name ?? ''}”今日现场取号已满（${f.item?.walkInDailyQuota ?? 0} 个），请预约其他日期或到咨询导办台`, [
    { field: 'itemId', message: '今日现场号已取完' },
  ]);
}

function checkPriority(input: IssueTicketInput, enabled: readonly GreenReason[]) {
  if (input.priorityClass === 'green_channel') {
    if (!input.greenReason) throw invalidField('greenReason', '绿色通道须说明原因');
    if (!enabled.includes(input.greenReason)) throw invalidField('greenReason', '本中心未开通该类绿色通道');
  } else if (input.greenReason) {
    throw invalidField('greenReason', '只有绿色通道需要填写原因');
  }
  if (input.priorityClass === 'appointment' && input.channel !== 'appointment') {
    throw invalidField('priorityClass', '预约优先只适用于预约签到');
  }
}

export const queueRetired = (queue: Pick<QueueDto, 'name'>) =>
  new AppError('QUEUE_RETIRED', `“${queue.name}”队列已停用，不再取号`, [{ field: 'queueId', message: '队列已停用' }]);

async function resolveQueue(db: DbOrTx, centerId: string, input: IssueTicketInput): Promise<{ queue: QueueDto; item: PublishedItemFacts | null }> {
  let item: PublishedItemFacts | null = null;
  if (input.itemId) {
    item = (await listPublishedItemFacts(db, centerId)).find((i) => i.id === input.itemId) ?? null;
    if (!item) throw new AppError('ITEM_NOT_FOUND', '事项不存在或未在本中心发布', [{ field: 'itemId', message: '事项不存在' }]);
  }
  if (input.queueId) {
    const queue = await getQueue(db, input.queueId);
    if (queue.centerId !== centerId) throw invalidField('queueId', '队列不属于本中心');
    return { queue, item };
  }
  if (!item) throw invalidField('queueId', '请选择队列或事项');
  const queue = queueOfItem(await listQueues(db, centerId), item);
  if (!queue) throw new AppError('QUEUE_CLOSED', `本中心暂未安排办理“${item.name}”的队列，请到咨询导办台`, [{ field: 'itemId', message: '没有办理该事项的队列' }]);
  return { queue, item };
}

export async function toTicketDto(db: DbOrTx, row: repo.TicketRow, itemNames?: ReadonlyMap<string, string>): Promise<TicketDto> {
  const names = itemNames ?? (row.itemId ? await itemNamesOf(db, row.centerId) : new Map<string, string>());
  return {
    id: row.id,
    centerId: row.centerId,
    queueId: row.queueId,
    queueName: row.queueName,
    businessDate: row.businessDate,
    number: row.number,
    displayNumber: row.displayNumber,
    state: row.state,
    channel: row.channel,
    priorityClass: row.priorityClass,
    greenReason: row.greenReason,
    theme: row.theme as Theme | null,
    itemId: row.itemId,
    itemName: row.itemId ? (names.get(row.itemId) ?? null) : null,
    uscc: row.uscc,
    phone: row.phoneMasked,
    appointmentId: row.appointmentId,
    issuedAt: row.issuedAt.toISOString(),
    calledAt: row.calledAt?.toISOString() ?? null,
    lastCalledAt: row.lastCalledAt?.toISOString() ?? null,
    recallCount: row.recallCount,
    serviceStartedAt: row.serviceStartedAt?.toISOString() ?? null,
    serviceEndedAt: row.serviceEndedAt?.toISOString() ?? null,
    counterId: row.counterId,
    counterNumber: row.counterNumber,
    staffName: row.staffName,
    targetCounterId: row.targetCounterId,
    targetCounterNumber: row.targetCounterNumber,
    handledItemIds: row.handledItemIds,
    cancelReason: row.cancelReason,
    version: row.version,
  };
}

const paceCache = new ShortCache<{ recent: number[]; open: number; typicalSeconds: number }>(5000);

/** A queue's recent service times, open counters and typical service time, for estimates (a few seconds old at most). */
function paceOf(db: DbOrTx, centerId: string, queueId: string, now: Date) {
  return paceCache.get(db, queueId, async () => {
    const [recent, open, queue, settings] = await Promise.all([
      live.recentServiceSeconds(db, queueId, new Date(now.getTime() - 7 * 24 * 3600_000)),
      live.countOpenCountersByQueue(db, centerId),
      getQueue(db, queueId),
      loadSettings(db, centerId),
    ]);
    return { recent, open: open.get(queueId) ?? 0, typicalSeconds: (queue.typicalServiceMinutes ?? settings.typicalServiceMinutes) * 60 };
  });
}

/** The wait of a ticket with `ahead` people before it in the queue (kiosk, receipt, phone). */
export async function waitEstimateOf(db: DbOrTx, centerId: string, queueId: string, ahead: number, now = new Date()): Promise<WaitEstimate> {
  const pace = await paceOf(db, centerId, queueId, now);
  return estimateWait({ ahead, recentServiceSeconds: pace.recent, countersOpen: pace.open, typicalServiceSeconds: pace.typicalSeconds });
}

export async function itemNamesOf(db: Db, centerId: string): Promise<Map<string, string>> {
  return new Map((await listPublishedItemFacts(db, centerId)).map((i) => [i.id, i.name]));
}

/** Position, people ahead and the estimated wait of a ticket, as the phone and the receipt show them. */
export async function statusOf(db: DbOrTx, row: repo.TicketRow, centerName: string, now = new Date()): Promise<TicketStatusDto> {
  let ahead: number | null = null;
  let estimatedWait: WaitEstimate | null = null;
  if (isCallable(row.state)) {
    const settings = await loadSettings(db, row.centerId);
    const rank = settings.classOrder.indexOf(row.priorityClass);
    ahead = await repo.countAhead(db, {
      ticketId: row.id,
      queueIds: row.targetCounterId ? await queueIdsOfCounter(db, row.targetCounterId) : [row.queueId],
      counterId: row.targetCounterId,
      higher: settings.classOrder.slice(0, rank),
      lower: settings.classOrder.slice(rank + 1),
      maxExtraWaitMs: settings.maxExtraWaitMinutes * 60_000,
    });
    estimatedWait = await waitEstimateOf(db, row.centerId, row.queueId, ahead, now);
  }
  const itemName = row.itemId ? ((await itemNamesOf(db, row.centerId)).get(row.itemId) ?? null) : null;
  return {
    token: row.token,
    centerName,
    displayNumber: row.displayNumber,
    queueName: row.queueName,
    state: row.state,
    priorityClass: row.priorityClass,
    greenReason: row.greenReason,
    itemName,
    issuedAt: row.issuedAt.toISOString(),
    businessDate: row.businessDate,
    ahead,
    estimatedWait,
    counterNumber: row.state === 'called' || row.state === 'serving' ? row.counterNumber : null,
    canCancel: isCallable(row.state) && row.businessDate === businessClock(now).date,
  };
}

/**
 * The ticket a clerk is serving now, with what it says about the visitor (the applications
 * module records it on an application received from it and pre-fills the intake form). The phone
 * comes masked and encrypted: `openTicketPhone` (./phone.ts) gives the number to the one write
 * that stores it with the application, inside that audited request.
 */
export async function ticketInHandOf(
  db: DbOrTx,
  staffId: string,
): Promise<{ id: string; displayNumber: string; state: TicketState; uscc: string | null; phoneMasked: string | null; phoneCipher: string | null; itemId: string | null } | null> {
  const session = await findLiveSessionOfStaffForIntake(db, staffId);
  if (!session?.currentTicketId) return null;
  const row = await repo.findTicket(db, session.currentTicketId);
  if (!row) return null;
  return { id: row.id, displayNumber: row.displayNumber, state: row.state, uscc: row.uscc, phoneMasked: row.phoneMasked, phoneCipher: row.phoneCipher, itemId: row.itemId };
}
