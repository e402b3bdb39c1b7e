import { bundleDetail, bundleVersion, createBundleBody, saveBundleDraftBody } from '../contract.ts';
import { versionedRoutes } from '../versions/routes.ts';
import { bundleVersions, createBundle, getBundleVersion } from './service.ts';

/** Admin routes for bundles (clause 6.3.1): drafts, publication, withdrawal and history. */
export const bundleRoutes = versionedRoutes({
  path: 'bundles',
  versionsPath: 'bundle-versions',
  auditType: 'catalog_bundle',
  summaries: {
    list: '一件事列表（含草稿）',
    create: '新建一件事（草稿）',
    get: '一件事详情（已发布版本和草稿）',
    saveDraft: '保存一件事草稿',
    discardDraft: '丢弃一件事草稿',
    publish: '发布一件事',
    withdraw: '撤回一件事',
    history: '一件事的版本历史',
    version: '某一版本的一件事指南',
  },
  schemas: { create: createBundleBody, saveDraft: saveBundleDraftBody, detail: bundleDetail, version: bundleVersion },
  service: bundleVersions,
  create: createBundle,
  getVersion: getBundleVersion,
});
