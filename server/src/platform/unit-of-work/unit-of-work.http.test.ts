import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { findByDedupeKey } from '../outbox/repository.ts';
import { enqueue, registerOutboxHandlers } from '../outbox/service.ts';
import { createAct, systemPrincipal, type ActTx } from './act.ts';
import { unitScopedDb } from './scope.ts';

const logLines: string[] = [];
const stream = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk));
    done();
  },
});

let t: TestApp;
let api: TestApi;
let admin: string;
let clerk: string;

beforeAll(async () => {
  // the outbox takes only topics with a consumer (platform/outbox/registry.ts): this file's own
  registerOutboxHandlers({ test: async () => undefined });
  t = await createTestApp(
    {},
    {
      logger: { level: 'info', stream },
      extend: (app) => {
        // Routes as a module would write them: the scoped handle, a service's own transaction.
        app.post('/api/test-uow/outbox/:key', { config: { access: 'authenticated', audit: 'test.write' } }, async (request, reply) => {
          const db = unitScopedDb(t.db);
          const { key } = request.params as { key: string };
          await enqueue(db, { topic: 'test', dedupeKey: key, payload: {} });
          // a service's own transaction inside the request: a savepoint; its failure stays its own
          await db
            .transaction(async (tx) => {
              await enqueue(tx, { topic: 'test', dedupeKey: `${key}-inner`, payload: {} });
              throw new Error('inner step fails');
            })
            .catch(() => undefined);
          request.auditObject = { type: 'test', id: key };
          if (key.startsWith('refuse')) throw new AppError('CONFLICT', '测试：拒绝');
          if (key.startsWith('status')) return reply.status(409).send({ refused: true });
          return reply.status(201).send({ key });
        });
      },
    },
  );
  api = testApi(t);
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('clerk');
});
afterAll(() => t.close());

type Row = { action: string; outcome: string; status: number; actorType: string; requestId: string; correlationId: string; detail: unknown; objectId: string };
async function auditRows(query: string): Promise<Row[]> {
  return (await api.ok<{ items: Row[] }>('GET', `/api/audit?${query}`, admin)).items;
}

/** Runs SQL as the database's owner (the app's own handle cannot on PostgreSQL). */
async function asOwner(statement: string): Promise<void> {
  const template = inject('banshiTemplate');
  if (template.kind === 'pglite') {
    await t.db.execute(sql.raw(statement));
    return;
  }
  const client = new pg.Client({ connectionString: (t.database as unknown as { url: string }).url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe('one unit of work per state-changing request', () => {
  it('commits the changes, the outbox entry and the audit row together; a savepoint inside fails alone', async () => {
    const res = await api.call('POST', '/api/test-uow/outbox/ok-1', clerk);
    expect(res.statusCode).toBe(201);
    expect(await findByDedupeKey(t.db, 'ok-1')).toBeDefined();
    expect(await findByDedupeKey(t.db, 'ok-1-inner')).toBeUndefined();
    const [row] = await auditRows('objectId=ok-1');
    expect(row).toMatchObject({ action: 'test.write', outcome: 'success', status: 201, actorType: 'staff', requestId: res.headers['x-request-id'] });
  });

  it('a refusal rolls every change back and is audited as a failure, whether thrown or answered', async () => {
    for (const key of ['refuse-1', 'status-1']) {
      const res = await api.call('POST', `/api/test-uow/outbox/${key}`, clerk);
      expect(res.statusCode).toBe(409);
      expect(await findByDedupeKey(t.db, key)).toBeUndefined();
      const [row] = await auditRows(`objectId=${key}`);
      expect(row).toMatchObject({ action: 'test.write', outcome: 'failure', status: 409, requestId: res.headers['x-request-id'] });
    }
  });

  it('an audit row that cannot be written fails the action, and nothing is changed', async () => {
    await asOwner(`create function test_refuse_audit() returns trigger as $$ begin raise exception 'audit store down'; end $$ language plpgsql`);
    await asOwner(`create trigger test_refuse_audit before insert on audit_log for each row execute function test_refuse_audit()`);
    try {
      const res = await api.call('POST', '/api/test-uow/outbox/lost-1', clerk);
      expect(res.statusCode).toBe(500);
      expect(await findByDedupeKey(t.db, 'lost-1')).toBeUndefined();
    } finally {
      await asOwner(`drop trigger test_refuse_audit on audit_log`);
      await asOwner(`drop function test_refuse_audit()`);
    }
  });

  it('characters the database refuses cannot suppress the audit row: a NUL or lone surrogate in an unmask reason', async () => {
    const people = await api.ok<{ items: { id: string }[] }>('GET', '/api/people?pageSize=1', clerk);
    const personId = people.items[0]!.id;
    for (const reason of ['核验身份\u0000信息', '核对身份 \ud83d']) {
      const res = await api.call('POST', `/api/people/${personId}/unmask`, clerk, { reason });
      expect(res.statusCode).toBeLessThan(500);
      const rows = (await auditRows(`action=person.unmask&objectId=${personId}`)).filter((r) => r.requestId === res.headers['x-request-id']);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.outcome).toBe(res.statusCode === 200 ? 'success' : 'failure');
      if (res.statusCode === 200) expect(JSON.stringify(rows[0]!.detail)).toContain('\ufffd');
    }
  });

  it('bounds the action: an unknown path is named by no route, never by the URL the caller chose', async () => {
    const res = await api.call('POST', `/api/${'x'.repeat(3000)}`, clerk);
    expect(res.statusCode).toBe(404);
    const [row] = (await auditRows('outcome=failure')).filter((r) => r.requestId === res.headers['x-request-id']);
    expect(row!.action).toBe('POST (no route)');
  });

  it("keeps the client's x-request-id only as a correlation field beside the server's own unique id", async () => {
    const given = 'client-chosen-0001';
    const first = await t.app.inject({ method: 'POST', url: '/api/test-uow/outbox/corr-1', headers: { cookie: clerk, 'x-request-id': given } });
    const second = await t.app.inject({ method: 'POST', url: '/api/test-uow/outbox/corr-2', headers: { cookie: clerk, 'x-request-id': given } });
    expect(first.headers['x-request-id']).not.toBe(given);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
    const rows = [...(await auditRows('objectId=corr-1')), ...(await auditRows('objectId=corr-2'))];
    expect(rows.map((r) => r.correlationId)).toEqual([given, given]);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(2);
    expect(logLines.some((l) => l.includes(given) && l.includes(String(first.headers['x-request-id'])))).toBe(true);
  });

  it('anonymous requests that change nothing are logged, not audited; failed logins are audited', async () => {
    const before = (await api.ok<{ total: number }>('GET', '/api/audit?pageSize=1', admin)).total;
    const refused = [
      await t.app.inject({ method: 'POST', url: '/api/auth/logout' }),
      await t.app.inject({ method: 'PATCH', url: '/api/centers/00000000-0000-0000-0000-000000000000', payload: { name: 1 } }),
      await t.app.inject({ method: 'POST', url: '/api/queue/kiosk/not-a-center/tickets', payload: { nonsense: true } }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([200, expect.any(Number), expect.any(Number)]);
    expect((await api.ok<{ total: number }>('GET', '/api/audit?pageSize=1', admin)).total).toBe(before + 0);
    for (const r of refused) expect(logLines.some((l) => l.includes(String(r.headers['x-request-id'])) && l.includes('not audited'))).toBe(true);

    const failedLogin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: 'wrong' } });
    expect(failedLogin.statusCode).toBe(401);
    const [row] = (await auditRows('action=auth.login&outcome=failure')).filter((r) => r.requestId === failedLogin.headers['x-request-id']);
    expect(row).toMatchObject({ actorType: 'anonymous', status: 401, detail: { loginName: 'nobody-here' } });
  });
});

describe('act: a unit of work outside a request', () => {
  it('a job acts with a system principal: its change, outbox entry and audit row commit together, or none of them', async () => {
    const act = createAct(t.db, Buffer.from(t.config.AUDIT_KEY, 'hex'));
    const job = systemPrincipal('test.nightly');
    await act({ principal: job, centerId: null, action: 'test.nightly' }, async (tx, unit) => {
      await unit.enqueue({ topic: 'test', dedupeKey: 'job-ok', payload: {} });
      unit.describe({ type: 'test', id: 'job-ok', detail: { items: 1 } });
      return mustRunInUnit(tx);
    });
    expect(await findByDedupeKey(t.db, 'job-ok')).toBeDefined();
    expect((await auditRows('objectId=job-ok'))[0]).toMatchObject({ action: 'test.nightly', actorType: 'system', outcome: 'success' });

    await expect(
      act({ principal: job, centerId: null, action: 'test.nightly', object: { type: 'test', id: 'job-failed' } }, async (_tx, unit) => {
        await unit.enqueue({ topic: 'test', dedupeKey: 'job-failed', payload: {} });
        throw new Error('item broke');
      }),
    ).rejects.toThrow('item broke');
    expect(await findByDedupeKey(t.db, 'job-failed')).toBeUndefined();
    expect((await auditRows('objectId=job-failed'))[0]).toMatchObject({ actorType: 'system', outcome: 'failure', status: 500 });

    // the pool handle is not a unit's transaction: the type checker refuses it
    // @ts-expect-error — Db is not ActTx
    expect(() => mustRunInUnit(t.db)).not.toThrow();
  });
});

/** A function that may only run inside a unit of work. */
function mustRunInUnit(tx: ActTx): DbOrTx {
  return tx;
}
