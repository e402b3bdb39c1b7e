import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { ApplicationDetail } from './contract.ts';
import { apiOf, foodIntake, type Api } from './testing.ts';

/**
 * The SQL an application request sends (issue 15, item 3): a regression guard on the number of
 * statements of an intake, a material step and the detail, counted through the driver on a warm
 * process (the caches of platform/cache filled by an earlier request).
 */

let t: TestApp;
let api: Api;
let clerk: string;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  clerk = await t.loginAs('clerk');
});
afterAll(() => t.close());

async function counted<T>(f: () => Promise<T>): Promise<{ result: T; statements: number; trace: string[] }> {
  const counter = t.database.statements!;
  const before = counter.count;
  counter.trace = [];
  const result = await f();
  const trace = counter.trace;
  counter.trace = null;
  return { result, statements: counter.count - before, trace };
}

describe('statements per application request', () => {
  it('stays within its budget for an intake, a material step and the detail', async () => {
    // warm: the first intake fills the caches
    const first = await api.ok<ApplicationDetail>('POST', '/api/applications', clerk, foodIntake());
    await api.ok('PUT', `/api/applications/${first.id}/materials/${first.materials[0]!.key}`, clerk, { status: 'paper_seen' });

    const intake = await counted(() => api.ok<ApplicationDetail>('POST', '/api/applications', clerk, foodIntake()));
    const app = intake.result;
    const material = await counted(() => api.ok<ApplicationDetail>('PUT', `/api/applications/${app.id}/materials/${app.materials[0]!.key}`, clerk, { status: 'paper_seen' }));
    expect(material.result.materials[0]!.status).toBe('paper_seen');
    expect(material.result.version).toBe(app.version + 1);
    const detail = await counted(() => api.ok<ApplicationDetail>('GET', `/api/applications/${app.id}`, clerk));
    expect(detail.result).toEqual(material.result);
    console.log(`statements: intake ${intake.statements}, material ${material.statements}, detail ${detail.statements}`);
    if (process.env.TRACE_STATEMENTS) for (const [name, c] of Object.entries({ intake, material, detail })) console.log(name, '\n  ' + c.trace.join('\n  '));
    expect(intake.statements).toBeLessThanOrEqual(26); // 32 before the caches (issue 15)
    expect(material.statements).toBeLessThanOrEqual(22); // 27 before
    expect(detail.statements).toBeLessThanOrEqual(12); // 16 before
  });
});
