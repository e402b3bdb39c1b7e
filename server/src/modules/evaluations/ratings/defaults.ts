import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
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
 * one-rating-per-subject indexes let only one insert win.
 */
export async function recordDefaultRatings(db: Db, now = new Date()): Promise<number> {
  let recorded = 0;
  for (const center of await listCenters(db)) {
    const { ratingPeriodDays } = await loadEvaluationSettings(db, center.id);
    const before = new Date(`${addDays(businessToday(now), -ratingPeriodDays)}T00:00:00+08:00`);
    for (;;) {
      const subjects = await repo.listSubjectsPastPeriod(db, center.id, before, BATCH);
      if (subjects.length === 0) break;
      recorded += await insertBatch(
        db,
        subjects.map(
          (s): RatingWrite => ({
            centerId: center.id,
            level: 3,
            channel: 'default',
            isRealName: false,
            isDefault: true,
            ticketId: s.kind === 'visit' ? s.id : null,
            applicationId: s.kind === 'application' ? s.id : null,
            questionSet: s.kind === 'visit' ? 'in_person' : 'online',
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

async function insertBatch(db: Db, rows: RatingWrite[]): Promise<number> {
  return db.transaction(async (tx) => {
    const inserted = await repo.insertDefaultRatings(tx, rows);
    for (const row of inserted) await openCallbackIfDue(tx, row);
    return inserted.length;
  });
}
