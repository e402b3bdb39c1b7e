import { sql } from 'drizzle-orm';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { CatalogDisclosure, DisclosureFeed, MonthlyFigures, ResultsPage, StaffDisclosure } from './contract.ts';

/** 信息公开 (A.5): public, read only; processing results of decided applications only, the applicant masked. */

let t: TestApp;
let centerId: string;
type AppRow = { number: string; applicantName: string; uscc: string; decision: string | null };
let decided: AppRow[];
let undecided: AppRow[];

const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp();
  centerId = ((await get('/api/public/disclosure/catalog')).json() as CatalogDisclosure).center.id;
  const rows = (await t.db.execute(sql`
    select number, applicant_name as "applicantName", uscc, decision from applications where center_id = ${centerId}::uuid`)) as unknown as { rows: AppRow[] };
  decided = rows.rows.filter((r) => r.decision !== null);
  undecided = rows.rows.filter((r) => r.decision === null);
});
afterAll(() => t.close());

/** Every page of the results, as the portal would page through them. */
async function allResults(): Promise<{ pages: string[]; results: ResultsPage['results']; total: number }> {
  const pages: string[] = [];
  const results: ResultsPage['results'] = [];
  for (let page = 1; ; page++) {
    const res = await get(`/api/public/disclosure/results?page=${page}&pageSize=50`);
    expect(res.statusCode, res.body).toBe(200);
    pages.push(res.body);
    const p: ResultsPage = res.json();
    results.push(...p.results);
    if (p.results.length < 50) return { pages, results, total: p.total };
  }
}

describe('信息公开：办件结果', () => {
  it('lists only decided applications, with a masked applicant, and never a full name or credit code', async () => {
    expect(decided.length).toBeGreaterThan(0);
    expect(undecided.length).toBeGreaterThan(0);
    const { pages, results, total } = await allResults();
    expect(total).toBe(decided.length);
    expect(results.map((r) => r.number).sort()).toEqual(decided.map((r) => r.number).sort());
    for (const r of results) {
      expect(r.applicantName).toContain('*');
      expect(['approved', 'rejected']).toContain(r.decision);
      expect(r.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const body = pages.join('\n');
    for (const a of decided) {
      expect(body, a.applicantName).not.toContain(a.applicantName);
      expect(body, a.uscc).not.toContain(a.uscc);
    }
    for (const a of undecided) expect(body).not.toContain(`"${a.number}"`);
  });

  it('finds a decided application by its number; an undecided one is not found; bad paging is 400', async () => {
    const one: ResultsPage = (await get(`/api/public/disclosure/results?number=${decided[0]!.number}`)).json();
    expect(one.results.map((r) => r.number)).toEqual([decided[0]!.number]);
    const none: ResultsPage = (await get(`/api/public/disclosure/results?number=${undecided[0]!.number}`)).json();
    expect(none).toMatchObject({ total: 0, results: [] });
    const bad = await get('/api/public/disclosure/results?page=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const badCenter = await get('/api/public/disclosure/results?centerId=nope');
    expect(badCenter.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/disclosure/results', payload: {} })).statusCode).toBe(404);
  });
});

describe('信息公开：目录、人员、月度数据', () => {
  it('publishes the catalog with fees, time limits and legal bases', async () => {
    const c: CatalogDisclosure = (await get(`/api/public/disclosure/catalog?centerId=${centerId}`)).json();
    expect(c.center.name).toBe('佛山市南海区政务服务中心');
    const food = c.items.find((i) => i.name.includes('食品经营许可'));
    expect(food).toMatchObject({ promisedLimitDays: expect.any(Number), legalBasis: expect.stringMatching(/.+/), isFeeCharged: expect.any(Boolean) });
  });

  it('lists the counter staff with name, staff number and counter only; a photo only of a listed person', async () => {
    const res = await get('/api/public/disclosure/staff');
    const s: StaffDisclosure = res.json();
    expect(s.staff.length).toBeGreaterThan(0);
    for (const p of s.staff) expect(Object.keys(p).sort()).toEqual(['counterName', 'counterNumber', 'departmentName', 'hasPhoto', 'isOnDuty', 'name', 'photoVersion', 'staffId', 'staffNumber']);
    expect(res.body).not.toMatch(/username|password|1[3-9]\d{9}/);
    const withPhoto = s.staff.find((p) => p.hasPhoto);
    if (withPhoto) expect((await get(`/api/public/disclosure/staff/${withPhoto.staffId}/photo`)).statusCode).toBe(200);
    const admin = (await t.db.execute(sql`select id from staff where username = 'admin'`)) as unknown as { rows: { id: string }[] };
    expect((await get(`/api/public/disclosure/staff/${admin.rows[0]!.id}/photo`)).statusCode).toBe(404);
  });

  it('gives the month figures from the other modules’ figures', async () => {
    const f: MonthlyFigures = (await get('/api/public/disclosure/figures')).json();
    expect(f.month).toMatch(/^\d{4}-\d{2}$/);
    expect(f).toMatchObject({
      evaluations: { rated: expect.any(Number), rectified: expect.any(Number) },
      timeLimits: { decided: expect.any(Number), decidedOnTime: expect.any(Number) },
      appointments: { meeting: expect.any(Number), total: expect.any(Number) },
      feedback: { received: expect.any(Number), answeredInTime: expect.any(Number) },
    });
    expect(f.timeLimits.decidedOnTime).toBeLessThanOrEqual(f.timeLimits.decided);
    const bad = await get('/api/public/disclosure/figures?month=2026-13');
    expect(bad.statusCode).toBe(400);
  });
});

describe('信息公开：订阅', () => {
  it('serves a well-formed Atom feed with the month figures and the latest results, no full names', async () => {
    const res = await get('/api/public/disclosure/feed.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const parser = new SaxesParser({ xmlns: true });
    const entries: string[] = [];
    const stack: string[] = [];
    let root = '';
    parser.on('opentag', (tag) => {
      if (!root) root = `${tag.uri} ${tag.local}`;
      stack.push(tag.local);
    });
    parser.on('text', (text) => {
      if (stack.at(-1) === 'id' && stack.at(-2) === 'entry') entries.push(text);
    });
    parser.on('closetag', () => stack.pop());
    parser.write(res.body).close();
    expect(root).toBe('http://www.w3.org/2005/Atom feed');
    expect(entries.some((e) => e.includes(':figures:'))).toBe(true);
    expect(entries.filter((e) => e.includes(':result:')).length).toBe(Math.min(50, decided.length));
    for (const a of decided) expect(res.body).not.toContain(a.applicantName);
  });

  it('serves the same as JSON', async () => {
    const feed: DisclosureFeed = (await get(`/api/public/disclosure/feed.json?centerId=${centerId}`)).json();
    expect(feed.center.id).toBe(centerId);
    expect(feed.results.length).toBe(Math.min(50, decided.length));
    expect(Object.keys(feed.figures).sort()).toEqual(['appointments', 'evaluations', 'feedback', 'from', 'month', 'timeLimits', 'to']);
    expect(Object.keys(feed.results[0]!).sort()).toEqual(['applicantName', 'decidedOn', 'decision', 'itemName', 'number']);
  });
});
