import crypto from 'node:crypto';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { listDepartments } from '../../staff/service.ts';
import type { CatalogStatus } from '../contract.ts';
import { assertCanEdit, type Editor } from '../editor.ts';
import { findFiles } from '../files/service.ts';
import { bundleRepository } from '../bundles/repository.ts';
import { itemRepository } from '../items/repository.ts';
import { invalidatePublished } from '../published/cache.ts';
import { bumpRevision } from '../repository.ts';
import type { EntryPointers, VersionedRepository } from '../versions/repository.ts';
import { planCatalogLoad, type CatalogData, type EntryAction, type EntryProblem, type ExistingEntry } from './plan.ts';

export type LoadSummary = { created: number; updated: number; unchanged: number };

/**
 * Loads items and bundles into a center in one transaction: all checked first (every problem
 * reported, nothing written), then new entries in bulk and changed ones as new versions.
 * `beforeCheck` runs inside the transaction first (the import resolves and creates departments
 * there) and may report problems of its own.
 */
export async function loadCatalog(
  db: Db,
  centerId: string,
  data: CatalogData,
  editor: Editor,
  options: { beforeCheck?: (tx: DbOrTx) => Promise<EntryProblem[]>; onProblems?: (problems: EntryProblem[]) => AppError } = {},
): Promise<LoadSummary> {
  assertCanEdit(editor, centerId);
  const summary = await db.transaction(async (tx) => {
    const early = (await options.beforeCheck?.(tx)) ?? [];
    // one query at a time: a transaction is one connection
    const departments = await listDepartments(tx, centerId);
    const items = await itemRepository.listExportGuides(tx, centerId);
    const bundles = await bundleRepository.listExportGuides(tx, centerId);
    const fileIds = data.items.flatMap((i) => (i.guide.materials ?? []).flatMap((m) => [m.templateFileId, m.sampleFileId]));
    const files = await findFiles(tx, fileIds.filter((id): id is string => typeof id === 'string'));
    const { problems, plan } = planCatalogLoad(data, {
      departmentIds: new Set(departments.map((d) => d.id)),
      fileIds: new Set(files.keys()),
      items: new Map(items.map((r) => [r.code, existingOf(r)])),
      bundles: new Map(bundles.map((r) => [r.code, existingOf(r)])),
    });
    // one problem per field: what the caller found first says it best
    const found = [...new Map([...early, ...problems].reverse().map((p) => [`${p.kind}/${p.index}/${p.field}`, p])).values()].reverse();
    if (found.length > 0) throw (options.onProblems ?? defaultRejection)(found);

    const created = {
      items: plan.items.flatMap((a) => (a.kind === 'create' ? [newRow(a.input)] : [])),
      bundles: plan.bundles.flatMap((a) => (a.kind === 'create' ? [newRow(a.input)] : [])),
    };
    await itemRepository.insertBulk(tx, centerId, created.items, editor);
    await bundleRepository.insertBulk(tx, centerId, created.bundles, editor);
    for (const a of plan.items) if (a.kind === 'update') await applyUpdate(tx, a, itemRepository, editor);
    for (const a of plan.bundles) if (a.kind === 'update') await applyUpdate(tx, a, bundleRepository, editor);
    await bumpRevision(tx, centerId);
    const all = [...plan.items, ...plan.bundles] as EntryAction<unknown>[];
    return {
      created: all.filter((a) => a.kind === 'create').length,
      updated: all.filter((a) => a.kind === 'update').length,
      unchanged: all.filter((a) => a.kind === 'unchanged').length,
    };
  });
  invalidatePublished(db, centerId);
  return summary;
}

function defaultRejection(problems: EntryProblem[]): AppError {
  const fields = problems.map((p) => ({ field: `${p.kind === 'item' ? 'items' : 'bundles'}.${p.index}.${p.field}`, message: p.message }));
  return new AppError('IMPORT_REJECTED', `导入数据有 ${problems.length} 处问题，未导入任何内容：${problems[0]!.message}`, fields);
}

type Row<G> = { id: string; code: string; status: CatalogStatus; version: number; publishedVersionId: string | null; draftVersionId: string | null; guide: G };

function existingOf<G>(r: Row<G>): ExistingEntry<G> & { publishedVersionId: string | null; draftVersionId: string | null } {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    version: r.version,
    hasPublished: r.publishedVersionId !== null,
    hasDraft: r.draftVersionId !== null,
    guide: r.guide,
    publishedVersionId: r.publishedVersionId,
    draftVersionId: r.draftVersionId,
  };
}

function newRow<G>(input: { code: string; status: CatalogStatus; guide: G }) {
  return { id: crypto.randomUUID(), versionId: crypto.randomUUID(), code: input.code, status: input.status, guide: input.guide };
}

const IMPORT_NOTE = '通过目录导入';

/** One existing entry brought to the imported state, through the same version rules as an edit. */
async function applyUpdate<G>(tx: DbOrTx, action: Extract<EntryAction<G>, { kind: 'update' }>, repo: VersionedRepository<G>, editor: Editor) {
  const existing = action.existing as ExistingEntry<G> & { publishedVersionId: string | null; draftVersionId: string | null };
  const { input } = action;
  let p: EntryPointers = { status: existing.status, publishedVersionId: existing.publishedVersionId, draftVersionId: existing.draftVersionId, withdrawnReason: '' };
  if (!existing.publishedVersionId) {
    // never published: the draft takes the imported content, and is published if asked
    const draftId = existing.draftVersionId!;
    if (action.isContentChanged) await repo.updateDraftVersion(tx, draftId, input.guide, IMPORT_NOTE, editor);
    if (input.status !== 'draft') {
      await repo.publishVersion(tx, draftId, editor);
      p = { ...p, status: input.status, publishedVersionId: draftId, draftVersionId: null };
    }
  } else if (action.isContentChanged && input.status === 'draft') {
    const number = await repo.nextVersionNumber(tx, existing.id);
    const draft = { entryId: existing.id, number, state: 'draft' as const, guide: input.guide, note: IMPORT_NOTE, actor: editor };
    p = { ...p, draftVersionId: await repo.insertVersion(tx, draft) };
  } else {
    if (action.isContentChanged) {
      const number = await repo.nextVersionNumber(tx, existing.id);
      await repo.supersedeVersion(tx, existing.publishedVersionId);
      const published = { entryId: existing.id, number, state: 'published' as const, guide: input.guide, note: IMPORT_NOTE, actor: editor, isPublished: true };
      p = { ...p, publishedVersionId: await repo.insertVersion(tx, published) };
    }
    p = { ...p, status: input.status };
  }
  if (p.status === 'withdrawn') p.withdrawnReason = IMPORT_NOTE;
  if (!(await repo.updatePointers(tx, existing.id, existing.version, p))) {
    throw new AppError('STALE_VERSION', `“${existing.code}”在导入期间被他人修改，请重新导入`);
  }
}
