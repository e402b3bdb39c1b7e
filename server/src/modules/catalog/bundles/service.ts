import type { Db } from '../../../platform/db/database.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { listDepartments } from '../../staff/service.ts';
import type { BundleDetail, BundleGuide, BundleVersion, CatalogEntrySummary, HistoryEntry } from '../contract.ts';
import { assertCanEdit, toVersionMeta, type Editor } from '../editor.ts';
import { invalidatePublished } from '../published/cache.ts';
import { findItemByCode } from '../items/repository.ts';
import { guideInvalid } from '../items/service.ts';
import { bumpRevision, findCodeOwner } from '../repository.ts';
import { diffGuides } from '../versions/diff.ts';
import { requireTransition } from '../versions/lifecycle.ts';
import { checkBundleGuide, findCycle } from './rules.ts';
import * as repo from './repository.ts';

export const bundleNotFound = (code?: string) =>
  new AppError('BUNDLE_NOT_FOUND', code ? `一件事“${code}”不存在` : '一件事不存在');
const staleBundle = () =>
  new AppError('STALE_VERSION', '该一件事已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

export async function listBundles(db: Db, centerId: string, filter: repo.BundleListFilter): Promise<CatalogEntrySummary[]> {
  const rows = await repo.listBundleSummaries(db, centerId, filter);
  return rows.map((r) => ({ ...r, kind: 'bundle' as const, updatedAt: r.updatedAt.toISOString() }));
}

export async function getBundle(db: Db, id: string): Promise<BundleDetail> {
  const row = await repo.findBundle(db, id);
  if (!row) throw bundleNotFound();
  return toDetail(db, row);
}

export async function getBundleByCode(db: Db, centerId: string, code: string): Promise<BundleDetail> {
  const row = await repo.findBundleByCode(db, centerId, code);
  if (!row) throw bundleNotFound(code);
  return toDetail(db, row);
}

export async function createBundle(
  db: Db,
  input: { centerId: string; code: string; guide: BundleGuide },
  editor: Editor,
): Promise<BundleDetail> {
  assertCanEdit(editor, input.centerId);
  if (await findCodeOwner(db, input.centerId, input.code)) {
    throw new AppError('DUPLICATE', `编码“${input.code}”已被本中心的事项或一件事使用`, [{ field: 'code', message: '编码已被使用' }]);
  }
  const guide = await validateBundleGuide(db, input.centerId, input.code, input.guide);
  const id = await db.transaction(async (tx) => {
    const bundleId = await repo.insertBundle(tx, input.centerId, input.code);
    const versionId = await repo.insertBundleVersion(tx, { bundleId, number: 1, state: 'draft', guide, note: '', actor: editor });
    await repo.updateBundlePointers(tx, bundleId, 1, { status: 'draft', publishedVersionId: null, draftVersionId: versionId, withdrawnReason: '' });
    return bundleId;
  });
  return getBundle(db, id);
}

export async function saveBundleDraft(
  db: Db,
  id: string,
  input: { version: number; guide: BundleGuide; note: string },
  editor: Editor,
): Promise<BundleDetail> {
  const bundle = await loadForEdit(db, id, editor);
  const guide = await validateBundleGuide(db, bundle.centerId, bundle.code, input.guide);
  const outcome = requireTransition(stateOf(bundle), 'save_draft');
  await db.transaction(async (tx) => {
    let draftVersionId = bundle.draftVersionId;
    if (outcome.draft === 'update' && draftVersionId) await repo.updateDraftVersion(tx, draftVersionId, guide, input.note, editor);
    else {
      const number = await repo.nextVersionNumber(tx, id);
      draftVersionId = await repo.insertBundleVersion(tx, { bundleId: id, number, state: 'draft', guide, note: input.note, actor: editor });
    }
    if (!(await repo.updateBundlePointers(tx, id, input.version, { ...pointersOf(bundle), draftVersionId }))) throw staleBundle();
  });
  return getBundle(db, id);
}

export async function discardBundleDraft(db: Db, id: string, input: { version: number }, editor: Editor): Promise<BundleDetail> {
  const bundle = await loadForEdit(db, id, editor);
  requireTransition(stateOf(bundle), 'discard_draft');
  await db.transaction(async (tx) => {
    if (!(await repo.updateBundlePointers(tx, id, input.version, { ...pointersOf(bundle), draftVersionId: null }))) throw staleBundle();
    await repo.deleteDraftVersion(tx, bundle.draftVersionId!);
  });
  return getBundle(db, id);
}

/** Publishing needs every member published: a bundle cannot promise what the catalog does not offer. */
export async function publishBundle(db: Db, id: string, input: { version: number }, editor: Editor): Promise<BundleDetail> {
  const bundle = await loadForEdit(db, id, editor);
  const outcome = requireTransition(stateOf(bundle), 'publish');
  const versionId = outcome.draft === 'promote' ? bundle.draftVersionId! : bundle.publishedVersionId!;
  const guide = (await repo.findVersion(db, versionId))!.guide;
  if (outcome.draft === 'promote') await validateBundleGuide(db, bundle.centerId, bundle.code, guide);
  const unpublished: string[] = [];
  for (const m of guide.members) {
    const row = m.kind === 'item' ? await findItemByCode(db, bundle.centerId, m.code) : await repo.findBundleByCode(db, bundle.centerId, m.code);
    if (row?.status !== 'published') unpublished.push(m.code);
  }
  if (unpublished.length > 0) throw new AppError('INVALID_STATE', `以下成员尚未发布或已撤回，一件事不能发布：${unpublished.join('、')}`);
  await db.transaction(async (tx) => {
    let publishedVersionId = bundle.publishedVersionId;
    if (outcome.draft === 'promote') {
      if (publishedVersionId) await repo.supersedeVersion(tx, publishedVersionId);
      await repo.publishVersion(tx, bundle.draftVersionId!, editor);
      publishedVersionId = bundle.draftVersionId;
    }
    const ok = await repo.updateBundlePointers(tx, id, input.version, {
      status: 'published',
      publishedVersionId,
      draftVersionId: outcome.draft === 'promote' ? null : bundle.draftVersionId,
      withdrawnReason: '',
    });
    if (!ok) throw staleBundle();
    await bumpRevision(tx, bundle.centerId);
  });
  invalidatePublished(db, bundle.centerId);
  return getBundle(db, id);
}

export async function withdrawBundle(db: Db, id: string, input: { version: number; reason: string }, editor: Editor): Promise<BundleDetail> {
  const bundle = await loadForEdit(db, id, editor);
  requireTransition(stateOf(bundle), 'withdraw');
  const parents = await repo.listBundlesContaining(db, bundle.centerId, bundle.code);
  if (parents.length > 0) throw new AppError('INVALID_STATE', `该一件事属于已发布的一件事：${parents.map((b) => b.name).join('、')}`);
  await db.transaction(async (tx) => {
    if (!(await repo.updateBundlePointers(tx, id, input.version, { ...pointersOf(bundle), status: 'withdrawn', withdrawnReason: input.reason }))) {
      throw staleBundle();
    }
    await bumpRevision(tx, bundle.centerId);
  });
  invalidatePublished(db, bundle.centerId);
  return getBundle(db, id);
}

export async function getBundleHistory(db: Db, id: string): Promise<HistoryEntry[]> {
  const bundle = await repo.findBundle(db, id);
  if (!bundle) throw bundleNotFound();
  const versions = await repo.listVersions(db, id);
  const names = new Map((await listDepartments(db, bundle.centerId)).map((d) => [d.id, d.name]));
  return versions.map((v, i) => ({
    meta: toVersionMeta(v),
    changes: diffGuides(versions[i + 1]?.guide ?? null, v.guide).map((c) =>
      c.field === 'leadDepartmentId' ? { ...c, before: names.get(c.before ?? '') ?? c.before, after: names.get(c.after ?? '') ?? c.after } : c,
    ),
  }));
}

export async function getBundleVersion(db: Db, versionId: string): Promise<BundleVersion> {
  const v = await repo.findVersion(db, versionId);
  if (!v) throw new AppError('GUIDE_VERSION_NOT_FOUND', '一件事指南版本不存在');
  return { id: v.id, bundleId: v.bundleId, centerId: v.centerId, code: v.code, meta: toVersionMeta(v), guide: v.guide };
}

/**
 * Rules, references and the absence of cycles, all problems at once. `graph` overrides the stored
 * bundle graph (an import checks the graph it is about to write).
 */
export async function validateBundleGuide(
  db: Db,
  centerId: string,
  code: string,
  guide: BundleGuide,
  options: { prefix?: string; graph?: Map<string, string[]>; codeKinds?: Map<string, 'item' | 'bundle'> } = {},
): Promise<BundleGuide> {
  const prefix = options.prefix ?? 'guide.';
  const errors = checkBundleGuide(guide, code);
  errors.push(...(await checkBundleReferences(db, centerId, guide, options.codeKinds)));
  if (errors.length > 0) throw guideInvalid(errors.map((e) => ({ field: `${prefix}${e.field}`, message: e.message })));
  const graph = options.graph ?? new Map((await repo.listMemberGraph(db, centerId)).map((b) => [b.code, memberBundles(b.members)]));
  graph.set(code, memberBundles(guide.members));
  const cycle = findCycle(graph, code);
  if (cycle) {
    const message = `一件事不能循环包含：${cycle.join(' → ')}`;
    throw new AppError('BUNDLE_CYCLE', message, [{ field: `${prefix}members`, message }]);
  }
  return guide;
}

const memberBundles = (members: BundleGuide['members']) => members.filter((m) => m.kind === 'bundle').map((m) => m.code);

async function checkBundleReferences(
  db: Db,
  centerId: string,
  guide: BundleGuide,
  codeKinds?: Map<string, 'item' | 'bundle'>,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const departments = new Set((await listDepartments(db, centerId)).map((d) => d.id));
  if (!departments.has(guide.leadDepartmentId)) errors.push({ field: 'leadDepartmentId', message: '牵头部门不存在或未进驻本中心' });
  for (const [i, m] of guide.members.entries()) {
    const kind = codeKinds ? (codeKinds.get(m.code) ?? null) : await findCodeOwner(db, centerId, m.code);
    if (kind === null) errors.push({ field: `members.${i}.code`, message: `本中心没有编码为“${m.code}”的事项或一件事` });
    else if (kind !== m.kind) errors.push({ field: `members.${i}.kind`, message: `“${m.code}”是${kind === 'item' ? '事项' : '一件事'}` });
  }
  return errors;
}

async function loadForEdit(db: Db, id: string, editor: Editor): Promise<repo.BundleRow> {
  const bundle = await repo.findBundle(db, id);
  if (!bundle) throw bundleNotFound();
  assertCanEdit(editor, bundle.centerId);
  return bundle;
}

const stateOf = (b: repo.BundleRow) => ({ status: b.status, hasDraft: b.draftVersionId !== null });
const pointersOf = (b: repo.BundleRow): repo.BundlePointers => ({
  status: b.status,
  publishedVersionId: b.publishedVersionId,
  draftVersionId: b.draftVersionId,
  withdrawnReason: b.withdrawnReason,
});

async function toDetail(db: Db, row: repo.BundleRow): Promise<BundleDetail> {
  const versions = await repo.findVersions(db, [row.publishedVersionId, row.draftVersionId].filter((v): v is string => v !== null));
  const pick = (id: string | null) => {
    const v = versions.find((x) => x.id === id);
    return v ? { meta: toVersionMeta(v), guide: v.guide } : null;
  };
  return {
    id: row.id,
    centerId: row.centerId,
    code: row.code,
    status: row.status,
    withdrawnReason: row.withdrawnReason,
    version: row.version,
    published: pick(row.publishedVersionId),
    draft: pick(row.draftVersionId),
  };
}
