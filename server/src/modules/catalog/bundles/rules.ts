import type { FieldError } from '../../../platform/errors.ts';
import type { BundleGuide, BundleMember } from '../contract.ts';

/** The rules of a bundle's guide beyond its shape; fields are relative to the guide. */
export function checkBundleGuide(guide: BundleGuide, ownCode: string): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (guide.members.length === 0) add('members', '一件事至少要包含一个事项');
  const seen = new Set<string>();
  guide.members.forEach((m, i) => {
    if (m.code === ownCode) add(`members.${i}.code`, '一件事不能包含它自己');
    if (seen.has(m.code)) add(`members.${i}.code`, `“${m.code}”重复出现`);
    seen.add(m.code);
  });
  const questionKeys = new Set<string>();
  guide.situations.forEach((q, qi) => {
    if (questionKeys.has(q.key)) add(`situations.${qi}.key`, `情形问题代码“${q.key}”重复`);
    questionKeys.add(q.key);
    q.options.forEach((o, oi) =>
      o.skipsMembers.forEach((code, ci) => {
        if (!seen.has(code)) add(`situations.${qi}.options.${oi}.skipsMembers.${ci}`, `选项“${o.label}”免办的“${code}”不是本一件事的事项`);
      }),
    );
  });
  return errors;
}

/**
 * A cycle through `start` in the bundle graph (bundle code → member bundle codes), as the list of
 * codes along it (start … start), or null. A bundle that contains itself, directly or through
 * other bundles, could never be expanded into its items.
 */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>, start: string): string[] | null {
  const path: string[] = [];
  const done = new Set<string>();
  const visit = (code: string): string[] | null => {
    if (code === start && path.length > 0) return [...path, code];
    if (done.has(code) || path.includes(code)) return null;
    path.push(code);
    for (const next of graph.get(code) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    done.add(code);
    return null;
  };
  return visit(start);
}

/**
 * The bundle's promised time limit follows from its members: members of one stage are handled in
 * parallel (the stage takes as long as its longest member), stages one after another.
 */
export function promisedDaysOf(members: readonly (Pick<BundleMember, 'stage'> & { promisedDays: number })[]): number {
  const byStage = new Map<number, number>();
  for (const m of members) byStage.set(m.stage, Math.max(byStage.get(m.stage) ?? 0, m.promisedDays));
  return [...byStage.values()].reduce((sum, days) => sum + days, 0);
}
