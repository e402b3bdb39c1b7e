import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import { isDatabaseUnavailable } from '../../src/platform/db/unavailable.ts';
import { freePort, postgresBin, startThrowawayPostgres, type ThrowawayPostgres } from '../throwaway-postgres.ts';

/**
 * Fault tests (behavioural, not timed): the product keeps running while its PostgreSQL drops
 * connections or restarts, answers 503 DATABASE_UNAVAILABLE meanwhile, and recovers by itself.
 */

const BIN = fileURLToPath(new URL('../../bin/banshi.mjs', import.meta.url));
/** No request may take longer than this (the pool's connect timeout is 5 s). */
const REQUEST_TIMEOUT_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * A read the database answers: the portal looks its center up, and the product runs on an empty
 * database (demo off), so the answer is 404 NOT_FOUND — from the database, unlike a 503.
 */
const PORTAL = '/api/portal/items';
const answeredByDatabase = (r: Result) => r.status === 404 && (r.body as { code?: string }).code === 'NOT_FOUND';

describe('a database that is not there', () => {
  it('answers 503: /api/health, and DATABASE_UNAVAILABLE with a Chinese message for an API call', async () => {
    const port = await freePort(); // nothing listens there
    const database = openPostgres(`postgresql://postgres@127.0.0.1:${port}/banshi`);
    const app = await buildApp({ config: loadConfig({ BANSHI_DEMO: '1', LOG_LEVEL: 'silent' }), database, logger: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'whatever-it-is' } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法连接，请稍后重试' });
    } finally {
      await app.close();
      await database.close();
    }
  });
});

const bin = postgresBin();

describe.skipIf(!bin)('PostgreSQL going away under a running product', () => {
  let db: ThrowawayPostgres;
  let admin: pg.Client;
  beforeAll(async () => {
    db = await startThrowawayPostgres(bin!);
  }, 60_000);
  afterAll(async () => {
    await admin?.end().catch(() => undefined);
    await db?.dispose();
  });

  const connectAdmin = async () => {
    await admin?.end().catch(() => undefined);
    admin = new pg.Client({ connectionString: db.adminUrl });
    admin.on('error', () => undefined);
    await admin.connect();
  };

  it('a connection terminated while checked out in a transaction ends no process, and the pool goes on', async () => {
    await connectAdmin();
    // the pool itself, on a database not migrated: as the login user (no application role yet)
    const database = openPostgres(db.url, undefined, { role: null });
    try {
      const outcome = await database.db
        .transaction(async (tx) => {
          const { rows } = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
          await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
          // the connection's error arrives now, while the client is checked out between two queries
          await sleep(500);
          await tx.execute(sql`select 1`);
          return 'committed';
        })
        .catch((err: unknown) => err);
      expect(isDatabaseUnavailable(outcome), String(outcome)).toBe(true);
      const again = (await database.db.execute(sql`select 1 as one`)) as unknown as { rows: { one: number }[] };
      expect(again.rows[0]!.one).toBe(1);
    } finally {
      await database.close();
    }
  });

  describe('the product as a process', () => {
    let product: Product;
    beforeAll(async () => {
      product = await startProduct(db.url);
    }, 90_000);
    afterAll(async () => {
      await product?.stop();
    });

    it("survives pg_terminate_backend of each of its connections under load, and its pools and LISTEN come back", async () => {
      await connectAdmin();
      const load = startLoad(product.base);
      const terminated: { application: string; state: string }[] = [];
      for (let round = 0; round < 8; round++) {
        const { rows } = await admin.query<{ pid: number; application_name: string; state: string }>(
          `select pid, application_name, coalesce(state, '') as state from pg_stat_activity where datname = 'banshi' and application_name like 'banshi%'`,
        );
        for (const r of rows) {
          await admin.query('select pg_terminate_backend($1)', [r.pid]);
          terminated.push({ application: r.application_name, state: r.state });
        }
        await sleep(700);
      }
      await sleep(1000);
      const results = await load.stop();

      expect(product.exited(), product.output()).toBeNull();
      // every kind of connection it holds was cut at least once: HTTP's pool, the jobs' pool, the LISTEN connection
      expect(new Set(terminated.map((t) => t.application))).toEqual(new Set(['banshi', 'banshi-jobs', 'banshi-listen']));
      expectNoHangNorCrash(results);
      expect(results.filter((r) => r.status === 200).length).toBeGreaterThan(0);
      // it recovers by itself: requests succeed and LISTEN is back
      expect((await until(() => call(product.base, 'GET', '/api/health'), (r) => r.status === 200)).status).toBe(200);
      expect(answeredByDatabase(await call(product.base, 'GET', PORTAL))).toBe(true);
      const listening = await until(
        async () => (await admin.query(`select count(*)::int as n from pg_stat_activity where application_name = 'banshi-listen'`)).rows[0].n as number,
        (n) => n >= 1,
      );
      expect(listening).toBeGreaterThanOrEqual(1);
    });

    it('stays up while PostgreSQL restarts under load: 503 while it is away, 200 after, no request hangs', async () => {
      const load = startLoad(product.base);
      await sleep(1000);
      await db.stop('fast');
      const away = await until(() => call(product.base, 'GET', '/api/health'), (r) => r.status === 503);
      expect(away.status).toBe(503);
      const refused = await call(product.base, 'GET', PORTAL);
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法连接，请稍后重试' });
      expect(typeof (refused.body as { requestId?: unknown }).requestId).toBe('string');
      await sleep(1500);
      await db.start();
      const back = await until(() => call(product.base, 'GET', '/api/health'), (r) => r.status === 200, 30_000);
      expect(back.status).toBe(200);
      expect(answeredByDatabase(await call(product.base, 'GET', PORTAL))).toBe(true);

      // and a crash of the database (immediate stop), started again at once
      await db.stop('immediate');
      await db.start();
      expect((await until(() => call(product.base, 'GET', '/api/health'), (r) => r.status === 200, 30_000)).status).toBe(200);
      await sleep(1000);
      const results = await load.stop();

      expect(product.exited(), product.output()).toBeNull();
      expectNoHangNorCrash(results);
      const unavailable = results.filter((r) => r.status === 503);
      expect(unavailable.length).toBeGreaterThan(0);
      for (const r of unavailable) if (r.path !== '/api/health') expect((r.body as { code?: string }).code).toBe('DATABASE_UNAVAILABLE');
      expect(answeredByDatabase(await call(product.base, 'GET', PORTAL))).toBe(true);
    });
  });
});

type Result = { path: string; status: number; body: unknown; ms: number; error?: string };

async function call(base: string, method: 'GET' | 'POST', p: string, body?: object): Promise<Result> {
  const started = performance.now();
  try {
    const res = await fetch(base + p, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { path: p, status: res.status, body: parsed, ms: performance.now() - started };
  } catch (err) {
    return { path: p, status: 0, body: null, ms: performance.now() - started, error: (err as Error).name };
  }
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await sleep(200);
  }
}

/** A bounded loop of requests from a few clients: reads, a health check, and a login that writes. */
function startLoad(base: string, clients = 4) {
  const results: Result[] = [];
  let stopped = false;
  const deadline = Date.now() + 90_000;
  const requests: [ 'GET' | 'POST', string, object?][] = [
    ['GET', '/api/health'],
    ['GET', PORTAL],
    ['POST', '/api/auth/login', { username: `nobody${crypto.randomInt(1000)}`, password: 'not-the-password' }],
  ];
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; !stopped && i < 2000 && Date.now() < deadline; i++) {
      const [method, p, body] = requests[(i + c) % requests.length]!;
      results.push(await call(base, method, p, body));
      await sleep(25);
    }
  });
  return {
    async stop(): Promise<Result[]> {
      stopped = true;
      await Promise.all(loops);
      return results;
    },
  };
}

function expectNoHangNorCrash(results: Result[]) {
  expect(results.length).toBeGreaterThan(20);
  // no request hung past its timeout, none found the process gone
  expect(results.filter((r) => r.status === 0).map((r) => `${r.path}: ${r.error}`)).toEqual([]);
  // while the database is away the answer is 503, never a 500
  expect(results.filter((r) => r.status >= 500 && r.status !== 503).map((r) => `${r.path}: ${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
}

type Product = { base: string; exited(): string | null; output(): string; stop(): Promise<void> };

/** `banshi start` as a child process on the given PostgreSQL (demo off: no demo data to load). */
async function startProduct(url: string): Promise<Product> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BIN, 'start', '--no-web'], {
    cwd: path.dirname(path.dirname(BIN)),
    env: {
      ...process.env,
      DATABASE_URL: url,
      BANSHI_DEMO: '0',
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
      PERSONAL_DATA_KEY: crypto.randomBytes(32).toString('hex'),
      PERSONAL_DATA_HASH_KEY: crypto.randomBytes(32).toString('hex'),
      AUDIT_KEY: crypto.randomBytes(32).toString('hex'),
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exit: string | null = null;
  child.once('exit', (code, signal) => {
    exit = `exited with ${code ?? signal}`;
  });
  const base = `http://127.0.0.1:${port}`;
  const ready = await until(() => call(base, 'GET', '/api/health'), (r) => r.status === 200 || exit !== null, 80_000);
  if (ready.status !== 200) {
    child.kill('SIGKILL');
    throw new Error(`the product did not start: ${exit ?? ready.status}\n${output}`);
  }
  return {
    base,
    exited: () => exit,
    output: () => output,
    async stop() {
      if (exit !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(10_000)]);
      if (exit === null) child.kill('SIGKILL');
    },
  };
}
