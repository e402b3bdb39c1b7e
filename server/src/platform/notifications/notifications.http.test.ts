import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { dispatchOutbox } from '../outbox/service.ts';
import { notificationHandlers, queueSms } from './service.ts';
import type { SmsTransport } from './transports.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const silent = pino({ level: 'silent' });

/** The demo leaves due messages in the outbox too: dispatch until nothing due is left. */
async function drain(handlers: NonNullable<Parameters<typeof dispatchOutbox>[2]>['handlers']) {
  while ((await dispatchOutbox(t.db, { config: t.config, log: silent }, { handlers })) > 0);
}

describe('SMS notifications', () => {
  it('sends after commit through the transport, keeps the delivery status, masks the number', async () => {
    const sent: { to: string; body: string }[] = [];
    let failOnce = true;
    const transport: SmsTransport = {
      name: 'test',
      async send(message) {
        if (message.to !== '13812345678') return { ref: 'other' }; // demo messages waiting in the outbox
        if (failOnce) {
          failOnce = false;
          throw new Error('gateway timeout');
        }
        sent.push(message);
        return { ref: `ref-${sent.length}` };
      },
    };
    const handlers = notificationHandlers(transport);
    await t.db.transaction((tx) =>
      queueSms(tx, t.config, {
        phone: '138 1234 5678',
        template: 'test',
        params: { center: '南海区政务服务中心' },
        related: { type: 'test', id: 'm1' },
        dedupeKey: 'test:m1',
      }),
    );
    expect(await t.db.transaction((tx) => queueSms(tx, t.config, { phone: '13812345678', template: 'test', params: { center: 'x' }, related: { type: 'test', id: 'm1' }, dedupeKey: 'test:m1' }))).toEqual({ queued: false });

    await drain(handlers);
    const admin = await t.loginAs('admin');
    const failed = (await t.app.inject({ method: 'GET', url: '/api/notifications?relatedId=m1', headers: { cookie: admin } })).json();
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({ status: 'queued', attempts: 1, lastError: 'gateway timeout', recipient: '138****5678' });

    await t.db.execute(`update outbox set available_at = now() where dedupe_key = 'sms:test:m1'`);
    await drain(handlers);
    expect(sent).toEqual([{ to: '13812345678', body: '【南海区政务服务中心】这是一条测试短信。' }]);
    const log = (await t.app.inject({ method: 'GET', url: '/api/notifications?phone=13812345678', headers: { cookie: admin } })).json();
    expect(log.items[0]).toMatchObject({ status: 'sent', attempts: 2, recipient: '138****5678' });
    expect(JSON.stringify(log)).not.toContain('13812345678');
    const raw = (await t.db.execute(`select recipient_encrypted from notification_messages`)) as unknown as { rows: { recipient_encrypted: string }[] };
    expect(raw.rows[0]!.recipient_encrypted).not.toContain('1381234');
  });

  it('refuses a malformed number and writes nothing', async () => {
    await expect(
      t.db.transaction((tx) => queueSms(tx, t.config, { phone: '12345', template: 'test', params: { center: 'x' }, related: { type: 'test', id: 'm2' }, dedupeKey: 'test:m2' })),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const clerk = await t.loginAs('clerk');
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: clerk } })).statusCode).toBe(403);
  });
});
