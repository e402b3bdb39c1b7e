import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../../../platform/auth/plugin.ts';
import { staffInCenter } from '../../../../platform/auth/scope.ts';
import { RATE_LIMITS, rateLimit } from '../../../../platform/http/rate-limit.ts';
import { idParam } from '../../../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../../../platform/http/module-deps.ts';
import { depositDto, depositInput, lockerDto, lockerInput, lockerWithKey, pickupDto, pickupInput } from './contract.ts';
import { depositInLocker, listLockers, pickupFromLocker, registerLocker } from './service.ts';

const centerIdParam = z.strictObject({ centerId: z.uuid('编号格式不正确') });
const REFUSAL = '只能管理本中心的智能柜';

/** 智能柜 (clause 7): registering lockers, putting a result in a slot, and the locker opening a slot for its code. */
export const lockerRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['applications'];
  app.get(
    '/api/centers/:centerId/lockers',
    { config: { access: 'application.deliver' }, schema: { tags, summary: '中心的智能柜及格口占用', params: centerIdParam, response: { 200: z.array(lockerDto) } } },
    (request) => {
      staffInCenter(request, request.params.centerId, REFUSAL);
      return listLockers(deps.db, request.params.centerId);
    },
  );
  app.post(
    '/api/centers/:centerId/lockers',
    {
      config: { access: 'queue.manage', audit: 'locker.create' },
      schema: { tags, summary: '登记智能柜（设备密钥只显示这一次）', params: centerIdParam, body: lockerInput, response: { 201: lockerWithKey } },
    },
    async (request, reply) => {
      staffInCenter(request, request.params.centerId, REFUSAL);
      const created = await registerLocker(deps.db, request.params.centerId, request.body);
      request.auditObject = { type: 'locker', id: created.locker.id };
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/applications/:id/delivery/locker',
    {
      config: { access: 'application.deliver', audit: 'application.deposit_in_locker' },
      schema: { tags, summary: '将办件结果放入智能柜（取件码以短信发给申请人）', params: idParam, body: depositInput, response: { 200: depositDto } },
    },
    (request) => {
      request.auditObject = { type: 'application', id: request.params.id };
      return depositInLocker(deps, staffOf(request), { applicationId: request.params.id, ...request.body });
    },
  );
  app.post(
    '/api/lockers/pickup',
    {
      config: {
        access: 'public',
        audit: 'application.pickup_from_locker',
        rateLimit: rateLimit({ ...RATE_LIMITS.kiosk, name: 'locker-pickup', message: '取件码输入过于频繁，请稍后再试' }),
      },
      schema: { tags, summary: '智能柜凭取件码开柜（一次有效；请求头 x-device-key 为智能柜密钥）', body: pickupInput, response: { 200: pickupDto } },
    },
    async (request) => {
      const key = request.headers['x-device-key'];
      const picked = await pickupFromLocker(deps, typeof key === 'string' ? key : undefined, request.body.code);
      request.auditObject = { type: 'application', id: picked.applicationId };
      return { slotNumber: picked.slotNumber, applicationNumber: picked.applicationNumber, itemName: picked.itemName };
    },
  );
};
