import { AppError } from '../../../../platform/errors.ts';
import { getItemByCode } from '../../../catalog/service.ts';
import type { ServiceDeps } from '../../actions.ts';
import { stagePlan } from '../../review/schedule.ts';
import { answerProblems, bundleChecklist, itemChecklist, problemsError, type ChecklistEntry, type Question } from '../checklist.ts';
import { bundleMembers, compactStages } from '../source.ts';

/**
 * What an enterprise applies for online: an item offered online, or a bundle (一件事) all of
 * whose items (those the answers keep) are offered online. Its questions and checklist follow
 * the answers given so far; the portal's form, the drafts and the submission share it.
 */
export type OnlineKind = 'item' | 'bundle';
export type OnlineSubject = {
  kind: OnlineKind;
  code: string;
  name: string;
  departmentId: string;
  promisedLimitDays: number;
  questions: Question[];
  /** the whole checklist under the answers (materials already held are marked as such) */
  checklist: ChecklistEntry[];
};

const notOffered = (name: string) => new AppError('ONLINE_NOT_OFFERED', `“${name}”未开通网上申报，请到窗口办理`, [{ field: 'itemCode', message: '未开通网上申报' }]);

export async function onlineSubject(deps: ServiceDeps, centerId: string, kind: OnlineKind, code: string, answers: Record<string, string>): Promise<OnlineSubject> {
  if (kind === 'item') {
    const item = await getItemByCode(deps.db, centerId, code.toUpperCase());
    const guide = item.status === 'published' ? item.published?.guide : undefined;
    if (!guide) throw new AppError('ITEM_NOT_FOUND', `事项“${code}”未发布`, [{ field: 'itemCode', message: '事项未发布' }]);
    if (!guide.channels.includes('online')) throw notOffered(guide.name);
    const known = knownAnswers(guide.situations, answers);
    return {
      kind,
      code: item.code,
      name: guide.name,
      departmentId: guide.departmentId,
      promisedLimitDays: guide.promisedLimitDays,
      questions: guide.situations,
      checklist: itemChecklist(guide, item.code, known, { isCommitment: false, hasAgent: false }),
    };
  }
  const { bundle, members, questions } = await bundleMembers(deps.db, centerId, code, answers);
  if (members.some((m) => !m.guide.channels.includes('online'))) throw notOffered(bundle.guide.name);
  const unique = questions.filter((q, i) => questions.findIndex((x) => x.key === q.key) === i);
  const known = knownAnswers(unique, answers);
  const staged = compactStages(members);
  return {
    kind,
    code: bundle.code,
    name: bundle.guide.name,
    departmentId: bundle.guide.leadDepartmentId,
    promisedLimitDays: stagePlan(staged.map((m) => ({ stage: m.stage, promisedDays: m.guide.promisedLimitDays }))).totalDays,
    questions: unique,
    checklist: bundleChecklist(staged, known, { hasAgent: false }),
  };
}

/** Answers given so far: each a question asked with one of its options (unanswered ones are fine in a form or draft). */
function knownAnswers(questions: readonly Question[], answers: Record<string, string>) {
  const problems = answerProblems(questions, answers).filter((p) => answers[p.field.slice('answers.'.length)] !== undefined);
  if (problems.length > 0) throw problemsError('情形问题', problems);
  return answers;
}
