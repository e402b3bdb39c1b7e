import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../config.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import type { Db } from '../../../platform/db/database.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { creditRecord, creditRecordInput, creditRepairInput, creditStatus } from '../contract.ts';
import * as credit from './service.ts';

/** Credit records of enterprises and people (A.4.3, A.9.3). */
export const creditRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  const tags = ['credit'];

  app.get(
    '/api/enterprises/:id/credit',
    {
      config: { access: 'enterprise.read' },
      schema: { tags, summary: '企业信用记录，以及能否适用告知承诺、容缺受理', params: idParam, response: { 200: creditStatus } },
    },
    (request) => credit.creditStatusOf(db, { enterpriseId: request.params.id }),
  );

  app.post(
    '/api/enterprises/:id/credit-records',
    {
      config: { access: 'credit.manage', audit: 'credit.record' },
      schema: { tags, summary: '记录企业的信用信息（严重失信、虚假承诺、失信名单）', params: idParam, body: creditRecordInput, response: { 201: creditRecord } },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const created = await credit.recordCreditEntry(db, { enterpriseId: request.params.id }, { ...request.body, recordedBy: staff.displayName });
      request.auditObject = { type: 'credit_record', id: created.id, detail: { enterpriseId: request.params.id, kind: created.kind } };
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/people/:id/credit-records',
    {
      config: { access: 'credit.manage', audit: 'credit.record' },
      schema: { tags, summary: '记录个人的信用信息', params: idParam, body: creditRecordInput, response: { 201: creditRecord } },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const created = await credit.recordCreditEntry(db, { personId: request.params.id }, { ...request.body, recordedBy: staff.displayName });
      request.auditObject = { type: 'credit_record', id: created.id, detail: { personId: request.params.id, kind: created.kind } };
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/credit-records/:id/repair',
    {
      config: { access: 'credit.manage', audit: 'credit.repair' },
      schema: { tags, summary: '信用修复：记录修复日期，此后不再限制告知承诺、容缺受理', params: idParam, body: creditRepairInput, response: { 200: creditRecord } },
    },
    async (request) => {
      request.auditObject = { type: 'credit_record', id: request.params.id, detail: { repairedOn: request.body.repairedOn } };
      return credit.repairCreditRecord(db, request.params.id, request.body);
    },
  );
};
