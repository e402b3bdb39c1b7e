import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import {
  catalogEntrySummary,
  createItemBody,
  guideVersion,
  historyEntry,
  itemDetail,
  listQuery,
  saveItemDraftBody,
  versionBody,
  versionIdParam,
  withdrawBody,
} from '../contract.ts';
import { editorOf } from '../editor.ts';
import * as items from './service.ts';

/** Admin routes for items: drafts, publication, withdrawal and history (clause 6.1.1, A.3). */
export const itemRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['catalog'];
  const audit = (request: FastifyRequest, id: string, detail?: Record<string, unknown>) => {
    request.auditObject = { type: 'catalog_item', id, ...(detail ? { detail } : {}) };
  };

  app.get(
    '/api/catalog/items',
    { config: { access: 'org.read' }, schema: { tags, summary: '事项列表（含草稿）', querystring: listQuery, response: { 200: z.array(catalogEntrySummary) } } },
    (request) => items.listItems(db, request.query.centerId, request.query),
  );
  app.post(
    '/api/catalog/items',
    { config: { access: 'catalog.manage', audit: 'catalog_item.create' }, schema: { tags, summary: '新建事项（草稿）', body: createItemBody, response: { 201: itemDetail } } },
    async (request, reply) => {
      const created = await items.createItem(db, request.body, editorOf(staffOf(request)));
      audit(request, created.id, { code: created.code });
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/catalog/items/:id',
    { config: { access: 'org.read' }, schema: { tags, summary: '事项详情（已发布版本和草稿）', params: idParam, response: { 200: itemDetail } } },
    (request) => items.getItem(db, request.params.id),
  );
  app.put(
    '/api/catalog/items/:id/draft',
    { config: { access: 'catalog.manage', audit: 'catalog_item.save_draft' }, schema: { tags, summary: '保存事项草稿（修改已发布指南时生成新版本草稿）', params: idParam, body: saveItemDraftBody, response: { 200: itemDetail } } },
    async (request) => {
      audit(request, request.params.id, { name: request.body.guide.name });
      return items.saveItemDraft(db, request.params.id, request.body, editorOf(staffOf(request)));
    },
  );
  app.post(
    '/api/catalog/items/:id/discard-draft',
    { config: { access: 'catalog.manage', audit: 'catalog_item.discard_draft' }, schema: { tags, summary: '丢弃事项草稿', params: idParam, body: versionBody, response: { 200: itemDetail } } },
    async (request) => {
      audit(request, request.params.id);
      return items.discardItemDraft(db, request.params.id, request.body, editorOf(staffOf(request)));
    },
  );
  app.post(
    '/api/catalog/items/:id/publish',
    { config: { access: 'catalog.manage', audit: 'catalog_item.publish' }, schema: { tags, summary: '发布事项', params: idParam, body: versionBody, response: { 200: itemDetail } } },
    async (request) => {
      const published = await items.publishItem(db, request.params.id, request.body, editorOf(staffOf(request)));
      audit(request, request.params.id, { code: published.code, versionNumber: published.published?.meta.number });
      return published;
    },
  );
  app.post(
    '/api/catalog/items/:id/withdraw',
    { config: { access: 'catalog.manage', audit: 'catalog_item.withdraw' }, schema: { tags, summary: '撤回事项（门户不再显示）', params: idParam, body: withdrawBody, response: { 200: itemDetail } } },
    async (request) => {
      audit(request, request.params.id, { reason: request.body.reason });
      return items.withdrawItem(db, request.params.id, request.body, editorOf(staffOf(request)));
    },
  );
  app.get(
    '/api/catalog/items/:id/history',
    { config: { access: 'org.read' }, schema: { tags, summary: '事项指南的版本历史', params: idParam, response: { 200: z.array(historyEntry) } } },
    (request) => items.getItemHistory(db, request.params.id),
  );
  app.get(
    '/api/catalog/item-versions/:versionId',
    { config: { access: 'org.read' }, schema: { tags, summary: '某一版本的办事指南', params: versionIdParam, response: { 200: guideVersion } } },
    (request) => items.getGuideVersion(db, request.params.versionId),
  );
};
