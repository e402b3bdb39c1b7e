import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { zhCN } from '../../locales/zh-CN.ts';
import { personalDataKeys } from '../personal-data/personal-data.ts';
import type { Access } from './roles.ts';
import { resolveSession, type AuthSettings } from './service.ts';

export const SESSION_COOKIE = 'banshi_session';

export type RouteAccess = { method: string; url: string; access: Access };

declare module 'fastify' {
  interface FastifyInstance {
    /** every API route with the access rule it declared */
    routeAccess: readonly RouteAccess[];
  }
}

export function authSettings(config: Config): AuthSettings {
  return {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    maxHours: config.SESSION_MAX_HOURS,
    maxFailures: config.LOGIN_MAX_FAILURES,
    lockMinutes: config.LOGIN_LOCK_MINUTES,
    keys: personalDataKeys(config),
  };
}

/** The session cookie: Secure when configured so, or else when the request came over HTTPS. */
export function sessionCookieOptions(config: Config, request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.COOKIE_SECURE ?? request.protocol === 'https',
    signed: true,
  };
}

/**
 * Deny by default: a route registered without `config.access` stops the app from starting,
 * and every request is checked against its route's access rule before the handler runs.
 */
export function registerAccessControl(app: FastifyInstance, deps: { db: Db; config: Config }): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('auditObject', undefined);

  const table: RouteAccess[] = [];
  app.decorate('routeAccess', table);
  app.addHook('onRoute', (route) => {
    // The web app's files and the API documentation are public; every API route must say.
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    if (!route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule (config.access)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access: route.config.access });
    }
  });

  const settings = authSettings(deps.config);
  app.addHook('onRequest', async (request) => {
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    const found = await resolveSession(deps.db, settings, unsigned.value);
    if (found.state === 'active') request.principal = found.principal;
    if (found.state === 'expired') (request as FastifyRequest & { sessionExpired?: boolean }).sessionExpired = true;
  });

  // Who may call is settled before the body is read or validated: 401 and 403 come before 400.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!request.routeOptions.url) return; // the not-found handler
    if (!access) throw new AppError('FORBIDDEN', zhCN.auth.forbidden);
    checkAccess(request, access);
  });
}

function checkAccess(request: FastifyRequest, access: Access): void {
  if (access === 'public') return;
  const principal = request.principal;
  if (!principal) {
    const expired = (request as FastifyRequest & { sessionExpired?: boolean }).sessionExpired;
    throw new AppError('UNAUTHENTICATED', expired ? zhCN.auth.sessionExpired : zhCN.auth.unauthenticated);
  }
  if (principal.type === 'staff' && principal.mustChangePassword && !request.routeOptions.url?.startsWith('/api/auth/')) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', zhCN.auth.passwordChangeRequired);
  }
  if (access === 'authenticated') return;
  if (access === 'enterprise') {
    if (principal.type !== 'enterprise') throw new AppError('FORBIDDEN', zhCN.auth.forbidden);
    return;
  }
  if (principal.type !== 'staff' || !principal.permissions.has(access)) {
    throw new AppError('FORBIDDEN', zhCN.auth.forbidden);
  }
}

/** The staff principal of a request whose route demands a staff permission. */
export function staffOf(request: FastifyRequest) {
  const p = request.principal;
  if (p?.type !== 'staff') throw new AppError('FORBIDDEN', zhCN.auth.forbidden);
  return p;
}
