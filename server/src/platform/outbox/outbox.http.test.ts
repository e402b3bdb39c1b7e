import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { dispatchOutbox, enqueue, MAX_ATTEMPTS, pruneOutbox, registerOutboxHandlers, type OutboxHandler } from './service.ts';
import { findByDedupeKey } from './repository.ts';

let t: TestApp;
const silent = pino({ level: 'silent' });
const ctx = () => ({ config: t.config, log: silent });

beforeAll(async () => {
  t = await createTestApp();
  registerOutboxHandlers({ 'test.noop': async () => {} });
});
afterAll(() => t.close());

describe('outbox', () => {
  it('keeps an entry only when its transaction commits, and once per dedupe key', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await enqueue(tx, { topic: 'test.noop', dedupeKey: 'rolled-back', payload: {} });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await findByDedupeKey(t.db, 'rolled-back')).toBeUndefined();

    expect(await t.db.transaction((tx) => enqueue(tx, { topic: 'test.noop', dedupeKey: 'once', payload: { n: 1 } }))).toBe(true);
    expect(await t.db.transaction((tx) => enqueue(tx, { topic: 'test.noop', dedupeKey: 'once', payload: { n: 2 } }))).toBe(false);
    expect((await findByDedupeKey(t.db, 'once'))?.payload).toEqual({ n: 1 });
  });

  it('refuses a topic nobody consumes, at enqueue time, and writes nothing', async () => {
    await expect(t.db.transaction((tx) => enqueue(tx, { topic: 'nobody.listens', dedupeKey: 'orphan', payload: {} }))).rejects.toThrow(/no registered consumer/);
    expect(await findByDedupeKey(t.db, 'orphan')).toBeUndefined();
  });

  it('records a handler whose SQL fails (attempts, error, next try), rolls back its writes, and delivers the entries behind it', async () => {
    const seen: unknown[] = [];
    const handlers: Record<string, OutboxHandler> = {
      'test.broken': async (payload, { tx }) => {
        // a write of its own (the application's role may not create tables), then a query that fails
        await enqueue(tx, { topic: 'test.good', dedupeKey: 'written-by-broken', payload: {} });
        await tx.execute(sql`select * from no_such_table`);
        seen.push(payload);
      },
      'test.good': async (payload) => void seen.push(payload),
    };
    registerOutboxHandlers(handlers);
    await t.db.transaction(async (tx) => {
      await enqueue(tx, { topic: 'test.broken', dedupeKey: 'broken-1', payload: { n: 'broken' } });
      await enqueue(tx, { topic: 'test.good', dedupeKey: 'good-1', payload: { n: 'good' } });
    });
    const before = Date.now();
    expect(await dispatchOutbox(t.db, ctx(), { handlers })).toBe(2);

    const broken = await findByDedupeKey(t.db, 'broken-1');
    expect(broken).toMatchObject({ status: 'pending', attempts: 1 });
    expect(broken!.lastError).toMatch(/no_such_table/);
    expect(broken!.availableAt.getTime()).toBeGreaterThan(before);
    expect(await findByDedupeKey(t.db, 'good-1')).toMatchObject({ status: 'done', attempts: 1 });
    expect(seen).toEqual([{ n: 'good' }]);
    expect(await findByDedupeKey(t.db, 'written-by-broken')).toBeUndefined(); // the handler's own writes were rolled back with its savepoint

    expect(await dispatchOutbox(t.db, ctx(), { handlers })).toBe(0); // not due yet
    await t.db.execute(sql`update outbox set available_at = now(), attempts = ${MAX_ATTEMPTS - 1} where dedupe_key = 'broken-1'`);
    expect(await dispatchOutbox(t.db, ctx(), { handlers })).toBe(1);
    expect(await findByDedupeKey(t.db, 'broken-1')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('retries a failure with backoff and does not deliver twice when two dispatchers race', async () => {
    const seen: unknown[] = [];
    let failNext = true;
    const handlers: Record<string, OutboxHandler> = {
      'test.flaky': async (payload) => {
        if (failNext) {
          failNext = false;
          throw new Error('transport down');
        }
        seen.push(payload);
      },
    };
    registerOutboxHandlers(handlers);
    await t.db.transaction((tx) => enqueue(tx, { topic: 'test.flaky', dedupeKey: 'flaky-1', payload: { to: 'x' } }));
    expect(await dispatchOutbox(t.db, ctx(), { handlers })).toBe(1);
    expect(await findByDedupeKey(t.db, 'flaky-1')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'transport down' });

    await t.db.execute(`update outbox set available_at = now() where dedupe_key = 'flaky-1'`);
    await Promise.all([dispatchOutbox(t.db, ctx(), { handlers }), dispatchOutbox(t.db, ctx(), { handlers })]);
    expect(await findByDedupeKey(t.db, 'flaky-1')).toMatchObject({ status: 'done', attempts: 2 });
    expect(seen).toEqual([{ to: 'x' }]);
  });

  it('prunes delivered entries past the retention period, and keeps the rest', async () => {
    const handlers = { 'test.noop': async () => {} };
    await t.db.transaction(async (tx) => {
      await enqueue(tx, { topic: 'test.noop', dedupeKey: 'old-done', payload: {} });
      await enqueue(tx, { topic: 'test.noop', dedupeKey: 'new-done', payload: {} });
    });
    await dispatchOutbox(t.db, ctx(), { handlers });
    await t.db.execute(`update outbox set processed_at = now() - interval '8 days' where dedupe_key in ('old-done', 'broken-1')`);
    await t.db.transaction((tx) => enqueue(tx, { topic: 'test.noop', dedupeKey: 'still-pending', payload: {}, availableAt: new Date(Date.now() + 3600_000) }));

    expect(await pruneOutbox(t.db, 7)).toBeGreaterThanOrEqual(1);
    expect(await findByDedupeKey(t.db, 'old-done')).toBeUndefined();
    expect(await findByDedupeKey(t.db, 'new-done')).toMatchObject({ status: 'done' });
    expect(await findByDedupeKey(t.db, 'broken-1')).toMatchObject({ status: 'failed' }); // failed for good: kept
    expect(await findByDedupeKey(t.db, 'still-pending')).toMatchObject({ status: 'pending' });
  });
});
