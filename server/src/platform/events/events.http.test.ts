import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { EventHub, publishEvent } from './bus.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

describe('events', () => {
  it('reach every subscriber after commit, and never from a rolled-back transaction', async () => {
    const hub = new EventHub(t.database);
    const a: unknown[] = [];
    const b: unknown[] = [];
    const stopA = await hub.subscribe('test_channel', (p) => a.push(p));
    const stopB = await hub.subscribe('test_channel', (p) => b.push(p));

    await t.db.transaction(async (tx) => {
      await publishEvent(tx, 'test_channel', { n: 1 });
      expect(a).toEqual([]); // not before commit
    });
    await expect(
      t.db.transaction(async (tx) => {
        await publishEvent(tx, 'test_channel', { n: 2 });
        throw new Error('abort');
      }),
    ).rejects.toThrow();
    await publishEvent(t.db, 'test_channel', { n: 3 });
    await until(() => a.length >= 2 && b.length >= 2);
    expect(a).toEqual([{ n: 1 }, { n: 3 }]);
    expect(b).toEqual([{ n: 1 }, { n: 3 }]);

    stopA();
    await publishEvent(t.db, 'test_channel', { n: 4 });
    await until(() => b.length >= 3);
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(3);
    stopB();
  });
});
