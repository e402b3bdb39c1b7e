import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { invalidField } from '../../../platform/errors.ts';
import { loadCalendar } from '../../../platform/calendar/service.ts';
import { listQueues } from '../../queue/service.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { APPOINTMENT_STATES, type AppointmentState } from '../contract.ts';
import { phoneHashOf } from '../booking/applicant.ts';
import type { AppointmentDetailDto, AppointmentDto } from '../booking/contract.ts';
import { notFoundBooking } from '../booking/changes.ts';
import { toDto, toDtos } from '../booking/present.ts';
import * as bookings from '../booking/repository.ts';
import * as blocks from '../no-shows/repository.ts';
import type { AppointmentBlockDto, DayViewDto } from './contract.ts';

const zeroCounts = () => Object.fromEntries(APPOINTMENT_STATES.map((s) => [s, 0])) as Record<AppointmentState, number>;

/** A day's bookings per queue (every queue of the center, in its order), with counts by state. */
export async function getDayView(db: Db, centerId: string, date: string | undefined, now = new Date()): Promise<DayViewDto> {
  const today = businessClock(now).date;
  const day = date ?? today;
  const [queues, rows] = await Promise.all([listQueues(db, centerId), bookings.listAppointments(db, { centerId, date: day }, 5000)]);
  const dtos = (await toDtos(db, rows, now)).sort((a, b) => a.start.localeCompare(b.start) || a.createdAt.localeCompare(b.createdAt));
  const totals = zeroCounts();
  for (const d of dtos) totals[d.state] += 1;
  return {
    centerId,
    date: day,
    isToday: day === today,
    nextWorkingDay: (await loadCalendar(db)).nextWorkingDay(today),
    queues: queues.map((q) => {
      const mine = dtos.filter((d) => d.queueId === q.id);
      const counts = zeroCounts();
      for (const d of mine) counts[d.state] += 1;
      return { queueId: q.id, queueName: `${q.prefix} ${q.name}`, counts, appointments: mine };
    }),
    totals,
  };
}

/** The guidance desk finds bookings by code, phone number or USCC (recent and coming ones). */
export async function lookupAppointments(db: Db, config: Config, q: { centerId: string; code?: string; phone?: string; uscc?: string }, now = new Date()): Promise<AppointmentDto[]> {
  if (!q.code && !q.phone && !q.uscc) throw invalidField('code', '请输入预约码、手机号或统一社会信用代码');
  const phoneHash = q.phone ? phoneHashOf(config, q.phone) : undefined;
  if (q.phone && !phoneHash) throw invalidField('phone', '手机号码格式不正确');
  const fromDate = q.code ? undefined : businessClock(new Date(now.getTime() - 30 * 24 * 3600_000)).date;
  const rows = await bookings.listAppointments(db, { centerId: q.centerId, code: q.code, phoneHash: phoneHash ?? undefined, uscc: q.uscc, fromDate }, 200);
  return toDtos(db, rows, now);
}

/** A booking with its history, for staff. */
export async function getAppointmentDetail(db: Db, id: string, now = new Date()): Promise<AppointmentDetailDto> {
  const row = await bookings.findById(db, id);
  if (!row) throw notFoundBooking();
  const events = await bookings.listEvents(db, id);
  return {
    ...(await toDto(db, row, now)),
    events: events.map((e) => ({ ...e, at: e.at.toISOString(), detail: e.detail ?? null })),
  };
}

/** Applicants who may not book now, at the center. */
export async function listActiveBlocks(db: Db, centerId: string, now = new Date()): Promise<AppointmentBlockDto[]> {
  const rows = await blocks.listBlocks(db, centerId, businessClock(now).date);
  return rows.map((b) => ({ id: b.id, applicant: b.applicantLabel, startsOn: b.startsOn, endsOn: b.endsOn, noShows: b.noShows, createdAt: b.createdAt.toISOString() }));
}

/** A center manager lifts a block early; `authorize` checks the block's center and names who lifts it. */
export async function liftBlock(db: Db, id: string, authorize: (centerId: string) => { id: string }): Promise<void> {
  const block = await blocks.findBlock(db, id);
  if (!block) throw invalidField('id', '限制记录不存在');
  const staff = authorize(block.centerId);
  await blocks.liftBlock(db, id, staff.id);
}
