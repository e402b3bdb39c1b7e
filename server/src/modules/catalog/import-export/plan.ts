import { bundleGuide, itemGuide, type BundleGuide, type CatalogStatus, type ItemGuide } from '../contract.ts';
import { checkBundleGuide, findCycle } from '../bundles/rules.ts';
import { checkItemGuide, normalizeItemGuide, referencesOf } from '../items/rules.ts';
import { isSameGuide } from '../versions/diff.ts';

/**
 * Planning a catalog load (workbook import, demo data): every entry checked against the rules and
 * against the center as it will be after the load, all problems collected, nothing written.
 */

export type EntryInput<G> = { code: string; status: CatalogStatus; guide: G };
export type CatalogData = { items: EntryInput<ItemGuide>[]; bundles: EntryInput<BundleGuide>[] };

/** A problem of the `index`-th item or bundle; `field` is 'code', 'status' or a path under 'guide.'. */
export type EntryProblem = { kind: 'item' | 'bundle'; index: number; field: string; message: string };

export type ExistingEntry<G> = {
  id: string;
  code: string;
  status: CatalogStatus;
  version: number;
  hasPublished: boolean;
  hasDraft: boolean;
  /** the published guide, or the draft of a never-published entry */
  guide: G;
};

export type PlanContext = {
  departmentIds: ReadonlySet<string>;
  fileIds: ReadonlySet<string>;
  items: ReadonlyMap<string, ExistingEntry<ItemGuide>>;
  bundles: ReadonlyMap<string, ExistingEntry<BundleGuide>>;
};

export type EntryAction<G> =
  | { kind: 'create'; input: EntryInput<G> }
  | { kind: 'unchanged'; existing: ExistingEntry<G> }
  | { kind: 'update'; existing: ExistingEntry<G>; input: EntryInput<G>; isContentChanged: boolean };

export type CatalogPlan = { items: EntryAction<ItemGuide>[]; bundles: EntryAction<BundleGuide>[] };

export function planCatalogLoad(data: CatalogData, ctx: PlanContext): { problems: EntryProblem[]; plan: CatalogPlan } {
  const problems: EntryProblem[] = [];
  const problem = (kind: 'item' | 'bundle', index: number, field: string, message: string) => problems.push({ kind, index, field, message });

  // Codes: unique within the load, and items and bundles never share one.
  const seen = new Map<string, 'item' | 'bundle'>();
  const check = (kind: 'item' | 'bundle', code: string, index: number) => {
    if (seen.has(code)) problem(kind, index, 'code', `编码“${code}”在导入数据中重复`);
    seen.set(code, kind);
    const other = kind === 'item' ? ctx.bundles.has(code) : ctx.items.has(code);
    if (other) problem(kind, index, 'code', `编码“${code}”已被本中心的${kind === 'item' ? '一件事' : '事项'}使用`);
  };
  data.items.forEach((e, i) => check('item', e.code, i));
  data.bundles.forEach((e, i) => check('bundle', e.code, i));

  const items: EntryAction<ItemGuide>[] = data.items.map((input, index) => {
    const parsed = itemGuide.safeParse(input.guide);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem('item', index, `guide.${issue.path.join('.')}`, issue.message);
      return { kind: 'create', input };
    }
    const guide = normalizeItemGuide(parsed.data);
    for (const e of checkItemGuide(guide)) problem('item', index, `guide.${e.field}`, e.message);
    const refs = referencesOf(guide);
    for (const d of refs.departmentIds) if (!ctx.departmentIds.has(d.id)) problem('item', index, `guide.${d.field}`, '部门不存在或未进驻本中心');
    for (const f of refs.fileIds) if (!ctx.fileIds.has(f.id)) problem('item', index, `guide.${f.field}`, '文件不存在，请先上传或清空该格');
    return actionFor('item', index, { ...input, guide }, ctx.items.get(input.code), problem);
  });

  const bundles: EntryAction<BundleGuide>[] = data.bundles.map((input, index) => {
    const parsed = bundleGuide.safeParse(input.guide);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem('bundle', index, `guide.${issue.path.join('.')}`, issue.message);
      return { kind: 'create', input };
    }
    const guide = parsed.data;
    for (const e of checkBundleGuide(guide, input.code)) problem('bundle', index, `guide.${e.field}`, e.message);
    if (!ctx.departmentIds.has(guide.leadDepartmentId)) problem('bundle', index, 'guide.leadDepartmentId', '牵头部门不存在或未进驻本中心');
    return actionFor('bundle', index, { ...input, guide }, ctx.bundles.get(input.code), problem);
  });

  // The center as it will be: final status of every code, and the bundle graph.
  const finalStatus = new Map<string, { kind: 'item' | 'bundle'; status: CatalogStatus }>();
  for (const [code, e] of ctx.items) finalStatus.set(code, { kind: 'item', status: e.status });
  for (const [code, e] of ctx.bundles) finalStatus.set(code, { kind: 'bundle', status: e.status });
  const finalOf = (a: EntryAction<unknown>) => (a.kind === 'unchanged' ? a.existing.status : statusAfter(a.input.status, a.kind === 'update' ? a.existing : null));
  items.forEach((a) => finalStatus.set(codeOf(a), { kind: 'item', status: finalOf(a) }));
  bundles.forEach((a) => finalStatus.set(codeOf(a), { kind: 'bundle', status: finalOf(a) }));
  const finalMembers = new Map<string, BundleGuide['members']>();
  for (const [code, e] of ctx.bundles) finalMembers.set(code, e.guide.members);
  bundles.forEach((a) => finalMembers.set(codeOf(a), (a.kind === 'unchanged' ? a.existing.guide.members : a.input.guide.members) ?? []));
  const graph = new Map([...finalMembers].map(([code, members]) => [code, members.filter((m) => m.kind === 'bundle').map((m) => m.code)]));

  bundles.forEach((a, index) => {
    if (a.kind === 'unchanged') return;
    const status = finalStatus.get(codeOf(a))!.status;
    a.input.guide.members?.forEach((m, mi) => {
      const target = finalStatus.get(m.code);
      if (!target) problem('bundle', index, `guide.members.${mi}.code`, `本中心没有编码为“${m.code}”的事项或一件事`);
      else if (target.kind !== m.kind) problem('bundle', index, `guide.members.${mi}.kind`, `“${m.code}”是${target.kind === 'item' ? '事项' : '一件事'}`);
      else if (status === 'published' && target.status !== 'published') {
        problem('bundle', index, `guide.members.${mi}.code`, `成员“${m.code}”未发布，已发布的一件事只能包含已发布的事项`);
      }
    });
    const cycle = findCycle(graph, codeOf(a));
    if (cycle) problem('bundle', index, 'guide.members', `一件事不能循环包含：${cycle.join(' → ')}`);
  });
  // An item or bundle may not leave the portal while a published bundle still offers it.
  for (const [code, members] of finalMembers) {
    if (finalStatus.get(code)?.status !== 'published') continue;
    for (const m of members) {
      const target = finalStatus.get(m.code);
      if (!target || target.status === 'published') continue;
      const index = (target.kind === 'item' ? items : bundles).findIndex((a) => codeOf(a) === m.code);
      if (index >= 0) problem(target.kind, index, 'status', `已发布的一件事“${code}”包含它，不能撤回或改为草稿`);
    }
  }
  return { problems, plan: { items, bundles } };
}

function actionFor<G extends object>(
  kind: 'item' | 'bundle',
  index: number,
  input: EntryInput<G>,
  existing: ExistingEntry<G> | undefined,
  problem: (kind: 'item' | 'bundle', index: number, field: string, message: string) => void,
): EntryAction<G> {
  if (!existing) return { kind: 'create', input };
  if (existing.hasPublished && existing.hasDraft) {
    problem(kind, index, 'code', `“${input.code}”有尚未发布的草稿，请先发布或丢弃草稿再导入`);
  }
  if (existing.hasPublished && input.status === 'draft' && isSameGuide(existing.guide as never, input.guide as never)) {
    return { kind: 'unchanged', existing };
  }
  const isContentChanged = !isSameGuide(existing.guide as never, input.guide as never);
  if (!isContentChanged && statusAfter(input.status, existing) === existing.status) return { kind: 'unchanged', existing };
  if (!existing.hasPublished && input.status === 'withdrawn') problem(kind, index, 'status', '尚未发布的事项不能导入为“已撤回”');
  return { kind: 'update', existing, input, isContentChanged };
}

/** An existing published entry imported as 草稿 keeps its status (the rows become its next draft). */
function statusAfter(status: CatalogStatus, existing: { status: CatalogStatus; hasPublished: boolean } | null): CatalogStatus {
  if (status === 'draft' && existing?.hasPublished) return existing.status;
  return status;
}

function codeOf(a: EntryAction<unknown>): string {
  return a.kind === 'unchanged' ? a.existing.code : a.input.code;
}
