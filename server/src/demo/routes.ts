import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../platform/db/database.ts';
import { demoInfo } from './contract.ts';
import { DEMO_ACCOUNTS, DEMO_ENTERPRISES, DEMO_PASSWORD } from './data.ts';

/**
 * Tells the login page whether this is a demo, and with which accounts one can try it: the
 * accounts (well-known passwords) are listed to a browser on this machine only, unless
 * BANSHI_DEMO_PUBLIC=1 puts the demo on show for the network.
 */
export const demoRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { config }) => {
  app.get(
    '/api/demo',
    { config: { access: 'public' }, schema: { tags: ['platform'], summary: '演示模式及演示账户', response: { 200: demoInfo } } },
    async (request) =>
      config.BANSHI_DEMO && (config.BANSHI_DEMO_PUBLIC || isLoopback(request.ip))
        ? {
            enabled: true,
            accounts: DEMO_ACCOUNTS.map((a) => ({ username: a.username, password: DEMO_PASSWORD, displayName: a.displayName, roles: a.roles })),
            enterpriseAccounts: DEMO_ENTERPRISES.map((e) => ({ uscc: e.uscc, password: DEMO_PASSWORD, name: e.name })),
          }
        : { enabled: config.BANSHI_DEMO, accounts: [], enterpriseAccounts: [] },
  );
};

function isLoopback(ip: string): boolean {
  return ip === '::1' || /^(::ffff:)?127\./.test(ip);
}
