import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { idParam } from '../../platform/http/schemas.ts';
import {
  center,
  centerInput,
  centerPatch,
  counter,
  counterInput,
  counterPatch,
  region,
  regionInput,
  zone,
  zoneInput,
  zonePatch,
} from './contract.ts';
import * as venue from './service.ts';
import type { DepartmentCenterOf } from './service.ts';

/** Clause 4: regions, centers, zones and counters. */
export const venueRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config; departmentCenterOf: DepartmentCenterOf }> = async (
  app,
  { db, departmentCenterOf },
) => {
  const tags = ['venue'];

  app.get('/api/regions', { config: { access: 'org.read' }, schema: { tags, summary: '行政区划列表（GB/T 2260）', response: { 200: z.array(region) } } }, () =>
    venue.listRegions(db),
  );
  app.post(
    '/api/regions',
    { config: { access: 'org.manage', audit: 'region.create' }, schema: { tags, summary: '添加行政区划', body: regionInput, response: { 201: region } } },
    async (request, reply) => {
      const created = await venue.createRegion(db, request.body);
      request.auditObject = { type: 'region', id: created.code };
      return reply.status(201).send(created);
    },
  );

  app.get('/api/centers', { config: { access: 'org.read' }, schema: { tags, summary: '服务中心列表', response: { 200: z.array(center) } } }, () =>
    venue.listCenters(db),
  );
  app.get(
    '/api/centers/:id',
    { config: { access: 'org.read' }, schema: { tags, summary: '服务中心详情', params: idParam, response: { 200: center } } },
    (request) => venue.getCenter(db, request.params.id),
  );
  app.post(
    '/api/centers',
    { config: { access: 'org.manage', audit: 'center.create' }, schema: { tags, summary: '创建服务中心', body: centerInput, response: { 201: center } } },
    async (request, reply) => {
      const created = await venue.createCenter(db, request.body);
      request.auditObject = { type: 'center', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/centers/:id',
    { config: { access: 'org.manage', audit: 'center.update' }, schema: { tags, summary: '修改服务中心', params: idParam, body: centerPatch, response: { 200: center } } },
    async (request) => {
      request.auditObject = { type: 'center', id: request.params.id, detail: request.body };
      return venue.updateCenter(db, request.params.id, request.body);
    },
  );

  app.get(
    '/api/centers/:id/zones',
    { config: { access: 'org.read' }, schema: { tags, summary: '中心的服务区域', params: idParam, response: { 200: z.array(zone) } } },
    (request) => venue.listZones(db, request.params.id),
  );
  app.post(
    '/api/centers/:id/zones',
    { config: { access: 'org.manage', audit: 'zone.create' }, schema: { tags, summary: '添加服务区域', params: idParam, body: zoneInput, response: { 201: zone } } },
    async (request, reply) => {
      const created = await venue.createZone(db, request.params.id, request.body);
      request.auditObject = { type: 'zone', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/zones/:id',
    { config: { access: 'org.manage', audit: 'zone.update' }, schema: { tags, summary: '修改服务区域', params: idParam, body: zonePatch, response: { 200: zone } } },
    async (request) => {
      request.auditObject = { type: 'zone', id: request.params.id, detail: request.body };
      return venue.updateZone(db, request.params.id, request.body);
    },
  );

  app.get(
    '/api/centers/:id/counters',
    { config: { access: 'org.read' }, schema: { tags, summary: '中心的窗口', params: idParam, response: { 200: z.array(counter) } } },
    (request) => venue.listCounters(db, request.params.id),
  );
  app.post(
    '/api/centers/:id/counters',
    { config: { access: 'org.manage', audit: 'counter.create' }, schema: { tags, summary: '添加窗口', params: idParam, body: counterInput, response: { 201: counter } } },
    async (request, reply) => {
      const created = await venue.createCounter(db, request.params.id, request.body, departmentCenterOf);
      request.auditObject = { type: 'counter', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/counters/:id',
    { config: { access: 'org.manage', audit: 'counter.update' }, schema: { tags, summary: '修改窗口', params: idParam, body: counterPatch, response: { 200: counter } } },
    async (request) => {
      request.auditObject = { type: 'counter', id: request.params.id, detail: request.body };
      return venue.updateCounter(db, request.params.id, request.body, departmentCenterOf);
    },
  );
};
