import { createItemBody, guideVersion, itemDetail, saveItemDraftBody } from '../contract.ts';
import { versionedRoutes } from '../versions/routes.ts';
import { createItem, getGuideVersion, itemVersions } from './service.ts';

/** Admin routes for items: drafts, publication, withdrawal and history (clause 6.1.1, A.3). */
export const itemRoutes = versionedRoutes({
  path: 'items',
  versionsPath: 'item-versions',
  auditType: 'catalog_item',
  summaries: {
    list: '事项列表（含草稿）',
    create: '新建事项（草稿）',
    get: '事项详情（已发布版本和草稿）',
    saveDraft: '保存事项草稿（修改已发布指南时生成新版本草稿）',
    discardDraft: '丢弃事项草稿',
    publish: '发布事项',
    withdraw: '撤回事项（门户不再显示）',
    history: '事项指南的版本历史',
    version: '某一版本的办事指南',
  },
  schemas: { create: createItemBody, saveDraft: saveItemDraftBody, detail: itemDetail, version: guideVersion },
  service: itemVersions,
  create: createItem,
  getVersion: getGuideVersion,
});
