import type { DbOrTx } from '../../../platform/db/database.ts';
import type { RatingChannel, RatingDto } from '../contract.ts';
import * as ratingsRepo from '../repository.ts';
import type { RatingWithAdditions } from './contract.ts';

export function toRatingDto(row: ratingsRepo.RatingRow): RatingDto {
  return {
    id: row.id,
    centerId: row.centerId,
    ticketId: row.ticketId,
    applicationId: row.applicationId,
    level: row.level,
    channel: row.channel as RatingChannel,
    questionSet: row.questionSet,
    tags: row.tags,
    comment: row.comment,
    isRealName: row.isRealName,
    isDefault: row.isDefault,
    raterName: row.raterName,
    raterPhoneMasked: row.raterPhoneMasked,
    departmentId: row.departmentId,
    counterId: row.counterId,
    staffId: row.staffId,
    itemCode: row.itemCode,
    itemName: row.itemName,
    serviceEndedAt: row.serviceEndedAt?.toISOString() ?? null,
    ratedAt: row.ratedAt.toISOString(),
    excludedAt: row.excludedAt?.toISOString() ?? null,
  };
}

export async function withAdditions(db: DbOrTx, rows: ratingsRepo.RatingRow[]): Promise<RatingWithAdditions[]> {
  const additions = await ratingsRepo.listAdditions(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...toRatingDto(r),
    additions: additions
      .filter((a) => a.ratingId === r.id)
      .map((a) => ({ kind: a.kind, level: a.level, tags: a.tags, comment: a.comment, channel: a.channel, createdAt: a.createdAt.toISOString() })),
  }));
}
