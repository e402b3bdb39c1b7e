import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { strictItems, type Items } from '../../../platform/jobs/job.ts';
import { listPublishedItemFacts } from '../../catalog/service.ts';
import { listCenters } from '../../venue/service.ts';
import { openCallbackIfDue } from '../callbacks/service.ts';
import type { RatingWrite } from '../repository.ts';
import { loadEvaluationSettings } from '../settings/service.ts';
import * as repo from './repository.ts';
import { ratingUntil } from './service.ts';

const BATCH = 200;

/**
 * Guangdong's rule: a visit or application not rated within the period (natural days, Asia/Shanghai)
 * is recorded as 基本满意, marked as a default. Idempotent, and safe with two processes: the
 * one-rating-per-subject indexes let only one insert win. Rows go in batches; a batch that fails
 * is retried row by row, and a row that still fails is left for the next run.
 */
export async function recordDefaultRatings(db: Db, now = new Date(), run: Items = strictItems): Promise<number> {
  let recorded = 0;
  const failed = new Set<string>();
  for (const center of await listCenters(db)) {
    const { ratingPeriodDays } = await loadEvaluationSettings(db, center.id);
    const before = new Date(`${addDays(businessToday(now), -ratingPeriodDays)}T00:00:00+08:00`);
    const items = await listPublishedItemFacts(db, center.id);
    const byId = new Map(items.map((i) => [i.id, i]));
    const byCode = new Map(items.map((i) => [i.code, i]));
    const base = { centerId: center.id, level: 3, channel: 'default', isRealName: false, isDefault: true } as const;

    for (;;) {
      // Asks for as many more as have failed, so that failed rows never fill a page.
      const visits = (await repo.listVisitsPastPeriod(db, center.id, before, BATCH + failed.size)).filter((v) => !failed.has(v.id));
      if (visits.length === 0) break;
      recorded += await insertRows(
        db,
        run,
        failed,
        visits.map((v): RatingWrite => {
          const item = v.itemId ? byId.get(v.itemId) : undefined;
          return {
            ...base,
            ticketId: v.id,
            questionSet: 'in_person',
            departmentId: v.departmentId ?? item?.departmentId ?? null,
            counterId: v.counterId,
            staffId: v.staffId,
            itemId: item?.id ?? null,
            itemCode: item?.code ?? '',
            itemName: item?.name ?? '',
            serviceEndedAt: v.endedAt,
            ratedAt: ratingUntil(v.endedAt!, ratingPeriodDays),
          };
        }),
      );
    }
    for (;;) {
      const apps = (await repo.listApplicationsPastPeriod(db, center.id, before, BATCH + failed.size)).filter((a) => !failed.has(a.id));
      if (apps.length === 0) break;
      recorded += await insertRows(
        db,
        run,
        failed,
        apps.map((a): RatingWrite => {
          const endedAt = a.deliveredAt ?? a.updatedAt;
          return {
            ...base,
            applicationId: a.id,
            questionSet: 'online',
            departmentId: a.departmentId,
            staffId: a.staffId,
            itemId: byCode.get(a.code)?.id ?? null,
            itemCode: a.code,
            itemName: a.name,
            serviceEndedAt: endedAt,
            ratedAt: ratingUntil(endedAt, ratingPeriodDays),
          };
        }),
      );
    }
  }
  return recorded;
}

async function insertRows(db: Db, run: Items, failed: Set<string>, rows: RatingWrite[]): Promise<number> {
  const subjectOf = (row: RatingWrite) => (row.ticketId ?? row.applicationId)!;
  try {
    const n = await insertBatch(db, rows);
    run.done(rows.length);
    return n;
  } catch {
    let n = 0;
    await run.each(
      rows,
      async (row) => {
        try {
          n += await insertBatch(db, [row]);
        } catch (err) {
          failed.add(subjectOf(row));
          throw err;
        }
      },
      (row) => (row.ticketId ? `ticket ${row.ticketId}` : `application ${row.applicationId}`),
    );
    return n;
  }
}

async function insertBatch(db: Db, rows: RatingWrite[]): Promise<number> {
  return db.transaction(async (tx) => {
    const inserted = await repo.insertDefaultRatings(tx, rows);
    for (const row of inserted) await openCallbackIfDue(tx, row);
    return inserted.length;
  });
}
