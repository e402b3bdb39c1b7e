import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { apiOf, foodIntake, type Api } from '../testing.ts';

/** A refused intake names every problem in its message, not only the first (issue 16, item 9). */

let t: TestApp;
let api: Api;
let clerk: string;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  clerk = await t.loginAs('clerk');
});
afterAll(() => t.close());

describe('intake without the situation answers', () => {
  it('is refused with a 400 whose message names each unanswered question', async () => {
    const res = await api.call('POST', '/api/applications', clerk, foodIntake({ answers: {} }));
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; message: string; fields: { field: string; message: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f) => f.field).sort()).toEqual(['answers.online_sales', 'answers.prepackaged_only']);
    expect(body.message).toMatch(/^情形问题有 2 处需要处理：/);
    for (const f of body.fields) expect(body.message).toContain(f.message);
  });

  it('names the one problem alone when there is one', async () => {
    const res = await api.call('POST', '/api/applications', clerk, foodIntake({ answers: { prepackaged_only: 'no' } }));
    expect(res.statusCode).toBe(400);
    const body = res.json() as { message: string; fields: { field: string; message: string }[] };
    expect(body.fields).toHaveLength(1);
    expect(body.message).toBe(`情形问题有 1 处需要处理：${body.fields[0]!.message}`);
  });
});
