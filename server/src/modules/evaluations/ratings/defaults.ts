import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
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
 * one-rating-per-subject indexes let only one insert win.
 */
export async function recordDefaultRatings(db: Db, now = new Date()): Promise<number> {
  let recorded = 0;
  for (const center of await listCenters(db)) {
    const { ratingPeriodDays } = await loadEvaluationSettings(db, center.id);
    const before = new Date(`${addDays(businessToday(now), -ratingPeriodDays)}T00:00:00+08:00`);
    const items = await listPublishedItemFacts(db, center.id);
    const byId = new Map(items.map((i) => [i.id, i]));
    const byCode = new Map(items.map((i) => [i.code, i]));
    const base = { centerId: center.id, level: 3, channel: 'default', isRealName: false, isDefault: true } as const;

    for (;;) {
      const visits = await repo.listVisitsPastPeriod(db, center.id, before, BATCH);
      if (visits.length === 0) break;
      recorded += await insertBatch(
        db,
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
      const apps = await repo.listApplicationsPastPeriod(db, center.id, before, BATCH);
      if (apps.length === 0) break;
      recorded += await insertBatch(
        db,
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

async function insertBatch(db: Db, rows: RatingWrite[]): Promise<number> {
  return db.transaction(async (tx) => {
    const inserted = await repo.insertDefaultRatings(tx, rows);
    for (const row of inserted) await openCallbackIfDue(tx, row);
    return inserted.length;
  });
}
