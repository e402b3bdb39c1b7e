import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { receiveFile, sendFile } from '../../../platform/files/http.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { MATERIAL_POLICY } from '../intake/service.ts';
import { directoryEntry, directoryInput, fileParams, handoverDto, handoverInput, handoverListQuery, importBody, partParams, returnBody, versionBody } from './contract.ts';
import { listDirectory, saveDirectoryEntry } from './directory.ts';
import { exportPackage, importResult } from './exchange.ts';
import { attachScan, completePart, createHandover, getHandover, listHandovers, openScan, returnResult } from './service.ts';

/** 跨域通办 (6.3.2): the directory (public), hand-overs both sides see, scans, results, export and import. */
export const crossRegionRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['cross-region'];

  app.get(
    '/api/portal/cross-region/directory',
    { config: { access: 'public' }, schema: { tags, summary: '跨域通办事项目录：事项、办理模式和合作地区', response: { 200: z.array(directoryEntry) } } },
    () => listDirectory(deps.db),
  );
  app.get(
    '/api/cross-region/directory',
    { config: { access: 'authenticated' }, schema: { tags, summary: '本中心的跨域通办目录', response: { 200: z.array(directoryEntry) } } },
    async (request) => {
      const centerId = staffOf(request).centerId;
      return centerId ? listDirectory(deps.db, centerId) : [];
    },
  );
  app.put(
    '/api/cross-region/directory',
    { config: { access: 'catalog.manage', audit: 'cross_region.directory_save' }, schema: { tags, summary: '将本中心已发布的事项列入跨域通办目录（或修改其模式和合作地区）', body: directoryInput, response: { 200: directoryEntry } } },
    async (request) => {
      const saved = await saveDirectoryEntry(deps.db, staffOf(request), request.body);
      request.auditObject = { type: 'cross_region_item', id: saved.id };
      return saved;
    },
  );

  app.get(
    '/api/cross-region/handovers',
    { config: { access: 'authenticated' }, schema: { tags, summary: '跨域办件：本中心收件的（received）或由本中心办理的（competent）', querystring: handoverListQuery, response: { 200: z.array(handoverDto) } } },
    (request) => listHandovers(deps, staffOf(request), request.query.side),
  );
  app.post(
    '/api/cross-region/handovers',
    { config: { access: 'application.intake', audit: 'cross_region.receive' }, schema: { tags, summary: '跨域收件：核验身份和材料后，为办理地登记办件（异地代收代办或多地联办）', body: handoverInput, response: { 201: handoverDto } } },
    async (request, reply) => {
      const created = await createHandover(deps, staffOf(request), request.body);
      request.auditObject = { type: 'cross_region_handover', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/cross-region/handovers/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: '跨域办件详情（收件地和办理地都可查看）', params: idParam, response: { 200: handoverDto } } },
    (request) => getHandover(deps, staffOf(request), request.params.id),
  );
  app.post(
    '/api/cross-region/handovers/:id/files',
    {
      config: { access: 'application.intake', audit: 'cross_region.attach_scan' },
      schema: { tags, summary: '上传一份扫描材料（PDF、JPG、PNG）', params: idParam, consumes: ['multipart/form-data'], response: { 200: handoverDto } },
    },
    async (request) => {
      request.auditObject = { type: 'cross_region_handover', id: request.params.id };
      const file = await receiveFile(request, { ...MATERIAL_POLICY, what: '扫描材料' });
      return attachScan(deps, staffOf(request), request.params.id, file);
    },
  );
  app.get(
    '/api/cross-region/handovers/:id/files/:fileId',
    { config: { access: 'authenticated' }, schema: { tags, summary: '查看扫描材料', params: fileParams } },
    async (request, reply) => sendFile(reply, await openScan(deps, staffOf(request), request.params.id, request.params.fileId), { disposition: 'inline', asciiName: 'scan', cacheControl: 'private, no-store' }),
  );
  app.post(
    '/api/cross-region/handovers/:id/return',
    { config: { access: 'application.deliver', audit: 'cross_region.return_result' }, schema: { tags, summary: '办理地寄回办理结果（邮寄或电子证照）', params: idParam, body: returnBody, response: { 200: handoverDto } } },
    async (request) => {
      request.auditObject = { type: 'cross_region_handover', id: request.params.id };
      return returnResult(deps, staffOf(request), request.params.id, request.body);
    },
  );
  app.post(
    '/api/cross-region/handovers/:id/parts/:partId/done',
    { config: { access: 'application.intake', audit: 'cross_region.complete_part' }, schema: { tags, summary: '多地联办：登记一个环节办结', params: partParams, body: versionBody, response: { 200: handoverDto } } },
    async (request) => {
      request.auditObject = { type: 'cross_region_handover', id: request.params.id, detail: { partId: request.params.partId } };
      return completePart(deps, staffOf(request), request.params.id, request.params.partId, request.body.version);
    },
  );
  app.post(
    '/api/cross-region/handovers/:id/export',
    { config: { access: 'application.intake', audit: 'cross_region.export' }, schema: { tags, summary: '导出交换包（办件记录和扫描材料，签名的 JSON 文件），交给其他系统的办理地', params: idParam } },
    async (request, reply) => {
      request.auditObject = { type: 'cross_region_handover', id: request.params.id };
      const exported = await exportPackage(deps, staffOf(request), request.params.id);
      return reply.header('content-disposition', `attachment; filename="${exported.filename}"`).header('cache-control', 'private, no-store').send(exported.content);
    },
  );
  app.post(
    '/api/cross-region/handovers/:id/result',
    { config: { access: 'application.intake', audit: 'cross_region.import_result' }, schema: { tags, summary: '导入办理地签发的办理结果（校验签名）', params: idParam, body: importBody, response: { 200: handoverDto } } },
    async (request) => {
      request.auditObject = { type: 'cross_region_handover', id: request.params.id };
      return importResult(deps, staffOf(request), request.params.id, request.body);
    },
  );
};
