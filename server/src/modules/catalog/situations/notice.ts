import type { BundleQuestion, ItemGuide, Material, SituationQuestion } from '../contract.ts';
import type { NoticeCondition, NoticeQuestion, Source } from '../portal/contract.ts';

/**
 * Situations (情形) applied to guides: the applicant's answers add or remove materials and
 * conditions, so that the one-time notice lists exactly what applies. Unanswered questions keep
 * everything they could require, each marked with the answer it depends on. Pure functions.
 */

export type Answers = ReadonlyMap<string, string>;

/** A material of one item after the answers, before merging with other items'. */
export type AppliedMaterial = Material & { onlyIf: string[]; exemptIf: string[]; isDeferrable: boolean; usedBy: Source[] };

type Pair = { question: SituationQuestion; optionKey: string; label: string };

export function parseAnswers(raw: string | undefined): Map<string, string> {
  const answers = new Map<string, string>();
  for (const pair of (raw ?? '').split(',').filter(Boolean)) {
    const [q, o] = pair.split(':');
    if (q && o) answers.set(q, o);
  }
  return answers;
}

const answerLabel = (q: { text: string }, optionLabel: string) => `${q.text.replace(/[？?]$/, '')}：${optionLabel}`;

/** The materials and conditions of one item's guide under the answers. */
export function applyItemSituations(guide: ItemGuide, item: Source, answers: Answers) {
  const addedBy = new Map<string, Pair[]>();
  const removedBy = new Map<string, Pair[]>();
  for (const question of guide.situations) {
    for (const option of question.options) {
      const pair = { question, optionKey: option.key, label: answerLabel(question, option.label) };
      for (const key of option.addsMaterials) addedBy.set(key, [...(addedBy.get(key) ?? []), pair]);
      for (const key of option.removesMaterials) removedBy.set(key, [...(removedBy.get(key) ?? []), pair]);
    }
  }
  const isChosen = (p: Pair) => answers.get(p.question.key) === p.optionKey;
  const isOpen = (p: Pair) => !answers.has(p.question.key) || !p.question.options.some((o) => o.key === answers.get(p.question.key));
  const deferrable = new Set(guide.deferral.isAllowed ? guide.deferral.materialKeys : []);

  const materials: AppliedMaterial[] = [];
  for (const m of guide.materials) {
    const removers = removedBy.get(m.key) ?? [];
    if (removers.some(isChosen)) continue;
    const adders = addedBy.get(m.key) ?? [];
    let onlyIf: string[] = [];
    if (adders.length > 0 && !adders.some(isChosen)) {
      const open = adders.filter(isOpen);
      if (open.length === 0) continue; // every question that could require it was answered otherwise
      onlyIf = open.map((p) => p.label);
    }
    materials.push({ ...m, onlyIf, exemptIf: removers.filter(isOpen).map((p) => p.label), isDeferrable: deferrable.has(m.key), usedBy: [item] });
  }

  const conditions: NoticeCondition[] = guide.conditions.map((text) => ({ text, onlyIf: [], usedBy: [item] }));
  for (const question of guide.situations) {
    for (const option of question.options) {
      const pair = { question, optionKey: option.key, label: answerLabel(question, option.label) };
      if (!isChosen(pair) && !isOpen(pair)) continue;
      for (const text of option.addsConditions) conditions.push({ text, onlyIf: isChosen(pair) ? [] : [pair.label], usedBy: [item] });
    }
  }
  return { materials, conditions };
}

/** The questions of several sources, one per key (the first wording wins), with the answers given. */
export function collectQuestions(sets: { source: Source; questions: readonly (SituationQuestion | BundleQuestion)[] }[], answers: Answers): NoticeQuestion[] {
  const byKey = new Map<string, NoticeQuestion>();
  for (const { source, questions } of sets) {
    for (const q of questions) {
      const existing = byKey.get(q.key);
      if (existing) {
        if (!existing.askedBy.some((s) => s.code === source.code)) existing.askedBy.push(source);
        continue;
      }
      const answer = answers.get(q.key) ?? null;
      byKey.set(q.key, {
        key: q.key,
        text: q.text,
        options: q.options.map((o) => ({ key: o.key, label: o.label })),
        answer: answer !== null && q.options.some((o) => o.key === answer) ? answer : null,
        askedBy: [source],
      });
    }
  }
  return [...byKey.values()];
}

/** Which bundle members the answers make unnecessary (code → the answer), and which they could. */
export function applyBundleSituations(questions: readonly BundleQuestion[], answers: Answers) {
  const skipped = new Map<string, string>();
  const skipIf = new Map<string, string[]>();
  const conditions: { text: string; onlyIf: string[] }[] = [];
  for (const q of questions) {
    const answer = answers.get(q.key);
    const isAnswered = q.options.some((o) => o.key === answer);
    for (const o of q.options) {
      const label = answerLabel(q, o.label);
      const isChosen = o.key === answer;
      for (const code of o.skipsMembers) {
        if (isChosen) skipped.set(code, label);
        else if (!isAnswered) skipIf.set(code, [...(skipIf.get(code) ?? []), label]);
      }
      if (isChosen || !isAnswered) for (const text of o.addsConditions) conditions.push({ text, onlyIf: isChosen ? [] : [label] });
    }
  }
  return { skipped, skipIf, conditions };
}

/**
 * One list for several items: a material several items need appears once (same name and
 * e-license type), core if any item calls it core, with the largest number of copies, needed
 * unconditionally if any item needs it unconditionally, and listing every item that uses it.
 */
export function mergeMaterials(parts: readonly AppliedMaterial[]): AppliedMaterial[] {
  const merged = new Map<string, AppliedMaterial>();
  for (const m of parts) {
    // The same document: same name (and e-license type). Two ID cards of different people stay apart.
    const key = `${m.licenseType ?? ''}|${normalizeName(m.name)}`;
    const prev = merged.get(key);
    if (!prev) {
      merged.set(key, { ...m, onlyIf: [...m.onlyIf], exemptIf: [...m.exemptIf], usedBy: [...m.usedBy] });
      continue;
    }
    merged.set(key, {
      ...prev,
      importance: prev.importance === 'core' || m.importance === 'core' ? 'core' : 'secondary',
      form: prev.form === m.form ? prev.form : 'original_and_copy',
      copies: Math.max(prev.copies, m.copies),
      medium: prev.medium === m.medium ? prev.medium : prev.medium === 'paper' || m.medium === 'paper' ? 'paper' : 'either',
      licenseType: prev.licenseType ?? m.licenseType,
      templateFileId: prev.templateFileId ?? m.templateFileId,
      sampleFileId: prev.sampleFileId ?? m.sampleFileId,
      notes: unique([prev.notes, m.notes].filter(Boolean)).join('；'),
      onlyIf: prev.onlyIf.length === 0 || m.onlyIf.length === 0 ? [] : unique([...prev.onlyIf, ...m.onlyIf]),
      exemptIf: prev.exemptIf.length === 0 || m.exemptIf.length === 0 ? [] : unique([...prev.exemptIf, ...m.exemptIf]),
      isDeferrable: prev.isDeferrable && m.isDeferrable,
      usedBy: uniqueSources([...prev.usedBy, ...m.usedBy]),
    });
  }
  return [...merged.values()];
}

/** Conditions several items share (same text) appear once, listing the items. */
export function mergeConditions(parts: readonly NoticeCondition[]): NoticeCondition[] {
  const merged = new Map<string, NoticeCondition>();
  for (const c of parts) {
    const key = normalizeName(c.text);
    const prev = merged.get(key);
    if (!prev) merged.set(key, { ...c, onlyIf: [...c.onlyIf], usedBy: [...c.usedBy] });
    else {
      prev.onlyIf = prev.onlyIf.length === 0 || c.onlyIf.length === 0 ? [] : unique([...prev.onlyIf, ...c.onlyIf]);
      prev.usedBy = uniqueSources([...prev.usedBy, ...c.usedBy]);
    }
  }
  return [...merged.values()];
}

export function normalizeName(name: string): string {
  return name.replace(/[\s,，.。;；:：、"“”'‘’()（）《》【】[\]]/g, '').toLowerCase();
}

const unique = <T>(values: T[]) => [...new Set(values)];
const uniqueSources = (sources: Source[]) => [...new Map(sources.map((s) => [s.code, s])).values()];
