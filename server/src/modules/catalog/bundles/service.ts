import type { Db } from '../../../platform/db/database.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { listDepartments } from '../../staff/service.ts';
import type { BundleDetail, BundleGuide, BundleVersion } from '../contract.ts';
import { assertCanEdit, type Editor } from '../editor.ts';
import { itemRepository } from '../items/repository.ts';
import { guideInvalid } from '../items/service.ts';
import { findCodeOwner } from '../repository.ts';
import { assertCodeFree, versionedService } from '../versions/service.ts';
import { checkBundleGuide, findCycle } from './rules.ts';
import { bundleRepository, listBundlesContaining, listMemberGraph } from './repository.ts';

export const bundleNotFound = (code?: string) =>
  new AppError('BUNDLE_NOT_FOUND', code ? `一件事“${code}”不存在` : '一件事不存在');

/** Drafts, publication, withdrawal and history of bundles (the shared life of versioned entries). */
export const bundleVersions = versionedService<BundleGuide>({
  kind: 'bundle',
  repository: bundleRepository,
  notFound: bundleNotFound,
  staleMessage: '该一件事已被他人修改，请刷新后重试',
  versionNotFoundMessage: '一件事指南版本不存在',
  validate: (db, bundle, guide) => validateBundleGuide(db, bundle.centerId, bundle.code, guide),
  // Publishing needs every member published: a bundle cannot promise what the catalog does not offer.
  checkPublishable: async (db, bundle, guide) => {
    const unpublished: string[] = [];
    for (const m of guide.members) {
      const repo = m.kind === 'item' ? itemRepository : bundleRepository;
      const row = await repo.findEntryByCode(db, bundle.centerId, m.code);
      if (row?.status !== 'published') unpublished.push(m.code);
    }
    if (unpublished.length > 0) throw new AppError('INVALID_STATE', `以下成员尚未发布或已撤回，一件事不能发布：${unpublished.join('、')}`);
  },
  checkWithdrawable: async (db, bundle) => {
    const parents = await listBundlesContaining(db, bundle.centerId, bundle.code);
    if (parents.length > 0) throw new AppError('INVALID_STATE', `该一件事属于已发布的一件事：${parents.map((b) => b.name).join('、')}`);
  },
});

export const getBundle = (db: Db, id: string): Promise<BundleDetail> => bundleVersions.get(db, id);
export const getBundleByCode = (db: Db, centerId: string, code: string): Promise<BundleDetail> => bundleVersions.getByCode(db, centerId, code);

/** The code is checked first: the cycle check reads the stored graph by code. */
export async function createBundle(
  db: Db,
  input: { centerId: string; code: string; guide: BundleGuide },
  editor: Editor,
): Promise<BundleDetail> {
  assertCanEdit(editor, input.centerId);
  await assertCodeFree(db, input.centerId, input.code);
  const guide = await validateBundleGuide(db, input.centerId, input.code, input.guide);
  return bundleVersions.create(db, { ...input, guide }, editor);
}

export async function getBundleVersion(db: Db, versionId: string): Promise<BundleVersion> {
  const v = await bundleVersions.getVersion(db, versionId);
  return { id: v.id, bundleId: v.entryId, centerId: v.centerId, code: v.code, meta: v.meta, guide: v.guide };
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
  const graph = options.graph ?? new Map((await listMemberGraph(db, centerId)).map((b) => [b.code, memberBundles(b.members)]));
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
