import type { Config } from '../../../config.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { encryptField, maskPhone, normalizePhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { enqueue } from '../../../platform/outbox/service.ts';
import { RATING_RECORDED, type RatingRecorded } from '../../../platform/events/domain.ts';
import { getCenter } from '../../venue/service.ts';
import { openCallbackIfDue } from '../callbacks/service.ts';
import type { RatingChannel } from '../contract.ts';
import * as ratingsRepo from '../repository.ts';
import { loadEvaluationSettings } from '../settings/service.ts';
import type { SubjectKind } from './contract.ts';
import * as subjectsRepo from '../subjects/repository.ts';
import { checkTags, questionSetOf } from './questions.ts';

/**
 * One rating of a finished visit (一次一评) or application (一事一评), whatever the channel: the
 * service must be finished and still within the rating period, the tags must belong to the set
 * and level, the department, counter, clerk and item answering for it are copied onto the
 * rating, and a real-name bad review opens its callback in the same transaction.
 */

export type Subject = { kind: SubjectKind; id: string };

/** What a rating needs of the visit or application it rates. */
export type SubjectFacts = {
  kind: SubjectKind;
  id: string;
  centerId: string;
  /** the ticket's number (A012) or the application's number */
  label: string;
  isFinished: boolean;
  finishedAt: Date | null;
  departmentId: string | null;
  counterId: string | null;
  staffId: string | null;
  itemId: string | null;
  itemCode: string;
  itemName: string;
  uscc: string | null;
  applicantName: string;
  /** how the service was sought: the ticket's channel, or the application's (counter, online …) */
  channel: string;
  phone: { cipher: string; masked: string } | null;
  /** the visit's business day (the kiosk rates today's visits only) */
  businessDate: string | null;
};

/** The finished visit or application as evaluations recorded it (`visit.finished`, `application.finished`). */
export async function subjectFacts(db: DbOrTx, subject: Subject): Promise<SubjectFacts> {
  const row = await subjectsRepo.findSubject(db, subject.id);
  if (!row || row.kind !== subject.kind) throw notFinished(subject.kind);
  return factsOf(row);
}

export function factsOf(row: subjectsRepo.SubjectRow): SubjectFacts {
  return {
    kind: row.kind,
    id: row.id,
    centerId: row.centerId,
    label: row.number,
    isFinished: true,
    finishedAt: row.finishedAt,
    departmentId: row.departmentId,
    counterId: row.counterId,
    staffId: row.staffId,
    itemId: row.itemId,
    itemCode: row.itemCode,
    itemName: row.itemName,
    uscc: row.uscc,
    applicantName: row.applicantName,
    channel: row.channel,
    phone: row.phoneCipher && row.phoneMasked ? { cipher: row.phoneCipher, masked: row.phoneMasked } : null,
    businessDate: row.businessDate,
  };
}

/** Only finished services are rateable subjects: anything else is not (yet) finished. */
const notFinished = (kind: SubjectKind) =>
  new AppError('SERVICE_NOT_FINISHED', kind === 'visit' ? '这次服务尚未办结，办结后才能评价' : '该办件尚未办结或送达，办结后才能评价', [
    { field: kind === 'visit' ? 'ticketId' : 'applicationId', message: '尚未办结' },
  ]);

/** The last moment a finished service may be rated: the end of the period's last natural day (Asia/Shanghai). */
export function ratingUntil(finishedAt: Date, ratingPeriodDays: number): Date {
  return new Date(`${addDays(businessToday(finishedAt), ratingPeriodDays + 1)}T00:00:00+08:00`);
}

export type RatingRequest = {
  facts: SubjectFacts;
  channel: Exclude<RatingChannel, 'default'>;
  level: number;
  tags: string[];
  comment: string;
  /** the rater chose to stay anonymous (portal, H5): nothing of them is kept, and no callback can follow */
  isAnonymous: boolean;
  /** a name and phone given by the rater (staff entering a phone rating) in place of the subject's */
  rater?: { name?: string; phone?: string | null };
  enteredBy?: string | null;
  now: Date;
};

/** Checks and records the rating in the caller's transaction; then the callback, when it is due. */
export async function recordRating(tx: DbOrTx, config: Config, r: RatingRequest): Promise<ratingsRepo.RatingRow> {
  const { facts } = r;
  await requireRatable(tx, facts, r.now);
  const questionSet = questionSetOf(facts);
  const tags = checkTags(questionSet, r.level, r.tags);
  let phone = facts.phone;
  if (r.rater?.phone) {
    const normalized = normalizePhone(r.rater.phone);
    if (!normalized) throw new AppError('PHONE_INVALID', '手机号码格式不正确', [{ field: 'phone', message: '手机号码格式不正确' }]);
    phone = { cipher: encryptField(personalDataKeys(config), 'phone', normalized), masked: maskPhone(normalized) };
  }
  const name = r.rater?.name?.trim() || facts.applicantName;
  const isRealName = !r.isAnonymous && (facts.uscc !== null || phone !== null || (r.rater?.name?.trim() ?? '') !== '');
  const row = await ratingsRepo.insertRating(tx, {
    centerId: facts.centerId,
    ticketId: facts.kind === 'visit' ? facts.id : null,
    applicationId: facts.kind === 'application' ? facts.id : null,
    level: r.level,
    channel: r.channel,
    questionSet,
    tags,
    comment: r.comment.trim(),
    isRealName,
    isDefault: false,
    raterName: isRealName ? name : '',
    raterUscc: isRealName ? facts.uscc : null,
    raterPhoneCipher: isRealName ? (phone?.cipher ?? null) : null,
    raterPhoneMasked: isRealName ? (phone?.masked ?? null) : null,
    ...snapshotOf(facts),
    ratedAt: r.now,
    enteredBy: r.enteredBy ?? null,
  });
  if (!row) throw alreadyRated(facts);
  await openCallbackIfDue(tx, row);
  await publishRatingRecorded(tx, row);
  return row;
}

/** Tells the modules that care (the queue's evaluator) that the subject is rated. */
export async function publishRatingRecorded(tx: DbOrTx, row: Pick<ratingsRepo.RatingRow, 'id' | 'centerId' | 'ticketId' | 'applicationId' | 'ratedAt'>) {
  const payload: RatingRecorded = {
    ratingId: row.id,
    centerId: row.centerId,
    subject: row.ticketId ? { kind: 'visit', id: row.ticketId } : { kind: 'application', id: row.applicationId! },
    ratedAt: row.ratedAt.toISOString(),
  };
  await enqueue(tx, { topic: RATING_RECORDED, dedupeKey: `rating-recorded:${row.id}`, payload });
}

export const alreadyRated = (facts: Pick<SubjectFacts, 'kind'>) =>
  new AppError('ALREADY_RATED', facts.kind === 'visit' ? '本次服务已经评价过了，谢谢！' : '该办件已经评价过了，谢谢！', [
    { field: facts.kind === 'visit' ? 'ticketId' : 'applicationId', message: '已评价' },
  ]);

export function snapshotOf(facts: SubjectFacts) {
  return {
    departmentId: facts.departmentId,
    counterId: facts.counterId,
    staffId: facts.staffId,
    itemId: facts.itemId,
    itemCode: facts.itemCode.slice(0, 40),
    itemName: facts.itemName,
    serviceEndedAt: facts.finishedAt,
  };
}

/** Refuses a service not finished, already rated, or whose period is over. */
export async function requireRatable(db: DbOrTx, facts: SubjectFacts, now: Date): Promise<void> {
  if (!facts.isFinished || !facts.finishedAt) throw notFinished(facts.kind);
  const existing = await ratingsRepo.findRatingOfSubject(db, facts.kind === 'visit' ? { ticketId: facts.id } : { applicationId: facts.id });
  if (existing) throw alreadyRated(facts);
  const { ratingPeriodDays } = await loadEvaluationSettings(db, facts.centerId);
  if (now >= ratingUntil(facts.finishedAt, ratingPeriodDays)) {
    throw new AppError('RATING_CLOSED', `已超过 ${ratingPeriodDays} 天的评价期限，系统已记为“基本满意”`, [{ field: 'level', message: '已超过评价期限' }]);
  }
}

/** What a rating page shows of the service rated. */
export async function subjectSummary(db: Db, facts: SubjectFacts) {
  const { ratingPeriodDays } = await loadEvaluationSettings(db, facts.centerId);
  return {
    kind: facts.kind,
    id: facts.id,
    label: facts.label,
    itemName: facts.itemName,
    centerName: (await getCenter(db, facts.centerId)).name,
    finishedAt: facts.finishedAt?.toISOString() ?? null,
    ratingUntil: facts.finishedAt ? ratingUntil(facts.finishedAt, ratingPeriodDays).toISOString() : null,
    questionSet: questionSetOf(facts),
    isRealNamePossible: facts.uscc !== null || facts.phone !== null,
  };
}
