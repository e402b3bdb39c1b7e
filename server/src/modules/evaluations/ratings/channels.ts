import type { Config } from '../../../config.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { receiptTokenHash } from '../../../platform/events/domain.ts';
import * as subjectsRepo from '../subjects/repository.ts';
import * as ratingsRepo from '../repository.ts';
import { loadEvaluationSettings } from '../settings/service.ts';
import type { RatingSubject, SubjectKind } from './contract.ts';
import { withAdditions } from './dto.ts';
import { checkTags } from './questions.ts';
import * as repo from './repository.ts';
import { factsOf, ratingUntil, recordRating, subjectFacts, subjectSummary, type SubjectFacts } from './service.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';

/** The portal, the kiosk and staff entry of a phone rating; 追评 on the portal and by phone. */

type Answer = { level: number; tags: string[]; comment: string };
type AdditionAnswer = { level?: number; tags: string[]; comment: string };
const created = (row: ratingsRepo.RatingRow) => ({ ratingId: row.id, level: row.level, isRealName: row.isRealName });

// — the portal: a logged-in enterprise rates its own finished visits and applications —

export async function listPortalEvaluations(db: Db, uscc: string, now = new Date()) {
  const { visits, applications } = await repo.listUnratedOf(db, uscc, new Date(now.getTime() - 90 * 86_400_000));
  const toRate: RatingSubject[] = [];
  for (const row of [...visits, ...applications].slice(0, 40)) {
    const summary = await subjectSummary(db, factsOf(row));
    if (summary.ratingUntil && new Date(summary.ratingUntil) > now) toRate.push(summary);
  }
  const rows = await repo.listRatingsOf(db, uscc, 50);
  const rated = await withAdditions(db, rows.map((r) => r.rating));
  const result = [];
  for (const [i, r] of rated.entries()) {
    const { additionPeriodDays } = await loadEvaluationSettings(db, r.centerId);
    const additionUntil = ratingUntil(new Date(r.ratedAt), additionPeriodDays);
    const canAdd = !r.additions.some((a) => a.kind === 'addition') && now < additionUntil;
    result.push({ ...r, subjectLabel: rows[i]!.number ?? '', canAdd, additionUntil: additionUntil.toISOString() });
  }
  return { toRate, rated: result };
}

async function ownFacts(db: Db, uscc: string, subject: { kind: SubjectKind; id: string }): Promise<SubjectFacts> {
  const facts = await subjectFacts(db, subject);
  if (facts.uscc !== uscc) throw new AppError('FORBIDDEN', '只能评价本企业办理的事项');
  return facts;
}

export async function rateOnPortal(
  db: Db,
  config: Config,
  uscc: string,
  input: Answer & { subject: { kind: SubjectKind; id: string }; isAnonymous: boolean },
  now = new Date(),
) {
  const facts = await ownFacts(db, uscc, input.subject);
  const row = await db.transaction((tx) => recordRating(tx, config, { facts, channel: 'portal', ...input, now }));
  return created(row);
}

export async function addOnPortal(db: Db, uscc: string, ratingId: string, input: AdditionAnswer, now = new Date()) {
  const rating = await ratingsRepo.findRating(db, ratingId);
  if (!rating) throw notFound('评价');
  await ownFacts(db, uscc, rating.ticketId ? { kind: 'visit', id: rating.ticketId } : { kind: 'application', id: rating.applicationId! });
  return addAddition(db, ratingId, input, { channel: 'portal', enteredBy: null, now });
}

// — the kiosk: today's visit by its number and the secret printed in the receipt's QR code —

/** The receipt's QR code holds the ticket's status link (…/t/<token>); a scanner may type the whole link. */
const receiptTokenOf = (scanned: string) => scanned.trim().split(/[/?#]/).filter(Boolean).at(-1) ?? '';

async function kioskVisit(db: Db, centerId: string, q: { displayNumber: string; receiptToken: string }, now: Date) {
  const visit = await subjectsRepo.findVisitByReceipt(db, receiptTokenHash(receiptTokenOf(q.receiptToken)));
  const matches = visit && visit.centerId === centerId && visit.number === q.displayNumber.trim().toUpperCase() && visit.businessDate === businessToday(now);
  if (!matches) throw new AppError('NOT_FOUND', '未找到今天办结的这个号，请核对排队号并扫描凭条上的二维码', [{ field: 'displayNumber', message: '排队号与凭条不符' }]);
  return factsOf(visit);
}

export async function findKioskVisit(db: Db, centerId: string, q: { displayNumber: string; receiptToken: string }, now = new Date()) {
  return subjectSummary(db, await kioskVisit(db, centerId, q, now));
}

export async function rateAtKiosk(db: Db, config: Config, centerId: string, input: Answer & { displayNumber: string; receiptToken: string }, now = new Date()) {
  const facts = await kioskVisit(db, centerId, input, now);
  const row = await db.transaction((tx) => recordRating(tx, config, { facts, channel: 'kiosk', ...input, isAnonymous: false, now }));
  return created(row);
}

// — staff entry of a rating given by phone (a callback call, the hotline) —

export async function findPhoneSubject(
  db: Db,
  staff: StaffPrincipal,
  q: { kind: SubjectKind; number?: string; date?: string; displayNumber?: string },
) {
  let id: string | null = null;
  if (q.kind === 'application') {
    if (!q.number) throw new AppError('VALIDATION_FAILED', '请输入办件编号', [{ field: 'number', message: '请输入办件编号' }]);
    const found = await subjectsRepo.findApplicationByNumber(db, q.number.trim());
    id = found && found.centerId === staff.centerId ? found.id : null;
    if (!id) throw new AppError('NOT_FOUND', '本中心没有这个已办结的办件编号', [{ field: 'number', message: '办件编号不存在或尚未办结' }]);
  } else {
    if (!q.date || !q.displayNumber) throw new AppError('VALIDATION_FAILED', '请输入办事日期和排队号', [{ field: 'displayNumber', message: '请输入排队号' }]);
    const visit = staff.centerId ? await subjectsRepo.findVisitByNumber(db, staff.centerId, q.date, q.displayNumber.trim().toUpperCase()) : undefined;
    if (!visit) throw new AppError('NOT_FOUND', '该日没有办结的这个排队号', [{ field: 'displayNumber', message: '排队号不存在或尚未办结' }]);
    id = visit.id;
  }
  const facts = await subjectFacts(db, { kind: q.kind, id });
  const rating = await ratingsRepo.findRatingOfSubject(db, q.kind === 'visit' ? { ticketId: id } : { applicationId: id });
  return { subject: await subjectSummary(db, facts), rating: rating ? (await withAdditions(db, [rating]))[0]! : null };
}

export async function rateByPhone(
  db: Db,
  config: Config,
  staff: StaffPrincipal,
  input: Answer & { subject: { kind: SubjectKind; id: string }; raterName: string; phone?: string },
  now = new Date(),
) {
  const facts = await subjectFacts(db, input.subject);
  if (!isCenterInScope(staff, facts.centerId)) throw new AppError('FORBIDDEN', '只能录入本中心服务的评价');
  const row = await db.transaction((tx) =>
    recordRating(tx, config, { facts, channel: 'phone', ...input, isAnonymous: false, rater: { name: input.raterName, phone: input.phone || null }, enteredBy: staff.id, now }),
  );
  return created(row);
}

export async function addByPhone(db: Db, staff: StaffPrincipal, ratingId: string, input: AdditionAnswer, now = new Date()) {
  const rating = await ratingsRepo.findRating(db, ratingId);
  if (!rating || !isCenterInScope(staff, rating.centerId)) throw notFound('评价');
  return addAddition(db, ratingId, input, { channel: 'phone', enteredBy: staff.id, now });
}

// — 追评: once per rating, within the addition period after it —

export async function addAddition(
  db: Db,
  ratingId: string,
  input: { comment: string; level?: number; tags: string[] },
  by: { channel: 'portal' | 'phone' | 'qr' | 'sms'; enteredBy: string | null; now: Date },
) {
  return db.transaction(async (tx) => {
    const rating = await ratingsRepo.lockRating(tx, ratingId);
    if (!rating) throw notFound('评价');
    const { additionPeriodDays } = await loadEvaluationSettings(tx, rating.centerId);
    if (by.now >= ratingUntil(rating.ratedAt, additionPeriodDays)) {
      throw new AppError('ADDITION_CLOSED', `已超过评价后 ${additionPeriodDays} 天的追评期限`, [{ field: 'comment', message: '已超过追评期限' }]);
    }
    if (await repo.hasAddition(tx, ratingId)) throw new AppError('DUPLICATE', '每条评价只能追评一次', [{ field: 'comment', message: '已追评过' }]);
    const tags = checkTags(rating.questionSet, input.level ?? rating.level, input.tags);
    const addition = await repo.insertAddition(tx, {
      ratingId,
      kind: 'addition',
      level: input.level ?? null,
      tags,
      comment: input.comment.trim(),
      channel: by.channel,
      enteredBy: by.enteredBy,
      createdAt: by.now,
    });
    return { id: addition.id, ratingId, createdAt: addition.createdAt.toISOString(), until: addDays(businessToday(rating.ratedAt), additionPeriodDays) };
  });
}
