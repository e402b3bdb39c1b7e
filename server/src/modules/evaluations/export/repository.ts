import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { rateableSubjects, ratings } from '../tables.ts';

export type ExportRow = {
  ratingId: string;
  level: number;
  channel: string;
  questionSet: 'in_person' | 'online';
  tags: string[];
  comment: string;
  isRealName: boolean;
  isDefault: boolean;
  excludedAt: string | null;
  ratedAt: string;
  raterName: string;
  raterUscc: string | null;
  raterPhoneCipher: string | null;
  raterPhoneMasked: string | null;
  itemCode: string;
  itemName: string;
  serviceEndedAt: string | null;
  departmentId: string | null;
  counterId: string | null;
  staffId: string | null;
  ticketNumber: string | null;
  ticketDate: string | null;
  ticketIssuedAt: string | null;
  ticketStartedAt: string | null;
  applicationNumber: string | null;
  applicationReceivedAt: string | null;
  processingKind: string | null;
};

const scopeOf = (departmentIds: string[] | null) =>
  departmentIds === null ? sql`true` : departmentIds.length === 0 ? sql`false` : sql`r.department_id in (${sql.join(departmentIds.map((id) => sql`${id}::uuid`), sql`, `)})`;

/**
 * The ratings given in the period (Asia/Shanghai dates), excluded ones too (they are marked),
 * with what the evaluator record needs from the visit or application (the rateable subject).
 * Times come back as ISO strings.
 */
export async function ratingsForExport(db: DbOrTx, p: { centerId: string; from: string; to: string; departmentIds: string[] | null }): Promise<ExportRow[]> {
  const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  const result = (await db.execute(sql`
    select r.id as "ratingId", r.level, r.channel, r.question_set as "questionSet", r.tags, r.comment, r.is_real_name as "isRealName",
      r.is_default as "isDefault", ${iso('r.excluded_at')} as "excludedAt", ${iso('r.rated_at')} as "ratedAt", r.rater_name as "raterName",
      r.rater_uscc as "raterUscc", r.rater_phone_cipher as "raterPhoneCipher", r.rater_phone_masked as "raterPhoneMasked",
      coalesce(nullif(r.item_code, ''), x.item_code, '') as "itemCode", coalesce(nullif(r.item_name, ''), x.item_name, '') as "itemName",
      ${iso('coalesce(r.service_ended_at, x.finished_at)')} as "serviceEndedAt",
      r.department_id as "departmentId", r.counter_id as "counterId", r.staff_id as "staffId",
      case when x.kind = 'visit' then x.number end as "ticketNumber", to_char(x.business_date, 'YYYYMMDD') as "ticketDate",
      case when x.kind = 'visit' then ${iso('x.received_at')} end as "ticketIssuedAt", ${iso('x.service_started_at')} as "ticketStartedAt",
      case when x.kind = 'application' then x.number end as "applicationNumber", case when x.kind = 'application' then ${iso('x.received_at')} end as "applicationReceivedAt",
      x.processing_kind as "processingKind"
    from ${ratings} r
    left join ${rateableSubjects} x on x.id = coalesce(r.ticket_id, r.application_id)
    where r.center_id = ${p.centerId}::uuid
      and r.rated_at >= (${p.from}::date::timestamp at time zone 'Asia/Shanghai') and r.rated_at < ((${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')
      and ${scopeOf(p.departmentIds)}
    order by r.rated_at, r.id`)) as unknown as { rows: ExportRow[] };
  return result.rows;
}
