import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { enterpriseDetail } from '../contract.ts';
import { getOwnProfile } from '../service.ts';

/** The portal account's own enterprise. */
export const portalProfileRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/api/portal/enterprise',
    {
      config: { access: 'enterprise' },
      schema: { tags: ['portal'], summary: '本企业的登记信息、联系人（脱敏）和信用记录', response: { 200: enterpriseDetail } },
    },
    (request) => {
      const principal = request.principal;
      if (principal?.type !== 'enterprise') throw new AppError('FORBIDDEN', '请使用企业账户登录');
      return getOwnProfile(db, principal.uscc);
    },
  );
};
