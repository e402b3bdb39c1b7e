import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { storeFile, type FilePolicy } from '../../../platform/files/service.ts';
import { decryptField, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { getStaff } from '../../staff/service.ts';
import * as repo from './repository.ts';
import { callbackFor, scopeOf, type ServiceDeps } from './scope.ts';
import { requireTransition, stateAfterContact, stateAfterVerdict, type CallbackAction, type CallbackState, type Verdict } from './workflow.ts';

/**
 * The staff actions on a callback. Each runs as one transaction: the callback is locked, its
 * scope, version and state checked, the workflow asked, and the change written with the version
 * raised, so that of two people acting on one callback the later one gets STALE_VERSION.
 */

export const EVIDENCE_POLICY: FilePolicy = { allowed: ['pdf', 'jpg', 'png'], maxBytes: 10 * 1024 * 1024 };

type Ctx = { tx: Tx; callback: repo.CallbackRow; principal: StaffPrincipal; now: Date; today: string };
type Outcome = { to: CallbackState | 'unchanged'; patch?: Partial<repo.CallbackRow> };
type Input = { id: string; version: number; now?: Date };

const staleCallback = () => new AppError('STALE_VERSION', '该回访记录已被他人处理，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

async function runCallbackAction(deps: ServiceDeps, principal: StaffPrincipal, input: Input, action: CallbackAction, body: (ctx: Ctx) => Promise<Outcome>): Promise<void> {
  const scope = await scopeOf(deps.db, principal);
  await deps.db.transaction(async (tx) => {
    const callback = await callbackFor(tx, principal, scope, input.id, { lock: true });
    if (callback.version !== input.version) throw staleCallback();
    const state = callback.state as CallbackState;
    const checkTarget = requireTransition(state, action);
    const now = input.now ?? new Date();
    const outcome = await body({ tx, callback, principal, now, today: businessToday(now) });
    const to = checkTarget(outcome.to === 'unchanged' ? state : outcome.to);
    // The first to act on an unassigned callback takes it.
    await repo.updateCallback(tx, callback.id, { ...outcome.patch, state: to, ...(callback.assigneeId ? {} : { assigneeId: principal.id }) });
  });
}

/** 回访: each attempt is kept; the first that reaches the rater (or the third that does not) marks the callback contacted. */
export async function recordContact(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { method: repo.ContactRow['method']; isReached: boolean; note: string }) {
  await runCallbackAction(deps, principal, input, 'record_contact', async (ctx) => {
    await repo.insertContact(ctx.tx, { callbackId: ctx.callback.id, method: input.method, isReached: input.isReached, note: input.note, staffId: principal.id, contactedAt: ctx.now });
    const unreached = (await repo.listContacts(ctx.tx, ctx.callback.id)).filter((c) => !c.isReached).length;
    const to = stateAfterContact(ctx.callback.state as CallbackState, input.isReached, unreached);
    const isFirstContact = to === 'contacted' && !ctx.callback.contactedAt;
    return { to, patch: isFirstContact ? { contactedAt: ctx.now } : {} };
  });
}

/** 核实: founded or partly founded goes on to rectification; unfounded closes the callback. */
export async function verifyCallback(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { verdict: Verdict; note: string }) {
  await runCallbackAction(deps, principal, input, 'verify', async (ctx) => {
    const to = stateAfterVerdict(input.verdict);
    return { to, patch: { verdict: input.verdict, verdictNote: input.note, verifiedBy: principal.id, verifiedAt: ctx.now, ...(to === 'closed' ? { closedAt: ctx.now } : {}) } };
  });
}

/** 整改台账: the measures (never blank), who answers for them and by when, the summary the disclosure page may show. */
export async function startRectification(
  deps: ServiceDeps,
  principal: StaffPrincipal,
  input: Input & { measures: string; ownerId?: string | null; ownerName?: string; dueOn: string; publicSummary?: string },
) {
  const measures = input.measures.trim();
  if (!measures) throw new AppError('MEASURES_REQUIRED', '请填写整改措施：没有整改措施不能登记整改', [{ field: 'measures', message: '请填写整改措施' }]);
  await runCallbackAction(deps, principal, input, 'rectify', async (ctx) => {
    if (input.dueOn < ctx.today) throw invalidField('dueOn', '整改期限不能早于今天');
    const owner = await ownerOf(ctx, input.ownerId, input.ownerName);
    await repo.insertRectification(ctx.tx, {
      callbackId: ctx.callback.id,
      measures,
      ownerId: owner.id,
      ownerName: owner.name,
      dueOn: input.dueOn,
      publicSummary: input.publicSummary ?? '',
      createdAt: ctx.now,
    });
    return { to: 'rectifying' };
  });
}

async function ownerOf(ctx: Ctx, ownerId: string | null | undefined, ownerName: string | undefined): Promise<{ id: string | null; name: string }> {
  if (ownerId) {
    const person = await getStaff(ctx.tx, ownerId).catch(() => null);
    if (!person || person.centerId !== ctx.callback.centerId || !person.isActive) throw invalidField('ownerId', '整改责任人不是本中心在岗人员');
    return { id: person.id, name: person.displayName };
  }
  const name = ownerName?.trim();
  if (!name) throw invalidField('ownerName', '请填写整改责任人');
  return { id: null, name };
}

/** A piece of evidence (PDF, JPG or PNG, checked by content) added to the rectification. */
export async function addEvidence(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { filename: string; content: Buffer }) {
  await runCallbackAction(deps, principal, input, 'add_evidence', async (ctx) => {
    const file = await storeFile(ctx.tx, {
      ...EVIDENCE_POLICY,
      purpose: 'rectification_evidence',
      filename: input.filename,
      content: input.content,
      createdBy: principal.displayName,
    });
    await repo.appendEvidence(ctx.tx, ctx.callback.id, file.id);
    return { to: 'unchanged' };
  });
}

export async function markRectificationDone(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { result: string }) {
  await runCallbackAction(deps, principal, input, 'mark_done', async (ctx) => {
    const rectification = await rectificationOf(ctx);
    if (rectification.doneAt) throw new AppError('INVALID_STATE', '整改已登记完成', [{ field: 'result', message: '整改已登记完成' }]);
    await repo.updateRectification(ctx.tx, ctx.callback.id, { result: input.result, doneAt: ctx.now, doneBy: principal.id });
    return { to: 'unchanged' };
  });
}

/** 整改后再评价: the rater's new level, taken by phone and typed in by staff (once). */
export async function enterReRating(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { level: number; comment?: string }) {
  await runCallbackAction(deps, principal, input, 're_rate', async (ctx) => {
    await requireDone(ctx);
    if ((await repo.listAdditions(ctx.tx, ctx.callback.ratingId)).some((a) => a.kind === 're_rating')) {
      throw new AppError('DUPLICATE', '已登记过整改后再评价', [{ field: 'level', message: '已登记过整改后再评价' }]);
    }
    await repo.insertReRating(ctx.tx, { ratingId: ctx.callback.ratingId, level: input.level, comment: input.comment ?? '', channel: 'phone', enteredBy: principal.id, createdAt: ctx.now });
    return { to: 'unchanged' };
  });
}

/** 办结: only a rectification marked done closes; the re-rating may be absent (the rater declined or could not be reached). */
export async function closeCallback(deps: ServiceDeps, principal: StaffPrincipal, input: Input) {
  await runCallbackAction(deps, principal, input, 'close', async (ctx) => {
    await requireDone(ctx);
    return { to: 'closed', patch: { closedAt: ctx.now } };
  });
}

async function rectificationOf(ctx: Ctx) {
  const rectification = await repo.findRectification(ctx.tx, ctx.callback.id);
  if (!rectification) throw new AppError('INVALID_STATE', '尚未登记整改');
  return rectification;
}

async function requireDone(ctx: Ctx) {
  const rectification = await rectificationOf(ctx);
  if (!rectification.doneAt) throw new AppError('RECTIFICATION_NOT_DONE', '整改尚未完成：请先登记整改结果', [{ field: 'result', message: '整改尚未完成' }]);
}

/** The rater's full phone number, to call them back (the route writes the audit row). */
export async function revealRaterPhone(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<{ phone: string }> {
  const callback = await callbackFor(deps.db, principal, await scopeOf(deps.db, principal), id);
  const rating = await repo.findRating(deps.db, callback.ratingId);
  if (!rating?.raterPhoneCipher) throw notFound('评价人电话');
  return { phone: decryptField(personalDataKeys(deps.config), 'phone', rating.raterPhoneCipher) };
}
