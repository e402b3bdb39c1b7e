import type { Config } from '../../config.ts';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import { instantOf, minutesOf } from '../../platform/calendar/clock.ts';
import { addDays } from '../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { openFile, storeFile, type FilePolicy, type OpenedFile } from '../../platform/files/service.ts';
import { publishedPolicies } from '../policies/service.ts';
import { listZones } from '../venue/service.ts';
import type { EventDetail, EventInput, EventSummary, PublicEvent } from './contract.ts';
import { notifyCancelled } from './reminders.ts';
import * as repo from './repository.ts';
import { figuresByEvent, figuresOf, materialsByEvent, MATERIAL_PURPOSE, placesOf, publicEventOf } from './views.ts';
import { availableEventActions, nextStatus, type EventStatus } from './workflow.ts';

/**
 * 宣讲培训 (6.2.4), the staff's side: events written as drafts, published for registration,
 * held or cancelled; their materials and figures. Registrations, check-in and feedback are in
 * registrations.ts, the day-before reminders in reminders.ts.
 */

export type ServiceDeps = { db: Db; config: Config };

export const MATERIAL_POLICY: FilePolicy = { allowed: ['pdf', 'docx', 'xlsx', 'jpg', 'png'], maxBytes: 20 * 1024 * 1024, what: '活动资料' };

export async function createEvent(deps: ServiceDeps, principal: StaffPrincipal, input: EventInput, now = new Date()): Promise<EventDetail> {
  const centerId = principal.centerId;
  if (!centerId) throw invalidField('centerId', '您的账号没有所属中心');
  const fields = await eventFields(deps.db, centerId, input);
  const row = await repo.insertEvent(deps.db, { ...fields, centerId, createdBy: principal.id, createdAt: now });
  return getEvent(deps, principal, row.id, now);
}

/** Changes a draft or published event; its capacity cannot go below the attendees registered. */
export async function updateEvent(deps: ServiceDeps, principal: StaffPrincipal, id: string, input: EventInput & { version: number }): Promise<EventDetail> {
  await deps.db.transaction(async (tx) => {
    const row = await eventFor(tx, principal, id, 'update');
    nextStatus(row.status as EventStatus, 'edit');
    if (row.version !== input.version) throw stale();
    const fields = await eventFields(deps.db, row.centerId, input);
    if (fields.capacity < row.registered) {
      throw new AppError('CAPACITY_BELOW_REGISTERED', `已有 ${row.registered} 人报名，名额不能少于 ${row.registered}`, [{ field: 'capacity', message: `不能少于已报名的 ${row.registered} 人` }]);
    }
    await repo.updateEvent(tx, row.id, fields);
  });
  return getEvent(deps, principal, id);
}

/** 发布, 取消活动, 标记为已举办: a change of status, at the version the page showed. */
export async function changeStatus(deps: ServiceDeps, principal: StaffPrincipal, id: string, action: 'publish' | 'cancel' | 'hold', version: number, now = new Date()): Promise<EventDetail> {
  // the centers' names for the cancellation SMS, read before the transaction
  const centers = action === 'cancel' ? (await placesOf(deps.db, [])).centers : new Map<string, string>();
  await deps.db.transaction(async (tx) => {
    const row = await eventFor(tx, principal, id, 'update');
    const to = nextStatus(row.status as EventStatus, action);
    if (row.version !== version) throw stale();
    if (action === 'hold' && now < row.startsAt) throw new AppError('INVALID_STATE', '活动尚未开始，不能标记为已举办', [{ field: 'status', message: '活动尚未开始' }]);
    await repo.updateEvent(tx, row.id, { status: to });
    if (action === 'cancel') await notifyCancelled(tx, deps.config, row, centers.get(row.centerId) ?? '');
  });
  return getEvent(deps, principal, id, now);
}

export async function listEvents(deps: ServiceDeps, principal: StaffPrincipal, now = new Date()): Promise<EventSummary[]> {
  if (!principal.centerId) return [];
  const rows = await repo.listEvents(deps.db, { centerId: principal.centerId });
  const [places, figures] = await Promise.all([placesOf(deps.db, rows), figuresByEvent(deps.db, rows.map((r) => r.id))]);
  return rows.map((r) => ({ ...publicEventOf(r, places, now), version: r.version, figures: figures.get(r.id)! }));
}

export async function getEvent(deps: ServiceDeps, principal: StaffPrincipal, id: string, now = new Date()): Promise<EventDetail> {
  const row = await eventFor(deps.db, principal, id);
  const [places, figures, materials, createdByName] = await Promise.all([
    placesOf(deps.db, [row]),
    figuresByEvent(deps.db, [row.id]),
    materialsByEvent(deps.db, [row.id]),
    repo.creatorName(deps.db, row.id),
  ]);
  return {
    ...publicEventOf(row, places, now),
    version: row.version,
    figures: figures.get(row.id)!,
    materials: materials.get(row.id) ?? [],
    actions: availableEventActions(row.status as EventStatus),
    createdByName,
  };
}

/** The figures of the center's events (drafts left out): registered, attended, attendance rate, satisfaction. */
export async function overallFigures(deps: ServiceDeps, principal: StaffPrincipal) {
  const rows = principal.centerId ? (await repo.listEvents(deps.db, { centerId: principal.centerId, published: true })).filter((r) => r.status !== 'cancelled') : [];
  const ids = rows.map((r) => r.id);
  const [attendance, satisfaction] = await Promise.all([repo.attendanceOf(deps.db, ids), repo.satisfactionOf(deps.db, ids)]);
  const sum = (xs: Iterable<{ registered: number; attended: number }>) => [...xs].reduce((a, x) => ({ registered: a.registered + x.registered, attended: a.attended + x.attended }), { registered: 0, attended: 0 });
  const feedback = [...satisfaction.values()].reduce((a, x) => ({ count: a.count + x.count, sum: a.sum + x.sum }), { count: 0, sum: 0 });
  return { events: rows.length, held: rows.filter((r) => r.status === 'held').length, ...figuresOf(sum(attendance.values()), feedback) };
}

/** The published events of every center (drafts are not shown), for the portal. */
export async function publicEvents(db: Db, now = new Date()): Promise<PublicEvent[]> {
  const rows = await repo.listEvents(db, { published: true });
  const places = await placesOf(db, rows);
  return rows.map((r) => publicEventOf(r, places, now));
}

export async function publicEvent(db: Db, id: string, now = new Date()): Promise<PublicEvent> {
  const row = await repo.findEvent(db, id);
  if (!row || row.status === 'draft') throw notFound('活动');
  return publicEventOf(row, await placesOf(db, [row]), now);
}

/** Stores a material of the event (slides, texts) in the file store, with the record that names it. */
export async function addMaterial(deps: ServiceDeps, principal: StaffPrincipal, id: string, file: { filename: string; content: Buffer }, now = new Date()): Promise<EventDetail> {
  await deps.db.transaction(async (tx) => {
    const row = await eventFor(tx, principal, id, 'update');
    nextStatus(row.status as EventStatus, 'upload');
    const stored = await storeFile(tx, { ...MATERIAL_POLICY, purpose: MATERIAL_PURPOSE, filename: file.filename, content: file.content, createdBy: principal.displayName });
    await repo.insertMaterial(tx, { eventId: row.id, fileId: stored.id, uploadedBy: principal.id, uploadedAt: now });
  });
  return getEvent(deps, principal, id, now);
}

export async function openMaterial(db: Db, eventId: string, fileId: string): Promise<OpenedFile> {
  const materials = await repo.materialsOf(db, [eventId]);
  if (!materials.some((m) => m.fileId === fileId)) throw notFound('资料');
  return openFile(db, fileId, MATERIAL_PURPOSE);
}

/** An event of the staff member's centers; 404 for another center's. */
export async function eventFor(db: DbOrTx, principal: StaffPrincipal, id: string, lock?: 'update'): Promise<repo.EventRow> {
  const row = await repo.findEvent(db, id, lock);
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('活动');
  return row;
}

export const stale = () => new AppError('STALE_VERSION', '该活动已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

/** The columns of an event from its input: times in Beijing time, a room of the center's briefing zone or a link. */
async function eventFields(db: Db, centerId: string, input: EventInput) {
  const start = minutesOf(input.startTime);
  const end = minutesOf(input.endTime);
  if (end <= start) throw invalidField('endTime', '结束时间应晚于开始时间');
  if (input.registrationClosesOn > input.date) throw invalidField('registrationClosesOn', '报名截止日期不能晚于活动日期');
  if (input.kind === 'live_stream' && !input.liveUrl) throw invalidField('liveUrl', '直播活动请填写直播链接');
  if (!input.zoneId && !input.liveUrl) throw invalidField('zoneId', '请选择宣讲培训区的活动室，或填写线上直播链接');
  if (input.zoneId) {
    const room = (await listZones(db, centerId)).find((z) => z.id === input.zoneId);
    if (!room || room.kind !== 'briefing' || !room.isActive) throw invalidField('zoneId', '活动室应为本中心宣讲培训区的在用区域');
  }
  if (input.policyIds.length > 0) {
    const published = new Set((await publishedPolicies(db)).map((p) => p.id));
    const unknown = input.policyIds.findIndex((id) => !published.has(id));
    if (unknown >= 0) throw new AppError('VALIDATION_FAILED', '关联的政策应为已发布的惠企政策', [{ field: `policyIds.${unknown}`, message: '不是已发布的政策' }]);
  }
  const startsAt = instantOf(input.date, start);
  const closesAt = instantOf(addDays(input.registrationClosesOn, 1), 0);
  return {
    kind: input.kind,
    topic: input.topic,
    description: input.description,
    speakers: input.speakers,
    startsAt,
    endsAt: instantOf(input.date, end),
    zoneId: input.zoneId,
    liveUrl: input.liveUrl || null,
    policyIds: [...new Set(input.policyIds)],
    capacity: input.capacity,
    registrationClosesAt: closesAt < startsAt ? closesAt : startsAt,
  };
}
