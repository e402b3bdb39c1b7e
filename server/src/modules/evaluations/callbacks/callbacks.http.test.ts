import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { notificationMessages } from '../../../platform/notifications/tables.ts';
import { getDepartment, updateDepartment } from '../../staff/service.ts';
import { callbacks, evaluationSettings, ratingAdditions, rectifications } from '../tables.ts';
import type { CallbackAlertDto, CallbackDetail, CallbackPage } from './contract.ts';
import { runCallbackOverdueCheck } from './service.ts';
import { apiOf, at, callbackIdOf, departmentIdOf, insertRating, MARKET, PNG, staffOfDepartment, TAX, type Api } from './testing.ts';

/**
 * 差评回访 (9.1.2) through HTTP: a real-name bad review opens a callback for its department; the
 * department's staff contact the rater, verify, rectify with evidence, take the re-rating and
 * close it; others cannot see it; a stale version or a wrong state is refused and changes nothing.
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

const url = (id: string, path = '') => `/api/evaluations/callbacks/${id}${path}`;

describe('opening a callback', () => {
  it('opens one for a real-name bad review, with deadlines in working days from the center settings or their defaults', async () => {
    // Friday 5 June 2026: contact by the next working day (Monday 8), finish within 5 (Friday 12).
    const ratingId = await insertRating(t, { level: 1, ratedAt: at('2026-06-05', '16:30') });
    const id = (await callbackIdOf(t, ratingId))!;
    const detail = await api.ok<CallbackDetail>('GET', url(id), chief);
    expect(detail).toMatchObject({ state: 'open', departmentName: MARKET, assigneeName: '黄国栋', contactDueOn: '2026-06-08', finishDueOn: '2026-06-12', contactedAt: null });
    expect(detail.rating).toMatchObject({ id: ratingId, level: 1, comment: '窗口人员态度冷淡，材料说明不清楚', tags: ['attitude_poor'], raterPhoneMasked: '139****5678' });
    expect(detail.actions).toContain('record_contact');
    expect(detail.actions).not.toContain('verify');

    const [center] = await t.db.select({ centerId: callbacks.centerId }).from(callbacks).where(eq(callbacks.id, id));
    await t.db.insert(evaluationSettings).values({ centerId: center!.centerId, callbackContactWorkingDays: 2, callbackFinishWorkingDays: 10 });
    const later = await insertRating(t, { level: 2, ratedAt: at('2026-06-05', '09:00') });
    const other = await api.ok<CallbackDetail>('GET', url((await callbackIdOf(t, later))!), chief);
    // Friday 19 June 2026 is the Dragon Boat Festival.
    expect(other).toMatchObject({ contactDueOn: '2026-06-09', finishDueOn: '2026-06-22' });
    await t.db.delete(evaluationSettings).where(eq(evaluationSettings.centerId, center!.centerId));
  });

  it('opens none for an anonymous, a default or a good rating', async () => {
    for (const input of [{ level: 1, isRealName: false }, { isDefault: true }, { level: 3 }, { level: 5 }]) {
      expect(await callbackIdOf(t, await insertRating(t, input)), JSON.stringify(input)).toBeUndefined();
    }
  });
});

describe('the life of a callback', () => {
  it('counts the callback as made after three unreached attempts, so verification can go on', async () => {
    const id = (await callbackIdOf(t, await insertRating(t, { level: 1 })))!;
    let d = await api.ok<CallbackDetail>('GET', url(id), chief);
    for (const [i, expected] of (['open', 'open', 'contacted'] as const).entries()) {
      d = await api.ok<CallbackDetail>('POST', url(id, '/contacts'), chief, { version: d.version, method: 'phone', isReached: false, note: `第 ${i + 1} 次拨打，无人接听` });
      expect(d.state).toBe(expected);
    }
    expect(d.contactedAt).not.toBeNull();
    d = await api.ok<CallbackDetail>('POST', url(id, '/verify'), chief, { version: d.version, verdict: 'unfounded', note: '调阅录像，窗口服务规范' });
    expect(d.state).toBe('closed');
  });

  it('goes from the call to the closed rectification with the re-rating, and shows each step', async () => {
    const ratingId = await insertRating(t, { level: 2 });
    const id = (await callbackIdOf(t, ratingId))!;
    let d = await api.ok<CallbackDetail>('GET', url(id), chief);

    // The phone for the call, audited.
    expect(await api.ok('POST', url(id, '/rater-phone'), chief)).toEqual({ phone: '13912345678' });

    // An unreached attempt is kept and leaves it open; the reached one marks it contacted.
    d = await api.ok<CallbackDetail>('POST', url(id, '/contacts'), chief, { version: d.version, method: 'phone', isReached: false, note: '无人接听' });
    expect(d).toMatchObject({ state: 'open', contactedAt: null });
    d = await api.ok<CallbackDetail>('POST', url(id, '/contacts'), chief, { version: d.version, method: 'phone', isReached: true, note: '已致歉，了解到材料清单说明不清' });
    expect(d.state).toBe('contacted');
    expect(d.contactedAt).not.toBeNull();
    expect(d.contacts.map((c) => c.isReached)).toEqual([false, true]);

    d = await api.ok<CallbackDetail>('POST', url(id, '/verify'), chief, { version: d.version, verdict: 'founded', note: '经核查监控，窗口未一次性告知' });
    expect(d).toMatchObject({ state: 'verified', verdict: 'founded', verifiedByName: '黄国栋' });

    // A rectification without measures is refused and changes nothing.
    const blank = await api.call('POST', url(id, '/rectification'), chief, { version: d.version, measures: '   ', ownerName: '黄国栋', dueOn: '2099-01-01' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json()).toMatchObject({ code: 'MEASURES_REQUIRED', fields: [{ field: 'measures' }] });
    expect(blank.json().message).toContain('整改措施');
    const missing = await api.call('POST', url(id, '/rectification'), chief, { version: d.version, ownerName: '黄国栋', dueOn: '2099-01-01' });
    expect(missing.statusCode).toBe(400);
    expect((await api.ok<CallbackDetail>('GET', url(id), chief)).state).toBe('verified');
    expect(await t.db.select().from(rectifications).where(eq(rectifications.callbackId, id))).toHaveLength(0);

    const owners = d.owners;
    expect(owners.map((o) => o.displayName)).toContain('黄国栋');
    d = await api.ok<CallbackDetail>('POST', url(id, '/rectification'), chief, {
      version: d.version,
      measures: '重新制作材料清单并张贴于窗口；对窗口人员开展一次性告知培训',
      ownerId: owners.find((o) => o.displayName === '黄国栋')!.id,
      dueOn: '2099-01-01',
      publicSummary: '完善窗口材料清单，开展一次性告知培训',
    });
    expect(d).toMatchObject({ state: 'rectifying', rectification: { ownerName: '黄国栋', doneAt: null } });

    const upload = await api.upload(`${url(id, '/rectification/evidence')}?version=${d.version}`, chief, { filename: '培训签到表.png', content: PNG });
    expect(upload.statusCode, upload.body).toBe(200);
    d = upload.json();
    expect(d.rectification!.evidence).toMatchObject([{ filename: '培训签到表.png', mediaType: 'image/png' }]);
    const file = await api.call('GET', url(id, `/evidence/${d.rectification!.evidence[0]!.id}`), chief);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    const notAPicture = await api.upload(`${url(id, '/rectification/evidence')}?version=${d.version}`, chief, { filename: 'x.png', content: Buffer.from('not an image') });
    expect(notAPicture.statusCode).toBe(415);

    // Closing before the rectification is done is refused; the re-rating waits for it too.
    const early = await api.call('POST', url(id, '/close'), chief, { version: d.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('RECTIFICATION_NOT_DONE');
    expect((await api.call('POST', url(id, '/re-rating'), chief, { version: d.version, level: 4 })).json().code).toBe('RECTIFICATION_NOT_DONE');

    d = await api.ok<CallbackDetail>('POST', url(id, '/rectification/done'), chief, { version: d.version, result: '材料清单已更新，6 月 10 日完成培训' });
    expect(d.rectification).toMatchObject({ result: '材料清单已更新，6 月 10 日完成培训', doneByName: '黄国栋' });
    expect(d.rectification!.doneAt).not.toBeNull();

    d = await api.ok<CallbackDetail>('POST', url(id, '/re-rating'), chief, { version: d.version, level: 4, comment: '电话回访，表示满意' });
    expect(d.reRating).toMatchObject({ level: 4, comment: '电话回访，表示满意', enteredByName: '黄国栋' });
    expect((await api.call('POST', url(id, '/re-rating'), chief, { version: d.version, level: 5 })).json().code).toBe('DUPLICATE');
    const additions = await t.db.select().from(ratingAdditions).where(eq(ratingAdditions.ratingId, ratingId));
    expect(additions).toMatchObject([{ kind: 're_rating', level: 4, channel: 'phone' }]);

    d = await api.ok<CallbackDetail>('POST', url(id, '/close'), chief, { version: d.version });
    expect(d.state).toBe('closed');
    expect(d.closedAt).not.toBeNull();
    expect(d.actions).toEqual([]);
    expect(d.timeline.map((e) => e.label)).toEqual(
      expect.arrayContaining(['收到不满意评价', '生成回访任务', '回访：未联系上', '回访：已联系上', '核实：属实', '登记整改', '上传整改佐证', '整改完成', '整改后再评价：满意', '办结']),
    );

    // Closed is closed.
    const again = await api.call('POST', url(id, '/contacts'), chief, { version: d.version, method: 'phone', isReached: true, note: '再次回访' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
  });

  it('closes an unfounded review at verification, without rectification', async () => {
    const id = (await callbackIdOf(t, await insertRating(t)))!;
    let d = await api.ok<CallbackDetail>('GET', url(id), chief);
    d = await api.ok<CallbackDetail>('POST', url(id, '/contacts'), chief, { version: d.version, method: 'visit', isReached: true, note: '上门了解情况' });
    d = await api.ok<CallbackDetail>('POST', url(id, '/verify'), chief, { version: d.version, verdict: 'unfounded', note: '经核实为评价人误操作' });
    expect(d).toMatchObject({ state: 'closed', verdict: 'unfounded', rectification: null });
    const rectify = await api.call('POST', url(id, '/rectification'), chief, { version: d.version, measures: '无', ownerName: 'x', dueOn: '2099-01-01' });
    expect(rectify.statusCode).toBe(409);
  });

  it('refuses a wrong-state action and a stale version, and changes nothing', async () => {
    const id = (await callbackIdOf(t, await insertRating(t)))!;
    const d = await api.ok<CallbackDetail>('GET', url(id), chief);

    const early = await api.call('POST', url(id, '/verify'), chief, { version: d.version, verdict: 'founded', note: '未回访先核实' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'INVALID_STATE' });
    expect(early.json().message).toContain('待回访');

    // Two staff on one callback: the second, on the version both saw, is refused.
    const first = await api.call('POST', url(id, '/contacts'), chief, { version: d.version, method: 'phone', isReached: true, note: '第一人' });
    const second = await api.call('POST', url(id, '/contacts'), manager, { version: d.version, method: 'phone', isReached: true, note: '第二人' });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('STALE_VERSION');
    const after = await api.ok<CallbackDetail>('GET', url(id), chief);
    expect(after.contacts.map((c) => c.note)).toEqual(['第一人']);
    expect(after.version).toBe(d.version + 1);
  });
});

describe('who sees what', () => {
  it('shows a department its own callbacks, a counter its counter’s, the manager all; others get 404', async () => {
    const market = (await callbackIdOf(t, await insertRating(t, { department: MARKET })))!;
    const tax = (await callbackIdOf(t, await insertRating(t, { department: TAX })))!;
    const atCounter1 = (await callbackIdOf(t, await insertRating(t, { department: null, counterNumber: '1' })))!;
    const taxClerk = await staffOfDepartment(t, 'taxclerk', TAX);

    const ids = async (cookie: string, query = '') => (await api.ok<CallbackPage>('GET', `/api/evaluations/callbacks?pageSize=200${query}`, cookie)).items.map((c) => c.id);
    expect(await ids(chief)).toEqual(expect.arrayContaining([market]));
    expect(await ids(chief)).not.toContain(tax);
    expect(await ids(taxClerk.cookie)).toContain(tax);
    expect(await ids(taxClerk.cookie)).not.toContain(market);
    // The demo clerk has no department but serves at counter 1.
    expect(await ids(clerk)).toContain(atCounter1);
    expect(await ids(clerk)).not.toContain(market);
    expect(await ids(clerk)).not.toContain(tax);
    expect(await ids(manager)).toEqual(expect.arrayContaining([market, tax, atCounter1]));
    const taxOnly = await api.ok<CallbackPage>('GET', `/api/evaluations/callbacks?pageSize=200&departmentId=${await departmentIdOf(t, TAX)}`, manager);
    expect(taxOnly.items.map((c) => c.id)).toContain(tax);
    expect(new Set(taxOnly.items.map((c) => c.departmentName))).toEqual(new Set([TAX]));
    const closed = await api.ok<CallbackPage>('GET', '/api/evaluations/callbacks?pageSize=200&state=closed', manager);
    expect(closed.items.map((c) => c.id)).not.toContain(tax);
    expect(closed.items.every((c) => c.state === 'closed')).toBe(true);

    for (const path of ['', '/rater-phone']) {
      const res = await api.call(path ? 'POST' : 'GET', url(market, path), taxClerk.cookie);
      expect(res.statusCode, path).toBe(404);
    }
    const before = await api.ok<CallbackDetail>('GET', url(market), chief);
    const act = await api.call('POST', url(market, '/contacts'), taxClerk.cookie, { version: before.version, method: 'phone', isReached: true, note: '越权' });
    expect(act.statusCode).toBe(404);
    expect((await api.ok<CallbackDetail>('GET', url(market), chief)).contacts).toHaveLength(0);

    // Staff without the callback permission (the auditor) are refused at the door.
    expect((await api.call('GET', '/api/evaluations/callbacks', await t.loginAs('auditor'))).statusCode).toBe(403);
  });

  it('filters by period', async () => {
    const old = (await callbackIdOf(t, await insertRating(t, { ratedAt: at('2019-03-11') })))!;
    const page = await api.ok<CallbackPage>('GET', '/api/evaluations/callbacks?from=2019-03-01&to=2019-03-31', manager);
    expect(page.items.map((c) => c.id)).toEqual([old]);
    expect((await api.call('GET', '/api/evaluations/callbacks?from=2025-04-01&to=2025-03-01', manager)).statusCode).toBe(400);
  });
});

describe('overdue callbacks', () => {
  it('alert the chief officer once, in the app and by SMS, past the contact or the finish deadline', async () => {
    const department = await getDepartment(t.db, await departmentIdOf(t, MARKET));
    await updateDepartment(t.db, department.id, { version: department.version, phone: '13800001111' });
    // Rated Monday 1 June 2026: contact due Tuesday 2, finish due Monday 8.
    const id = (await callbackIdOf(t, await insertRating(t, { ratedAt: at('2026-06-01') })))!;
    const closedOne = (await callbackIdOf(t, await insertRating(t, { department: TAX, ratedAt: at('2026-06-01') })))!;
    await t.db.update(callbacks).set({ state: 'closed', closedAt: at('2026-06-01', '12:00') }).where(eq(callbacks.id, closedOne));
    const alertedOf = async (cid: string) => (await t.db.select({ at: callbacks.overdueAlertedAt }).from(callbacks).where(eq(callbacks.id, cid)))[0]!.at;

    await runCallbackOverdueCheck({ db: t.db, config: t.config }, at('2026-06-02', '18:00'));
    expect(await alertedOf(id)).toBeNull();

    const first = await runCallbackOverdueCheck({ db: t.db, config: t.config }, at('2026-06-03', '08:00'));
    expect(first.alerted).toBeGreaterThanOrEqual(1);
    expect(await alertedOf(id)).toEqual(at('2026-06-03', '08:00'));
    expect(await alertedOf(closedOne)).toBeNull();
    const messages = await t.db.select().from(notificationMessages).where(eq(notificationMessages.relatedId, id));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ template: 'callback_overdue', recipientMasked: '138****1111' });
    expect(messages[0]!.body).toContain('逾期未回访');

    // Once: a later run (now also past the finish deadline) neither alerts nor texts again.
    await runCallbackOverdueCheck({ db: t.db, config: t.config }, at('2026-06-10', '08:00'));
    expect((await runCallbackOverdueCheck({ db: t.db, config: t.config }, at('2026-06-10', '09:00'))).alerted).toBe(0);
    expect(await alertedOf(id)).toEqual(at('2026-06-03', '08:00'));
    expect(await t.db.select().from(notificationMessages).where(eq(notificationMessages.relatedId, id))).toHaveLength(1);

    const alerts = await api.ok<CallbackAlertDto[]>('GET', '/api/evaluations/callbacks/alerts', chief);
    expect(alerts.find((a) => a.id === id)).toMatchObject({ departmentName: MARKET, overdue: 'contact', contactDueOn: '2026-06-02' });
    const overdue = await api.ok<CallbackPage>('GET', '/api/evaluations/callbacks?overdue=true&pageSize=200', chief);
    expect(overdue.items.map((c) => c.id)).toContain(id);
    const taxClerk = await staffOfDepartment(t, 'taxclerk2', TAX);
    expect((await api.ok<CallbackAlertDto[]>('GET', '/api/evaluations/callbacks/alerts', taxClerk.cookie)).map((a) => a.id)).not.toContain(id);
  });
});
