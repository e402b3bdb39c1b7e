import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { person, personDetail, personInput, personLookup, personPatch, personSearch, unmaskInput, unmasked } from '../contract.ts';
import { getPersonDetail } from '../service.ts';
import { personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import * as people from './service.ts';

/** People for staff: masked everywhere; one record in clear only with a stated reason, audited. */
const peoplePage = z.object({ items: z.array(person), total: z.number(), page: z.number(), pageSize: z.number() });

export const peopleRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  const tags = ['people'];
  const keys = personalDataKeys(config);

  app.get(
    '/api/people',
    {
      config: { access: 'enterprise.read' },
      schema: {
        tags,
        summary: '人员列表：按姓名查找（结果脱敏）',
        querystring: personSearch,
        response: { 200: peoplePage },
      },
    },
    (request) => people.searchPeople(db, keys, request.query),
  );

  app.post(
    '/api/people/search',
    {
      config: { access: 'enterprise.read', audit: 'person.search' },
      schema: { tags, summary: '按身份证号码或电话号码精确查找人员（号码只放在请求体中，不进入网址和日志；结果脱敏）', body: personLookup, response: { 200: peoplePage } },
    },
    async (request) => {
      // which numbers were looked up by, never the numbers
      request.auditObject = { type: 'person', id: '', detail: { by: (['name', 'idNumber', 'phone'] as const).filter((k) => request.body[k]) } };
      return people.searchPeople(db, keys, request.body);
    },
  );

  app.get(
    '/api/people/:id',
    { config: { access: 'enterprise.read' }, schema: { tags, summary: '人员详情（脱敏）、关联企业和信用记录', params: idParam, response: { 200: personDetail } } },
    (request) => getPersonDetail(db, request.params.id),
  );

  app.post(
    '/api/people',
    {
      config: { access: 'enterprise.manage', audit: 'person.create' },
      schema: { tags, summary: '登记人员（身份证号码和电话加密保存）', body: personInput, response: { 201: person } },
    },
    async (request, reply) => {
      request.auditObject = { type: 'person', id: '' };
      const created = await people.createPerson(db, keys, request.body, staffOf(request).centerId);
      request.auditObject.id = created.id;
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/people/:id',
    {
      config: { access: 'enterprise.manage', audit: 'person.update' },
      schema: { tags, summary: '修改人员姓名或电话', params: idParam, body: personPatch, response: { 200: person } },
    },
    async (request) => {
      request.auditObject = { type: 'person', id: request.params.id, detail: { fields: Object.keys(request.body).filter((k) => k !== 'version') } };
      return people.updatePerson(db, keys, request.params.id, request.body);
    },
  );

  app.post(
    '/api/people/:id/unmask',
    {
      config: { access: 'person.unmask', audit: 'person.unmask' },
      schema: { tags, summary: '查看一条人员记录的完整身份证号码和电话（须说明理由，记入审计日志）', params: idParam, body: unmaskInput, response: { 200: unmasked } },
    },
    async (request) => {
      // The reason is what the audit row must show; the numbers themselves never go into it.
      request.auditObject = { type: 'person', id: request.params.id, detail: { reason: request.body.reason } };
      return people.unmaskPerson(db, keys, request.params.id, staffOf(request));
    },
  );
};
