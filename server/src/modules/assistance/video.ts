import type { EnterprisePrincipal, StaffPrincipal } from '../../platform/auth/principal.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import { loadCalendar, type Calendar } from '../../platform/calendar/service.ts';
import { businessClock, hhmmOf, instantOf } from '../../platform/calendar/clock.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { publishEvent } from '../../platform/events/bus.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { listPublishedItemFacts, resolvePortalCenter } from '../catalog/service.ts';
import type { EndInput, SessionDto } from './contract.ts';
import { checkOutcome } from './ledger.ts';
import * as repo from './repository.ts';
import { videoWorkflow, type VideoAction, type VideoActor } from './workflow.ts';

/**
 * 视频辅导 (6.1.2.2 线上辅导岗): an enterprise books a half-hour slot in working hours from the
 * portal; one session per slot (the center's one online desk, a unique index). A filing assistant
 * starts it; the two browsers meet over WebRTC (signalling.ts); the assistant ends it with its
 * outcome, and it becomes a ledger record with its length (connected to hang-up).
 */

/** Slot starts, minutes after midnight Beijing time: 9:00–12:00 and 14:00–17:00. */
export const SLOT_STARTS = [540, 570, 600, 630, 660, 690, 840, 870, 900, 930, 960, 990];
export const BOOKING_DAYS = 10;
const HOURS_TEXT = '视频辅导只在工作日 9:00–12:00、14:00–17:00 提供，每半小时一个时段';

export const videoChannel = 'assistance_video';

const refusal = (r: { code: 'FORBIDDEN' | 'INVALID_STATE'; message: string }) => new AppError(r.code, r.message, [{ field: 'state', message: r.message }]);
const missing = () => notFound('视频辅导');

/** Tells the session's two streams what changed (delivered when the unit commits). */
export async function announce(db: DbOrTx, sessionId: string, signal?: { id: number; side: string }): Promise<void> {
  await publishEvent(db, videoChannel, { sessionId, ...(signal ? { signalId: signal.id, side: signal.side } : {}) });
}

/** The working days one may book: today (when a working day) and the next ones, BOOKING_DAYS in all. */
function bookableDates(calendar: Calendar, today: string): string[] {
  const dates: string[] = [];
  for (let date = today; dates.length < BOOKING_DAYS; date = calendar.nextWorkingDay(date)) if (calendar.isWorkingDay(date)) dates.push(date);
  return dates;
}

export async function availableSlots(db: DbOrTx, now = new Date()) {
  const centerId = await resolvePortalCenter(db);
  const dates = bookableDates(await loadCalendar(db), businessToday(now));
  const taken = new Set((await repo.takenSlots(db, centerId, instantOf(dates[0]!, 0), instantOf(dates.at(-1)!, 1440))).map((d) => d.getTime()));
  const days = dates.map((date) => ({
    date,
    slots: SLOT_STARTS.map((m) => instantOf(date, m))
      .filter((at) => at > now)
      .map((at) => ({ startsAt: at.toISOString(), time: hhmmOf(businessClock(at).minutes), free: !taken.has(at.getTime()) })),
  }));
  const items = (await listPublishedItemFacts(db, centerId)).map((i) => ({ id: i.id, name: i.name }));
  return { days: days.filter((d) => d.slots.length > 0), items };
}

export async function bookSession(db: DbOrTx, enterprise: EnterprisePrincipal, input: { startsAt: string; topic: string; itemId?: string; personName: string }, now = new Date()): Promise<SessionDto> {
  videoWorkflow.require(null, 'book', 'enterprise', refusal);
  const centerId = await resolvePortalCenter(db);
  const startsAt = new Date(input.startsAt);
  if (startsAt <= now) throw new AppError('DATE_IN_PAST', '所选时段已过，请选择以后的时段', [{ field: 'startsAt', message: '时段已过' }]);
  const clock = businessClock(startsAt);
  const calendar = await loadCalendar(db);
  const dates = bookableDates(calendar, businessToday(now));
  if (clock.date > dates.at(-1)!) throw new AppError('BEYOND_HORIZON', `视频辅导可预约今后 ${BOOKING_DAYS} 个工作日内的时段`, [{ field: 'startsAt', message: '超出可预约范围' }]);
  if (!calendar.isWorkingDay(clock.date) || !SLOT_STARTS.includes(clock.minutes) || startsAt.getSeconds() !== 0 || startsAt.getMilliseconds() !== 0) {
    throw new AppError('OUTSIDE_HOURS', HOURS_TEXT, [{ field: 'startsAt', message: HOURS_TEXT }]);
  }
  if (input.itemId && !(await listPublishedItemFacts(db, centerId)).some((i) => i.id === input.itemId)) throw invalidField('itemId', '所选事项不是本中心已发布的事项');
  const row = await repo.insertSession(db, { centerId, uscc: enterprise.uscc, enterpriseName: enterprise.name, personName: input.personName, topic: input.topic, itemId: input.itemId ?? null, startsAt, bookedAt: now });
  if (!row) throw new AppError('SLOT_FULL', '该时段已被预约，请选择其他时段', [{ field: 'startsAt', message: '时段已约满' }]);
  return (await toDtos(db, [(await repo.findSession(db, row.id))!]))[0]!;
}

/** The session as its enterprise sees it; another enterprise's answers 404. */
export async function sessionOfEnterprise(db: DbOrTx, enterprise: EnterprisePrincipal, id: string, options: { lock?: boolean } = {}) {
  const row = await repo.findSession(db, id, options);
  if (!row || row.uscc !== enterprise.uscc) throw missing();
  return row;
}

/** The session as a filing assistant of its center sees it. */
export async function sessionOfStaff(db: DbOrTx, by: StaffPrincipal, id: string, options: { lock?: boolean } = {}) {
  const row = await repo.findSession(db, id, options);
  if (!row || !isCenterInScope(by, row.centerId)) throw missing();
  return row;
}

export async function listEnterpriseSessions(db: DbOrTx, enterprise: EnterprisePrincipal): Promise<SessionDto[]> {
  return toDtos(db, await repo.listSessions(db, { uscc: enterprise.uscc }));
}

/** The center's sessions: from today on (upcoming), or all. */
export async function listCenterSessions(db: DbOrTx, by: StaffPrincipal, scope: 'upcoming' | 'all', now = new Date()): Promise<SessionDto[]> {
  if (!by.centerId) return [];
  return toDtos(db, await repo.listSessions(db, { centerId: by.centerId, ...(scope === 'upcoming' ? { since: instantOf(businessToday(now), 0) } : {}) }));
}

async function change(db: DbOrTx, row: repo.SessionView, action: VideoAction, actor: VideoActor, version: number | undefined, patch: Parameters<typeof repo.updateSession>[2]) {
  const to = videoWorkflow.require(row.state, action, actor, refusal);
  if (version !== undefined && version !== row.version) throw new AppError('STALE_VERSION', '该视频辅导已被他人处理，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  await repo.updateSession(db, row.id, { ...patch, ...(patch.state ? { state: to(patch.state) } : {}) });
  await announce(db, row.id);
}

export async function cancelSession(db: DbOrTx, enterprise: EnterprisePrincipal, id: string, version: number): Promise<SessionDto> {
  await db.transaction(async (tx) => change(tx, await sessionOfEnterprise(tx, enterprise, id, { lock: true }), 'cancel', 'enterprise', version, { state: 'cancelled' }));
  return (await toDtos(db, [await sessionOfEnterprise(db, enterprise, id)]))[0]!;
}

export async function startSession(db: DbOrTx, by: StaffPrincipal, id: string, version: number, now = new Date()): Promise<SessionDto> {
  await db.transaction(async (tx) => change(tx, await sessionOfStaff(tx, by, id, { lock: true }), 'start', 'assistant', version, { state: 'live', assistantId: by.id, startedAt: now }));
  return (await toDtos(db, [await sessionOfStaff(db, by, id)]))[0]!;
}

/** The session's assistant ends the call with its outcome: the session is logged as a ledger record. */
export async function endSession(db: DbOrTx, by: StaffPrincipal, id: string, input: EndInput, now = new Date()): Promise<SessionDto> {
  await db.transaction(async (tx) => {
    const row = await sessionOfStaff(tx, by, id, { lock: true });
    if (row.assistantId !== by.id) throw missing();
    const outcome = await checkOutcome(tx, row.centerId, input, now);
    const durationSeconds = row.connectedAt ? Math.max(0, Math.round((now.getTime() - row.connectedAt.getTime()) / 1000)) : null;
    await change(tx, row, 'end', 'assistant', input.version, { state: 'ended', endedAt: now, durationSeconds });
    await repo.insertRecord(tx, { centerId: row.centerId, assistantId: by.id, mode: 'video', videoSessionId: row.id, uscc: row.uscc, enterpriseName: row.enterpriseName, personName: row.personName, durationSeconds, ...outcome });
  });
  return (await toDtos(db, [await sessionOfStaff(db, by, id)]))[0]!;
}

export async function toDtos(db: DbOrTx, rows: repo.SessionView[]): Promise<SessionDto[]> {
  const records = await repo.recordIdsOfSessions(db, rows.map((r) => r.id));
  const names = new Map<string, string>();
  for (const centerId of new Set(rows.filter((r) => r.itemId).map((r) => r.centerId))) for (const i of await listPublishedItemFacts(db, centerId)) names.set(i.id, i.name);
  return rows.map((r) => ({
    id: r.id,
    uscc: r.uscc,
    enterpriseName: r.enterpriseName,
    personName: r.personName,
    topic: r.topic,
    itemName: r.itemId ? (names.get(r.itemId) ?? null) : null,
    startsAt: r.startsAt.toISOString(),
    state: r.state,
    assistantName: r.assistantName,
    startedAt: r.startedAt?.toISOString() ?? null,
    connectedAt: r.connectedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
    durationSeconds: r.durationSeconds,
    recordId: records.get(r.id) ?? null,
    version: r.version,
  }));
}
