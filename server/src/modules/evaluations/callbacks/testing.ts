import type { LightMyRequestResponse } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from '../../../../test/harness.ts';
import { encryptField, maskPhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { createStaff } from '../../staff/service.ts';
import { departments } from '../../staff/tables.ts';
import { counters } from '../../venue/tables.ts';
import { tickets } from '../../queue/tables.ts';
import { callbacks, ratings } from '../tables.ts';
import { openCallbackIfDue } from './service.ts';

/**
 * Shared steps of the callbacks' and appeals' HTTP tests. A rating is written the way the
 * ratings part writes one (the row, then `openCallbackIfDue` in the same transaction), on a
 * demo ticket not rated yet.
 */

export const MARKET = '市场监督管理局';
export const TAX = '税务局';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Shanghai wall-clock time as a Date: at('2026-06-05', '10:00'). */
export const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

export type Api = {
  call(method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object): Promise<LightMyRequestResponse>;
  ok<T>(method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object): Promise<T>;
  upload(url: string, cookie: string, file: { filename: string; content: Buffer }): Promise<LightMyRequestResponse>;
};

export function apiOf(t: TestApp): Api {
  const call: Api['call'] = (method, url, cookie, payload) => t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
  return {
    call,
    async ok(method, url, cookie, payload) {
      const res = await call(method, url, cookie, payload);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    },
    upload(url, cookie, file) {
      const boundary = '----banshi-callback-boundary';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
      const payload = Buffer.concat([Buffer.from(head), file.content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return t.app.inject({ method: 'POST', url, payload, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    },
  };
}

export async function departmentIdOf(t: TestApp, name: string): Promise<string> {
  const [row] = await t.db.select({ id: departments.id }).from(departments).where(eq(departments.name, name));
  return row!.id;
}

export async function counterIdOf(t: TestApp, number: string): Promise<string> {
  const [row] = await t.db.select({ id: counters.id }).from(counters).where(eq(counters.number, number));
  return row!.id;
}

/** A staff member of a department (a counter clerk there, unless other roles are given), logged in. */
export async function staffOfDepartment(t: TestApp, username: string, department: string, roles: ('counter_clerk' | 'chief_officer' | 'center_manager')[] = ['counter_clerk']) {
  const [any] = await t.db.select({ centerId: departments.centerId }).from(departments).where(eq(departments.name, department));
  const person = await createStaff(t.db, {
    username,
    displayName: `测试${username}`,
    password: 'Test12345678',
    roles,
    centerId: any!.centerId,
    departmentId: await departmentIdOf(t, department),
  }, { mustChangePassword: false });
  return { id: person.id, cookie: await t.loginAs(username, 'Test12345678') };
}

export type RatingInput = {
  level?: number;
  isRealName?: boolean;
  isDefault?: boolean;
  department?: string | null;
  counterNumber?: string | null;
  staffId?: string | null;
  ratedAt?: Date;
  phone?: string;
  comment?: string;
};

/** Records a rating of an unrated demo ticket and opens its callback if due; returns the rating's id. */
export async function insertRating(t: TestApp, input: RatingInput = {}): Promise<string> {
  const [ticket] = await t.db
    .select({ id: tickets.id, centerId: tickets.centerId })
    .from(tickets)
    .leftJoin(ratings, eq(ratings.ticketId, tickets.id))
    .where(and(isNull(ratings.id)))
    .limit(1);
  if (!ticket) throw new Error('no unrated demo ticket left');
  const phone = input.phone ?? '13912345678';
  const isDefault = input.isDefault ?? false;
  const departmentId = input.department === null ? null : await departmentIdOf(t, input.department ?? MARKET);
  const counterId = input.counterNumber ? await counterIdOf(t, input.counterNumber) : null;
  // PGlite has one connection: nothing outside the transaction may be awaited inside it.
  return t.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ratings)
      .values({
        centerId: ticket.centerId,
        ticketId: ticket.id,
        level: isDefault ? 3 : (input.level ?? 2),
        channel: isDefault ? 'default' : 'evaluator',
        questionSet: 'in_person',
        tags: ['attitude_poor'],
        comment: input.comment ?? '窗口人员态度冷淡，材料说明不清楚',
        isRealName: input.isRealName ?? true,
        isDefault,
        raterName: '张先生',
        raterPhoneCipher: encryptField(personalDataKeys(t.config), 'phone', phone),
        raterPhoneMasked: maskPhone(phone),
        departmentId,
        counterId,
        staffId: input.staffId ?? null,
        itemName: '食品经营许可',
        itemCode: 'NH-SCJG-006',
        ratedAt: input.ratedAt ?? new Date(),
      })
      .returning();
    await openCallbackIfDue(tx, row!);
    return row!.id;
  });
}

/** The id of a rating's callback (undefined when none was opened). */
export async function callbackIdOf(t: TestApp, ratingId: string): Promise<string | undefined> {
  const [row] = await t.db.select({ id: callbacks.id }).from(callbacks).where(eq(callbacks.ratingId, ratingId));
  return row?.id;
}
