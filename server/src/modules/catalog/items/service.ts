import type { Db } from '../../../platform/db/database.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { listDepartments } from '../../staff/service.ts';
import type { CatalogEntrySummary, GuideVersion, HistoryEntry, ItemDetail, ItemGuide } from '../contract.ts';
import { assertCanEdit, toVersionMeta, type Editor } from '../editor.ts';
import { findFiles } from '../files/service.ts';
import { invalidatePublished } from '../published/cache.ts';
import { bumpRevision, findCodeOwner } from '../repository.ts';
import { listBundlesContaining } from '../bundles/repository.ts';
import { diffGuides } from '../versions/diff.ts';
import { requireTransition } from '../versions/lifecycle.ts';
import { checkItemGuide, normalizeItemGuide, referencesOf } from './rules.ts';
import * as repo from './repository.ts';

export const itemNotFound = (code?: string) =>
  new AppError('ITEM_NOT_FOUND', code ? `事项“${code}”不存在` : '事项不存在');
const staleItem = () =>
  new AppError('STALE_VERSION', '该事项已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

export async function listItems(db: Db, centerId: string, filter: repo.ItemListFilter): Promise<CatalogEntrySummary[]> {
  const rows = await repo.listItemSummaries(db, centerId, filter);
  return rows.map((r) => ({ ...r, kind: 'item' as const, updatedAt: r.updatedAt.toISOString() }));
}

export async function getItem(db: Db, id: string): Promise<ItemDetail> {
  const row = await repo.findItem(db, id);
  if (!row) throw itemNotFound();
  return toDetail(db, row);
}

export async function getItemByCode(db: Db, centerId: string, code: string): Promise<ItemDetail> {
  const row = await repo.findItemByCode(db, centerId, code);
  if (!row) throw itemNotFound(code);
  return toDetail(db, row);
}

/** A new item starts as a draft (version 1); nothing shows on the portal until it is published. */
export async function createItem(db: Db, input: { centerId: string; code: string; guide: ItemGuide }, editor: Editor): Promise<ItemDetail> {
  assertCanEdit(editor, input.centerId);
  const guide = await validateItemGuide(db, input.centerId, input.guide);
  if (await findCodeOwner(db, input.centerId, input.code)) {
    throw new AppError('DUPLICATE', `编码“${input.code}”已被本中心的事项或一件事使用`, [{ field: 'code', message: '编码已被使用' }]);
  }
  const id = await db.transaction(async (tx) => {
    const itemId = await repo.insertItem(tx, input.centerId, input.code);
    const versionId = await repo.insertItemVersion(tx, { itemId, number: 1, state: 'draft', guide, note: '', actor: editor });
    await repo.updateItemPointers(tx, itemId, 1, { status: 'draft', publishedVersionId: null, draftVersionId: versionId, withdrawnReason: '' });
    return itemId;
  });
  return getItem(db, id);
}

/** Edits go to the draft: a published guide never changes; the first edit after publishing opens version n+1. */
export async function saveItemDraft(
  db: Db,
  id: string,
  input: { version: number; guide: ItemGuide; note: string },
  editor: Editor,
): Promise<ItemDetail> {
  const item = await loadForEdit(db, id, editor);
  const guide = await validateItemGuide(db, item.centerId, input.guide);
  const outcome = requireTransition(stateOf(item), 'save_draft');
  await db.transaction(async (tx) => {
    let draftVersionId = item.draftVersionId;
    if (outcome.draft === 'update' && draftVersionId) await repo.updateDraftVersion(tx, draftVersionId, guide, input.note, editor);
    else {
      const number = await repo.nextVersionNumber(tx, id);
      draftVersionId = await repo.insertItemVersion(tx, { itemId: id, number, state: 'draft', guide, note: input.note, actor: editor });
    }
    if (!(await repo.updateItemPointers(tx, id, input.version, { ...pointersOf(item), draftVersionId }))) throw staleItem();
  });
  return getItem(db, id);
}

export async function discardItemDraft(db: Db, id: string, input: { version: number }, editor: Editor): Promise<ItemDetail> {
  const item = await loadForEdit(db, id, editor);
  requireTransition(stateOf(item), 'discard_draft');
  await db.transaction(async (tx) => {
    if (!(await repo.updateItemPointers(tx, id, input.version, { ...pointersOf(item), draftVersionId: null }))) throw staleItem();
    await repo.deleteDraftVersion(tx, item.draftVersionId!);
  });
  return getItem(db, id);
}

/** The draft becomes what the portal shows; the version it replaces stays, superseded, for whoever referred to it. */
export async function publishItem(db: Db, id: string, input: { version: number }, editor: Editor): Promise<ItemDetail> {
  const item = await loadForEdit(db, id, editor);
  const outcome = requireTransition(stateOf(item), 'publish');
  if (outcome.draft === 'promote') {
    // Rules or referenced departments may have changed since the draft was saved.
    const draft = (await repo.findVersion(db, item.draftVersionId!))!;
    await validateItemGuide(db, item.centerId, draft.guide);
  }
  await db.transaction(async (tx) => {
    let publishedVersionId = item.publishedVersionId;
    if (outcome.draft === 'promote') {
      if (publishedVersionId) await repo.supersedeVersion(tx, publishedVersionId);
      await repo.publishVersion(tx, item.draftVersionId!, editor);
      publishedVersionId = item.draftVersionId;
    }
    const ok = await repo.updateItemPointers(tx, id, input.version, {
      status: 'published',
      publishedVersionId,
      draftVersionId: outcome.draft === 'promote' ? null : item.draftVersionId,
      withdrawnReason: '',
    });
    if (!ok) throw staleItem();
    await bumpRevision(tx, item.centerId);
  });
  invalidatePublished(db, item.centerId);
  return getItem(db, id);
}

/** Takes an item off the portal. An item a published bundle still includes cannot be withdrawn. */
export async function withdrawItem(db: Db, id: string, input: { version: number; reason: string }, editor: Editor): Promise<ItemDetail> {
  const item = await loadForEdit(db, id, editor);
  requireTransition(stateOf(item), 'withdraw');
  const bundles = await listBundlesContaining(db, item.centerId, item.code);
  if (bundles.length > 0) {
    throw new AppError('INVALID_STATE', `该事项属于已发布的一件事：${bundles.map((b) => b.name).join('、')}，请先从一件事中移除或撤回一件事`);
  }
  await db.transaction(async (tx) => {
    if (!(await repo.updateItemPointers(tx, id, input.version, { ...pointersOf(item), status: 'withdrawn', withdrawnReason: input.reason }))) {
      throw staleItem();
    }
    await bumpRevision(tx, item.centerId);
  });
  invalidatePublished(db, item.centerId);
  return getItem(db, id);
}

/** Every version, newest first, with who made and published it and what changed from the one before. */
export async function getItemHistory(db: Db, id: string): Promise<HistoryEntry[]> {
  const item = await repo.findItem(db, id);
  if (!item) throw itemNotFound();
  const versions = await repo.listVersions(db, id);
  const names = new Map((await listDepartments(db, item.centerId)).map((d) => [d.id, d.name]));
  return versions.map((v, i) => ({
    meta: toVersionMeta(v),
    changes: diffGuides(versions[i + 1]?.guide ?? null, v.guide).map((c) =>
      /departmentId$/i.test(c.field) ? { ...c, before: names.get(c.before ?? '') ?? c.before, after: names.get(c.after ?? '') ?? c.after } : c,
    ),
  }));
}

/** One version of an item's guide, whatever its state: what an application made against it keeps showing. */
export async function getGuideVersion(db: Db, versionId: string): Promise<GuideVersion> {
  const v = await repo.findVersion(db, versionId);
  if (!v) throw new AppError('GUIDE_VERSION_NOT_FOUND', '办事指南版本不存在');
  return { id: v.id, itemId: v.itemId, centerId: v.centerId, code: v.code, meta: toVersionMeta(v), guide: v.guide };
}

/**
 * Shape, rules and references of a guide, all problems at once (fields under `guide.`).
 * Returns the guide as it will be stored.
 */
export async function validateItemGuide(db: Db, centerId: string, input: ItemGuide, prefix = 'guide.'): Promise<ItemGuide> {
  const guide = normalizeItemGuide(input);
  const errors = checkItemGuide(guide);
  errors.push(...(await checkItemReferences(db, centerId, guide)));
  if (errors.length > 0) throw guideInvalid(errors.map((e) => ({ field: `${prefix}${e.field}`, message: e.message })));
  return guide;
}

export async function checkItemReferences(db: Db, centerId: string, guide: ItemGuide): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const refs = referencesOf(guide);
  const departments = new Set((await listDepartments(db, centerId)).map((d) => d.id));
  for (const d of refs.departmentIds) if (!departments.has(d.id)) errors.push({ field: d.field, message: '部门不存在或未进驻本中心' });
  const files = await findFiles(db, refs.fileIds.map((f) => f.id));
  for (const f of refs.fileIds) if (!files.has(f.id)) errors.push({ field: f.field, message: '文件不存在，请先上传或清空该格' });
  return errors;
}

export function guideInvalid(fields: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', `办事指南有 ${fields.length} 处问题：${fields[0]!.message}`, fields);
}

async function loadForEdit(db: Db, id: string, editor: Editor): Promise<repo.ItemRow> {
  const item = await repo.findItem(db, id);
  if (!item) throw itemNotFound();
  assertCanEdit(editor, item.centerId);
  return item;
}

const stateOf = (item: repo.ItemRow) => ({ status: item.status, hasDraft: item.draftVersionId !== null });
const pointersOf = (item: repo.ItemRow): repo.ItemPointers => ({
  status: item.status,
  publishedVersionId: item.publishedVersionId,
  draftVersionId: item.draftVersionId,
  withdrawnReason: item.withdrawnReason,
});

async function toDetail(db: Db, row: repo.ItemRow): Promise<ItemDetail> {
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
