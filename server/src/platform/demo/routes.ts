import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../db/database.ts';
import { ROLES } from '../auth/roles.ts';
import { DEMO_ACCOUNTS, DEMO_ENTERPRISES, DEMO_PASSWORD } from './data.ts';

const demoInfo = z.object({
  enabled: z.boolean(),
  accounts: z.array(z.object({ username: z.string(), password: z.string(), displayName: z.string(), roles: z.array(z.enum(ROLES)) })),
  enterpriseAccounts: z.array(z.object({ uscc: z.string(), password: z.string(), name: z.string() })),
});

/** Tells the login page whether this is a demo, and with which accounts one can try it. */
export const demoRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { config }) => {
  app.get(
    '/api/demo',
    { config: { access: 'public' }, schema: { tags: ['platform'], summary: '演示模式及演示账户', response: { 200: demoInfo } } },
    async () =>
      config.BANSHI_DEMO
        ? {
            enabled: true,
            accounts: DEMO_ACCOUNTS.map((a) => ({ username: a.username, password: DEMO_PASSWORD, displayName: a.displayName, roles: a.roles })),
            enterpriseAccounts: DEMO_ENTERPRISES.map((e) => ({ uscc: e.uscc, password: DEMO_PASSWORD, name: e.name })),
          }
        : { enabled: false, accounts: [], enterpriseAccounts: [] },
  );
};
