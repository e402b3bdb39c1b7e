import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { AppError } from '../../../platform/errors.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { editorOf } from '../editor.ts';
import { receiveFile, sendFile } from '../../../platform/files/http.ts';
import { CATALOG_FILE_POLICY, downloadFile, uploadFile } from '../files/service.ts';
import { exportCatalog, importCatalog, MAX_WORKBOOK_BYTES } from './service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const centerQuery = z.strictObject({ centerId: z.uuid() });
const fileInfo = z.object({ id: z.string(), filename: z.string(), mediaType: z.string(), size: z.number(), createdAt: z.string() });
const importSummary = z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), departmentsCreated: z.array(z.string()) });

const attachment = (filename: string) => `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** Material templates and samples, and the whole catalog as an .xlsx workbook. */
export const importExportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/catalog/files',
    { config: { access: 'catalog.manage', audit: 'catalog_file.upload' }, schema: { tags: ['catalog'], summary: '上传材料的空白模板或示例样表（multipart，字段 file）', querystring: centerQuery, response: { 201: fileInfo } } },
    async (request, reply) => {
      const file = await receiveFile(request, CATALOG_FILE_POLICY);
      const created = await uploadFile(db, request.query.centerId, file, editorOf(staffOf(request)));
      request.auditObject = { type: 'catalog_file', id: created.id, detail: { filename: created.filename, size: created.size } };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/catalog/files/:id',
    { config: { access: 'public' }, schema: { tags: ['portal'], summary: '下载材料的空白模板或示例样表', params: idParam } },
    async (request, reply) => {
      const file = await downloadFile(db, request.params.id);
      return sendFile(reply, file, { disposition: 'attachment', cacheControl: 'public, max-age=86400, immutable' });
    },
  );
  app.get(
    '/api/catalog/export',
    { config: { access: 'catalog.manage' }, schema: { tags: ['catalog'], summary: '导出中心的事项目录（.xlsx）', querystring: centerQuery } },
    async (request, reply) => {
      const { filename, content } = await exportCatalog(db, request.query.centerId);
      return reply.type(XLSX).header('content-disposition', attachment(filename)).send(content);
    },
  );
  app.post(
    '/api/catalog/import',
    {
      config: { access: 'catalog.manage', audit: 'catalog.import' },
      schema: {
        tags: ['catalog'],
        summary: '导入事项目录（.xlsx，multipart 字段 file）；有任何错误则整份不导入',
        querystring: centerQuery.extend({ createDepartments: z.enum(['true', 'false']).default('false') }).strict(),
        response: { 200: importSummary },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const createDepartments = request.query.createDepartments === 'true';
      if (createDepartments && !staff.permissions.has('org.manage')) throw new AppError('FORBIDDEN', '自动创建进驻部门需要“管理机构”权限');
      const part = await request.file({ limits: { fileSize: MAX_WORKBOOK_BYTES, files: 1 } });
      if (!part) throw new AppError('VALIDATION_FAILED', '请选择要导入的工作簿', [{ field: 'file', message: '缺少文件' }]);
      const content = await part.toBuffer();
      request.auditObject = { type: 'center', id: request.query.centerId, detail: { filename: part.filename, size: content.length } };
      return importCatalog(db, request.query.centerId, content, { createDepartments }, editorOf(staff));
    },
  );
};
