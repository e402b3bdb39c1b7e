import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam, version } from '../../../platform/http/schemas.ts';
import { centerIdParam } from '../contract.ts';
import { publishQueueEvent } from '../events.ts';
import { receiveFile } from '../../../platform/files/http.ts';
import { PHOTO_POLICY, setStaffPhoto } from '../photos/service.ts';
import { staffInCenter } from '../scope.ts';
import { device, deviceInput, devicePatch, deviceWithKey, queue, queueInput, queueItem, queuePatch, queueSettings, queueSettingsInput } from './contract.ts';
import * as devices from './devices.ts';
import * as settings from './service.ts';

/** A center's queue configuration: hours and priorities, queues and their counters, devices. */
export const queueSettingsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const tags = ['queue'];

  app.get(
    '/api/queue/centers/:centerId/settings',
    { config: { access: 'org.read' }, schema: { tags, summary: '排队设置（取号时间、优先级与公平上限）', params: centerIdParam, response: { 200: queueSettings } } },
    (request) => {
      staffInCenter(request, request.params.centerId);
      return settings.getSettings(db, request.params.centerId);
    },
  );
  app.put(
    '/api/queue/centers/:centerId/settings',
    {
      config: { access: 'queue.manage', audit: 'queue_settings.update' },
      schema: { tags, summary: '修改排队设置', params: centerIdParam, body: queueSettingsInput, response: { 200: queueSettings } },
    },
    async (request) => {
      staffInCenter(request, request.params.centerId);
      request.auditObject = { type: 'center', id: request.params.centerId, detail: { ...request.body } };
      const saved = await settings.saveSettings(db, request.params.centerId, request.body);
      await publishQueueEvent(db, request.params.centerId, { kind: 'settings', action: 'changed' });
      return saved;
    },
  );

  app.get(
    '/api/queue/centers/:centerId/queues',
    { config: { access: 'org.read' }, schema: { tags, summary: '中心的排队队列', params: centerIdParam, response: { 200: z.array(queue) } } },
    (request) => {
      staffInCenter(request, request.params.centerId);
      return settings.listQueues(db, request.params.centerId);
    },
  );
  app.post(
    '/api/queue/centers/:centerId/queues',
    { config: { access: 'queue.manage', audit: 'queue.create' }, schema: { tags, summary: '新建队列', params: centerIdParam, body: queueInput, response: { 201: queue } } },
    async (request, reply) => {
      staffInCenter(request, request.params.centerId);
      const created = await settings.createQueue(db, request.params.centerId, request.body);
      request.auditObject = { type: 'queue', id: created.id };
      await publishQueueEvent(db, created.centerId, { kind: 'settings', action: 'changed', queueId: created.id });
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/queue/queues/:id',
    { config: { access: 'queue.manage', audit: 'queue.update' }, schema: { tags, summary: '修改队列（含暂停或恢复取号、分配窗口）', params: idParam, body: queuePatch, response: { 200: queue } } },
    async (request) => {
      const current = await settings.getQueue(db, request.params.id);
      staffInCenter(request, current.centerId);
      request.auditObject = { type: 'queue', id: current.id, detail: { ...request.body } };
      const updated = await settings.updateQueue(db, current.id, request.body);
      await publishQueueEvent(db, updated.centerId, { kind: 'settings', action: 'changed', queueId: updated.id });
      return updated;
    },
  );
  app.get(
    '/api/queue/centers/:centerId/items',
    { config: { access: 'org.read' }, schema: { tags, summary: '中心已发布的事项及办理它的队列', params: centerIdParam, response: { 200: z.array(queueItem) } } },
    (request) => {
      staffInCenter(request, request.params.centerId);
      return settings.listQueueItems(db, request.params.centerId);
    },
  );

  app.get(
    '/api/queue/centers/:centerId/devices',
    { config: { access: 'queue.manage' }, schema: { tags, summary: '取号机、叫号屏和评价器', params: centerIdParam, response: { 200: z.array(device) } } },
    (request) => {
      staffInCenter(request, request.params.centerId);
      return devices.listDevices(db, request.params.centerId);
    },
  );
  app.post(
    '/api/queue/centers/:centerId/devices',
    {
      config: { access: 'queue.manage', audit: 'device.create' },
      schema: { tags, summary: '登记设备（设备密钥只显示这一次）', params: centerIdParam, body: deviceInput, response: { 201: deviceWithKey } },
    },
    async (request, reply) => {
      staffInCenter(request, request.params.centerId);
      const created = await devices.createDevice(db, request.params.centerId, request.body);
      request.auditObject = { type: 'device', id: created.device.id };
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/queue/devices/:id',
    { config: { access: 'queue.manage', audit: 'device.update' }, schema: { tags, summary: '修改或停用设备', params: idParam, body: devicePatch, response: { 200: device } } },
    async (request) => {
      staffInCenter(request, (await devices.getDevice(db, request.params.id)).centerId);
      request.auditObject = { type: 'device', id: request.params.id, detail: { ...request.body } };
      return devices.updateDevice(db, request.params.id, request.body);
    },
  );
  app.post(
    '/api/queue/devices/:id/key',
    {
      config: { access: 'queue.manage', audit: 'device.renew_key' },
      schema: { tags, summary: '重新生成设备密钥（旧密钥立即失效）', params: idParam, body: z.strictObject({ version }), response: { 200: deviceWithKey } },
    },
    async (request) => {
      staffInCenter(request, (await devices.getDevice(db, request.params.id)).centerId);
      request.auditObject = { type: 'device', id: request.params.id };
      return devices.renewDeviceKey(db, request.params.id, request.body.version);
    },
  );

  app.put(
    '/api/queue/staff/:id/photo',
    {
      config: { access: 'authenticated', audit: 'staff_photo.update' },
      schema: { tags, summary: '上传工作人员照片（评价器显示；JPG、PNG、WebP，512 KB 以内）', params: idParam, consumes: ['multipart/form-data'], response: { 200: z.object({ updatedAt: z.string() }) } },
    },
    async (request) => {
      const by = staffOf(request);
      const { content } = await receiveFile(request, PHOTO_POLICY);
      request.auditObject = { type: 'staff', id: request.params.id };
      return setStaffPhoto(db, request.params.id, content, by);
    },
  );
};
