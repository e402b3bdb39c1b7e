import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { staffOf } from '../../platform/auth/plugin.ts';
import type { Db } from '../../platform/db/database.ts';
import { idParam } from '../../platform/http/schemas.ts';
import { license, licenseIssueInput, licensePage, licenseRevokeInput, licenseSearch, licenseType, licenseTypeInput, licenseTypePatch } from './contract.ts';
import { receiveFile } from '../../platform/files/http.ts';
import { DOCUMENT_POLICY } from './documents.ts';
import { sendDocument } from './send-document.ts';
import { grantRoutes } from './grants/routes.ts';
import { kioskLicenseRoutes } from './grants/kiosk-routes.ts';
import * as licenses from './service.ts';

/** The e-license library for administrators and chief officers, and the grant routes. */
export const licenseRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, deps) => {
  const { db } = deps;
  const tags = ['licenses'];

  app.get(
    '/api/license-types',
    { config: { access: 'authenticated' }, schema: { tags, summary: '证照类型', response: { 200: z.array(licenseType) } } },
    () => licenses.listLicenseTypes(db),
  );
  app.post(
    '/api/license-types',
    { config: { access: 'license.manage', audit: 'license_type.create' }, schema: { tags, summary: '新增证照类型', body: licenseTypeInput, response: { 201: licenseType } } },
    async (request, reply) => {
      const created = await licenses.createLicenseType(db, request.body);
      request.auditObject = { type: 'license_type', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/license-types/:id',
    {
      config: { access: 'license.manage', audit: 'license_type.update' },
      schema: { tags, summary: '修改或停用证照类型', params: idParam, body: licenseTypePatch, response: { 200: licenseType } },
    },
    async (request) => {
      request.auditObject = { type: 'license_type', id: request.params.id, detail: request.body };
      return licenses.updateLicenseType(db, request.params.id, request.body);
    },
  );

  app.get(
    '/api/licenses',
    {
      config: { access: 'license.manage' },
      schema: { tags, summary: '电子证照库查询：按持证企业代码或证照编号、类型、状态', querystring: licenseSearch, response: { 200: licensePage } },
    },
    (request) => licenses.searchLicenses(db, request.query),
  );
  app.get(
    '/api/enterprises/:id/licenses',
    { config: { access: 'license.manage' }, schema: { tags, summary: '企业持有的证照', params: idParam, response: { 200: z.array(license) } } },
    (request) => licenses.licensesOfHolder(db, request.params.id),
  );
  app.post(
    '/api/licenses',
    {
      config: { access: 'license.manage', audit: 'license.issue' },
      schema: { tags, summary: '手工签发证照（办件出证由办件模块签发）', body: licenseIssueInput, response: { 201: license } },
    },
    async (request, reply) => {
      const { typeId, uscc, licenseNumber, ...rest } = request.body;
      const created = await licenses.issueLicense(db, { ...rest, number: licenseNumber, type: { id: typeId }, holder: { uscc } });
      request.auditObject = { type: 'license', id: created.id, detail: { uscc: created.holder.uscc, typeId, number: created.number } };
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/licenses/:id/revoke',
    {
      config: { access: 'license.manage', audit: 'license.revoke' },
      schema: { tags, summary: '吊销或撤销证照', params: idParam, body: licenseRevokeInput, response: { 200: license } },
    },
    async (request) => {
      request.auditObject = { type: 'license', id: request.params.id, detail: { reason: request.body.reason } };
      return licenses.revokeLicense(db, request.params.id, { ...request.body, by: staffOf(request).displayName });
    },
  );
  app.put(
    '/api/licenses/:id/document',
    {
      config: { access: 'license.manage', audit: 'license.document_upload' },
      schema: { tags, summary: '上传证照文件（PDF、PNG、JPG，10 MB 以内）', params: idParam, consumes: ['multipart/form-data'], response: { 200: license } },
    },
    async (request) => {
      const file = await receiveFile(request, DOCUMENT_POLICY);
      request.auditObject = { type: 'license', id: request.params.id, detail: { filename: file.filename, bytes: file.content.length } };
      return licenses.uploadLicenseDocument(db, request.params.id, file, staffOf(request).displayName);
    },
  );
  app.get(
    '/api/licenses/:id/document',
    { config: { access: 'license.manage' }, schema: { tags, summary: '证照文件（上传的文件，或按证照信息生成的图像）', params: idParam } },
    async (request, reply) => sendDocument(reply, await licenses.licenseDocument(db, request.params.id)),
  );

  await app.register(grantRoutes, deps);
  await app.register(kioskLicenseRoutes, deps);
};
