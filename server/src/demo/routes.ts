import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../platform/db/database.ts';
import { demoInfo } from './contract.ts';
import { DEMO_ACCOUNTS, DEMO_ENTERPRISES, DEMO_PASSWORD } from './data.ts';

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
