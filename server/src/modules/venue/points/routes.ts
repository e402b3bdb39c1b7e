import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../../platform/auth/plugin.ts';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { codeParam, delegation, delegationInput, figuresQuery, itemPlaces, placesQuery, pointFigures, pointKindInput, publishInput, servicePoint, versionBody } from './contract.ts';
import { itemPlaces as placesOf } from './portal.ts';
import * as points from './service.ts';

/** Nearby service points (就近办, 6.3.5): kinds, delegated items (委托受理), figures, and where the portal says an item can be done. */
export const servicePointRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const tags = ['service-points'];

  app.get(
    '/api/service-points',
    { config: { access: 'point.manage' }, schema: { tags, summary: '便民服务点列表（本中心及下属镇街、村居）', response: { 200: z.array(servicePoint) } } },
    (request) => points.listPoints(db, staffOf(request)),
  );
  app.patch(
    '/api/service-points/:id',
    { config: { access: 'point.manage', audit: 'service_point.update' }, schema: { tags, summary: '设置服务点类型', params: idParam, body: pointKindInput, response: { 200: servicePoint } } },
    async (request) => {
      request.auditObject = { type: 'service_point', id: request.params.id, detail: { kind: request.body.kind } };
      return points.setPointKind(db, staffOf(request), request.params.id, request.body);
    },
  );
  app.get(
    '/api/service-points/:id/delegations',
    { config: { access: 'point.manage' }, schema: { tags, summary: '服务点的委托受理事项', params: idParam, response: { 200: z.array(delegation) } } },
    (request) => points.listPointDelegations(db, staffOf(request), request.params.id),
  );
  app.post(
    '/api/service-points/:id/delegations',
    { config: { access: 'point.manage', audit: 'item_delegation.create' }, schema: { tags, summary: '委托服务点受理事项', params: idParam, body: delegationInput, response: { 201: delegation } } },
    async (request, reply) => {
      const created = await points.delegateItem(db, staffOf(request), request.params.id, request.body.itemId);
      request.auditObject = { type: 'item_delegation', id: created.id, detail: { centerId: created.centerId, itemCode: created.itemCode } };
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/service-points/:id/published-items',
    { config: { access: 'point.manage', audit: 'item_delegation.publish' }, schema: { tags, summary: '在服务点发布委托事项', params: idParam, body: publishInput, response: { 200: delegation } } },
    async (request) => {
      request.auditObject = { type: 'service_point', id: request.params.id, detail: { itemId: request.body.itemId } };
      return points.publishDelegatedItem(db, staffOf(request), request.params.id, request.body.itemId);
    },
  );
  app.post(
    '/api/item-delegations/:id/revoke',
    { config: { access: 'point.manage', audit: 'item_delegation.revoke' }, schema: { tags, summary: '撤销委托', params: idParam, body: versionBody, response: { 200: delegation } } },
    async (request) => {
      request.auditObject = { type: 'item_delegation', id: request.params.id };
      return points.revokeDelegation(db, staffOf(request), request.params.id, request.body.version);
    },
  );
  app.get(
    '/api/service-points/:id/figures',
    { config: { access: 'point.manage' }, schema: { tags, summary: '服务点统计：取号、收件及按事项', params: idParam, querystring: figuresQuery, response: { 200: pointFigures } } },
    (request) => points.pointFigures(db, staffOf(request), request.params.id, request.query.days),
  );
  app.get(
    '/api/portal/items/:code/places',
    { config: { access: 'public' }, schema: { tags: ['portal'], summary: '门户：可就近办理该事项的服务点（按镇街）', params: codeParam, querystring: placesQuery, response: { 200: itemPlaces } } },
    (request) => placesOf(db, request.params.code, request.query),
  );
};
