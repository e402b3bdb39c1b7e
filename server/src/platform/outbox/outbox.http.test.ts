import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { dispatchOutbox, enqueue } from './service.ts';
import { findByDedupeKey } from './repository.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('outbox', () => {
  it('keeps an entry only when its transaction commits, and once per dedupe key', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await enqueue(tx, { topic: 'test', dedupeKey: 'rolled-back', payload: {} });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await findByDedupeKey(t.db, 'rolled-back')).toBeUndefined();

    expect(await t.db.transaction((tx) => enqueue(tx, { topic: 'test', dedupeKey: 'once', payload: { n: 1 } }))).toBe(true);
    expect(await t.db.transaction((tx) => enqueue(tx, { topic: 'test', dedupeKey: 'once', payload: { n: 2 } }))).toBe(false);
    expect((await findByDedupeKey(t.db, 'once'))?.payload).toEqual({ n: 1 });
  });

  it('delivers after commit, retries a failure with backoff, and does not deliver twice', async () => {
    const seen: unknown[] = [];
    let failNext = true;
    await t.db.transaction((tx) => enqueue(tx, { topic: 'flaky', dedupeKey: 'flaky-1', payload: { to: 'x' } }));
    const handlers = {
      flaky: async (payload: Record<string, unknown>) => {
        if (failNext) {
          failNext = false;
          throw new Error('transport down');
        }
        seen.push(payload);
      },
    };
    expect(await dispatchOutbox(t.db, handlers)).toBe(1);
    let entry = await findByDedupeKey(t.db, 'flaky-1');
    expect(entry).toMatchObject({ status: 'pending', attempts: 1, lastError: 'transport down' });
    expect(entry!.availableAt.getTime()).toBeGreaterThan(Date.now());
    expect(await dispatchOutbox(t.db, handlers)).toBe(0); // not due yet

    await t.db.execute(`update outbox set available_at = now() where dedupe_key = 'flaky-1'`);
    await Promise.all([dispatchOutbox(t.db, handlers), dispatchOutbox(t.db, handlers)]);
    entry = await findByDedupeKey(t.db, 'flaky-1');
    expect(entry).toMatchObject({ status: 'done', attempts: 2 });
    expect(seen).toEqual([{ to: 'x' }]);
  });
});
