import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../../../test/harness.ts';
import { queueSettingsInput } from '../../../queue/settings/contract.ts';
import { caller, demoCenter } from '../../../queue/testing.ts';
import type { ApplicationDetail, ApplicationSummary, DeliveryDto, OwnApplicationList } from '../../contract.ts';
import { at, CATERING, enterpriseLogin, pdfText } from '../../testing.ts';
import type { KioskProgressDto } from '../../self-service/contract.ts';
import type { LockerDto } from './contract.ts';
import { DEMO_LOCKER_PHONE } from './demo.ts';

/**
 * Clause 7, 24-hour self-service: the kiosk looks up progress and prints notices at night, the
 * smart locker opens a slot for its one-time code (device key required), a code used twice is
 * refused and changes nothing, and a feedback case is filed from the kiosk outside opening hours.
 */

let t: TestApp;
let api: TestApi;
let clerk: string;
let manager: string;
let centerId: string;

type Message = { body: string; relatedId: string; template: string };
const codeIn = (m: Message) => /取件码 (\d{6})/.exec(m.body)![1]!;

async function lockerMessages(): Promise<Message[]> {
  const page = await api.ok<{ items: Message[] }>('GET', `/api/notifications?relatedType=application&pageSize=100`, manager);
  return page.items.filter((m) => m.template === 'application_in_locker');
}
const pickup = (code: string, key?: string) => t.app.inject({ method: 'POST', url: '/api/lockers/pickup', payload: { code }, headers: key ? { 'x-device-key': key } : {} });

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [clerk, manager] = await Promise.all([t.loginAs('clerk'), t.loginAs('manager')]);
  centerId = (await demoCenter(caller(t), manager)).centerId;
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('the smart locker', () => {
  it('opens the demo slot once for the code in the SMS log; the second try is refused and changes nothing', async () => {
    const [locker] = await api.ok<LockerDto[]>('GET', `/api/centers/${centerId}/lockers`, clerk);
    expect(locker).toMatchObject({ name: '24小时智能柜', demoKey: expect.stringMatching(/^demo-/) });
    const occupied = locker!.slots.filter((s) => !s.isFree);
    expect(occupied).toHaveLength(1);
    const [message] = await lockerMessages();
    expect(message!.body).toContain(`${occupied[0]!.number}号格口`);
    const code = codeIn(message!);

    expect((await pickup(code)).statusCode).toBe(403);
    expect((await pickup(code, 'demo-not-a-key')).json()).toMatchObject({ code: 'FORBIDDEN' });
    const wrong = await pickup(code === '000000' ? '000001' : '000000', locker!.demoKey!);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'PICKUP_CODE_WRONG', fields: [expect.objectContaining({ field: 'code' })] });

    const opened = await pickup(code, locker!.demoKey!);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ slotNumber: occupied[0]!.number, applicationNumber: occupied[0]!.applicationNumber });
    const app = (await api.ok<{ items: ApplicationSummary[] }>('GET', `/api/applications?q=${occupied[0]!.applicationNumber}`, clerk)).items[0]!;
    const detail = await api.ok<ApplicationDetail & { delivery: DeliveryDto }>('GET', `/api/applications/${app.id}`, clerk);
    expect(detail.state).toBe('delivered');
    expect(detail.delivery).toMatchObject({ state: 'delivered', handledByName: '24小时智能柜' });
    expect(detail.events.at(-1)).toMatchObject({ action: 'pickup_from_locker' });

    const again = await pickup(code, locker!.demoKey!);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'PICKUP_CODE_USED' });
    const after = await api.ok<ApplicationDetail>('GET', `/api/applications/${app.id}`, clerk);
    expect(after.version).toBe(detail.version);
    expect(after.events).toHaveLength(detail.events.length);
    expect((await api.ok<LockerDto[]>('GET', `/api/centers/${centerId}/lockers`, clerk))[0]!.slots.every((s) => s.isFree)).toBe(true);
  });

  it('takes a result at delivery, sends the code by SMS, and refuses a second deposit, a full slot and a key of another locker', async () => {
    const created = await api.call('POST', `/api/centers/${centerId}/lockers`, manager, { name: '二号智能柜', location: '东门', slots: 2 });
    expect(created.statusCode, created.body).toBe(201);
    const { locker, key } = created.json() as { locker: LockerDto; key: string };
    expect(locker.demoKey).toBeNull();
    expect(JSON.stringify(await api.ok('GET', `/api/centers/${centerId}/lockers`, clerk))).not.toContain(key);
    expect((await api.call('POST', `/api/centers/${centerId}/lockers`, clerk, { name: '三号', slots: 1 })).statusCode).toBe(403);

    const waiting = await api.ok<{ application: ApplicationSummary }[]>('GET', '/api/deliveries?state=awaiting_pickup', clerk);
    const [a, b] = waiting.filter((w) => w.application.state === 'approved' && w.application.kind === 'item').map((w) => w.application);
    const deposit = (id: string, body: object) => api.call('POST', `/api/applications/${id}/delivery/locker`, clerk, body);
    const version = async (id: string) => (await api.ok<ApplicationDetail>('GET', `/api/applications/${id}`, clerk)).version;

    const noPhone = await deposit(a!.id, { version: await version(a!.id), lockerId: locker.id });
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().fields[0].field).toBe('phone');
    const put = await deposit(a!.id, { version: await version(a!.id), lockerId: locker.id, slotNumber: '02', phone: '13700137000' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ lockerName: '二号智能柜', slotNumber: '02', phoneMasked: '137****7000' });
    expect((await deposit(a!.id, { version: await version(a!.id), lockerId: locker.id, phone: '13700137000' })).json()).toMatchObject({ code: 'INVALID_STATE' });
    const taken = await deposit(b!.id, { version: await version(b!.id), lockerId: locker.id, slotNumber: '02', phone: '13700137000' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'LOCKER_SLOT_TAKEN' });

    const message = (await lockerMessages()).find((m) => m.relatedId === a!.id)!;
    expect(message.body).toContain('二号智能柜（东门）02号格口');
    const code = codeIn(message);
    const [demoLocker] = (await api.ok<LockerDto[]>('GET', `/api/centers/${centerId}/lockers`, clerk)).filter((l) => l.demoKey);
    expect((await pickup(code, demoLocker!.demoKey!)).json()).toMatchObject({ code: 'PICKUP_CODE_WRONG' });
    expect((await pickup(code, key)).statusCode).toBe(200);
    expect((await pickup(code, key)).json()).toMatchObject({ code: 'PICKUP_CODE_USED' });
  });
});

describe('the kiosk at night', () => {
  it('is closed for tickets outside opening hours but looks up progress, prints notices and takes a feedback case', async () => {
    const call = caller(t);
    const settings = (await call('GET', `/api/queue/centers/${centerId}/settings`, manager)).json() as Record<string, unknown>;
    const rest = Object.fromEntries(Object.keys(queueSettingsInput.shape).map((k) => [k, settings[k]]));
    const hours = { ...rest, serviceDays: 'working_days', openingPeriods: [{ start: '09:00', end: '17:00' }] };
    const saved = await call('PUT', `/api/queue/centers/${centerId}/settings`, manager, hours);
    expect(saved.statusCode, saved.body).toBe(200);
    // the applicant's own view gives the check code (printed on its acceptance notice)
    const mine = (await api.ok<OwnApplicationList>('GET', '/api/portal/applications', await enterpriseLogin(t, CATERING))).items.filter((a) => a.notices.length > 0);
    const app = mine[0]!;
    const waiting = await api.ok<{ application: ApplicationSummary }[]>('GET', '/api/deliveries?state=awaiting_pickup', clerk);
    const other = await api.ok<ApplicationDetail>('GET', `/api/applications/${waiting.find((w) => w.application.number !== app.number)!.application.id}`, clerk);
    // tonight, 23:30 in Shanghai: the hall is closed (nothing below needs a staff session)
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(today, '23:30'));
    const kiosk = (await call('GET', `/api/queue/kiosk/${centerId}`)).json() as { isOpen: boolean };
    expect(kiosk.isOpen).toBe(false);
    const lookup = (body: object) => api.call('POST', '/api/self-service/progress', undefined, body);
    const found = await lookup({ number: app.number, checkCode: app.checkCode.toLowerCase() });
    expect(found.statusCode, found.body).toBe(200);
    const progress = found.json() as KioskProgressDto;
    expect(progress).toMatchObject({ number: app.number, name: app.name, locker: null });
    expect(progress.printable.map((n) => n.id).sort()).toEqual(app.notices.map((n) => n.id).sort());
    expect(JSON.stringify(progress)).not.toContain(app.checkCode);

    const wrong = await lookup({ number: app.number, checkCode: 'ZZZZ9999' });
    expect(wrong.statusCode).toBe(404);
    expect((await lookup({ number: app.number })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });

    const notice = progress.printable[0]!;
    const pdf = await api.call('POST', `/api/self-service/notices/${notice.id}/pdf`, undefined, { number: app.number, checkCode: app.checkCode });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(pdf.rawPayload)).toContain(app.number);
    expect((await api.call('POST', `/api/self-service/notices/${notice.id}/pdf`, undefined, { number: app.number, checkCode: 'ZZZZ9999' })).statusCode).toBe(404);
    const foreign = await api.call('POST', `/api/self-service/notices/${other.notices[0]!.id}/pdf`, undefined, { number: app.number, checkCode: app.checkCode });
    expect(foreign.statusCode).toBe(404);

    const filed = await api.call('POST', '/api/feedback', undefined, { kind: 'suggestion', channel: 'kiosk', content: '建议自助区增加一台打印机', contact: { phone: DEMO_LOCKER_PHONE }, centerId });
    expect(filed.statusCode, filed.body).toBe(201);
    vi.useRealTimers();
  });
});
