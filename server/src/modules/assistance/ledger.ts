import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { listPublishedItemFacts } from '../catalog/service.ts';
import { ticketNumbersOf } from '../queue/service.ts';
import type { FiguresDto, RecordDto, RecordInput } from './contract.ts';
import * as repo from './repository.ts';

/**
 * 申报辅导台账 (6.1.2.2): every assistance, on site or by video, with what was helped with, the
 * items, the result and a follow-up. An assistance that ended 尚未申报 without a follow-up date
 * gets one FOLLOW_UP_WORKING_DAYS working days later, so nothing left unfiled is forgotten.
 */

export const FOLLOW_UP_WORKING_DAYS = 2;

type Outcome = Pick<RecordInput, 'helpedWith' | 'itemIds' | 'result' | 'applicationNumber' | 'referredTo' | 'note' | 'followUpDueOn'>;

/** The outcome's fields checked against each other and the center's catalog; the follow-up date settled. */
export async function checkOutcome(db: DbOrTx, centerId: string, input: Outcome, now: Date) {
  if (input.applicationNumber && input.result !== 'filed') throw invalidField('applicationNumber', '只有“已申报”的辅导才填写申报件号');
  if (input.result === 'referred' && !input.referredTo) throw invalidField('referredTo', '转介时请填写转介去向（部门或窗口）');
  if (input.referredTo && input.result !== 'referred') throw invalidField('referredTo', '只有“已转介”的辅导才填写转介去向');
  const today = businessToday(now);
  if (input.followUpDueOn && input.followUpDueOn < today) throw invalidField('followUpDueOn', '回访日期不能早于今天');
  const items = new Map((await listPublishedItemFacts(db, centerId)).map((i) => [i.id, i.name]));
  const unknown = input.itemIds.find((id) => !items.has(id));
  if (unknown) throw invalidField('itemIds', '所选事项不是本中心已发布的事项');
  const followUpDueOn = input.followUpDueOn ?? (input.result === 'not_yet' ? (await loadCalendar(db)).addWorkingDays(today, FOLLOW_UP_WORKING_DAYS) : null);
  return {
    helpedWith: [...new Set(input.helpedWith)],
    itemIds: [...new Set(input.itemIds)],
    result: input.result,
    applicationNumber: input.applicationNumber || null,
    referredTo: input.referredTo ?? '',
    note: input.note,
    followUpDueOn,
    businessDate: today,
    assistedAt: now,
  };
}

export async function recordAssistance(db: DbOrTx, by: StaffPrincipal, input: RecordInput, now = new Date()): Promise<RecordDto> {
  const centerId = by.centerId;
  if (!centerId) throw invalidField('centerId', '您的账号没有所属中心，不能登记辅导');
  if (input.ticketId && !(await ticketNumbersOf(db, [input.ticketId])).has(input.ticketId)) throw invalidField('ticketId', '取号记录不存在');
  const outcome = await checkOutcome(db, centerId, input, now);
  const row = await repo.insertRecord(db, {
    centerId,
    assistantId: by.id,
    mode: 'on_site',
    ticketId: input.ticketId ?? null,
    uscc: input.uscc ?? null,
    enterpriseName: input.enterpriseName,
    personName: input.personName,
    ...outcome,
  });
  return getRecord(db, by, row.id);
}

export async function getRecord(db: DbOrTx, by: StaffPrincipal, id: string): Promise<RecordDto> {
  const row = await repo.findRecordView(db, id);
  if (!row || !isCenterInScope(by, row.centerId)) throw notFound('辅导记录');
  const [dto] = await toDtos(db, [row]);
  return dto!;
}

export async function listRecords(db: DbOrTx, by: StaffPrincipal, query: { from?: string; to?: string; mode?: repo.RecordRow['mode']; result?: repo.RecordRow['result']; followUp?: 'due' | 'overdue' }, now = new Date()): Promise<RecordDto[]> {
  if (!by.centerId) return [];
  return toDtos(db, await repo.listRecords(db, { centerId: by.centerId, ...query, today: businessToday(now) }));
}

/** 回访: recorded once, on a record that has one due. */
export async function recordFollowUp(db: DbOrTx, by: StaffPrincipal, input: { id: string; version: number; result: string }, now = new Date()): Promise<RecordDto> {
  await db.transaction(async (tx) => {
    const row = await repo.findRecord(tx, input.id, { lock: true });
    if (!row || !isCenterInScope(by, row.centerId)) throw notFound('辅导记录');
    if (!row.followUpDueOn) throw new AppError('INVALID_STATE', '该辅导记录没有安排回访', [{ field: 'followUpDueOn', message: '没有安排回访' }]);
    if (row.followUpDoneAt) throw new AppError('INVALID_STATE', '该辅导记录的回访已登记', [{ field: 'followUpDoneAt', message: '回访已登记' }]);
    if (row.version !== input.version) throw new AppError('STALE_VERSION', '该辅导记录已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
    await repo.updateRecord(tx, row.id, { followUpDoneAt: now, followUpBy: by.id, followUpResult: input.result });
  });
  return getRecord(db, by, input.id);
}

export async function assistanceFigures(db: DbOrTx, by: StaffPrincipal, query: { from?: string; to?: string }, now = new Date()): Promise<FiguresDto> {
  const today = businessToday(now);
  const from = query.from ?? `${today.slice(0, 8)}01`;
  const to = query.to ?? today;
  if (to < from) throw invalidField('to', '结束日期不能早于开始日期');
  const empty = { total: 0, byMode: { on_site: 0, video: 0 }, byResult: { filed: 0, not_yet: 0, referred: 0 }, followUpsDue: 0, followUpsOverdue: 0, videoMinutes: 0 };
  if (!by.centerId) return { from, to, ...empty };
  const { groups, due, overdue } = await repo.recordFigures(db, by.centerScope, by.centerId, from, to, today);
  const figures = { from, to, ...empty, followUpsDue: due, followUpsOverdue: overdue };
  let seconds = 0;
  for (const g of groups) {
    figures.total += g.n;
    figures.byMode[g.mode] += g.n;
    figures.byResult[g.result] += g.n;
    seconds += g.seconds;
  }
  return { ...figures, videoMinutes: Math.round(seconds / 60) };
}

/** The center's published items, to pick from when recording an assistance. */
export async function centerItems(db: DbOrTx, by: StaffPrincipal): Promise<{ id: string; name: string }[]> {
  if (!by.centerId) return [];
  return (await listPublishedItemFacts(db, by.centerId)).map((i) => ({ id: i.id, name: i.name }));
}

async function toDtos(db: DbOrTx, rows: repo.RecordView[]): Promise<RecordDto[]> {
  const centers = [...new Set(rows.map((r) => r.centerId))];
  const names = new Map<string, string>();
  for (const centerId of centers) for (const item of await listPublishedItemFacts(db, centerId)) names.set(item.id, item.name);
  const tickets = await ticketNumbersOf(db, rows.flatMap((r) => (r.ticketId ? [r.ticketId] : [])));
  return rows.map((r) => ({
    id: r.id,
    businessDate: r.businessDate,
    assistedAt: r.assistedAt.toISOString(),
    assistantName: r.assistantName ?? '',
    mode: r.mode,
    ticketNumber: r.ticketId ? (tickets.get(r.ticketId) ?? null) : null,
    videoSessionId: r.videoSessionId,
    uscc: r.uscc,
    enterpriseName: r.enterpriseName,
    personName: r.personName,
    helpedWith: r.helpedWith as RecordDto['helpedWith'],
    items: r.itemIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    result: r.result,
    applicationNumber: r.applicationNumber,
    referredTo: r.referredTo,
    note: r.note,
    durationSeconds: r.durationSeconds,
    followUpDueOn: r.followUpDueOn,
    followUpDoneAt: r.followUpDoneAt?.toISOString() ?? null,
    followUpResult: r.followUpResult,
    version: r.version,
  }));
}
