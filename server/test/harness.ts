import crypto from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect, inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { Database, Db } from '../src/platform/db/database.ts';
import { openPglite } from '../src/platform/db/pglite.ts';
import { openPostgres } from '../src/platform/db/postgres.ts';
import { DEMO_PASSWORD } from '../src/demo/data.ts';
import { TEST_SECRETS } from './secrets.ts';
import { adminQuery, withDatabase } from './templates.ts';

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  database: Database;
  config: Config;
  /** logs in a staff account (demo password by default) and returns the Cookie header value */
  loginAs(username: string, password?: string): Promise<string>;
  /** runs `fn` as the database's owner, as migrations and upgrades run (the app works as a role that owns nothing) */
  asOwner<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/**
 * A fresh copy of the migrated demo database (PGlite or PostgreSQL, as the test project says)
 * and the whole app on it, driven through `app.inject()`.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { logger?: object; extend?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  const template = inject('banshiTemplate');
  const config = loadConfig({ BANSHI_DEMO: '1', LOG_LEVEL: 'silent', ...TEST_SECRETS, ...env });
  let database: Database;
  let drop = async () => {};
  let ownerUrl: string | null = null;
  if (template.kind === 'pglite') {
    database = await openPglite({ memory: true, loadDataDir: new Blob([fs.readFileSync(template.dumpFile)]) });
  } else {
    const name = `banshi_test_${crypto.randomBytes(6).toString('hex')}`;
    await adminQuery(template.adminUrl, `create database ${name} template ${template.templateName}`);
    ownerUrl = withDatabase(template.adminUrl, name);
    database = openPostgres(ownerUrl);
    drop = () => adminQuery(template.adminUrl, `drop database if exists ${name} with (force)`);
  }
  const app = await buildApp({ config, database, logger: options.logger ?? false });
  options.extend?.(app);
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    config,
    async loginAs(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
      return cookieOf(res);
    },
    async asOwner(fn) {
      if (!ownerUrl) return fn(database.db);
      const owner = openPostgres(ownerUrl, undefined, { role: null, max: 1 });
      try {
        return await fn(owner.db);
      } finally {
        await owner.close();
      }
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

export function cookieOf(res: LightMyRequestResponse): string {
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export type UploadedFile = { filename: string; content: Buffer; type?: string };

/** A multipart/form-data body for `app.inject()` carrying one file in the field `file`. */
export function multipartFile(file: UploadedFile): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----banshi-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file.content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The modules' HTTP tests talk to the app through this: a call, a call that must succeed, an upload. */
export type TestApi = {
  call(method: Method, url: string, cookie?: string, payload?: object): Promise<LightMyRequestResponse>;
  /** fails the test unless the answer is 2xx; the JSON body (null for 204) */
  ok<T>(method: Method, url: string, cookie?: string, payload?: object): Promise<T>;
  upload(url: string, cookie: string, file: UploadedFile, method?: 'POST' | 'PUT'): Promise<LightMyRequestResponse>;
};

export function testApi(t: TestApp): TestApi {
  const call: TestApi['call'] = (method, url, cookie, payload) => t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
  return {
    call,
    async ok(method, url, cookie, payload) {
      const res = await call(method, url, cookie, payload);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return (res.statusCode === 204 ? null : res.json()) as never;
    },
    upload(url, cookie, file, method = 'POST') {
      const form = multipartFile(file);
      return t.app.inject({ method, url, payload: form.payload, headers: { cookie, ...form.headers } });
    },
  };
}
