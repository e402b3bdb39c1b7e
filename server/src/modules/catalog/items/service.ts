import type { Db } from '../../../platform/db/database.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { listDepartments } from '../../staff/service.ts';
import type { GuideVersion, ItemDetail, ItemGuide } from '../contract.ts';
import { assertCanEdit, type Editor } from '../editor.ts';
import { findFiles } from '../files/service.ts';
import { listBundlesContaining } from '../bundles/repository.ts';
import { assertCodeFree, versionedService } from '../versions/service.ts';
import { checkItemGuide, normalizeItemGuide, referencesOf } from './rules.ts';
import { itemRepository } from './repository.ts';

export const itemNotFound = (code?: string) =>
  new AppError('ITEM_NOT_FOUND', code ? `事项“${code}”不存在` : '事项不存在');

/** Drafts, publication, withdrawal and history of items (the shared life of versioned entries). */
export const itemVersions = versionedService<ItemGuide>({
  kind: 'item',
  repository: itemRepository,
  notFound: itemNotFound,
  staleMessage: '该事项已被他人修改，请刷新后重试',
  versionNotFoundMessage: '办事指南版本不存在',
  validate: (db, item, guide) => validateItemGuide(db, item.centerId, guide),
  // An item a published bundle still includes cannot be withdrawn.
  checkWithdrawable: async (db, item) => {
    const bundles = await listBundlesContaining(db, item.centerId, item.code);
    if (bundles.length > 0) {
      throw new AppError('INVALID_STATE', `该事项属于已发布的一件事：${bundles.map((b) => b.name).join('、')}，请先从一件事中移除或撤回一件事`);
    }
  },
});

export const getItem = (db: Db, id: string): Promise<ItemDetail> => itemVersions.get(db, id);
export const getItemByCode = (db: Db, centerId: string, code: string): Promise<ItemDetail> => itemVersions.getByCode(db, centerId, code);

/** A new item starts as a draft (version 1); nothing shows on the portal until it is published. */
export async function createItem(db: Db, input: { centerId: string; code: string; guide: ItemGuide }, editor: Editor): Promise<ItemDetail> {
  assertCanEdit(editor, input.centerId);
  const guide = await validateItemGuide(db, input.centerId, input.guide);
  await assertCodeFree(db, input.centerId, input.code);
  return itemVersions.create(db, { ...input, guide }, editor);
}

/** One version of an item's guide, whatever its state: what an application made against it keeps showing. */
export async function getGuideVersion(db: Db, versionId: string): Promise<GuideVersion> {
  const v = await itemVersions.getVersion(db, versionId);
  return { id: v.id, itemId: v.entryId, centerId: v.centerId, code: v.code, meta: v.meta, guide: v.guide };
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
