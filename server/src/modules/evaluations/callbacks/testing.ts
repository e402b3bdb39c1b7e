import { testApi, type TestApi, type TestApp } from '../../../../test/harness.ts';
import { DEMO_CENTER } from '../../../demo/data.ts';
import { encryptField, maskPhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { instantOf } from '../../queue/demo-history.ts';
import { loadPastTickets } from '../../queue/history/service.ts';
import { listQueues } from '../../queue/settings/service.ts';
import { createStaff, listDepartments } from '../../staff/service.ts';
import { listCenters, listCounters } from '../../venue/service.ts';
import { insertRating as insertRatingRow } from '../repository.ts';
import { findCallbackOfRating } from './repository.ts';
import { openCallbackIfDue } from './service.ts';

/**
 * Shared steps of the callbacks' and appeals' HTTP tests. A rating is written the way the
 * ratings part writes one (the row, then `openCallbackIfDue` in the same transaction), on a
 * finished visit of its own.
 */

export const MARKET = '市场监督管理局';
export const TAX = '税务局';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Shanghai wall-clock time as a Date: at('2026-06-05', '10:00'). */
export const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

export type Api = TestApi;
export const apiOf = testApi;

const demoCenterId = async (t: TestApp) => (await listCenters(t.db)).find((c) => c.name === DEMO_CENTER.name)!.id;

export async function departmentIdOf(t: TestApp, name: string): Promise<string> {
  return (await listDepartments(t.db, await demoCenterId(t))).find((d) => d.name === name)!.id;
}

export async function counterIdOf(t: TestApp, number: string): Promise<string> {
  return (await listCounters(t.db, await demoCenterId(t))).find((c) => c.number === number)!.id;
}

/** A staff member of a department (a counter clerk there, unless other roles are given), logged in. */
export async function staffOfDepartment(t: TestApp, username: string, department: string, roles: ('counter_clerk' | 'chief_officer' | 'center_manager')[] = ['counter_clerk']) {
  const person = await createStaff(t.db, {
    username,
    displayName: `测试${username}`,
    password: 'Test12345678',
    roles,
    centerId: await demoCenterId(t),
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

let visitNumber = 0;

/** A visit finished at counter 1 on a day far from the demo's, for one rating of its own. */
async function finishedVisit(t: TestApp, centerId: string): Promise<string> {
  const queue = (await listQueues(t.db, centerId)).find((q) => q.prefix === 'A')!;
  const n = ++visitNumber;
  const day = '2020-08-03';
  const [id] = await loadPastTickets(t.db, [
    {
      centerId,
      queue,
      businessDate: day,
      number: n,
      state: 'done',
      channel: 'kiosk',
      priorityClass: 'ordinary',
      greenReason: null,
      theme: null,
      itemId: null,
      uscc: null,
      issuedAt: instantOf(day, 9 * 60 + n),
      calledAt: instantOf(day, 9 * 60 + n + 1),
      serviceStartedAt: instantOf(day, 9 * 60 + n + 2),
      serviceEndedAt: instantOf(day, 9 * 60 + n + 10),
      counterId: null,
      staffId: null,
      recallCount: 0,
    },
  ]);
  return id!;
}

/** Records a rating of a finished visit and opens its callback if due; returns the rating's id. */
export async function insertRating(t: TestApp, input: RatingInput = {}): Promise<string> {
  const centerId = await demoCenterId(t);
  const ticketId = await finishedVisit(t, centerId);
  const phone = input.phone ?? '13912345678';
  const isDefault = input.isDefault ?? false;
  const departmentId = input.department === null ? null : await departmentIdOf(t, input.department ?? MARKET);
  const counterId = input.counterNumber ? await counterIdOf(t, input.counterNumber) : null;
  // PGlite has one connection: nothing outside the transaction may be awaited inside it.
  return t.db.transaction(async (tx) => {
    const row = await insertRatingRow(tx, {
      centerId,
      ticketId,
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
    });
    await openCallbackIfDue(tx, row!);
    return row!.id;
  });
}

/** The id of a rating's callback (undefined when none was opened). */
export async function callbackIdOf(t: TestApp, ratingId: string): Promise<string | undefined> {
  return (await findCallbackOfRating(t.db, ratingId))?.id;
}
