import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import { encryptField, maskPhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { rollUpTickets } from '../../queue/figures/rollups.ts';
import { FIGURES_GROUPS } from './contract.ts';
import { rollUpEvaluations } from './rollups.ts';
import { finishRectification, KNOWN_DAY, RATER_PHONE, seedKnownSet, type KnownSet } from './testing.ts';

/**
 * Figures at scale: the 好差评 and queue history figures give the same answer before the rollup
 * jobs ran (raw rows), after (rollups for whole past days, raw for today), after a second run (which
 * finds nothing to do), and after a late change to a past day (the day is read raw until the job
 * recomputes it).
 */

let t: TestApp;
let set: KnownSet;
let manager: string;
let chief: string;
const today = businessToday(new Date());

beforeAll(async () => {
  t = await createTestApp();
  const keys = personalDataKeys(t.config);
  set = await seedKnownSet(t.db, { cipher: encryptField(keys, 'phone', RATER_PHONE), masked: maskPhone(RATER_PHONE) });
  [manager, chief] = await Promise.all([t.loginAs('manager'), t.loginAs('chief')]);
});
afterAll(() => t.close());

async function get(url: string, cookie: string): Promise<unknown> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

const PERIODS = [`from=2020-06-01&to=2020-06-10`, `from=${addDays(today, -60)}&to=${today}`];

/** Every figures answer the tests compare: each grouping of both periods, the manager's and the chief's, and the queue history. */
async function answers(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const period of PERIODS) {
    for (const groupBy of FIGURES_GROUPS) out[`manager ${period} ${groupBy}`] = await get(`/api/evaluation-figures?${period}&groupBy=${groupBy}`, manager);
    out[`chief ${period}`] = await get(`/api/evaluation-figures?${period}&groupBy=staff`, chief);
    for (const by of ['day', 'queue', 'counter', 'clerk']) out[`queue ${period} ${by}`] = await get(`/api/queue/centers/${set.centerId}/figures/history?${period}&by=${by}`, manager);
  }
  out['default period'] = await get('/api/evaluation-figures', manager);
  return out;
}

const rollUp = async () => (await rollUpEvaluations(t.db, new Date())) + (await rollUpTickets(t.db, new Date()));
const count = async (table: string) => Number(((await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n);

describe('figures from the daily rollups', () => {
  it('answer as the raw rows did, before and after the jobs ran, and after a second run that finds nothing to do', async () => {
    const before = await answers();
    expect(await rollUp()).toBeGreaterThan(0);
    expect(await count('figures_daily_ratings')).toBeGreaterThan(0);
    expect(await count('figures_daily_services')).toBeGreaterThan(0);
    expect(await count('figures_daily_tickets')).toBeGreaterThan(0);
    // today is never rolled up
    expect(await count(`figures_rollup_days where day >= '${today}'`)).toBe(0);
    expect(await answers()).toEqual(before);
    const rows = await count('figures_daily_ratings');
    expect(await rollUp()).toBe(0);
    expect(await count('figures_daily_ratings')).toBe(rows);
    expect(await answers()).toEqual(before);
  }, 180_000);

  it('reads the rollups for the days they cover', async () => {
    // A rollup row altered by hand shows in the answer: the endpoints read it rather than the ratings.
    const period = `/api/evaluation-figures?from=${KNOWN_DAY}&to=${KNOWN_DAY}&groupBy=center`;
    const history = `/api/queue/centers/${set.centerId}/figures/history?from=${KNOWN_DAY}&to=${KNOWN_DAY}&by=day`;
    const [f, h] = [(await get(period, manager)) as { totals: { rated: number } }, (await get(history, manager)) as { total: { tickets: number } }];
    await t.db.execute(sql`update figures_daily_ratings set rated = rated + 100 where day = ${KNOWN_DAY}::date and dim = 'department'`);
    await t.db.execute(sql`update figures_daily_tickets set tickets = tickets + 100 where day = ${KNOWN_DAY}::date and dim = 'all'`);
    expect(((await get(period, manager)) as { totals: { rated: number } }).totals.rated).toBe(f.totals.rated + 200);
    expect(((await get(history, manager)) as { total: { tickets: number } }).total.tickets).toBe(h.total.tickets + 100);
    // Recomputed from the raw rows once the day is marked stale.
    await t.db.execute(sql`insert into figures_stale_days (domain, center_id, day) values ('ratings', ${set.centerId}::uuid, ${KNOWN_DAY}::date), ('tickets', ${set.centerId}::uuid, ${KNOWN_DAY}::date)`);
    expect(await get(period, manager)).toEqual(f);
    expect(await rollUp()).toBe(2);
    expect(await get(period, manager)).toEqual(f);
    expect(await get(history, manager)).toEqual(h);
    expect(await count('figures_stale_days')).toBe(0);
  });

  it('follow a late change to a past day: read raw at once, the same after the job recomputed the day', async () => {
    const before = await answers();
    await finishRectification(t.db, set);
    await t.db.execute(sql`update tickets set state = 'no_show', service_started_at = null, service_ended_at = null where id = ${set.ticketIds[9]!}::uuid`);
    expect(await count('figures_stale_days')).toBeGreaterThan(0);
    const changed = await answers();
    expect(changed).not.toEqual(before);
    const known = changed[`manager ${PERIODS[0]} department`] as { totals: { rectified: number } };
    expect(known.totals.rectified).toBe(2);
    // the same answer from the raw rows alone
    await t.db.execute(sql`delete from figures_rollup_days`);
    expect(await answers()).toEqual(changed);
    expect(await rollUp()).toBeGreaterThan(0);
    expect(await answers()).toEqual(changed);
  }, 180_000);
});
