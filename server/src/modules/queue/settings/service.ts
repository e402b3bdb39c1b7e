import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, duplicate, invalidField, notFound } from '../../../platform/errors.ts';
import { listPublishedItemFacts, type PublishedItemFacts } from '../../catalog/published/items.ts';
import { THEME_LABELS } from '../../catalog/labels.ts';
import { getCenter, listCounters } from '../../venue/service.ts';
import { GREEN_REASONS } from '../contract.ts';
import { checkPeriods, describeHours, type OpeningHours } from '../clock.ts';
import { DEFAULT_TYPICAL_SERVICE_MINUTES } from '../tickets/estimate.ts';
import type { PriorityRule } from '../tickets/priority.ts';
import type { QueueDto, QueueInput, QueueItemDto, QueuePatch, QueueSettingsDto, QueueSettingsInput } from './contract.ts';
import * as repo from './repository.ts';
import { ShortCache } from '../cache.ts';
import { loadCalendar, type Calendar } from '../../../platform/calendar/service.ts';
import type { CenterDto } from '../../venue/contract.ts';

/** What a center without saved settings runs with. */
export const DEFAULT_SETTINGS: repo.SettingsFields = {
  serviceDays: 'working_days',
  openingPeriods: [
    { start: '09:00', end: '12:00' },
    { start: '14:00', end: '17:30' },
  ],
  lastTicketMinutes: 0,
  classOrder: ['appointment', 'green_channel', 'ordinary'],
  maxExtraWaitMinutes: 30,
  greenReasons: [...GREEN_REASONS],
  recallsBeforeNoShow: 2,
  ratingWindowMinutes: 10,
  kioskTicketsPerMinute: 20,
  typicalServiceMinutes: DEFAULT_TYPICAL_SERVICE_MINUTES,
};

export type Settings = repo.SettingsRow;

const settingsCache = new ShortCache<Settings>(1000);
const queuesCache = new ShortCache<QueueDto[]>(1000);
const centerCache = new ShortCache<CenterDto>(1000);
const calendarCache = new ShortCache<Calendar>(1000);
const counterQueuesCache = new ShortCache<string[]>(1000);

/** The working-day calendar, as recently read. */
export function queueCalendar(db: DbOrTx): Promise<Calendar> {
  return calendarCache.get(db, 'calendar', () => loadCalendar(db));
}

export async function loadSettings(db: DbOrTx, centerId: string): Promise<Settings> {
  return settingsCache.get(db, centerId, async () => (await repo.findSettings(db, centerId)) ?? { centerId, ...DEFAULT_SETTINGS, version: 0 });
}

export async function getSettings(db: Db, centerId: string): Promise<QueueSettingsDto> {
  await getCenter(db, centerId);
  return toSettingsDto(await loadSettings(db, centerId));
}

export async function saveSettings(db: Db, centerId: string, input: QueueSettingsInput): Promise<QueueSettingsDto> {
  await getCenter(db, centerId);
  const problem = checkPeriods(input.openingPeriods);
  if (problem) throw invalidField('openingPeriods', problem);
  const { version, ...fields } = input;
  settingsCache.forget(db, centerId);
  if (!(await repo.saveSettings(db, centerId, version, fields))) {
    throw new AppError('STALE_VERSION', '排队设置已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  }
  return getSettings(db, centerId);
}

export const priorityRuleOf = (s: Settings): PriorityRule => ({ classOrder: s.classOrder, maxExtraWaitMs: s.maxExtraWaitMinutes * 60_000 });
export const openingHoursOf = (s: Settings): OpeningHours => ({
  serviceDays: s.serviceDays,
  periods: s.openingPeriods,
  lastTicketMinutes: s.lastTicketMinutes,
});

function toSettingsDto(s: Settings): QueueSettingsDto {
  return { ...s, hoursText: describeHours(openingHoursOf(s)) };
}

export async function listQueues(db: DbOrTx, centerId: string): Promise<QueueDto[]> {
  return queuesCache.get(db, centerId, () => repo.listQueues(db, centerId));
}

/** A queue, as recently read (see ShortCache); `fresh` reads the database. */
export async function getQueue(db: DbOrTx, id: string, options: { fresh?: boolean } = {}): Promise<QueueDto> {
  const row = options.fresh ? await repo.findQueue(db, id) : await queuesCache.get(db, `queue:${id}`, async () => [(await repo.findQueue(db, id))!]).then((r) => r[0]);
  if (!row) throw new AppError('NOT_FOUND', '队列不存在', [{ field: 'queueId', message: '队列不存在' }]);
  return row;
}

export async function createQueue(db: Db, centerId: string, input: QueueInput): Promise<QueueDto> {
  await getCenter(db, centerId);
  const { counterIds, ...fields } = input;
  await checkQueue(db, centerId, null, input);
  const id = await db.transaction(async (tx) => {
    const queueId = await repo.insertQueue(tx, centerId, fields);
    await repo.replaceQueueCounters(tx, queueId, counterIds);
    return queueId;
  });
  queuesCache.forget(db);
  counterQueuesCache.forget(db);
  return getQueue(db, id, { fresh: true });
}

export async function updateQueue(db: Db, id: string, patch: QueuePatch): Promise<QueueDto> {
  const current = await getQueue(db, id, { fresh: true });
  const { version, counterIds, ...fields } = patch;
  await checkQueue(db, current.centerId, id, { ...current, ...patch, counterIds: counterIds ?? [] });
  await db.transaction(async (tx) => {
    if (!(await repo.updateQueue(tx, id, version, fields))) {
      throw new AppError('STALE_VERSION', '该队列已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
    }
    if (counterIds) await repo.replaceQueueCounters(tx, id, counterIds);
  });
  queuesCache.forget(db);
  counterQueuesCache.forget(db);
  return getQueue(db, id, { fresh: true });
}

/**
 * Prefix and name unique in the center (retired queues keep theirs, for their history); each
 * theme and item served by one active queue at most; counters and items of this center.
 */
async function checkQueue(
  db: Db,
  centerId: string,
  selfId: string | null,
  q: { name: string; prefix: string; themes: QueueDto['themes']; itemIds: string[]; counterIds: string[]; isActive?: boolean },
): Promise<void> {
  const all = (await repo.listQueues(db, centerId)).filter((o) => o.id !== selfId);
  if (all.some((o) => o.prefix === q.prefix)) throw duplicate('prefix', `本中心已有前缀为 ${q.prefix} 的队列`);
  if (all.some((o) => o.name === q.name)) throw duplicate('name', `本中心已有名为“${q.name}”的队列`);
  const others = q.isActive === false ? [] : all.filter((o) => o.isActive);
  for (const theme of q.themes) {
    const owner = others.find((o) => o.themes.includes(theme));
    if (owner) throw duplicate('themes', `主题“${THEME_LABELS[theme]}”已由队列“${owner.name}”办理`);
  }
  const items = new Map(q.itemIds.length > 0 ? (await listPublishedItemFacts(db, centerId)).map((i) => [i.id, i]) : []);
  for (const itemId of q.itemIds) {
    if (!items.has(itemId)) throw invalidField('itemIds', '事项不存在或未在本中心发布');
    const owner = others.find((o) => o.itemIds.includes(itemId));
    if (owner) throw duplicate('itemIds', `事项“${items.get(itemId)!.name}”已由队列“${owner.name}”办理`);
  }
  const counters = new Map(q.counterIds.length > 0 ? (await listCounters(db, centerId)).map((c) => [c.id, c]) : []);
  for (const counterId of q.counterIds) {
    if (!counters.get(counterId)?.isActive) throw invalidField('counterIds', '窗口不存在、已停用或不属于本中心');
  }
}

/** The queues a counter calls from. */
export async function queueIdsOfCounter(db: DbOrTx, counterId: string): Promise<string[]> {
  return counterQueuesCache.get(db, counterId, () => repo.listQueueIdsOfCounter(db, counterId));
}

/** The queue that serves an item: the one naming it, else the one serving its theme (retired queues serve nothing). */
export function queueOfItem(queues: readonly QueueDto[], item: Pick<PublishedItemFacts, 'id' | 'theme'>): QueueDto | undefined {
  const active = queues.filter((q) => q.isActive);
  return active.find((q) => q.itemIds.includes(item.id)) ?? active.find((q) => q.themes.includes(item.theme));
}

/** The center's published items with the queue that serves each. */
export async function listQueueItems(db: Db, centerId: string): Promise<QueueItemDto[]> {
  const [queues, items] = await Promise.all([repo.listQueues(db, centerId), listPublishedItemFacts(db, centerId)]);
  return items.map((i) => ({ id: i.id, code: i.code, name: i.name, theme: i.theme, queueId: queueOfItem(queues, i)?.id ?? null }));
}

export async function getCenterOrThrow(db: DbOrTx, centerId: string): Promise<CenterDto> {
  const center = await centerCache.get(db, centerId, () => getCenter(db, centerId)).catch(() => null);
  if (!center || !center.isActive) throw notFound('服务中心');
  return center;
}
