import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { BundleGuide, ItemGuide } from '../../catalog/contract.ts';
import { applyBundleSituations, publishedBundleState, publishedItemState } from '../../catalog/service.ts';
import { answerProblems, problemsError, type Question } from './checklist.ts';

/**
 * What an application is made against: the published guide version of an item, or of a bundle
 * with the published versions of the member items the answers keep (sub-bundles opened up).
 */

export type MemberSource = { code: string; versionId: string; guide: ItemGuide; stage: number };

export type ResolvedSource =
  | { kind: 'item'; code: string; name: string; versionId: string; guide: ItemGuide; questions: Question[] }
  | { kind: 'bundle'; code: string; name: string; versionId: string; guide: BundleGuide; members: MemberSource[]; questions: Question[] };

export async function resolveSource(db: Db, centerId: string, source: { kind: 'item' | 'bundle'; code: string }, answers: Record<string, string>): Promise<ResolvedSource> {
  if (source.kind === 'item') {
    const item = await publishedItem(db, centerId, source.code);
    const questions = item.guide.situations;
    failOn(answerProblems(questions, answers));
    return { kind: 'item', code: item.code, name: item.guide.name, versionId: item.versionId, guide: item.guide, questions };
  }
  const { bundle, members, questions } = await bundleMembers(db, centerId, source.code, answers);
  failOn(answerProblems(questions, answers));
  if (members.length === 0) throw new AppError('VALIDATION_FAILED', '按所选情形，该一件事没有需要办理的事项', [{ field: 'answers', message: '没有需要办理的事项' }]);
  return { kind: 'bundle', code: bundle.code, name: bundle.guide.name, versionId: bundle.versionId, guide: bundle.guide, members, questions };
}

/** A published bundle with its members and questions under the answers given so far (not checked: a form may be half answered). */
export async function bundleMembers(db: Db, centerId: string, code: string, answers: Record<string, string>) {
  const bundle = await publishedBundle(db, centerId, code);
  const bundleQuestions: Question[] = [];
  const members: MemberSource[] = [];
  await expand(db, centerId, bundle.guide, answers, 0, new Set([bundle.code]), bundleQuestions, members);
  return { bundle, members, questions: [...bundleQuestions, ...members.flatMap((m) => m.guide.situations)] };
}

/** A bundle's members under the answers; a sub-bundle's stages follow its place in the parent. */
async function expand(
  db: Db,
  centerId: string,
  guide: BundleGuide,
  answers: Record<string, string>,
  stageOffset: number,
  visiting: Set<string>,
  questions: Question[],
  out: MemberSource[],
): Promise<void> {
  questions.push(...guide.situations);
  const { skipped } = applyBundleSituations(guide.situations, new Map(Object.entries(answers)));
  for (const m of guide.members) {
    if (skipped.has(m.code)) continue;
    if (m.kind === 'item') {
      const item = await publishedItem(db, centerId, m.code);
      if (!out.some((x) => x.code === item.code)) out.push({ code: item.code, versionId: item.versionId, guide: item.guide, stage: stageOffset + m.stage });
    } else if (!visiting.has(m.code)) {
      const sub = await publishedBundle(db, centerId, m.code);
      await expand(db, centerId, sub.guide, answers, stageOffset + m.stage - 1, new Set([...visiting, m.code]), questions, out);
    }
  }
}

async function publishedItem(db: Db, centerId: string, code: string) {
  const item = await publishedItemState(db, centerId, code.toUpperCase());
  if (item.status !== 'published' || !item.published) {
    throw new AppError('INVALID_STATE', `事项“${code}”未发布或已撤回，不能收件`, [{ field: 'source.code', message: '事项未发布' }]);
  }
  return { code: item.code, versionId: item.published.versionId, guide: item.published.guide };
}

async function publishedBundle(db: Db, centerId: string, code: string) {
  const bundle = await publishedBundleState(db, centerId, code.toUpperCase());
  if (bundle.status !== 'published' || !bundle.published) {
    throw new AppError('INVALID_STATE', `一件事“${code}”未发布或已撤回，不能收件`, [{ field: 'source.code', message: '一件事未发布' }]);
  }
  return { code: bundle.code, versionId: bundle.published.versionId, guide: bundle.published.guide };
}

function failOn(problems: { field: string; message: string }[]) {
  if (problems.length > 0) throw problemsError('情形问题', problems);
}

/** Stages renumbered 1, 2, 3… in order (a skipped stage leaves no gap). */
export function compactStages(members: readonly MemberSource[]): MemberSource[] {
  const stages = [...new Set(members.map((m) => m.stage))].sort((a, b) => a - b);
  return members.map((m) => ({ ...m, stage: stages.indexOf(m.stage) + 1 }));
}
