import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { catalogEntrySummary, historyEntry, listQuery, versionBody, versionIdParam, withdrawBody, type VersionMeta } from '../contract.ts';
import { editorOf, type Editor } from '../editor.ts';
import type { EntryDetail, versionedService } from './service.ts';

type Action = 'list' | 'create' | 'get' | 'saveDraft' | 'discardDraft' | 'publish' | 'withdraw' | 'history' | 'version';

/** What differs between the admin routes of items and of bundles. */
/** One version of an entry's guide, named by its item or bundle (GuideVersion, BundleVersion). */
type EntryVersion<G> = { id: string; centerId: string; code: string; meta: VersionMeta; guide: G } & ({ itemId: string } | { bundleId: string });

export type VersionedRoutesKind<G extends { name: string }> = {
  /** `/api/catalog/<path>` and `/api/catalog/<versionsPath>/:versionId` */
  path: 'items' | 'bundles';
  versionsPath: 'item-versions' | 'bundle-versions';
  /** the audit object type; the actions are logged as `<auditType>.create`, `.save_draft`, `.discard_draft`, `.publish`, `.withdraw` */
  auditType: 'catalog_item' | 'catalog_bundle';
  /** the API docs' summary of each route */
  summaries: Record<Action, string>;
  schemas: {
    create: z.ZodType<{ centerId: string; code: string; guide: G }>;
    saveDraft: z.ZodType<{ version: number; guide: G; note: string }>;
    detail: z.ZodType<EntryDetail<G>>;
    version: z.ZodType<EntryVersion<G>>;
  };
  service: ReturnType<typeof versionedService<G>>;
  /** creation checks the code and the guide in an order of its own */
  create: (db: Db, input: { centerId: string; code: string; guide: G }, editor: Editor) => Promise<EntryDetail<G>>;
  getVersion: (db: Db, versionId: string) => Promise<EntryVersion<G>>;
};

/** Admin routes of one kind of versioned entry: drafts, publication, withdrawal and history. */
export function versionedRoutes<G extends { name: string }>(k: VersionedRoutesKind<G>): FastifyPluginAsyncZod<{ db: Db }> {
  return async (app, { db }) => {
    const tags = ['catalog'];
    const base = `/api/catalog/${k.path}`;
    const manage = (action: string) => ({ access: 'catalog.manage' as const, audit: `${k.auditType}.${action}` });
    const audit = (request: FastifyRequest, id: string, detail?: Record<string, unknown>) => {
      request.auditObject = { type: k.auditType, id, ...(detail ? { detail } : {}) };
    };
    const { summaries: s, schemas, service } = k;

    app.get(
      base,
      { config: { access: 'org.read' }, schema: { tags, summary: s.list, querystring: listQuery, response: { 200: z.array(catalogEntrySummary) } } },
      (request) => service.list(db, request.query.centerId, request.query),
    );
    app.post(
      base,
      { config: manage('create'), schema: { tags, summary: s.create, body: schemas.create, response: { 201: schemas.detail } } },
      async (request, reply) => {
        const created = await k.create(db, request.body, editorOf(staffOf(request)));
        audit(request, created.id, { code: created.code });
        return reply.status(201).send(created);
      },
    );
    app.get(
      `${base}/:id`,
      { config: { access: 'org.read' }, schema: { tags, summary: s.get, params: idParam, response: { 200: schemas.detail } } },
      (request) => service.get(db, request.params.id),
    );
    app.put(
      `${base}/:id/draft`,
      { config: manage('save_draft'), schema: { tags, summary: s.saveDraft, params: idParam, body: schemas.saveDraft, response: { 200: schemas.detail } } },
      async (request) => {
        audit(request, request.params.id, { name: request.body.guide.name });
        return service.saveDraft(db, request.params.id, request.body, editorOf(staffOf(request)));
      },
    );
    app.post(
      `${base}/:id/discard-draft`,
      { config: manage('discard_draft'), schema: { tags, summary: s.discardDraft, params: idParam, body: versionBody, response: { 200: schemas.detail } } },
      async (request) => {
        audit(request, request.params.id);
        return service.discardDraft(db, request.params.id, request.body, editorOf(staffOf(request)));
      },
    );
    app.post(
      `${base}/:id/publish`,
      { config: manage('publish'), schema: { tags, summary: s.publish, params: idParam, body: versionBody, response: { 200: schemas.detail } } },
      async (request) => {
        const published = await service.publish(db, request.params.id, request.body, editorOf(staffOf(request)));
        audit(request, request.params.id, { code: published.code, versionNumber: published.published?.meta.number });
        return published;
      },
    );
    app.post(
      `${base}/:id/withdraw`,
      { config: manage('withdraw'), schema: { tags, summary: s.withdraw, params: idParam, body: withdrawBody, response: { 200: schemas.detail } } },
      async (request) => {
        audit(request, request.params.id, { reason: request.body.reason });
        return service.withdraw(db, request.params.id, request.body, editorOf(staffOf(request)));
      },
    );
    app.get(
      `${base}/:id/history`,
      { config: { access: 'org.read' }, schema: { tags, summary: s.history, params: idParam, response: { 200: z.array(historyEntry) } } },
      (request) => service.history(db, request.params.id),
    );
    app.get(
      `/api/catalog/${k.versionsPath}/:versionId`,
      { config: { access: 'org.read' }, schema: { tags, summary: s.version, params: versionIdParam, response: { 200: schemas.version } } },
      (request) => k.getVersion(db, request.params.versionId),
    );
  };
}
