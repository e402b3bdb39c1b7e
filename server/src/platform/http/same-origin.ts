import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { AppError } from '../errors.ts';
import { zhCN } from '../../locales/zh-CN.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery: a state-changing request that a browser marks as coming from
 * another site (its `Origin`, or `Sec-Fetch-Site: cross-site`) is refused before anything else,
 * whatever its content type — SameSite cookies alone let a form or a multipart post through from
 * a sibling site. Clients that send neither (devices, scripts, tests) are judged by their session.
 * The product's own origin is the request's host or PUBLIC_URL.
 */
export function registerSameOrigin(app: FastifyInstance, config: Pick<Config, 'PUBLIC_URL'>): void {
  const publicOrigin = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : null;
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    if (isForeign(request, publicOrigin)) throw new AppError('FOREIGN_ORIGIN', zhCN.auth.foreignOrigin);
  });
}

function isForeign(request: FastifyRequest, publicOrigin: string | null): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  if (origin === 'null') return true;
  if (publicOrigin && origin === publicOrigin) return false;
  try {
    // through URL on both sides, so that a default port written out (host:80) is the same host
    return new URL(origin).host !== new URL(`${request.protocol}://${request.headers.host ?? ''}`).host;
  } catch {
    return true;
  }
}
