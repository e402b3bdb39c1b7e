import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { strictItems, type Items } from '../../../platform/jobs/job.ts';
import { listCenters } from '../../venue/service.ts';
import { openCallbackIfDue } from '../callbacks/service.ts';
import type { RatingWrite } from '../repository.ts';
import { loadEvaluationSettings } from '../settings/service.ts';
import * as repo from './repository.ts';
import { questionSetOf } from './questions.ts';
import { ratingUntil } from './service.ts';

const BATCH = 200;

/**
 * Guangdong's rule: a visit or application not rated within the period (natural days, Asia/Shanghai)
 * is recorded as 基本满意, marked as a default. Idempotent, and safe with two processes: the
 * one-rating-per-subject indexes let only one insert win. A batch that fails is retried row by
 * row: a row that still fails is counted and left for the next run; the others go on.
 */
export async function recordDefaultRatings(db: Db, now = new Date(), run: Items = strictItems): Promise<number> {
  let recorded = 0;
  const failed = new Set<string>();
  for (const center of await listCenters(db)) {
    const { ratingPeriodDays } = await loadEvaluationSettings(db, center.id);
    const before = new Date(`${addDays(businessToday(now), -ratingPeriodDays)}T00:00:00+08:00`);
    for (;;) {
      // Asks for as many more as have failed, so that failed rows never fill a page.
      const subjects = (await repo.listSubjectsPastPeriod(db, center.id, before, BATCH + failed.size)).filter((s) => !failed.has(s.id));
      if (subjects.length === 0) break;
      recorded += await insertRows(
        db,
        run,
        failed,
        subjects.map(
          (s): RatingWrite => ({
            centerId: center.id,
            level: 3,
            channel: 'default',
            isRealName: false,
            isDefault: true,
            ticketId: s.kind === 'visit' ? s.id : null,
            applicationId: s.kind === 'application' ? s.id : null,
            questionSet: questionSetOf(s),
            departmentId: s.departmentId,
            counterId: s.counterId,
            staffId: s.staffId,
            itemId: s.itemId,
            itemCode: s.itemCode,
            itemName: s.itemName,
            serviceEndedAt: s.finishedAt,
            ratedAt: ratingUntil(s.finishedAt, ratingPeriodDays),
          }),
        ),
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
