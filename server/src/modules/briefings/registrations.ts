import crypto from 'node:crypto';
import type { EnterprisePrincipal, StaffPrincipal } from '../../platform/auth/principal.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { OpenedFile } from '../../platform/files/service.ts';
import { personalDataKeys, sealPhone } from '../../platform/personal-data/personal-data.ts';
import type { OwnRegistration, RegisterInput } from './contract.ts';
import * as repo from './repository.ts';
import { eventFor, openMaterial, type ServiceDeps } from './service.ts';
import { figuresByEvent, materialsByEvent, placesOf, publicEventOf } from './views.ts';
import { nextStatus, type EventStatus } from './workflow.ts';

/**
 * 宣讲培训 (6.2.4), the enterprise's side and the door: registration with its attendees (each
 * given a check-in code, shown as a QR), cancellation before the start, check-in by code,
 * feedback once after the event. A registration holds the event's row lock while it counts the
 * places, so concurrent registrations never overbook.
 */

/** Crockford-like letters and digits without 0/O, 1/I/L: easy to type at the door. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newCheckInCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]).join('');

export async function register(deps: ServiceDeps, enterprise: EnterprisePrincipal, eventId: string, input: RegisterInput, now = new Date()): Promise<OwnRegistration> {
  const keys = personalDataKeys(deps.config);
  const id = await deps.db.transaction(async (tx) => {
    const event = await repo.findEvent(tx, eventId, 'update');
    if (!event || event.status === 'draft') throw notFound('活动');
    nextStatus(event.status as EventStatus, 'register');
    if (now >= event.registrationClosesAt || now >= event.startsAt) throw new AppError('REGISTRATION_CLOSED', '报名已截止', [{ field: 'eventId', message: '报名已截止' }]);
    if (await repo.activeRegistration(tx, event.id, enterprise.uscc)) {
      throw new AppError('ALREADY_REGISTERED', '贵企业已报名该活动；如需更改参会人，请先取消报名后重新报名', [{ field: 'eventId', message: '已报名' }]);
    }
    const remaining = event.capacity - event.registered;
    if (input.attendees.length > remaining) {
      const message = remaining === 0 ? '名额已满' : `名额不足：仅剩 ${remaining} 个名额`;
      throw new AppError('BRIEFING_FULL', message, [{ field: 'attendees', message }]);
    }
    const registration = await repo.insertRegistration(tx, { eventId: event.id, centerId: event.centerId, uscc: enterprise.uscc, enterpriseName: enterprise.name, registeredAt: now });
    await repo.insertAttendees(
      tx,
      input.attendees.map((a) => ({ registrationId: registration.id, eventId: event.id, name: a.name, ...sealPhone(keys, a.phone), checkInCode: newCheckInCode() })),
    );
    await repo.updateEvent(tx, event.id, { registered: event.registered + input.attendees.length });
    return registration.id;
  });
  return ownRegistration(deps, enterprise, id, now);
}

/** 取消报名: before the event starts; the places return. */
export async function cancelRegistration(deps: ServiceDeps, enterprise: EnterprisePrincipal, id: string, now = new Date()): Promise<OwnRegistration> {
  await deps.db.transaction(async (tx) => {
    const found = await ownRow(tx, enterprise, id);
    const event = (await repo.findEvent(tx, found.eventId, 'update'))!;
    const registration = (await repo.findRegistration(tx, id, 'update'))!;
    if (registration.cancelledAt) throw new AppError('INVALID_STATE', '该报名已取消', [{ field: 'id', message: '已取消' }]);
    if (now >= event.startsAt || event.status !== 'published') throw new AppError('CANCEL_TOO_LATE', '活动已开始或已结束，不能取消报名', [{ field: 'id', message: '活动已开始' }]);
    const attendees = await repo.attendeesOf(tx, [id]);
    await repo.cancelRegistration(tx, id, now);
    await repo.updateEvent(tx, event.id, { registered: event.registered - attendees.length });
  });
  return ownRegistration(deps, enterprise, id, now);
}

/** 反馈: after the event, by an enterprise one of whose attendees checked in; once. */
export async function giveFeedback(deps: ServiceDeps, enterprise: EnterprisePrincipal, id: string, input: { satisfaction: number; comment: string }, now = new Date()): Promise<OwnRegistration> {
  await deps.db.transaction(async (tx) => {
    const registration = await ownRow(tx, enterprise, id);
    const event = (await repo.findEvent(tx, registration.eventId))!;
    if (registration.cancelledAt) throw new AppError('INVALID_STATE', '该报名已取消，不能反馈', [{ field: 'id', message: '已取消' }]);
    if (now < event.endsAt || event.status === 'cancelled') throw new AppError('FEEDBACK_NOT_OPEN', '活动结束后才能填写反馈', [{ field: 'satisfaction', message: '活动尚未结束' }]);
    if (!(await repo.hasCheckedIn(tx, id))) throw new AppError('NOT_ATTENDED', '贵企业的参会人没有签到，不能填写反馈', [{ field: 'satisfaction', message: '未签到' }]);
    const isNew = await repo.insertFeedback(tx, { eventId: event.id, registrationId: id, satisfaction: input.satisfaction, comment: input.comment, submittedAt: now });
    if (!isNew) throw new AppError('FEEDBACK_ALREADY_GIVEN', '贵企业已填写过该活动的反馈', [{ field: 'satisfaction', message: '已反馈' }]);
  });
  return ownRegistration(deps, enterprise, id, now);
}

/** 签到: the code of an attendee of this event, once. */
export async function checkIn(deps: ServiceDeps, principal: StaffPrincipal, eventId: string, code: string, now = new Date()) {
  const result = await deps.db.transaction(async (tx) => {
    const event = await eventFor(tx, principal, eventId);
    nextStatus(event.status as EventStatus, 'check_in');
    const attendee = await repo.findAttendeeByCode(tx, code);
    if (!attendee) throw new AppError('CHECK_IN_CODE_NOT_FOUND', `签到码 ${code} 不存在`, [{ field: 'code', message: '签到码不存在' }]);
    if (attendee.eventId !== event.id) throw new AppError('CHECK_IN_WRONG_EVENT', `签到码 ${code} 不是本场活动的签到码`, [{ field: 'code', message: '不是本场活动的签到码' }]);
    const registration = (await repo.findRegistration(tx, attendee.registrationId))!;
    if (registration.cancelledAt) throw new AppError('CHECK_IN_CANCELLED', `${attendee.name}所在企业已取消报名`, [{ field: 'code', message: '报名已取消' }]);
    if (attendee.checkedInAt || !(await repo.markCheckedIn(tx, attendee.id, principal.id, now))) {
      const at = (attendee.checkedInAt ?? now).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
      throw new AppError('ALREADY_CHECKED_IN', `${attendee.name}已于 ${at} 签到，无需重复签到`, [{ field: 'code', message: '已签到' }]);
    }
    return { attendeeId: attendee.id, name: attendee.name, enterpriseName: registration.enterpriseName, checkedInAt: now.toISOString() };
  });
  return { ...result, figures: (await figuresByEvent(deps.db, [eventId])).get(eventId)! };
}

/** The event's registrations with their attendees (phones masked) and feedback, for the staff. */
export async function eventRegistrations(deps: ServiceDeps, principal: StaffPrincipal, eventId: string) {
  const event = await eventFor(deps.db, principal, eventId);
  const rows = await repo.registrationsOf(deps.db, { eventId: event.id });
  const ids = rows.map((r) => r.id);
  const [attendees, feedback] = await Promise.all([repo.attendeesOf(deps.db, ids), repo.feedbackOf(deps.db, ids)]);
  return rows.map((r) => ({
    id: r.id,
    uscc: r.uscc,
    enterpriseName: r.enterpriseName,
    registeredAt: r.registeredAt.toISOString(),
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    attendees: attendees.filter((a) => a.registrationId === r.id).map((a) => ({ id: a.id, name: a.name, phoneMasked: a.phoneMasked, checkedInAt: a.checkedInAt?.toISOString() ?? null })),
    feedback: feedbackDto(feedback.get(r.id)),
  }));
}

/** The enterprise's registrations, newest first, with codes, materials (after the event) and feedback. */
export async function ownRegistrations(deps: ServiceDeps, enterprise: EnterprisePrincipal, now = new Date()): Promise<OwnRegistration[]> {
  const rows = await repo.registrationsOf(deps.db, { uscc: enterprise.uscc });
  const ids = rows.map((r) => r.id);
  const events = await repo.eventsByIds(deps.db, [...new Set(rows.map((r) => r.eventId))]);
  const [places, attendees, feedback, materials] = await Promise.all([
    placesOf(deps.db, events),
    repo.attendeesOf(deps.db, ids),
    repo.feedbackOf(deps.db, ids),
    materialsByEvent(deps.db, events.map((e) => e.id)),
  ]);
  const byId = new Map(events.map((e) => [e.id, e]));
  return rows.map((r) => {
    const event = byId.get(r.eventId)!;
    const own = attendees.filter((a) => a.registrationId === r.id);
    const isActive = r.cancelledAt === null;
    const hasEnded = now >= event.endsAt && event.status !== 'cancelled';
    return {
      id: r.id,
      event: publicEventOf(event, places, now),
      registeredAt: r.registeredAt.toISOString(),
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
      attendees: own.map((a) => ({ id: a.id, name: a.name, phoneMasked: a.phoneMasked, checkInCode: a.checkInCode, checkedInAt: a.checkedInAt?.toISOString() ?? null })),
      canCancel: isActive && event.status === 'published' && now < event.startsAt,
      materials: isActive && hasEnded ? (materials.get(event.id) ?? []) : [],
      feedback: feedbackDto(feedback.get(r.id)),
      canGiveFeedback: isActive && hasEnded && !feedback.has(r.id) && own.some((a) => a.checkedInAt !== null),
    };
  });
}

export async function ownRegistration(deps: ServiceDeps, enterprise: EnterprisePrincipal, id: string, now = new Date()): Promise<OwnRegistration> {
  const found = (await ownRegistrations(deps, enterprise, now)).find((r) => r.id === id);
  if (!found) throw notFound('报名');
  return found;
}

/** A material of an event the enterprise registered for, once the event is over. */
export async function openOwnMaterial(deps: ServiceDeps, enterprise: EnterprisePrincipal, id: string, fileId: string, now = new Date()): Promise<OpenedFile> {
  const own = await ownRegistration(deps, enterprise, id, now);
  if (!own.materials.some((m) => m.fileId === fileId)) throw notFound('资料');
  return openMaterial(deps.db, own.event.id, fileId);
}

/** The enterprise's own registration; 404 for another's (its existence is not revealed). */
async function ownRow(tx: Parameters<typeof repo.findRegistration>[0], enterprise: EnterprisePrincipal, id: string): Promise<repo.RegistrationRow> {
  const row = await repo.findRegistration(tx, id);
  if (!row || row.uscc !== enterprise.uscc) throw notFound('报名');
  return row;
}

function feedbackDto(row: repo.FeedbackRow | undefined) {
  return row ? { satisfaction: row.satisfaction, comment: row.comment, submittedAt: row.submittedAt.toISOString() } : null;
}
