/**
 * 好差评 figures on a large history (issue 8): the demo center plus BENCH_RATINGS (default 100,000)
 * generated ratings over the past year — each on its own finished visit, every channel, about 2 %
 * real-name bad reviews with their callbacks — then the figures endpoint timed for the periods and
 * groupings a manager uses, and the month's disclosure and export. Prints p50/p99; asserts nothing.
 *
 *   npx tsx bench/evaluations/run.ts            (BENCH_RATINGS=2000 BENCH_RUNS=3 for a quick check)
 *
 * Uses BENCH_DATABASE_URL or TEST_DATABASE_URL (an administrative URL: it creates and drops its own
 * database); without either it starts a throwaway PostgreSQL (initdb) in a temp dir. The generated
 * rows go in with plain SQL (JSON record sets), not through the services.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../server/src/demo/data.ts';
import { buildDemoApp } from '../lib/app.ts';
import { pct, progress, timeRuns } from '../lib/measure.ts';
import { openDemoDatabase, withBenchDatabase } from '../lib/postgres.ts';

const RATINGS = Number(process.env.BENCH_RATINGS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

await withBenchDatabase(run);

async function run(url: string) {
  progress('migrate and seed the demo');
  const database = await openDemoDatabase(url);

  progress(`generate ${RATINGS} ratings`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  await generate(client, RATINGS);
  await client.query('analyze');
  const total = Number((await client.query('select count(*) from ratings')).rows[0].count);
  const version = (await client.query('show server_version')).rows[0].server_version as string;
  await client.end();
  progress(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s; ${total} ratings in all`);

  const app = await buildDemoApp(database);
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  };
  const manager = await login('manager');
  const chief = await login('chief');
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const cases: { name: string; url: string; cookie?: string }[] = [
    { name: 'figures 30 days by department', url: `/api/evaluation-figures?groupBy=department`, cookie: manager },
    { name: 'figures 30 days by clerk', url: `/api/evaluation-figures?groupBy=staff`, cookie: manager },
    { name: 'figures 30 days, chief officer', url: `/api/evaluation-figures?groupBy=counter`, cookie: chief },
    { name: 'figures 1 year by month', url: `/api/evaluation-figures?from=${daysAgo(364)}&to=${today}&groupBy=month`, cookie: manager },
    { name: 'figures 1 year by item', url: `/api/evaluation-figures?from=${daysAgo(364)}&to=${today}&groupBy=item`, cookie: manager },
    { name: 'disclosure of the month (public)', url: `/api/portal/evaluation-disclosure?month=${month}` },
    { name: 'export 7 days (JSON)', url: `/api/evaluation-export?from=${daysAgo(6)}&to=${today}`, cookie: manager },
  ];
  const lines: string[] = [];
  for (const c of cases) {
    const times = await timeRuns(
      RUNS,
      async () => {
        const res = await app.inject({ method: 'GET', url: c.url, headers: c.cookie ? { cookie: c.cookie } : {} });
        if (res.statusCode !== 200) throw new Error(`${c.url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      },
      2,
    );
    lines.push(`${c.name.padEnd(36)} p50 ${pct(times, 0.5).toFixed(1).padStart(7)} ms   p99 ${pct(times, 0.99).toFixed(1).padStart(7)} ms`);
  }
  await app.close();
  await database.close();
  console.log(`好差评 figures — PostgreSQL ${version}, ${total} ratings, ${RUNS} runs each (after 2 warm-ups), in-process requests`);
  for (const l of lines) console.log(l);
}

/** Finished visits over the past year, one rating each, and the callbacks of the real-name bad ones. */
async function generate(client: pg.Client, n: number) {
  const center = (await client.query(`select id from centers where level = 'county' order by name limit 1`)).rows[0].id as string;
  const queue = (await client.query(`select id from queues where center_id = $1 and prefix = 'A'`, [center])).rows[0].id as string;
  const places = (
    await client.query(
      `select s.id as staff, s.counter_id as counter, coalesce(k.department_id, (select id from departments where center_id = $1 order by name limit 1 offset (abs(hashtext(s.id::text)) % 8))) as department
       from staff s join counters k on k.id = s.counter_id where s.center_id = $1`,
      [center],
    )
  ).rows as { staff: string; counter: string; department: string }[];
  const items = (await client.query(`select i.id, i.code, v.name from catalog_items i join catalog_item_versions v on v.id = i.published_version_id where i.center_id = $1`, [center])).rows as { id: string; code: string; name: string }[];
  const channels = ['evaluator', 'evaluator', 'evaluator', 'qr', 'sms', 'portal', 'kiosk', 'phone', 'default'];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const now = Date.now();
  for (let start = 0; start < n; start += 5000) {
    const tickets: object[] = [];
    const ratings: object[] = [];
    const callbacks: object[] = [];
    for (let i = start; i < Math.min(n, start + 5000); i++) {
      const place = places[i % places.length]!;
      const item = items[i % items.length]!;
      const ended = new Date(now - (1 + random() * 364) * 86_400_000);
      const day = new Date(ended.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      const ticketId = crypto.randomUUID();
      const number = 100_000 + i;
      tickets.push({
        id: ticketId, center_id: center, queue_id: queue, issued_queue_id: queue, business_date: day, number, display_number: `A${number}`,
        token: crypto.randomBytes(12).toString('base64url'), state: 'done', channel: 'kiosk', priority_class: 'ordinary', item_id: item.id,
        issued_at: new Date(ended.getTime() - 1_800_000).toISOString(), sort_at: new Date(ended.getTime() - 1_800_000).toISOString(),
        service_started_at: new Date(ended.getTime() - 600_000).toISOString(), service_ended_at: ended.toISOString(), counter_id: place.counter, staff_id: place.staff,
      });
      const channel = channels[i % channels.length]!;
      const isDefault = channel === 'default';
      const r = random();
      const level = isDefault ? 3 : r < 0.8 ? 5 : r < 0.92 ? 4 : r < 0.97 ? 3 : r < 0.985 ? 2 : 1;
      const isRealName = channel !== 'evaluator' || random() < 0.4;
      const ratingId = crypto.randomUUID();
      const ratedAt = new Date(Math.min(now - 60_000, ended.getTime() + (isDefault ? 7 * 86_400_000 : 600_000)));
      ratings.push({
        id: ratingId, center_id: center, ticket_id: ticketId, level, channel, question_set: channel === 'portal' || channel === 'sms' ? 'online' : 'in_person',
        tags: [], comment: '', is_real_name: isRealName, is_default: isDefault, rater_name: isRealName ? '评价人' : '', department_id: place.department,
        counter_id: place.counter, staff_id: place.staff, item_id: item.id, item_code: item.code, item_name: item.name,
        service_ended_at: ended.toISOString(), rated_at: ratedAt.toISOString(),
      });
      if (level <= 2 && isRealName && !isDefault) {
        const isOpen = random() < 0.05;
        const ratedDay = new Date(ratedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
        callbacks.push({
          id: crypto.randomUUID(), rating_id: ratingId, center_id: center, department_id: place.department, counter_id: place.counter,
          state: isOpen ? 'open' : 'closed', contact_due_on: ratedDay, finish_due_on: ratedDay, contacted_at: isOpen ? null : new Date(ratedAt.getTime() + 3_600_000).toISOString(),
          verdict: isOpen ? null : 'unfounded', verified_at: isOpen ? null : new Date(ratedAt.getTime() + 7_200_000).toISOString(),
          closed_at: isOpen ? null : new Date(ratedAt.getTime() + 7_200_000).toISOString(), created_at: ratedAt.toISOString(),
        });
      }
    }
    for (const [table, rows] of [['tickets', tickets], ['ratings', ratings], ['callbacks', callbacks]] as const) {
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!).map((c) => `"${c}"`).join(', ');
      await client.query(`insert into ${table} (${columns}) select ${columns} from jsonb_populate_recordset(null::${table}, $1::jsonb)`, [JSON.stringify(rows)]);
    }
  }
}
