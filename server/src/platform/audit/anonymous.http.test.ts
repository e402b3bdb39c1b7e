import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { appointmentFixture, freshPhone } from '../../modules/appointments/testing.ts';
import { caller, demoCenter, kioskTake } from '../../modules/queue/testing.ts';

/**
 * The audit log is kept for ever; what an anonymous caller asks without changing anything (an
 * unknown path, a refusal, a read) goes to the application log with its request id instead. What
 * an anonymous caller changes (a kiosk ticket, a portal booking, public feedback) stays audited.
 */

const logLines: string[] = [];
const stream = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk));
    done();
  },
});

let t: TestApp;
let f: Awaited<ReturnType<typeof appointmentFixture>>;
let centerId: string;
let queueId: string;

beforeAll(async () => {
  t = await createTestApp({}, { logger: { level: 'info', stream } });
  f = await appointmentFixture(t);
  const demo = await demoCenter(caller(t), await t.loginAs('manager'));
  centerId = demo.centerId;
  queueId = demo.queues.get('A')!.id;
});
afterAll(() => t.close());

async function auditRowsOf(requestId: unknown): Promise<{ action: string; actor_type: string; outcome: string; status: number }[]> {
  const res = (await t.db.execute(sql`select action, actor_type, outcome, status from audit_log where request_id = ${String(requestId)}`)) as unknown as {
    rows: { action: string; actor_type: string; outcome: string; status: number }[];
  };
  return res.rows;
}
const loggedUnaudited = (requestId: unknown) => logLines.some((l) => l.includes(String(requestId)) && l.includes('not audited'));

let ip = 0;
const from = () => `10.88.${Math.floor(++ip / 250)}.${ip % 250}`;

describe('anonymous requests', () => {
  it('that change nothing — an unknown path, a refusal, a read — are logged with their request id, not audited', async () => {
    const before = await t.db.$count(sql`audit_log`);
    const asked = [
      await t.app.inject({ method: 'POST', url: '/api/no-such-thing', payload: {}, remoteAddress: from() }),
      await t.app.inject({ method: 'DELETE', url: '/api/queue/tickets/00000000-0000-4000-8000-000000000000', remoteAddress: from() }),
      await t.app.inject({ method: 'POST', url: '/api/portal/appointments', payload: { itemId: 'nonsense', phone: '123' }, remoteAddress: from() }),
      await kioskTake(caller(t), centerId, { queueId, phone: '12345' }, from()),
      await t.app.inject({ method: 'POST', url: `/api/queue/t/NoSuchTokenAtAll123/cancel`, remoteAddress: from() }),
    ];
    expect(asked.map((r) => r.statusCode)).toEqual([404, 404, 400, 400, 404]);
    for (const r of asked) {
      expect(await auditRowsOf(r.headers['x-request-id'])).toEqual([]);
      expect(loggedUnaudited(r.headers['x-request-id']), r.body).toBe(true);
    }
    const read = await t.app.inject({ method: 'GET', url: `/api/queue/kiosk/${centerId}`, remoteAddress: from() });
    expect(read.statusCode).toBe(200);
    expect(await auditRowsOf(read.headers['x-request-id'])).toEqual([]);
    expect(await t.db.$count(sql`audit_log`)).toBe(before);
  });

  it('that change something — a kiosk ticket, a portal booking — are audited, as the anonymous actor', async () => {
    const taken = await kioskTake(caller(t), centerId, { queueId }, from());
    expect(taken.statusCode, taken.body).toBe(201);
    expect(await auditRowsOf(taken.headers['x-request-id'])).toEqual([{ action: 'ticket.take', actor_type: 'anonymous', outcome: 'success', status: 201 }]);

    const booked = await t.app.inject({
      method: 'POST',
      url: '/api/portal/appointments',
      payload: { itemId: f.item('NH-SCJG-001').id, date: f.workingDay(2), start: '10:00', phone: freshPhone() },
      remoteAddress: from(),
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(await auditRowsOf(booked.headers['x-request-id'])).toEqual([expect.objectContaining({ actor_type: 'anonymous', outcome: 'success', status: 201 })]);
  });
});
