import { businessClock, hhmmOf } from '../../platform/calendar/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { describeFiles } from '../../platform/files/service.ts';
import { publishedPolicies } from '../policies/service.ts';
import { listCenters, listZones } from '../venue/service.ts';
import type { EventFigures, MaterialDto, PublicEvent } from './contract.ts';
import * as repo from './repository.ts';
import type { EventStatus } from './workflow.ts';

/** How events, figures and materials are shown: the DTOs of the staff's and the portal's routes. */

export const MATERIAL_PURPOSE = 'briefing_material';

export type Places = { centers: Map<string, string>; rooms: Map<string, string>; policies: Map<string, string> };

/** The names of the centers, rooms and linked policies of these events (through the venue and policies modules' services). */
export async function placesOf(db: Db, rows: repo.EventRow[]): Promise<Places> {
  const centers = new Map((await listCenters(db)).map((c) => [c.id, c.name]));
  const rooms = new Map<string, string>();
  for (const centerId of new Set(rows.filter((r) => r.zoneId).map((r) => r.centerId))) {
    for (const z of await listZones(db, centerId)) rooms.set(z.id, z.floor ? `${z.name}（${z.floor}）` : z.name);
  }
  const policies = rows.some((r) => r.policyIds.length > 0) ? new Map((await publishedPolicies(db)).map((p) => [p.id, p.title])) : new Map<string, string>();
  return { centers, rooms, policies };
}

export function isRegistrationOpen(row: repo.EventRow, now: Date): boolean {
  return row.status === 'published' && now < row.registrationClosesAt && now < row.startsAt && row.registered < row.capacity;
}

export function publicEventOf(row: repo.EventRow, places: Places, now = new Date()): PublicEvent {
  const start = businessClock(row.startsAt);
  const closes = businessClock(new Date(row.registrationClosesAt.getTime() - 1));
  return {
    id: row.id,
    kind: row.kind as PublicEvent['kind'],
    topic: row.topic,
    description: row.description,
    speakers: row.speakers,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    date: start.date,
    startTime: hhmmOf(start.minutes),
    endTime: hhmmOf(businessClock(row.endsAt).minutes),
    zoneId: row.zoneId,
    roomName: row.zoneId ? (places.rooms.get(row.zoneId) ?? null) : null,
    liveUrl: row.liveUrl ?? '',
    policies: row.policyIds.flatMap((id) => (places.policies.has(id) ? [{ id, title: places.policies.get(id)! }] : [])),
    capacity: row.capacity,
    registered: row.registered,
    remaining: Math.max(0, row.capacity - row.registered),
    registrationClosesAt: row.registrationClosesAt.toISOString(),
    registrationClosesOn: closes.date,
    status: row.status as EventStatus,
    isRegistrationOpen: isRegistrationOpen(row, now),
    hasEnded: now >= row.endsAt,
    centerName: places.centers.get(row.centerId) ?? '',
  };
}

export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export function figuresOf(attendance: { registered: number; attended: number } | undefined, feedback: { count: number; sum: number } | undefined): EventFigures {
  const registered = attendance?.registered ?? 0;
  const attended = attendance?.attended ?? 0;
  const n = feedback?.count ?? 0;
  return {
    registered,
    attended,
    attendanceRate: percent(attended, registered),
    feedbackCount: n,
    satisfaction: n === 0 ? null : Math.round((feedback!.sum / n) * 100) / 100,
  };
}

/** Figures per event id. */
export async function figuresByEvent(db: Db, ids: string[]): Promise<Map<string, EventFigures>> {
  const [attendance, satisfaction] = await Promise.all([repo.attendanceOf(db, ids), repo.satisfactionOf(db, ids)]);
  return new Map(ids.map((id) => [id, figuresOf(attendance.get(id), satisfaction.get(id))]));
}

/** The materials of these events, by event id. */
export async function materialsByEvent(db: Db, ids: string[]): Promise<Map<string, MaterialDto[]>> {
  const rows = await repo.materialsOf(db, ids);
  const files = new Map((await describeFiles(db, rows.map((r) => r.fileId), MATERIAL_PURPOSE)).map((f) => [f.id, f]));
  const out = new Map<string, MaterialDto[]>();
  for (const r of rows) {
    const file = files.get(r.fileId);
    if (!file) continue;
    out.set(r.eventId, [...(out.get(r.eventId) ?? []), { fileId: r.fileId, filename: file.filename, size: file.size, uploadedAt: r.uploadedAt.toISOString() }]);
  }
  return out;
}
