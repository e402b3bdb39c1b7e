import type pg from 'pg';

/**
 * The rollups' totals against the raw rows', over every day the rollups cover (per center and
 * measure): the differences found, as lines (none when they agree).
 */
export async function checkTotals(client: pg.Client): Promise<string[]> {
  const pairs: { name: string; rollup: string; raw: string }[] = [
    {
      name: 'tickets',
      rollup: `select center_id::text as c, sum(tickets)::bigint as a, sum(done)::bigint as b, sum(wait_count)::bigint as d, round(sum(wait_seconds_sum))::bigint as e from figures_daily_tickets where dim = 'all' group by 1`,
      raw: `select t.center_id::text as c, count(*)::bigint as a, count(*) filter (where state = 'done')::bigint as b, count(called_at)::bigint as d,
              round(sum(extract(epoch from called_at - issued_at)))::bigint as e
            from tickets t join figures_rollup_days r on r.domain = 'tickets' and r.center_id = t.center_id and r.day = t.business_date group by 1`,
    },
    {
      name: 'ratings',
      rollup: `select center_id::text as c, sum(rated + excluded)::bigint as a, sum(real_name_bad)::bigint as b, sum(called_back)::bigint as d, sum(rectified)::bigint as e from figures_daily_ratings where dim = 'department' group by 1`,
      raw: `select x.center_id::text as c, count(*)::bigint as a, count(*) filter (where x.excluded_at is null and x.level <= 2 and x.is_real_name)::bigint as b,
              count(*) filter (where x.excluded_at is null and x.level <= 2 and x.is_real_name
                and (c.contacted_at is not null or exists (select 1 from callback_contacts cc where cc.callback_id = c.id and cc.is_reached)))::bigint as d,
              count(*) filter (where x.excluded_at is null and x.level <= 2 and x.is_real_name and (c.closed_at is not null or c.state = 'closed'
                or (c.verdict = 'unfounded' and c.verified_at is not null) or (c.verdict in ('founded', 'partly_founded') and k.done_at is not null)))::bigint as e
            from ratings x left join callbacks c on c.rating_id = x.id left join rectifications k on k.callback_id = c.id
            join figures_rollup_days r on r.domain = 'ratings' and r.center_id = x.center_id and r.day = (x.rated_at at time zone 'Asia/Shanghai')::date group by 1`,
    },
    {
      name: 'services',
      rollup: `select center_id::text as c, sum(finished)::bigint as a, sum(unrated)::bigint as b, sum(defaulted)::bigint as d, 0::bigint as e from figures_daily_services where dim = 'department' group by 1`,
      raw: `select s.center_id::text as c, count(*)::bigint as a, count(*) filter (where coalesce(v.id, p.id) is null)::bigint as b,
              count(*) filter (where coalesce(v.is_default, p.is_default) and coalesce(v.excluded_at, p.excluded_at) is null)::bigint as d, 0::bigint as e
            from rateable_subjects s left join ratings v on s.kind = 'visit' and v.ticket_id = s.id left join ratings p on s.kind = 'application' and p.application_id = s.id
            join figures_rollup_days r on r.domain = 'services' and r.center_id = s.center_id and r.day = (s.finished_at at time zone 'Asia/Shanghai')::date group by 1`,
    },
  ];
  const out: string[] = [];
  for (const p of pairs) {
    const rollup = new Map((await client.query(p.rollup)).rows.map((r) => [r.c as string, `${r.a}/${r.b}/${r.d}/${r.e}`]));
    const raw = new Map((await client.query(p.raw)).rows.map((r) => [r.c as string, `${r.a}/${r.b}/${r.d}/${r.e}`]));
    for (const c of new Set([...rollup.keys(), ...raw.keys()]))
      if (rollup.get(c) !== raw.get(c)) out.push(`${p.name} of center ${c}: rollups ${rollup.get(c) ?? 'none'}, raw ${raw.get(c) ?? 'none'}`);
  }
  return out;
}
