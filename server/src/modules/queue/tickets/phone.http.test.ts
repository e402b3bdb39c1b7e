import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { deliverEvents } from '../../../platform/outbox/testing.ts';
import { notificationMessages } from '../../../platform/notifications/tables.ts';
import { decryptField, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { tickets } from '../tables.ts';
import { caller, demoCenter, kioskTake, type Call } from '../testing.ts';
import type { TicketDto, TicketStatusDto } from './contract.ts';
import { sealPlainPhoneColumn } from '../../../platform/personal-data/plain-phone-columns.ts';

/** A visitor's phone on a ticket is personal data: stored sealed, shown masked, opened only to send the rating SMS. */

let t: TestApp;
let call: Call;
let manager: string;
let guide: string;
let clerk: string;
let centerId: string;
let queueId: string;
let counterId: string;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  [manager, guide, clerk] = await Promise.all([t.loginAs('manager'), t.loginAs('guide'), t.loginAs('clerk')]);
  const demo = await demoCenter(call, manager);
  centerId = demo.centerId;
  queueId = demo.queues.get('A')!.id;
  counterId = demo.counters.get('1')!.id;
});
afterAll(() => t.close());

const keys = () => personalDataKeys(t.config);
const rowOf = async (id: string) => (await t.db.select().from(tickets).where(eq(tickets.id, id)))[0]!;
async function ticketIdOfToken(token: string): Promise<string> {
  const [row] = await t.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.token, token));
  return row!.id;
}

describe('a ticket taken with a phone number', () => {
  it('keeps no plain number: encrypted, masked and hashed; the desk finds it by the number and sees it masked', async () => {
    const taken = await kioskTake(call, centerId, { queueId, phone: '13700137123' }, '10.61.0.1');
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.body).not.toContain('7123');
    const id = await ticketIdOfToken((taken.json() as TicketStatusDto).token);
    const row = await rowOf(id);
    expect(row).toMatchObject({ phoneMasked: '137****7123' });
    expect(JSON.stringify(row)).not.toContain('13700137123');
    expect(decryptField(keys(), 'phone', row.phoneCipher!)).toBe('13700137123');

    const found = (await call('GET', `/api/queue/centers/${centerId}/tickets?q=13700137123`, guide)).json() as TicketDto[];
    expect(found.map((x) => x.id)).toEqual([id]);
    expect(found[0]!.phone).toBe('137****7123');
    expect((await call('GET', `/api/queue/centers/${centerId}/tickets?q=137****7123`, guide)).json()).toEqual([]);
  });

  it('a landline from the guidance desk is kept without its hyphen; a malformed number is refused naming the field', async () => {
    const res = await call('POST', `/api/queue/centers/${centerId}/tickets`, guide, { queueId, phone: '0757-86261234' });
    expect(res.statusCode, res.body).toBe(201);
    const row = await rowOf(res.json().ticket.id);
    expect(row).toMatchObject({ phoneMasked: '075****1234' });
    expect(decryptField(keys(), 'phone', row.phoneCipher!)).toBe('075786261234');

    const bad = await call('POST', `/api/queue/centers/${centerId}/tickets`, guide, { queueId, phone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([expect.objectContaining({ field: 'phone' })]);
  });

  it('the rating invitation after the visit still goes to the number given', async () => {
    expect((await call('POST', `/api/queue/counters/${counterId}/open`, clerk)).statusCode).toBe(200);
    const walkIn = await call('POST', `/api/queue/counters/${counterId}/walk-in`, clerk, { phone: '13900139077' });
    expect(walkIn.statusCode, walkIn.body).toBe(200);
    const ticket = walkIn.json() as TicketDto;
    expect(ticket.phone).toBe('139****9077');
    expect((await rowOf(ticket.id)).phoneCipher).toMatch(/^v1\./);
    expect((await call('POST', `/api/queue/tickets/${ticket.id}/finish`, clerk, { isConsultationOnly: true })).statusCode).toBe(200);
    expect(await deliverEvents(t)).toBeGreaterThan(0);

    // the message the outbox hands to the SMS transport (which decrypts its recipient, platform/notifications)
    const [message] = await t.db.select().from(notificationMessages).where(eq(notificationMessages.relatedId, ticket.id));
    expect(message).toMatchObject({ template: 'rating_invitation', recipientMasked: '139****9077' });
    expect(decryptField(keys(), 'phone', message!.recipientEncrypted)).toBe('13900139077');
    expect(message!.body).toContain('/rate/');
  });
});

describe('the upgrade', () => {
  const plainColumn = async () => (await t.db.execute(sql`select 1 from information_schema.columns where table_name = 'tickets' and column_name = 'phone'`)) as unknown as { rows: unknown[] };

  it('finds no plain phone column in a new database (migration 0034 dropped it)', async () => {
    expect((await plainColumn()).rows).toHaveLength(0);
  });

  it('encrypts the phone numbers earlier versions kept in clear, once, and drops the plain column; a number that is no phone is dropped', async () => {
    const a = await kioskTake(call, centerId, { queueId }, '10.61.0.2');
    const b = await kioskTake(call, centerId, { queueId }, '10.61.0.3');
    const [idA, idB] = [await ticketIdOfToken(a.json().token), await ticketIdOfToken(b.json().token)];
    // the table as an earlier version left it
    await t.asOwner((db) => db.execute(sql`alter table tickets add column phone varchar(20)`));
    await t.db.execute(sql`update tickets set phone = '138 0013 8000', phone_cipher = null, phone_masked = null, phone_hash = null where id = ${idA}`);
    await t.db.execute(sql`update tickets set phone = '12345', phone_cipher = null, phone_masked = null, phone_hash = null where id = ${idB}`);

    expect(await t.asOwner((db) => sealPlainPhoneColumn(db, keys(), 'tickets'))).toBe(2);
    expect((await plainColumn()).rows).toHaveLength(0);
    expect(await t.asOwner((db) => sealPlainPhoneColumn(db, keys(), 'tickets'))).toBe(0);
    const rowA = await rowOf(idA);
    expect(rowA).toMatchObject({ phoneMasked: '138****8000' });
    expect(decryptField(keys(), 'phone', rowA.phoneCipher!)).toBe('13800138000');
    expect(await rowOf(idB)).toMatchObject({ phoneCipher: null, phoneMasked: null, phoneHash: null });
    const found = (await call('GET', `/api/queue/centers/${centerId}/tickets?q=13800138000`, guide)).json() as TicketDto[];
    expect(found.map((x) => x.id)).toContain(idA);
  });
});
