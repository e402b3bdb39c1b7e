import { AppError } from '../../../platform/errors.ts';
import type { ItemGuide, Material } from '../../catalog/contract.ts';
import { applyItemSituations, mergeMaterials, normalizeName, type AppliedMaterial } from '../../catalog/service.ts';
import type { MaterialStatus } from '../contract.ts';

/**
 * The material checklist of an application: what the guide version asks for under the
 * situation answers, each material once, with how it starts (missing, or covered by the
 * commitment letter when the applicant chose the commitment route, A.4). Pure functions.
 */

export type ChecklistEntry = {
  key: string;
  name: string;
  importance: 'core' | 'secondary';
  requirement: string;
  licenseType: string | null;
  isDeferrable: boolean;
  isReplaceableByCommitment: boolean;
  status: MaterialStatus;
};

export type Question = { key: string; text: string; options: { key: string; label: string }[] };

/** Questions not answered, or answered with an option they do not have: intake needs every answer. */
export function answerProblems(questions: readonly Question[], answers: Readonly<Record<string, string>>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.key)) continue;
    seen.add(q.key);
    const answer = answers[q.key];
    if (answer === undefined) problems.push({ field: `answers.${q.key}`, message: `请回答：${q.text}` });
    else if (!q.options.some((o) => o.key === answer)) problems.push({ field: `answers.${q.key}`, message: `“${q.text}”没有选项“${answer}”` });
  }
  for (const key of Object.keys(answers)) {
    if (!seen.has(key)) problems.push({ field: `answers.${key}`, message: `本事项没有情形问题“${key}”` });
  }
  return problems;
}

/** The one refusal of a form with several problems: it names every one, not just the first. */
export function problemsError(what: string, problems: { field: string; message: string }[]): AppError {
  return new AppError('VALIDATION_FAILED', `${what}有 ${problems.length} 处需要处理：${problems.map((p, i) => (problems.length > 1 ? `（${i + 1}）${p.message}` : p.message)).join('；')}`, problems);
}

const FORM_NAMES: Record<Material['form'], string> = { original: '原件', copy: '复印件', original_and_copy: '原件和复印件' };
const MEDIUM_NAMES: Record<Material['medium'], string> = { paper: '纸质', electronic: '电子', either: '纸质或电子' };

/** How a material is to be provided, in a line: 原件 1 份，纸质或电子；加盖公章 */
export function requirementOf(m: Pick<Material, 'form' | 'copies' | 'medium' | 'notes'>): string {
  return `${FORM_NAMES[m.form]} ${m.copies} 份，${MEDIUM_NAMES[m.medium]}${m.notes ? `；${m.notes}` : ''}`;
}

/** The commitment letter (告知承诺书) a guide lists: the route produces it, it is never uploaded. */
export function isCommitmentLetter(m: Pick<Material, 'key' | 'name'>): boolean {
  return m.key === 'commitment_letter' || /告知承诺书$/.test(m.name);
}

/** Materials only an agent brings (授权委托书 "委托他人办理时提供"): left out when the applicant comes in person. */
export function isAgentOnly(m: Pick<Material, 'key' | 'notes'>): boolean {
  return m.key === 'agent_authorization' || /委托.{0,6}时提供/.test(m.notes);
}

/** Whether a certificate named in the guide's commitment is this material (names compared loosely). */
export function isReplacedBy(certificates: readonly string[], materialName: string): boolean {
  const name = normalizeName(stripNotes(materialName));
  return certificates.some((c) => {
    const cert = normalizeName(stripNotes(c));
    return cert.length > 0 && (cert === name || name.includes(cert) || cert.includes(name));
  });
}

const stripNotes = (s: string) => s.replace(/（[^）]*）|\([^)]*\)/g, '');

/** The checklist of one item's guide under the answers. */
export function itemChecklist(
  guide: ItemGuide,
  code: string,
  answers: Readonly<Record<string, string>>,
  options: { isCommitment: boolean; hasAgent: boolean },
): ChecklistEntry[] {
  const applied = applyItemSituations(guide, { code, name: guide.name }, new Map(Object.entries(answers)));
  return entriesOf(applied.materials, options.isCommitment ? guide.commitment.certificates : null, options.hasAgent);
}

/**
 * One list for a bundle: each member's materials under the answers, merged (a material several
 * members ask for once), with keys made unique across members.
 */
export function bundleChecklist(
  members: readonly { code: string; guide: ItemGuide }[],
  answers: Readonly<Record<string, string>>,
  options: { hasAgent: boolean },
): ChecklistEntry[] {
  const map = new Map(Object.entries(answers));
  const parts = members.flatMap((m) => applyItemSituations(m.guide, { code: m.code, name: m.guide.name }, map).materials);
  return entriesOf(mergeMaterials(parts), null, options.hasAgent);
}

/** `certificates`: null when the ordinary route is taken (the commitment letter is then not part of the list). */
function entriesOf(materials: readonly AppliedMaterial[], certificates: readonly string[] | null, hasAgent: boolean): ChecklistEntry[] {
  const used = new Set<string>();
  const entries: ChecklistEntry[] = [];
  for (const m of materials) {
    if (!hasAgent && isAgentOnly(m)) continue;
    const isLetter = isCommitmentLetter(m);
    if (isLetter && certificates === null) continue;
    const isReplaceable = !isLetter && certificates !== null && isReplacedBy(certificates, m.name);
    let key = m.key;
    for (let n = 2; used.has(key); n++) key = `${m.key.slice(0, 36)}-${n}`;
    used.add(key);
    entries.push({
      key,
      name: m.name,
      importance: m.importance,
      requirement: requirementOf(m),
      licenseType: m.licenseType,
      isDeferrable: m.isDeferrable && m.importance === 'secondary',
      isReplaceableByCommitment: isLetter || isReplaceable,
      status: isLetter || isReplaceable ? 'committed' : 'missing',
    });
  }
  return entries;
}
