import type { Config } from '../../../config.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { queueSms } from '../../../platform/notifications/service.ts';
import { getCenter } from '../../venue/service.ts';
import * as ratingsRepo from '../repository.ts';
import { loadEvaluationSettings } from '../settings/service.ts';
import { addAddition } from './channels.ts';
import type { InvitationView, SubjectKind } from './contract.ts';
import * as repo from './repository.ts';
import { recordRating, ratingUntil, subjectFacts, subjectSummary } from './service.ts';
import { newRatingToken, verifiedHash } from './tokens.ts';

/**
 * Rating links (QR code on the evaluator, SMS after the service): a signed one-use token whose
 * hash alone is stored. The link is valid until the end of the rating period.
 */

type InvitationSubject = { kind: SubjectKind; id: string };

export async function createInvitation(
  tx: DbOrTx,
  config: Config,
  input: { subject: InvitationSubject; channel: 'qr' | 'sms'; expiresAt: Date },
): Promise<{ token: string; path: string; expiresAt: string }> {
  const { token, hash } = newRatingToken(config.SESSION_SECRET);
  await repo.insertInvitation(tx, {
    tokenHash: hash,
    ticketId: input.subject.kind === 'visit' ? input.subject.id : null,
    applicationId: input.subject.kind === 'application' ? input.subject.id : null,
    channel: input.channel,
    expiresAt: input.expiresAt,
  });
  return { token, path: `/rate/${token}`, expiresAt: input.expiresAt.toISOString() };
}

/**
 * The SMS inviting a rating, queued in the transaction that records the finished service as
 * rateable (the consumer of `visit.finished` and `application.finished`).
 */
export async function inviteBySms(
  tx: DbOrTx,
  config: Config,
  input: { subject: InvitationSubject; centerId: string; phone: string; subjectText: string; finishedAt: Date },
): Promise<void> {
  const { ratingPeriodDays } = await loadEvaluationSettings(tx, input.centerId);
  const expiresAt = ratingUntil(input.finishedAt, ratingPeriodDays);
  const { path } = await createInvitation(tx, config, { subject: input.subject, channel: 'sms', expiresAt });
  const until = new Date(expiresAt.getTime() - 1).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' });
  await queueSms(tx, config, {
    phone: input.phone,
    template: 'rating_invitation',
    params: { center: (await getCenter(tx, input.centerId)).name, subject: input.subjectText, until, link: `${config.PUBLIC_URL.replace(/\/$/, '')}${path}` },
    related: { type: input.subject.kind === 'visit' ? 'ticket' : 'application', id: input.subject.id },
    centerId: input.centerId,
    dedupeKey: `rating-invitation:${input.subject.kind}:${input.subject.id}`,
  });
}

/** The invitation behind a genuine link, refused when forged or unknown. */
async function findInvitation(db: DbOrTx, config: Config, token: string): Promise<repo.InvitationRow> {
  const hash = verifiedHash(config.SESSION_SECRET, token);
  const invitation = hash ? await repo.findInvitationByHash(db, hash) : undefined;
  if (!invitation) throw new AppError('RATING_LINK_INVALID', '评价链接无效，请核对链接或二维码', [{ field: 'token', message: '链接无效' }]);
  return invitation;
}

/** The invitation behind a link that may still rate, refused when forged, unknown, used or expired. */
async function openInvitation(db: DbOrTx, config: Config, token: string, now: Date): Promise<repo.InvitationRow> {
  const invitation = await findInvitation(db, config, token);
  if (invitation.usedAt) throw new AppError('RATING_LINK_USED', '该评价链接已使用过，每次服务只能评价一次', [{ field: 'token', message: '链接已使用' }]);
  if (invitation.expiresAt <= now) throw new AppError('RATING_LINK_EXPIRED', '评价链接已过期', [{ field: 'token', message: '链接已过期' }]);
  return invitation;
}

const subjectOf = (i: repo.InvitationRow): InvitationSubject => (i.ticketId ? { kind: 'visit', id: i.ticketId } : { kind: 'application', id: i.applicationId! });

const ratingOf = (db: DbOrTx, s: InvitationSubject) => ratingsRepo.findRatingOfSubject(db, s.kind === 'visit' ? { ticketId: s.id } : { applicationId: s.id });

/**
 * What a link's page shows: the service, and — once it is rated, through this link or any other
 * channel (the evaluator, the portal, a phone call, the default) — its rating and whether 追评 is
 * still open, instead of the form. A link of a service not rated is refused once used or expired.
 */
export async function getInvitationView(db: Db, config: Config, token: string, now = new Date()): Promise<InvitationView> {
  const invitation = await findInvitation(db, config, token);
  const subject = subjectOf(invitation);
  const rating = await ratingOf(db, subject);
  if (!rating) {
    await openInvitation(db, config, token, now);
    return { ...(await subjectSummary(db, await subjectFacts(db, subject))), rated: null };
  }
  const { additionPeriodDays } = await loadEvaluationSettings(db, rating.centerId);
  const additionUntil = ratingUntil(rating.ratedAt, additionPeriodDays);
  const hasAddition = await repo.hasAddition(db, rating.id);
  return {
    ...(await subjectSummary(db, await subjectFacts(db, subject))),
    rated: {
      level: rating.level,
      channel: rating.channel as NonNullable<InvitationView['rated']>['channel'],
      ratedAt: rating.ratedAt.toISOString(),
      canAdd: !hasAddition && now < additionUntil,
      hasAddition,
      additionUntil: additionUntil.toISOString(),
    },
  };
}

/** 追评 through the link of a rated service: once, within the addition period after the rating. */
export async function addByInvitation(db: Db, config: Config, token: string, input: { comment: string; level?: number; tags: string[] }, now = new Date()) {
  const invitation = await findInvitation(db, config, token);
  const rating = await ratingOf(db, subjectOf(invitation));
  if (!rating) throw new AppError('NOT_RATED', '该服务尚未评价，请先评价', [{ field: 'token', message: '尚未评价' }]);
  return addAddition(db, rating.id, input, { channel: invitation.channel, enteredBy: null, now });
}

export async function rateByInvitation(
  db: Db,
  config: Config,
  token: string,
  answer: { level: number; tags: string[]; comment: string; isAnonymous: boolean },
  now = new Date(),
) {
  const invitation = await openInvitation(db, config, token, now);
  const facts = await subjectFacts(db, subjectOf(invitation));
  const row = await db.transaction(async (tx) => {
    if (!(await repo.useInvitation(tx, invitation.id, now))) {
      throw new AppError('RATING_LINK_USED', '该评价链接已使用过，每次服务只能评价一次', [{ field: 'token', message: '链接已使用' }]);
    }
    return recordRating(tx, config, { facts, channel: invitation.channel, ...answer, now });
  });
  return { ratingId: row.id, level: row.level, isRealName: row.isRealName };
}
