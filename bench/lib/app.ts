import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import type { Database } from '../../server/src/platform/db/database.ts';
import { DEMO_PASSWORD } from '../../server/src/demo/data.ts';

export type ApiClient = ReturnType<typeof apiClient>;

/** Demo mode with this run's own random secrets (a bench database is thrown away after the run). */
export const benchConfig = loadConfig({
  BANSHI_DEMO: '1',
  LOG_LEVEL: 'silent',
  SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
  PERSONAL_DATA_KEY: crypto.randomBytes(32).toString('hex'),
  PERSONAL_DATA_HASH_KEY: crypto.randomBytes(32).toString('hex'),
  AUDIT_KEY: crypto.randomBytes(32).toString('hex'),
});

/** The product in this process, in demo mode, without logs; requests go through `app.inject`. */
export async function buildDemoApp(database: Database): Promise<FastifyInstance> {
  const app = await buildApp({ config: benchConfig, database, logger: false });
  await app.ready();
  return app;
}

/** The same, listening on 127.0.0.1 only (a free port), with a client of its HTTP API. */
export async function serveDemoApp(database: Database): Promise<{ app: FastifyInstance; base: string; api: ApiClient }> {
  const app = await buildDemoApp(database);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base, api: apiClient(base) };
}

/** JSON over fetch with a session cookie; a request with a method other than GET always sends a body. */
export function apiClient(base: string) {
  const raw = async (method: string, path: string, cookie?: string, body?: unknown): Promise<{ status: number; text: string }> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };
  return {
    /** The session cookie of a demo account. */
    async login(username: string): Promise<string> {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    },
    raw,
    /** The parsed response; throws on any status but 2xx. */
    async json<T = unknown>(method: string, path: string, cookie?: string, body?: unknown): Promise<T> {
      const { status, text } = await raw(method, path, cookie, body ?? (method === 'GET' ? undefined : {}));
      if (status < 200 || status >= 300) throw new Error(`${method} ${path}: ${status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}
