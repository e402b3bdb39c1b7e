import { notFound } from '../../../platform/errors.ts';
import { lookupHash, normalizePhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import type { PublicCase } from './contract.ts';
import type { FeedbackKind, Satisfaction } from './kinds.ts';
import * as repo from './repository.ts';
import type { ServiceDeps } from './scope.ts';
import { ratingOutcome } from './actions.ts';
import { requireTransition, type CaseState } from './workflow.ts';

/**
 * The submitter follows a case by its number and the phone or credit code given when filing
 * (Open311's service request lookup, FixMyStreet's "no account needed"), and rates the reply.
 * A wrong pair answers 404 like an unknown number: nothing tells which half was wrong.
 */
type Follow = { number: string; phone?: string; uscc?: string };

async function findOwnCase(deps: ServiceDeps, f: Follow): Promise<repo.CaseRow> {
  const row = await repo.findCaseByNumber(deps.db, f.number.trim().toUpperCase());
  const unknown = notFound('诉求（请核对诉求编号和手机号或统一社会信用代码）');
  if (!row) throw unknown;
  const phone = f.phone ? normalizePhone(f.phone) : null;
  const isPhoneMatch = phone !== null && row.phoneHash !== null && lookupHash(personalDataKeys(deps.config), 'phone', phone) === row.phoneHash;
  const isUsccMatch = !!f.uscc && row.uscc !== null && f.uscc.trim().toUpperCase() === row.uscc;
  if (!isPhoneMatch && !isUsccMatch) throw unknown;
  return row;
}

export async function followCase(deps: ServiceDeps, f: Follow): Promise<PublicCase> {
  const row = await findOwnCase(deps, f);
  const events = await repo.listEvents(deps.db, row.id);
  return {
    number: row.number,
    kind: row.kind as FeedbackKind,
    state: row.state as CaseState,
    content: row.content,
    receivedAt: row.receivedAt.toISOString(),
    dueOn: row.dueOn,
    reply: row.reply,
    repliedAt: row.repliedAt?.toISOString() ?? null,
    satisfaction: row.satisfaction as Satisfaction | null,
    canRate: row.state === 'replied' && !(row.ratedAt && row.repliedAt && row.ratedAt >= row.repliedAt),
    outcome: row.outcome as 'solved' | 'explained' | null,
    outcomeNote: row.outcomeNote,
    // who did what inside the center is not the submitter's business: the steps and their times
    timeline: events
      .filter((e) => e.action !== 'refer' && e.action !== 'answer_task' && e.action !== 'add_task')
      .map((e) => ({ action: e.action, actorName: e.actorId ? '工作人员' : e.actorName, note: e.action === 'reply' || e.action === 'rate' ? e.note : '', at: e.at.toISOString() })),
  };
}

/** The submitter's satisfaction with the reply (for a 办不成事 matter: the confirmation that it was solved). */
export async function rateCaseBySubmitter(deps: ServiceDeps, f: Follow & { satisfaction: Satisfaction; comment?: string }, now = new Date()): Promise<PublicCase> {
  const found = await findOwnCase(deps, f);
  await deps.db.transaction(async (tx) => {
    const row = (await repo.lockCase(tx, found.id))!;
    const outcome = ratingOutcome(row, f.satisfaction, now);
    const to = requireTransition(row.state as CaseState, 'rate')(outcome.to === 'unchanged' ? (row.state as CaseState) : outcome.to);
    await repo.updateCase(tx, row.id, { ...outcome.patch, state: to });
    const note = [outcome.note, f.comment].filter(Boolean).join('；');
    await repo.insertEvent(tx, { caseId: row.id, action: 'rate', actorName: '诉求人', actorId: null, note, at: now });
  });
  return followCase(deps, f);
}
