import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../../platform/auth/plugin.ts';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { accessibilityDto, facilityDetail, facilityDto, facilityFigures, facilityInput, facilityListQuery, facilityPatch, faultReportInput, repairFinishInput, repairStartInput, versionBody } from './contract.ts';
import * as facilities from './service.ts';

/** Clause 4.2.2: the register of devices and facilities, their faults and repairs; the portal's accessibility list. */
export const facilityRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const tags = ['venue'];

  app.get(
    '/api/facilities',
    { config: { access: 'facility.report' }, schema: { tags, summary: '本中心的设备设施台账（可按状态、区域、未修复故障筛选）', querystring: facilityListQuery, response: { 200: z.array(facilityDto) } } },
    (request) => facilities.listFacilities(db, staffOf(request), request.query),
  );
  app.get(
    '/api/facility-figures',
    { config: { access: 'facility.report' }, schema: { tags, summary: '设备设施统计：各状态数量、未修复故障及其天数', response: { 200: facilityFigures } } },
    (request) => facilities.facilityFigures(db, staffOf(request)),
  );
  app.get(
    '/api/facilities/:id',
    { config: { access: 'facility.report' }, schema: { tags, summary: '设施详情及故障、维修记录', params: idParam, response: { 200: facilityDetail } } },
    (request) => facilities.getFacility(db, staffOf(request), request.params.id),
  );
  app.post(
    '/api/facilities',
    { config: { access: 'facility.manage', audit: 'facility.create' }, schema: { tags, summary: '登记设备设施（本中心的区域）', body: facilityInput, response: { 201: facilityDetail } } },
    async (request, reply) => {
      const created = await facilities.registerFacility(db, staffOf(request), request.body);
      request.auditObject = { type: 'facility', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/facilities/:id',
    { config: { access: 'facility.manage', audit: 'facility.update' }, schema: { tags, summary: '修改设施信息', params: idParam, body: facilityPatch, response: { 200: facilityDetail } } },
    (request) => {
      request.auditObject = { type: 'facility', id: request.params.id, detail: request.body };
      return facilities.updateFacility(db, staffOf(request), request.params.id, request.body);
    },
  );
  app.post(
    '/api/facilities/:id/retire',
    { config: { access: 'facility.manage', audit: 'facility.retire' }, schema: { tags, summary: '停用设施（未修复的故障随之关闭）', params: idParam, body: versionBody, response: { 200: facilityDetail } } },
    (request) => {
      request.auditObject = { type: 'facility', id: request.params.id };
      return facilities.retireFacility(db, staffOf(request), request.params.id, request.body.version);
    },
  );
  app.post(
    '/api/facilities/:id/reinstate',
    { config: { access: 'facility.manage', audit: 'facility.reinstate' }, schema: { tags, summary: '恢复使用已停用的设施', params: idParam, body: versionBody, response: { 200: facilityDetail } } },
    (request) => {
      request.auditObject = { type: 'facility', id: request.params.id };
      return facilities.reinstateFacility(db, staffOf(request), request.params.id, request.body.version);
    },
  );
  app.post(
    '/api/facilities/:id/faults',
    { config: { access: 'facility.report', audit: 'facility.fault_report' }, schema: { tags, summary: '报告故障（任何工作人员）：设施转为故障；已有未修复的故障时并入该故障', params: idParam, body: faultReportInput, response: { 201: facilityDetail } } },
    async (request, reply) => {
      request.auditObject = { type: 'facility', id: request.params.id };
      return reply.status(201).send(await facilities.reportFault(db, staffOf(request), request.params.id, request.body.description));
    },
  );
  app.post(
    '/api/facilities/:id/repair-start',
    { config: { access: 'facility.manage', audit: 'facility.repair_start' }, schema: { tags, summary: '开始维修（故障设施转为维修中）', params: idParam, body: repairStartInput, response: { 200: facilityDetail } } },
    (request) => {
      request.auditObject = { type: 'facility', id: request.params.id };
      return facilities.startRepair(db, staffOf(request), request.params.id, request.body);
    },
  );
  app.post(
    '/api/facilities/:id/repair-finish',
    { config: { access: 'facility.manage', audit: 'facility.repair_finish' }, schema: { tags, summary: '维修完成：登记结果，设施恢复在用', params: idParam, body: repairFinishInput, response: { 200: facilityDetail } } },
    (request) => {
      request.auditObject = { type: 'facility', id: request.params.id };
      return facilities.finishRepair(db, staffOf(request), request.params.id, request.body);
    },
  );

  app.get(
    '/api/portal/centers/:id/accessibility',
    { config: { access: 'public' }, schema: { tags: ['portal'], summary: '门户：中心的无障碍设施（在用，按区域）', params: idParam, response: { 200: accessibilityDto } } },
    (request) => facilities.accessibilityOf(db, request.params.id),
  );
};
