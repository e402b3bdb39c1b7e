import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RatingChannel, RatingDto, RatingLevel } from './contract.ts';
import * as repo from './repository.ts';

/**
 * Records one five-level rating of a visit (a ticket) or of an application. The caller has
 * established that the rater may rate it (the queue checks the evaluator's key and the ticket).
 */
export async function rateVisit(
  db: DbOrTx,
  input: {
    centerId: string;
    ticketId: string | null;
    applicationId?: string | null;
    level: RatingLevel;
    channel: RatingChannel;
    isRealName: boolean;
    staffId: string | null;
    counterId: string | null;
    comment?: string;
  },
): Promise<RatingDto> {
  if (!input.ticketId && !input.applicationId) throw new AppError('VALIDATION_FAILED', '评价须针对一次办事或一件办件');
  if (!Number.isInteger(input.level) || input.level < 1 || input.level > 5) {
    throw new AppError('VALIDATION_FAILED', '评价等级为 1–5', [{ field: 'level', message: '评价等级为 1–5' }]);
  }
  const row = await repo.insertRating(db, {
    centerId: input.centerId,
    ticketId: input.ticketId,
    applicationId: input.applicationId ?? null,
    level: input.level,
    channel: input.channel,
    questionSet: 'in_person',
    isRealName: input.isRealName,
    staffId: input.staffId,
    counterId: input.counterId,
    comment: input.comment?.trim() ?? '',
  });
  if (!row) throw new AppError('DUPLICATE', '本次服务已经评价过了，谢谢！');
  return toDto(row);
}

/** Which of these tickets have been rated, and how. */
export async function ratingsOfTickets(db: DbOrTx, ticketIds: string[]): Promise<Map<string, number>> {
  return new Map((await repo.findRatingsOfTickets(db, ticketIds)).map((r) => [r.ticketId!, r.level]));
}

export { insertRatings } from './repository.ts';

function toDto(row: NonNullable<Awaited<ReturnType<typeof repo.findRating>>>): RatingDto {
  return { id: row.id, centerId: row.centerId, ticketId: row.ticketId, applicationId: row.applicationId, level: row.level, channel: row.channel as RatingChannel, isRealName: row.isRealName, ratedAt: row.ratedAt.toISOString(), staffId: row.staffId, counterId: row.counterId, comment: row.comment };
}
