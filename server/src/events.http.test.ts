import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import * as domain from './platform/events/domain.ts';
import { SMS_TOPIC } from './platform/notifications/service.ts';
import { registeredOutboxHandlers } from './platform/outbox/service.ts';

/**
 * No outbox entry waits for a consumer that does not exist: every topic the code enqueues, and
 * every topic the full demo run wrote, has a registered handler (server/src/events.ts).
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(); // builds the app: the consumers are registered at boot
});
afterAll(() => t.close());

const registered = () => new Set(Object.keys(registeredOutboxHandlers()));

/** The topic constants the code may name, by identifier. */
const KNOWN: Record<string, string> = { SMS_TOPIC, VISIT_FINISHED: domain.VISIT_FINISHED, APPLICATION_FINISHED: domain.APPLICATION_FINISHED, RATING_RECORDED: domain.RATING_RECORDED };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'testing.ts' ? [full] : [];
  });
}

describe('outbox topics', () => {
  it('every topic enqueued in the code is a known constant with a registered consumer', () => {
    const root = path.dirname(new URL(import.meta.url).pathname);
    const named: string[] = [];
    for (const file of sourceFiles(root)) {
      if (file.includes(`${path.sep}platform${path.sep}outbox${path.sep}`)) continue;
      const text = fs.readFileSync(file, 'utf8');
      if (!/\benqueue(Many)?\(/.test(text)) continue;
      for (const m of text.matchAll(/\btopic:\s*([^,}\s]+)/g)) {
        const expression = m[1]!;
        const topic = /^'[^']*'$/.test(expression) ? expression.slice(1, -1) : KNOWN[expression];
        expect(topic, `${path.relative(root, file)}: topic ${expression} is not a known topic constant`).toBeDefined();
        named.push(topic!);
      }
    }
    expect(new Set(named)).toEqual(new Set(Object.values(KNOWN)));
    for (const topic of named) expect(registered().has(topic), `no consumer for ${topic}`).toBe(true);
  });

  it('every topic the full demo run wrote has a consumer, and its domain events were all delivered', async () => {
    const rows = ((await t.db.execute(`select topic, status, count(*)::int as n from outbox group by 1, 2`)) as unknown as { rows: { topic: string; status: string; n: number }[] }).rows;
    const topics = new Set(rows.map((r) => r.topic));
    expect(topics).toContain(domain.VISIT_FINISHED);
    expect(topics).toContain(domain.APPLICATION_FINISHED);
    for (const topic of topics) expect(registered().has(topic), `no consumer for ${topic}`).toBe(true);
    const waiting = rows.filter((r) => r.topic !== SMS_TOPIC && r.status !== 'done');
    expect(waiting).toEqual([]);
    const subjects = ((await t.db.execute(`select kind, count(*)::int as n from rateable_subjects group by 1 order by 1`)) as unknown as { rows: { kind: string; n: number }[] }).rows;
    const delivered = (topic: string) => rows.find((r) => r.topic === topic && r.status === 'done')!.n;
    expect(subjects).toEqual([
      { kind: 'application', n: delivered(domain.APPLICATION_FINISHED) },
      { kind: 'visit', n: delivered(domain.VISIT_FINISHED) },
    ]);
  });
});
