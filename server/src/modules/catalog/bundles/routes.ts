import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import {
  catalogEntrySummary,
  createBundleBody,
  bundleVersion,
  historyEntry,
  bundleDetail,
  listQuery,
  saveBundleDraftBody,
  versionBody,
  versionIdParam,
  withdrawBody,
} from '../contract.ts';
import { editorOf } from '../editor.ts';
import * as bundles from './service.ts';

/** Admin routes for bundles (clause 6.3.1): drafts, publication, withdrawal and history. */
export const bundleRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['catalog'];
  const audit = (request: FastifyRequest, id: string, detail?: Record<string, unknown>) => {
    request.auditObject = { type: 'catalog_bundle', id, ...(detail ? { detail } : {}) };
  };

  app.get(
    '/api/catalog/bundles',
    { config: { access: 'org.read' }, schema: { tags, summary: '一件事列表（含草稿）', querystring: listQuery, response: { 200: z.array(catalogEntrySummary) } } },
    (request) => bundles.listBundles(db, request.query.centerId, request.query),
  );
  app.post(
    '/api/catalog/bundles',
    { config: { access: 'catalog.manage', audit: 'catalog_bundle.create' }, schema: { tags, summary: '新建一件事（草稿）', body: createBundleBody, response: { 201: bundleDetail } } },
    async (request, reply) => {
      const created = await bundles.createBundle(db, request.body, editorOf(staffOf(request)));
      audit(request, created.id, { code: created.code });
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/catalog/bundles/:id',
    { config: { access: 'org.read' }, schema: { tags, summary: '一件事详情（已发布版本和草稿）', params: idParam, response: { 200: bundleDetail } } },
    (request) => bundles.getBundle(db, request.params.id),
  );
  app.put(
    '/api/catalog/bundles/:id/draft',
    { config: { access: 'catalog.manage', audit: 'catalog_bundle.save_draft' }, schema: { tags, summary: '保存一件事草稿', params: idParam, body: saveBundleDraftBody, response: { 200: bundleDetail } } },
    async (request) => {
      audit(request, request.params.id, { name: request.body.guide.name });
      return bundles.saveBundleDraft(db, request.params.id, request.body, editorOf(staffOf(request)));
    },
  );
  app.post(
    '/api/catalog/bundles/:id/discard-draft',
    { config: { access: 'catalog.manage', audit: 'catalog_bundle.discard_draft' }, schema: { tags, summary: '丢弃一件事草稿', params: idParam, body: versionBody, response: { 200: bundleDetail } } },
    async (request) => {
      audit(request, request.params.id);
      return bundles.discardBundleDraft(db, request.params.id, request.body, editorOf(staffOf(request)));
    },
  );
  app.post(
    '/api/catalog/bundles/:id/publish',
    { config: { access: 'catalog.manage', audit: 'catalog_bundle.publish' }, schema: { tags, summary: '发布一件事', params: idParam, body: versionBody, response: { 200: bundleDetail } } },
    async (request) => {
      const published = await bundles.publishBundle(db, request.params.id, request.body, editorOf(staffOf(request)));
      audit(request, request.params.id, { code: published.code, versionNumber: published.published?.meta.number });
      return published;
    },
  );
  app.post(
    '/api/catalog/bundles/:id/withdraw',
    { config: { access: 'catalog.manage', audit: 'catalog_bundle.withdraw' }, schema: { tags, summary: '撤回一件事', params: idParam, body: withdrawBody, response: { 200: bundleDetail } } },
    async (request) => {
      audit(request, request.params.id, { reason: request.body.reason });
      return bundles.withdrawBundle(db, request.params.id, request.body, editorOf(staffOf(request)));
    },
  );
  app.get(
    '/api/catalog/bundles/:id/history',
    { config: { access: 'org.read' }, schema: { tags, summary: '一件事的版本历史', params: idParam, response: { 200: z.array(historyEntry) } } },
    (request) => bundles.getBundleHistory(db, request.params.id),
  );
  app.get(
    '/api/catalog/bundle-versions/:versionId',
    { config: { access: 'org.read' }, schema: { tags, summary: '某一版本的一件事指南', params: versionIdParam, response: { 200: bundleVersion } } },
    (request) => bundles.getBundleVersion(db, request.params.versionId),
  );
};
