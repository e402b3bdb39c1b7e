import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { idParam, ok } from '../../../platform/http/schemas.ts';
import { contact, contactInput, enterprise, enterpriseDetail, enterpriseInput, enterprisePage, enterprisePatch, enterpriseSearch, importResult } from '../contract.ts';
import { importEnterprises, importTemplateCsv } from '../import/service.ts';
import { MAX_IMPORT_BYTES } from '../import/parse.ts';
import { personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { addContact, removeContact } from '../people/service.ts';
import { getEnterpriseDetail } from '../service.ts';
import * as registry from './service.ts';

/** The enterprise registry for staff: search, detail, registration, changes, import, contacts. */
export const registryRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  const tags = ['enterprises'];
  const keys = personalDataKeys(config);

  app.get(
    '/api/enterprises',
    {
      config: { access: 'enterprise.read' },
      schema: { tags, summary: '企业库查询：按代码、名称、行政区划、镇街、行业、规模、标签', querystring: enterpriseSearch, response: { 200: enterprisePage } },
    },
    (request) => registry.searchEnterprises(db, request.query),
  );

  app.get(
    '/api/enterprises/towns',
    {
      config: { access: 'enterprise.read' },
      schema: { tags, summary: '企业库中已有的镇街（供查询条件选择）', response: { 200: z.array(z.object({ districtCode: z.string(), town: z.string() })) } },
    },
    () => registry.listTowns(db),
  );

  app.get(
    '/api/enterprises/import-template.csv',
    { config: { access: 'enterprise.manage' }, schema: { tags, summary: '企业导入模板（CSV，含示例行）' } },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="enterprise-import.csv"; filename*=UTF-8''${encodeURIComponent('企业导入模板.csv')}`)
        .send(importTemplateCsv()),
  );

  app.get(
    '/api/enterprises/:id',
    { config: { access: 'enterprise.read' }, schema: { tags, summary: '企业详情（联系人脱敏、信用记录）', params: idParam, response: { 200: enterpriseDetail } } },
    (request) => getEnterpriseDetail(db, request.params.id),
  );

  app.post(
    '/api/enterprises',
    {
      config: { access: 'enterprise.manage', audit: 'enterprise.create' },
      schema: { tags, summary: '登记企业（自动计算规模类型并说明理由）', body: enterpriseInput, response: { 201: enterprise } },
    },
    async (request, reply) => {
      request.auditObject = { type: 'enterprise', id: '', detail: { uscc: request.body.uscc } };
      const created = await registry.registerEnterprise(db, request.body);
      request.auditObject.id = created.id;
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/enterprises/:id',
    {
      config: { access: 'enterprise.manage', audit: 'enterprise.update' },
      schema: { tags, summary: '修改企业信息（规模类型随之重新计算）', params: idParam, body: enterprisePatch, response: { 200: enterprise } },
    },
    async (request) => {
      request.auditObject = { type: 'enterprise', id: request.params.id, detail: { fields: Object.keys(request.body).filter((k) => k !== 'version') } };
      return registry.updateEnterprise(db, request.params.id, request.body);
    },
  );

  app.post(
    '/api/enterprises/import',
    {
      config: { access: 'enterprise.manage', audit: 'enterprise.import' },
      schema: { tags, summary: '从 .xlsx 或 CSV 导入企业（有任何错误行则全部不导入）', consumes: ['multipart/form-data'], response: { 200: importResult } },
    },
    async (request) => {
      const file = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
      if (!file) throw new AppError('IMPORT_INVALID', '请选择要导入的文件', [{ field: 'file', message: '未收到文件' }]);
      const content = await file.toBuffer();
      request.auditObject = { type: 'enterprise_import', id: '', detail: { filename: file.filename, bytes: content.length } };
      const result = await importEnterprises(db, { filename: file.filename, content });
      request.auditObject.detail = { ...request.auditObject.detail, imported: result.imported };
      return result;
    },
  );

  app.post(
    '/api/enterprises/:id/contacts',
    {
      config: { access: 'enterprise.manage', audit: 'enterprise.contact_add' },
      schema: { tags, summary: '添加企业联系人（法定代表人、经办人、联系人、申请人）', params: idParam, body: contactInput, response: { 201: contact } },
    },
    async (request, reply) => {
      const created = await addContact(db, keys, request.params.id, request.body, staffOf(request).centerId);
      request.auditObject = { type: 'enterprise', id: request.params.id, detail: { contactId: created.id, personId: created.person.id, role: created.role } };
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/enterprises/:id/contacts/:contactId',
    {
      config: { access: 'enterprise.manage', audit: 'enterprise.contact_remove' },
      schema: { tags, summary: '移除企业联系人', params: z.strictObject({ id: z.uuid(), contactId: z.uuid() }), response: { 200: ok } },
    },
    async (request) => {
      request.auditObject = { type: 'enterprise', id: request.params.id, detail: { contactId: request.params.contactId } };
      await removeContact(db, request.params.id, request.params.contactId);
      return { ok: true as const };
    },
  );
};
