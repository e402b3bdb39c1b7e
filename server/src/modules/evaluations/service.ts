import type { Config } from '../../config.ts';
import type { Db, DbOrTx, Tx } from '../../platform/db/database.ts';
import { decryptField, personalDataKeys } from '../../platform/personal-data/personal-data.ts';
import type { RatingChannel, RatingDto } from './contract.ts';
import * as repo from './repository.ts';
import { toRatingDto } from './ratings/dto.ts';
import { createInvitation, inviteBySms } from './ratings/invitations.ts';
import { ratingUntil, recordRating, subjectFacts } from './ratings/service.ts';
import { loadEvaluationSettings } from './settings/service.ts';

/**
 * What other modules use of evaluations (clause 9.1): the counter's evaluator rates a visit, the
 * queue and applications invite a rating by SMS when they finish a service, the job records the
 * default 基本满意, and the other parts of evaluations read the center's rules.
 */

export { loadEvaluationSettings } from './settings/service.ts';
export { recordDefaultRatings } from './ratings/defaults.ts';
export { questionSetsForForms } from './ratings/questions.ts';
export { toRatingDto } from './ratings/dto.ts';

/**
 * A rating of a visit from a device in the hall (the counter's evaluator): real-name when the
 * visit carried an enterprise code or a phone. `inTransaction` runs in the rating's transaction.
 */
export async function rateVisit(
  db: Db,
  config: Config,
  input: { ticketId: string; channel: Extract<RatingChannel, 'evaluator' | 'kiosk'>; level: number; tags: string[]; comment: string; now?: Date },
  inTransaction?: (tx: Tx) => Promise<void>,
): Promise<RatingDto> {
  const facts = await subjectFacts(db, config, { kind: 'visit', id: input.ticketId });
  const row = await db.transaction(async (tx) => {
    const saved = await recordRating(tx, config, { facts, channel: input.channel, level: input.level, tags: input.tags, comment: input.comment, isAnonymous: false, now: input.now ?? new Date() });
    await inTransaction?.(tx);
    return saved;
  });
  return toRatingDto(row);
}

/** Which of these tickets have been rated, and how. */
export async function ratingsOfTickets(db: DbOrTx, ticketIds: string[]): Promise<Map<string, number>> {
  return new Map((await repo.findRatingsOfTickets(db, ticketIds)).map((r) => [r.ticketId!, r.level]));
}

/** A one-use link to rate a finished visit from a phone (the QR code the evaluator shows after the service). */
export async function createVisitQrInvitation(db: Db, config: Config, visit: { ticketId: string; centerId: string; finishedAt: Date }) {
  const { ratingPeriodDays } = await loadEvaluationSettings(db, visit.centerId);
  return createInvitation(db, config, { subject: { kind: 'visit', id: visit.ticketId }, channel: 'qr', expiresAt: ratingUntil(visit.finishedAt, ratingPeriodDays) });
}

/** Called in the transaction that finishes a visit: an SMS with a rating link when the ticket carries a phone. */
export async function inviteToRateVisit(tx: DbOrTx, config: Config, visit: { ticketId: string; centerId: string; displayNumber: string; phone: string | null; finishedAt: Date }) {
  if (!visit.phone) return;
  await inviteBySms(tx, config, {
    subject: { kind: 'visit', id: visit.ticketId },
    centerId: visit.centerId,
    phone: visit.phone,
    subjectText: `${visit.displayNumber} 号业务`,
    finishedAt: visit.finishedAt,
  });
}

/** Called in the transaction that delivers (or declines) an application: an SMS with a rating link when it has a phone. */
export async function inviteToRateApplication(
  tx: DbOrTx,
  config: Config,
  app: { id: string; centerId: string; number: string; name: string; phoneCipher: string | null; finishedAt: Date },
) {
  if (!app.phoneCipher) return;
  await inviteBySms(tx, config, {
    subject: { kind: 'application', id: app.id },
    centerId: app.centerId,
    phone: decryptField(personalDataKeys(config), 'phone', app.phoneCipher),
    subjectText: `“${app.name}”（办件编号 ${app.number}）`,
    finishedAt: app.finishedAt,
  });
}

export { insertRatings } from './repository.ts';
