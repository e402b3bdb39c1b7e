import type pg from 'pg';

/**
 * The bench's history in plain SQL (generate_series), triggers and foreign keys off
 * (session_replication_role = replica): `tickets` visits and `ratings` ratings spread over the
 * `days` days before today across the given centers (the demo center among them, using its queues,
 * counters, staff, departments and items), each rating on its own finished visit (a rateable
 * subject), about 2 % real-name bad reviews with callbacks, 90 % of them handled.
 */
export async function generate(client: pg.Client, o: { centers: string[]; demoCenter: string; tickets: number; ratings: number; days: number; batch: number }, progress: (s: string) => void) {
  const one = async (q: string, params: unknown[] = []) => (await client.query(q, params)).rows;
  const queues = (await one(`select id from queues where center_id = $1 order by prefix`, [o.demoCenter])).map((r) => r.id as string);
  const staff = await one(`select s.id, s.counter_id from staff s where s.center_id = $1 and s.counter_id is not null order by s.id`, [o.demoCenter]);
  const departments = (await one(`select id from departments where center_id = $1 order by name`, [o.demoCenter])).map((r) => r.id as string);
  const items = await one(`select i.id, i.code, v.name from catalog_items i join catalog_item_versions v on v.id = i.published_version_id where i.center_id = $1 order by i.code`, [o.demoCenter]);
  await client.query(`set session_replication_role = replica`);
  const params = [o.centers, queues, staff.map((s) => s.id), staff.map((s) => s.counter_id), departments, items.map((i) => i.id), items.map((i) => i.code), items.map((i) => i.name), o.days];
  // Row i: its center, day (1 … days before today, Shanghai), queue, clerk at a counter, department and item, all from i.
  const dims = `
    $1::uuid[] as centers, $2::uuid[] as queues, $3::uuid[] as staff, $4::uuid[] as counters, $5::uuid[] as departments, $6::uuid[] as items, $7::text[] as codes, $8::text[] as names, $9::int as days`;
  for (let start = 0; start < Math.max(o.tickets, o.ratings); start += o.batch) {
    const end = start + o.batch - 1;
    if (start < o.tickets)
      await client.query(
        `insert into tickets (id, center_id, queue_id, issued_queue_id, business_date, number, display_number, token, state, channel, priority_class, item_id,
           issued_at, sort_at, called_at, last_called_at, service_started_at, service_ended_at, counter_id, staff_id, handled_item_ids)
         select md5('t' || i)::uuid, d.centers[1 + i % array_length(d.centers, 1)], d.queues[1 + i % array_length(d.queues, 1)], d.queues[1 + i % array_length(d.queues, 1)],
           day, 100000 + i, 'A' || (i % 1000000), md5('k' || i), case when i % 20 = 0 then 'no_show' when i % 33 = 0 then 'cancelled' else 'done' end, 'kiosk', 'ordinary', d.items[1 + i % array_length(d.items, 1)],
           issued, issued, issued + wait, issued + wait, case when i % 20 <> 0 and i % 33 <> 0 then issued + wait + interval '1 minute' end,
           case when i % 20 <> 0 and i % 33 <> 0 then issued + wait + interval '1 minute' + (i % 1200) * interval '1 second' end,
           case when i % 33 <> 0 then d.counters[1 + i % array_length(d.counters, 1)] end, case when i % 33 <> 0 then d.staff[1 + i % array_length(d.counters, 1)] end, '{}'
         from generate_series($10::bigint, least($11::bigint, $12::bigint - 1)) i, (select ${dims}) d,
           lateral (select ((now() at time zone 'Asia/Shanghai')::date - 1 - (i % d.days)::int) as day) x,
           lateral (select (x.day + interval '9 hours' + (i % 28000) * interval '1 second') at time zone 'Asia/Shanghai' as issued, (i % 3600) * interval '1 second' as wait) y`,
        [...params, start, end, o.tickets],
      );
    if (start < o.ratings) {
      await client.query(
        `insert into rateable_subjects (id, kind, center_id, number, business_date, department_id, counter_id, staff_id, item_id, item_code, item_name, channel, received_at, finished_at)
         select md5('t' || i)::uuid, 'visit', d.centers[1 + i % array_length(d.centers, 1)], 'A' || (i % 1000000), x.day, d.departments[1 + i % array_length(d.departments, 1)],
           d.counters[1 + i % array_length(d.counters, 1)], d.staff[1 + i % array_length(d.counters, 1)], d.items[1 + i % array_length(d.items, 1)], d.codes[1 + i % array_length(d.items, 1)],
           d.names[1 + i % array_length(d.items, 1)], 'kiosk', y.ended - interval '30 minutes', y.ended
         from generate_series($10::bigint, least($11::bigint, $12::bigint - 1)) i, (select ${dims}) d,
           lateral (select ((now() at time zone 'Asia/Shanghai')::date - 1 - (i % d.days)::int) as day) x,
           lateral (select (x.day + interval '9 hours' + (i % 28000) * interval '1 second') at time zone 'Asia/Shanghai' as ended) y`,
        [...params, start, end, o.ratings],
      );
      // Every 19th subject stays unrated; the others are rated 10 minutes after (every 9th by default, a week after).
      await client.query(
        `insert into ratings (id, center_id, ticket_id, level, channel, question_set, is_real_name, is_default, rater_name, department_id, counter_id, staff_id, item_id, item_code, item_name, service_ended_at, rated_at)
         select md5('r' || s.number || s.id)::uuid, s.center_id, s.id, case when i % 9 = 0 then 3 else (array[5,5,5,5,5,5,5,5,4,4,4,3,2,1])[1 + (i * 7919) % 14] end,
           case when i % 9 = 0 then 'default' else (array['evaluator','qr','sms','portal','kiosk','phone'])[1 + i % 6] end, 'in_person', i % 9 <> 0 and i % 5 < 3, i % 9 = 0, '', s.department_id,
           s.counter_id, s.staff_id, s.item_id, s.item_code, s.item_name, s.finished_at,
           least(now() - interval '1 minute', s.finished_at + case when i % 9 = 0 then interval '7 days' else interval '10 minutes' end)
         from generate_series($1::bigint, least($2::bigint, $3::bigint - 1)) i join rateable_subjects s on s.id = md5('t' || i)::uuid
         where i % 19 <> 0`,
        [start, end, o.ratings],
      );
    }
    progress(`generated ${Math.min(end + 1, Math.max(o.tickets, o.ratings))} of ${Math.max(o.tickets, o.ratings)} rows`);
  }
  // The callbacks of the real-name bad reviews: 90 % reached and closed (unfounded), the rest open.
  await client.query(
    `insert into callbacks (rating_id, center_id, department_id, counter_id, state, contact_due_on, finish_due_on, contacted_at, verdict, verified_at, closed_at, created_at)
     select r.id, r.center_id, r.department_id, r.counter_id, case when h % 10 = 0 then 'open' else 'closed' end, (r.rated_at at time zone 'Asia/Shanghai')::date + 1,
       (r.rated_at at time zone 'Asia/Shanghai')::date + 5, case when h % 10 <> 0 then r.rated_at + interval '3 hours' end, case when h % 10 <> 0 then 'unfounded' end,
       case when h % 10 <> 0 then r.rated_at + interval '5 hours' end, case when h % 10 <> 0 then r.rated_at + interval '5 hours' end, r.rated_at
     from ratings r, lateral (select abs(hashtext(r.id::text)) as h) k where r.level <= 2 and r.is_real_name and r.excluded_at is null and r.center_id = any($1::uuid[])
       and not exists (select 1 from callbacks c where c.rating_id = r.id)`,
    [o.centers],
  );
  await client.query(`set session_replication_role = origin`);
}
