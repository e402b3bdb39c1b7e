import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { staff } from '../../staff/tables.ts';
import type { CallbackDetail } from '../callbacks/contract.ts';
import { apiOf, callbackIdOf, insertRating, MARKET, PNG, staffOfDepartment, TAX, type Api } from '../callbacks/testing.ts';
import { appeals, ratings } from '../tables.ts';
import type { AppealDto, AppealRatingDto } from './contract.ts';

/**
 * 申诉复核 through HTTP: staff appeal a bad review they answer for; one pending appeal per rating;
 * the appellant never decides their own; an upheld appeal marks the rating excluded (never
 * deleted) and closes its callback; a rejected one changes neither.
 */

let t: TestApp;
let api: Api;
let chief: string;
let manager: string;
let clerk: string;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  [chief, manager, clerk] = await Promise.all([t.loginAs('chief'), t.loginAs('manager'), t.loginAs('clerk')]);
});
afterAll(async () => {
  await t.close();
});

const ratingRow = async (id: string) => (await t.db.select().from(ratings).where(eq(ratings.id, id)))[0];
const appealsOf = async (ratingId: string) => t.db.select().from(appeals).where(eq(appeals.ratingId, ratingId));
const statement = { reason: 'malicious', statement: '评价人当日未在本窗口办理业务，与监控记录不符' } as const;

describe('appealing a review', () => {
  it('takes a bad review the staff member answers for, with evidence; refuses a second pending appeal', async () => {
    const ratingId = await insertRating(t, { department: MARKET, level: 1 });
    const offered = await api.ok<AppealRatingDto[]>('GET', '/api/evaluations/appeals/appealable', chief);
    expect(offered.map((r) => r.id)).toContain(ratingId);

    const res = await api.call('POST', '/api/evaluations/appeals', chief, { ratingId, ...statement });
    expect(res.statusCode, res.body).toBe(201);
    let appeal = res.json() as AppealDto;
    expect(appeal).toMatchObject({ state: 'pending', reason: 'malicious', appellantName: '黄国栋', mayDecide: false, rating: { id: ratingId, level: 1, departmentName: MARKET } });

    const upload = await api.upload(`/api/evaluations/appeals/${appeal.id}/evidence`, chief, { filename: '监控截图.png', content: PNG });
    expect(upload.statusCode, upload.body).toBe(200);
    appeal = upload.json();
    expect(appeal.evidence).toMatchObject([{ filename: '监控截图.png', mediaType: 'image/png' }]);
    const file = await api.call('GET', `/api/evaluations/appeals/${appeal.id}/evidence/${appeal.evidence[0]!.id}`, manager);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);

    const second = await api.call('POST', '/api/evaluations/appeals', chief, { ratingId, reason: 'mistaken', statement: '再次申诉' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'APPEAL_PENDING', fields: [{ field: 'ratingId' }] });
    expect(await appealsOf(ratingId)).toHaveLength(1);
    expect((await api.ok<AppealRatingDto[]>('GET', '/api/evaluations/appeals/appealable', chief)).map((r) => r.id)).not.toContain(ratingId);
    expect((await api.ok<AppealDto[]>('GET', '/api/evaluations/appeals/mine', chief)).map((a) => a.id)).toContain(appeal.id);
  });

  it('refuses a review of another department, a good review, and a blank statement', async () => {
    const taxRating = await insertRating(t, { department: TAX });
    const other = await api.call('POST', '/api/evaluations/appeals', chief, { ratingId: taxRating, ...statement });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('本部门');

    const good = await insertRating(t, { department: MARKET, level: 5 });
    const notBad = await api.call('POST', '/api/evaluations/appeals', chief, { ratingId: good, ...statement });
    expect(notBad.statusCode).toBe(422);
    expect(notBad.json().code).toBe('RATING_NOT_APPEALABLE');

    const bad = await insertRating(t, { department: MARKET });
    const blank = await api.call('POST', '/api/evaluations/appeals', chief, { ratingId: bad, reason: 'mistaken', statement: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields).toMatchObject([{ field: 'statement' }]);
    for (const id of [taxRating, good, bad]) expect(await appealsOf(id)).toHaveLength(0);
  });

  it('lets a counter clerk appeal a review of their own service', async () => {
    const [me] = await t.db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'clerk'));
    const ratingId = await insertRating(t, { department: null, staffId: me!.id });
    const res = await api.call('POST', '/api/evaluations/appeals', clerk, { ratingId, reason: 'mistaken', statement: '评价人误点了“非常不满意”，电话中已说明' });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('deciding an appeal', () => {
  it('refuses the appellant deciding their own appeal, and changes nothing', async () => {
    const both = await staffOfDepartment(t, 'chiefmanager', MARKET, ['chief_officer', 'center_manager']);
    const ratingId = await insertRating(t, { department: MARKET });
    const appeal = await api.ok<AppealDto>('POST', '/api/evaluations/appeals', both.cookie, { ratingId, ...statement });
    expect(appeal.mayDecide).toBe(false);
    const self = await api.call('POST', `/api/evaluations/appeals/${appeal.id}/decide`, both.cookie, { version: appeal.version, decision: 'upheld', note: '本人复核' });
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'SELF_DECISION' });
    expect(self.json().message).toContain('本人');
    expect(await appealsOf(ratingId)).toMatchObject([{ state: 'pending', decidedBy: null }]);
    expect((await ratingRow(ratingId))!.excludedAt).toBeNull();
  });

  it('upholds: the rating stays, excluded from the figures, and its callback closes', async () => {
    const ratingId = await insertRating(t, { department: MARKET, level: 1 });
    const callbackId = (await callbackIdOf(t, ratingId))!;
    const appeal = await api.ok<AppealDto>('POST', '/api/evaluations/appeals', chief, { ratingId, ...statement });

    const pending = await api.ok<AppealDto[]>('GET', '/api/evaluations/appeals?state=pending', manager);
    expect(pending.find((a) => a.id === appeal.id)).toMatchObject({ mayDecide: true });
    expect((await api.call('GET', '/api/evaluations/appeals', chief)).statusCode).toBe(403);

    const stale = await api.call('POST', `/api/evaluations/appeals/${appeal.id}/decide`, manager, { version: appeal.version + 1, decision: 'upheld', note: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');

    const decided = await api.ok<AppealDto>('POST', `/api/evaluations/appeals/${appeal.id}/decide`, manager, { version: appeal.version, decision: 'upheld', note: '经调取监控，评价人当日未到本窗口' });
    expect(decided).toMatchObject({ state: 'upheld', decidedByName: '陈慧敏', decisionNote: '经调取监控，评价人当日未到本窗口', mayDecide: false });
    const rating = await ratingRow(ratingId);
    expect(rating, 'the rating is never deleted').toBeDefined();
    expect(rating!.excludedAt).not.toBeNull();
    expect(decided.rating.excludedAt).not.toBeNull();

    const callback = await api.ok<CallbackDetail>('GET', `/api/evaluations/callbacks/${callbackId}`, chief);
    expect(callback).toMatchObject({ state: 'closed', verdict: 'unfounded' });
    expect(callback.verdictNote).toContain('申诉复核成立');
    expect(callback.rating.excludedAt).not.toBeNull();
    expect(callback.timeline.map((e) => e.label)).toContain('申诉成立，评价剔除');

    const again = await api.call('POST', `/api/evaluations/appeals/${appeal.id}/decide`, manager, { version: decided.version, decision: 'rejected', note: '再次复核' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    const reappeal = await api.call('POST', '/api/evaluations/appeals', chief, { ratingId, ...statement });
    expect(reappeal.json().code).toBe('RATING_NOT_APPEALABLE');
  });

  it('rejects: the rating counts and the callback runs on; the appeal is not made twice', async () => {
    const ratingId = await insertRating(t, { department: MARKET });
    const callbackId = (await callbackIdOf(t, ratingId))!;
    const appeal = await api.ok<AppealDto>('POST', '/api/evaluations/appeals', chief, { ratingId, ...statement });
    const decided = await api.ok<AppealDto>('POST', `/api/evaluations/appeals/${appeal.id}/decide`, manager, { version: appeal.version, decision: 'rejected', note: '证据不足' });
    expect(decided.state).toBe('rejected');
    expect((await ratingRow(ratingId))!.excludedAt).toBeNull();
    expect((await api.ok<CallbackDetail>('GET', `/api/evaluations/callbacks/${callbackId}`, chief)).state).toBe('open');
    const twice = await api.call('POST', '/api/evaluations/appeals', chief, { ratingId, ...statement });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('DUPLICATE');
  });

  it('keeps a verdict already reached when an appeal on a rectifying callback is upheld', async () => {
    const ratingId = await insertRating(t, { department: MARKET });
    const id = (await callbackIdOf(t, ratingId))!;
    let d = await api.ok<CallbackDetail>('GET', `/api/evaluations/callbacks/${id}`, chief);
    d = await api.ok<CallbackDetail>('POST', `/api/evaluations/callbacks/${id}/contacts`, chief, { version: d.version, method: 'phone', isReached: true, note: '已联系' });
    d = await api.ok<CallbackDetail>('POST', `/api/evaluations/callbacks/${id}/verify`, chief, { version: d.version, verdict: 'partly_founded', note: '部分属实' });
    const appeal = await api.ok<AppealDto>('POST', '/api/evaluations/appeals', chief, { ratingId, reason: 'mistaken', statement: '评价对象有误' });
    await api.ok('POST', `/api/evaluations/appeals/${appeal.id}/decide`, manager, { version: appeal.version, decision: 'upheld', note: '评价对象有误' });
    d = await api.ok<CallbackDetail>('GET', `/api/evaluations/callbacks/${id}`, chief);
    expect(d).toMatchObject({ state: 'closed', verdict: 'partly_founded' });
    expect(d.verdictNote).toMatch(/^部分属实\n申诉复核成立/);
  });
});
