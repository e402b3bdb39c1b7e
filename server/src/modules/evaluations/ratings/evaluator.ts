import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorizeEvaluator } from '../../queue/service.ts';
import { loadEvaluationSettings } from '../settings/service.ts';
import * as subjectsRepo from '../subjects/repository.ts';
import { toRatingDto } from './dto.ts';
import { createInvitation } from './invitations.ts';
import { factsOf, ratingUntil, recordRating } from './service.ts';

/**
 * The evaluator (评价器) at a counter rates the visit just finished there (一次一评). The queue
 * authorises the device (its key, its counter) and gives the rating window; the visit is the
 * rateable subject evaluations recorded from `visit.finished`.
 */

async function ratableHere(db: Db, counterId: string, deviceKey: string | undefined, ticketId: string, now: Date) {
  const { ratingWindowMinutes } = await authorizeEvaluator(db, counterId, deviceKey);
  const visit = await subjectsRepo.findSubject(db, ticketId);
  const isRatable = visit && visit.kind === 'visit' && visit.counterId === counterId && now.getTime() - visit.finishedAt.getTime() <= ratingWindowMinutes * 60_000;
  if (!isRatable) throw new AppError('RATING_CLOSED', '这次服务已不在评价时间内，或不是在本窗口办理的');
  return visit;
}

/** A rating given on the evaluator: real-name when the visit carried an enterprise code or a phone. */
export async function rateAtEvaluator(
  deps: { db: Db; config: Config },
  counterId: string,
  deviceKey: string | undefined,
  input: { ticketId: string; level: number; tags: string[]; comment: string },
  now = new Date(),
) {
  const visit = await ratableHere(deps.db, counterId, deviceKey, input.ticketId, now);
  const row = await deps.db.transaction((tx) =>
    recordRating(tx, deps.config, { facts: factsOf(visit), channel: 'evaluator', level: input.level, tags: input.tags, comment: input.comment, isAnonymous: false, now }),
  );
  const rating = toRatingDto(row);
  return { ratingId: rating.id, level: rating.level };
}

/** The QR code for the visitor's phone, shown with the rating request: a one-use link to the same rating. */
export async function inviteFromEvaluator(deps: { db: Db; config: Config }, counterId: string, deviceKey: string | undefined, ticketId: string, now = new Date()) {
  const visit = await ratableHere(deps.db, counterId, deviceKey, ticketId, now);
  const { ratingPeriodDays } = await loadEvaluationSettings(deps.db, visit.centerId);
  const invitation = await createInvitation(deps.db, deps.config, { subject: { kind: 'visit', id: visit.id }, channel: 'qr', expiresAt: ratingUntil(visit.finishedAt, ratingPeriodDays) });
  return { ...invitation, qrUrl: `/api/evaluations/invitations/${encodeURIComponent(invitation.token)}/qr.svg` };
}
