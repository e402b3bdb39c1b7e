import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import * as venue from '../../venue/service.ts';
import { getEnterpriseByUscc } from '../../enterprises/service.ts';
import { grant, grantInput, license, redeemInput, redemption } from '../contract.ts';
import { sendDocument } from '../send-document.ts';
import { licenseDocument, licensesOfHolder } from '../service.ts';
import * as grants from './service.ts';

function holderOf(request: FastifyRequest): string {
  const p = request.principal;
  if (p?.type !== 'enterprise') throw new AppError('FORBIDDEN', '请使用企业账户登录');
  return p.uscc;
}

/** The holder's licenses and grants on the portal, and redemption at the counter. */
export const grantRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  const tags = ['license-grants'];

  app.get(
    '/api/portal/licenses',
    { config: { access: 'enterprise' }, schema: { tags, summary: '本企业的电子证照', response: { 200: z.array(license) } } },
    async (request) => licensesOfHolder(db, (await getEnterpriseByUscc(db, holderOf(request))).id),
  );
  app.get(
    '/api/portal/licenses/:id/document',
    { config: { access: 'enterprise' }, schema: { tags, summary: '本企业证照的文件', params: idParam } },
    async (request, reply) => {
      const holder = await getEnterpriseByUscc(db, holderOf(request));
      const own = await licensesOfHolder(db, holder.id);
      if (!own.some((l) => l.id === request.params.id)) throw new AppError('NOT_FOUND', '证照不存在');
      return sendDocument(reply, await licenseDocument(db, request.params.id));
    },
  );

  app.get(
    '/api/portal/license-grants',
    { config: { access: 'enterprise' }, schema: { tags, summary: '本企业的授权码及其使用记录', response: { 200: z.array(grant) } } },
    (request) => grants.listOwnGrants(db, holderOf(request)),
  );
  app.get(
    '/api/portal/license-grants/:id',
    { config: { access: 'enterprise' }, schema: { tags, summary: '一个授权码（有效期内含二维码）', params: idParam, response: { 200: grant } } },
    (request) => grants.getOwnGrant(db, holderOf(request), request.params.id),
  );
  app.post(
    '/api/portal/license-grants',
    {
      config: { access: 'enterprise', audit: 'license_grant.create' },
      schema: { tags, summary: '亮码授权：为所选证照生成 10 分钟内有效、只能使用一次的授权码', body: grantInput, response: { 201: grant } },
    },
    async (request, reply) => {
      const created = await grants.createGrant(db, holderOf(request), request.body.typeIds);
      request.auditObject = { type: 'license_grant', id: created.id, detail: { typeIds: request.body.typeIds } };
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/portal/license-grants/:id/cancel',
    { config: { access: 'enterprise', audit: 'license_grant.cancel' }, schema: { tags, summary: '撤回尚未使用的授权码', params: idParam, response: { 200: grant } } },
    async (request) => {
      request.auditObject = { type: 'license_grant', id: request.params.id };
      return grants.cancelGrant(db, holderOf(request), request.params.id);
    },
  );

  app.post(
    '/api/license-grants/redeem',
    {
      config: { access: 'license.redeem', audit: 'license_grant.redeem', keepFailures: true },
      schema: { tags, summary: '窗口使用授权码调取证照（输入 6 位数字或扫描二维码）', body: redeemInput, response: { 200: redemption } },
    },
    async (request) => {
      const staff = staffOf(request);
      request.auditObject = { type: 'license_grant', id: '', detail: { applicationRef: request.body.applicationRef } };
      const centerName = staff.centerId ? (await venue.getCenter(db, staff.centerId).catch(() => null))?.name ?? '' : '';
      const result = await grants.redeemGrant(db, { staffId: staff.id, staffName: staff.displayName, centerName }, request.body);
      request.auditObject = {
        type: 'license_grant',
        id: result.grantId,
        detail: { uscc: result.holder.uscc, applicationRef: result.applicationRef, licenseIds: result.licenses.map((l) => l.id) },
      };
      return result;
    },
  );
  app.get(
    '/api/license-grants/redeemed',
    { config: { access: 'license.redeem' }, schema: { tags, summary: '我调取过的证照（最近 50 次）', response: { 200: z.array(redemption) } } },
    (request) => grants.listRedeemedBy(db, staffOf(request).id),
  );
  app.get(
    '/api/license-grants/:grantId/licenses/:licenseId/document',
    {
      config: { access: 'license.redeem' },
      schema: { tags, summary: '通过授权码调取的证照文件（仅调取人可看）', params: z.strictObject({ grantId: z.uuid(), licenseId: z.uuid() }) },
    },
    async (request, reply) => {
      await grants.assertRedeemedLicense(db, staffOf(request).id, request.params.grantId, request.params.licenseId);
      return sendDocument(reply, await licenseDocument(db, request.params.licenseId));
    },
  );
};
