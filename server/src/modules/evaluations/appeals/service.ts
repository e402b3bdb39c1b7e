import type { Config } from '../../../config.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { describeFiles, openFile, storeFile, type FilePolicy } from '../../../platform/files/service.ts';
import { getStaff } from '../../staff/service.ts';
import { closeCallbackOfExcludedRating } from '../callbacks/service.ts';
import { namesOf, type Names } from '../callbacks/views.ts';
import { labelOfTag } from '../ratings/questions.ts';
import type { AppealDto, AppealRatingDto } from './contract.ts';
import * as repo from './repository.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';

/**
 * 申诉复核: staff appeal a bad review of their department, their counter or themselves as
 * mistaken or malicious, with evidence; a manager who is not the appellant decides. An upheld
 * appeal sets the rating's excluded_at (the rating is never deleted) and closes its callback.
 */

export type ServiceDeps = { db: Db; config: Config };

export const APPEAL_EVIDENCE_POLICY: FilePolicy = { allowed: ['pdf', 'jpg', 'png'], maxBytes: 10 * 1024 * 1024 };
/** How far back the appeal page offers bad reviews to appeal. */
const APPEALABLE_DAYS = 90;

const staleAppeal = () => new AppError('STALE_VERSION', '该申诉已被他人处理或补充了材料，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

async function ownRatingsOf(db: Db, principal: StaffPrincipal): Promise<repo.OwnRatings> {
  if (!principal.centerId) throw new AppError('FORBIDDEN', '您不属于任何中心，不能提出申诉');
  const me = await getStaff(db, principal.id);
  return { centerId: principal.centerId, departmentId: principal.departmentId, counterId: me.counterId, staffId: principal.id };
}

function isOwn(own: repo.OwnRatings, r: repo.RatingRow): boolean {
  return (
    r.centerId === own.centerId &&
    (r.staffId === own.staffId || (own.departmentId !== null && r.departmentId === own.departmentId) || (own.counterId !== null && r.counterId === own.counterId))
  );
}

export async function appealRating(deps: ServiceDeps, principal: StaffPrincipal, input: { ratingId: string; reason: 'mistaken' | 'malicious'; statement: string; now?: Date }): Promise<AppealDto> {
  const own = await ownRatingsOf(deps.db, principal);
  const id = await deps.db.transaction(async (tx) => {
    const rating = await repo.findRating(tx, input.ratingId);
    if (!rating || !isCenterInScope(principal, rating.centerId)) throw notFound('评价');
    if (!isOwn(own, rating)) throw new AppError('FORBIDDEN', '只能对本部门、本窗口或本人收到的评价提出申诉', [{ field: 'ratingId', message: '不是本部门、本窗口或本人的评价' }]);
    if (rating.excludedAt) throw new AppError('RATING_NOT_APPEALABLE', '该评价已因申诉成立不计入统计', [{ field: 'ratingId', message: '该评价已剔除' }]);
    if (rating.isDefault || rating.level > 2) throw new AppError('RATING_NOT_APPEALABLE', '只能对差评（不满意、非常不满意）提出申诉', [{ field: 'ratingId', message: '不是差评' }]);
    const earlier = await repo.listAppealsOfRating(tx, rating.id);
    if (earlier.some((a) => a.state === 'pending')) throw pendingAlready();
    if (earlier.length > 0) throw new AppError('DUPLICATE', '该评价的申诉已复核，不能重复申诉', [{ field: 'ratingId', message: '已复核过' }]);
    const row = await repo.insertAppeal(tx, {
      ratingId: rating.id,
      centerId: rating.centerId,
      reason: input.reason,
      statement: input.statement,
      appellantId: principal.id,
      createdAt: input.now ?? new Date(),
    });
    if (!row) throw pendingAlready();
    return row.id;
  });
  return getAppeal(deps, principal, id);
}

const pendingAlready = () => new AppError('APPEAL_PENDING', '该评价已有待复核的申诉，请等待复核结果', [{ field: 'ratingId', message: '已有待复核的申诉' }]);

/** Evidence (PDF, JPG or PNG, checked by content) added by the appellant while the appeal waits. */
export async function addAppealEvidence(deps: ServiceDeps, principal: StaffPrincipal, input: { id: string; filename: string; content: Buffer }): Promise<AppealDto> {
  await deps.db.transaction(async (tx) => {
    const appeal = await repo.lockAppeal(tx, input.id);
    if (!appeal || !isCenterInScope(principal, appeal.centerId)) throw notFound('申诉');
    if (appeal.appellantId !== principal.id) throw new AppError('FORBIDDEN', '只有申诉人可以补充申诉材料');
    if (appeal.state !== 'pending') throw new AppError('INVALID_STATE', '申诉已复核，不能再补充材料');
    const file = await storeFile(tx, {
      ...APPEAL_EVIDENCE_POLICY,
      purpose: 'appeal_evidence',
      filename: input.filename,
      content: input.content,
      createdBy: principal.displayName,
    });
    await repo.appendEvidence(tx, appeal.id, file.id);
  });
  return getAppeal(deps, principal, input.id);
}

/** 复核: upheld excludes the rating from the figures and closes its callback; rejected leaves both as they are. */
export async function decideAppeal(
  deps: ServiceDeps,
  principal: StaffPrincipal,
  input: { id: string; version: number; decision: 'upheld' | 'rejected'; note: string; now?: Date },
): Promise<AppealDto> {
  await deps.db.transaction(async (tx) => {
    const appeal = await repo.lockAppeal(tx, input.id);
    if (!appeal || !isCenterInScope(principal, appeal.centerId)) throw notFound('申诉');
    if (appeal.appellantId === principal.id) throw new AppError('SELF_DECISION', '不能复核本人提出的申诉，请由其他管理人员复核', [{ field: 'decision', message: '申诉人不能复核本人的申诉' }]);
    if (appeal.version !== input.version) throw staleAppeal();
    if (appeal.state !== 'pending') throw new AppError('INVALID_STATE', `该申诉已复核（${appeal.state === 'upheld' ? '申诉成立' : '申诉不成立'}）`);
    const now = input.now ?? new Date();
    await repo.updateAppeal(tx, appeal.id, { state: input.decision, decidedBy: principal.id, decidedAt: now, decisionNote: input.note });
    if (input.decision === 'upheld') {
      await repo.excludeRating(tx, appeal.ratingId, now);
      await closeCallbackOfExcludedRating(tx, { ratingId: appeal.ratingId, note: input.note, now });
    }
  });
  return getAppeal(deps, principal, input.id);
}

/** An appeal, for its appellant or a manager who decides appeals (of the same center). */
export async function getAppeal(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<AppealDto> {
  const appeal = await repo.findAppeal(deps.db, id);
  if (!appeal || !isCenterInScope(principal, appeal.centerId) || !(appeal.appellantId === principal.id || principal.permissions.has('evaluation.decide_appeal'))) throw notFound('申诉');
  const rating = (await repo.findRating(deps.db, appeal.ratingId))!;
  const names = await namesOf(deps.db, appeal.centerId, new Date());
  return toDto(principal, appeal, rating, names, await filesOf(deps.db, [appeal]));
}

/** The appeals a manager decides (state filter), or the ones a staff member made. */
export async function listAppeals(deps: ServiceDeps, principal: StaffPrincipal, q: { state?: repo.AppealRow['state']; mine: boolean }): Promise<AppealDto[]> {
  if (!principal.centerId) return [];
  const rows = await repo.listAppeals(deps.db, principal.centerId, { state: q.state, appellantId: q.mine ? principal.id : undefined });
  const names = await namesOf(deps.db, principal.centerId, new Date());
  const files = await filesOf(deps.db, rows.map((r) => r.appeal));
  return rows.map((r) => toDto(principal, r.appeal, r.rating, names, files));
}

/** Bad reviews of the staff member's department, counter or self from the last 90 days that have not been appealed. */
export async function listAppealableRatings(deps: ServiceDeps, principal: StaffPrincipal, now = new Date()): Promise<AppealRatingDto[]> {
  const own = await ownRatingsOf(deps.db, principal);
  const rows = await repo.listAppealable(deps.db, own, new Date(now.getTime() - APPEALABLE_DAYS * 86_400_000));
  const names = await namesOf(deps.db, own.centerId, now);
  return rows.map((r) => ratingDto(r, names));
}

export async function appealEvidenceFile(deps: ServiceDeps, principal: StaffPrincipal, id: string, fileId: string) {
  const appeal = await getAppeal(deps, principal, id);
  if (!appeal.evidence.some((f) => f.id === fileId)) throw notFound('申诉材料');
  return openFile(deps.db, fileId);
}

type Files = Map<string, AppealDto['evidence'][number]>;

async function filesOf(db: Db, rows: repo.AppealRow[]): Promise<Files> {
  const infos = await describeFiles(db, rows.flatMap((a) => a.evidenceFileIds));
  return new Map(infos.map((f) => [f.id, { id: f.id, filename: f.filename, mediaType: f.mediaType, size: f.size }]));
}

function toDto(principal: StaffPrincipal, a: repo.AppealRow, r: repo.RatingRow, names: Names, files: Files): AppealDto {
  return {
    id: a.id,
    ratingId: a.ratingId,
    reason: a.reason,
    statement: a.statement,
    evidence: a.evidenceFileIds.flatMap((id) => files.get(id) ?? []),
    appellantId: a.appellantId,
    appellantName: names.staff.get(a.appellantId) ?? '',
    state: a.state,
    decidedByName: a.decidedBy ? (names.staff.get(a.decidedBy) ?? null) : null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionNote: a.decisionNote,
    createdAt: a.createdAt.toISOString(),
    version: a.version,
    mayDecide: a.state === 'pending' && a.appellantId !== principal.id && principal.permissions.has('evaluation.decide_appeal'),
    rating: ratingDto(r, names),
  };
}

function ratingDto(r: repo.RatingRow, names: Names): AppealRatingDto {
  return {
    id: r.id,
    level: r.level,
    channel: r.channel,
    tagLabels: r.tags.map((code) => labelOfTag(r.questionSet, code)),
    comment: r.comment,
    isRealName: r.isRealName,
    itemName: r.itemName,
    departmentName: r.departmentId ? (names.departments.get(r.departmentId) ?? null) : null,
    counterName: r.counterId ? (names.counters.get(r.counterId) ?? null) : null,
    staffName: r.staffId ? (names.staff.get(r.staffId) ?? null) : null,
    ratedAt: r.ratedAt.toISOString(),
    excludedAt: r.excludedAt?.toISOString() ?? null,
  };
}
