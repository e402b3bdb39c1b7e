import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { ApplicationDetail, DeliveryDto, QueueEntry } from './contract.ts';
import { apiOf, CATERING, foodIntake, MANUFACTURING, provideAllBut, type Api } from './testing.ts';

/**
 * The back office's review queue and the delivery counter's list search as the applications list
 * does (issue 16, item 5): by number, applicant name or credit code, item, and state.
 */

let t: TestApp;
let api: Api;
let clerk: string;
let reviewer: string;
let catering: ApplicationDetail;
let manufacturing: ApplicationDetail;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  [clerk, reviewer] = await Promise.all([t.loginAs('clerk'), t.loginAs('reviewer')]);
  const accepted = async (uscc: string) => {
    const app = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, foodIntake({ applicant: { uscc } })));
    return api.ok<ApplicationDetail>('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
  };
  catering = await accepted(CATERING);
  manufacturing = await accepted(MANUFACTURING);
});
afterAll(() => t.close());

type Delivery = { delivery: DeliveryDto; application: { id: string } };
const queue = async (query: string) => (await api.ok<QueueEntry[]>('GET', `/api/review/queue?${query}`, reviewer)).map((e) => e.application.id);
const deliveries = async (query: string) => (await api.ok<Delivery[]>('GET', `/api/deliveries?${query}`, clerk)).map((d) => d.application.id);

describe('the review queue', () => {
  it('finds an application by its number, the applicant’s name, the credit code or the item', async () => {
    expect(await queue(`q=${catering.number}`)).toEqual([catering.id]);
    expect(await queue(`q=${CATERING.toLowerCase()}`)).toEqual([catering.id]);
    const byName = await queue(`q=${encodeURIComponent(manufacturing.applicantName)}`);
    expect(byName).toContain(manufacturing.id);
    expect(byName).not.toContain(catering.id);
    const byItem = await queue(`q=${encodeURIComponent('食品经营')}`);
    expect(byItem).toEqual(expect.arrayContaining([catering.id, manufacturing.id]));
    const all = await queue('');
    expect(byItem.length).toBeLessThanOrEqual(all.length);
  });

  it('filters by the application’s state, with the search', async () => {
    expect(await queue(`state=in_review&q=${catering.number}`)).toEqual([catering.id]);
    expect(await queue(`state=review_supplement&q=${catering.number}`)).toEqual([]);
  });

  it('refuses a bad filter with a 400 naming the field', async () => {
    const state = await api.call('GET', '/api/review/queue?state=nonsense', reviewer);
    expect(state.statusCode).toBe(400);
    expect(state.json().fields).toEqual([expect.objectContaining({ field: 'state' })]);
    const long = await api.call('GET', `/api/review/queue?q=${'号'.repeat(51)}`, reviewer);
    expect(long.statusCode).toBe(400);
    expect(long.json().fields).toEqual([expect.objectContaining({ field: 'q' })]);
  });
});

describe('the deliveries', () => {
  it('finds a result waiting to be collected by number, credit code or item, within its state', async () => {
    for (const app of [catering, manufacturing]) {
      const task = (await api.ok<ApplicationDetail>('GET', `/api/applications/${app.id}`, reviewer)).tasks[0]!;
      expect((await api.call('POST', `/api/review/tasks/${task.id}/approve`, reviewer, { version: task.version, opinion: '符合条件，准予许可' })).statusCode).toBe(204);
    }
    expect(await deliveries(`q=${catering.number}`)).toEqual([catering.id]);
    expect(await deliveries(`q=${MANUFACTURING}`)).toEqual([manufacturing.id]);
    expect(await deliveries(`q=${encodeURIComponent('食品经营')}&state=awaiting_pickup`)).toEqual(expect.arrayContaining([catering.id, manufacturing.id]));
    expect(await deliveries(`q=${catering.number}&state=mailed`)).toEqual([]);
    const long = await api.call('GET', `/api/deliveries?q=${'号'.repeat(51)}`, clerk);
    expect(long.statusCode).toBe(400);
    expect(long.json().fields).toEqual([expect.objectContaining({ field: 'q' })]);
  });
});
