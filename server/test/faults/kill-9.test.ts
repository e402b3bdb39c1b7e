import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/data.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { TEST_SECRETS } from '../secrets.ts';
import { freePort, postgresBin, startThrowawayPostgres, type ThrowawayPostgres } from '../throwaway-postgres.ts';

/**
 * Fault test (behavioural, not timed): `kill -9` of the product while it is taking tickets,
 * receiving applications and recording ratings. Whatever it acknowledged (a 2xx answer) is in the
 * database afterwards, each with the success audit row of that very request; and nothing it wrote
 * lacks its audit row. 20 cycles on PostgreSQL, 5 on the embedded PGlite, each engine seeded once
 * with the demo data and reused across its cycles.
 *
 * A write acknowledged before its commit, or an audit row committed apart from its change, fails
 * this test as soon as a kill lands between the answer and the commit: every client keeps a
 * request in flight, and the kill comes at a random moment once every kind has been answered.
 * (Both were tried by breaking platform/audit/plugin.ts on purpose: each failed the first cycle.)
 */

const BIN = fileURLToPath(new URL('../../bin/banshi.mjs', import.meta.url));
const REQUEST_TIMEOUT_MS = 15_000;
/** the setup's requests: a fresh product on the embedded database may first catch up on its jobs */
const SETUP_REQUEST_TIMEOUT_MS = 90_000;
/** the first start loads the demo data (about 45 s on PGlite on a quiet machine) */
const FIRST_START_MS = 150_000;
const START_MS = 60_000;
const CENTER_NAME = '佛山市南海区政务服务中心';
/** the demo catering enterprise applying for 食品经营许可 (as the applications' tests do) */
const INTAKE = {
  source: { kind: 'item', code: 'NH-SCJG-006' },
  answers: { prepackaged_only: 'no', online_sales: 'no' },
  applicant: { uscc: '91440605MA51XQ2D77' },
  contactPhone: '13800138000',
};
/** concurrent clients per kind of write */
const CLIENTS = { ticket: 2, application: 2, rating: 2 } as const;

type Kind = keyof typeof CLIENTS;
/** the audit row each kind of write must have, naming the object written */
const AUDITED: Record<Kind, { action: string; objectType: string; table: string }> = {
  ticket: { action: 'ticket.take', objectType: 'ticket', table: 'tickets' },
  application: { action: 'application.receive', objectType: 'application', table: 'applications' },
  rating: { action: 'rating.create', objectType: 'rating', table: 'ratings' },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-kill9-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
/** How the test reads the database directly; `read` is called while the product is not running. */
type Engine = { env: Record<string, string>; read<T>(fn: (query: Query) => Promise<T>): Promise<T> };

const bin = postgresBin();

// The two engines run side by side: most of a cycle is a process starting.
describe('kill -9 of the product during acknowledged writes', { concurrent: true }, () => {
  it.skipIf(!bin)('PostgreSQL, 20 cycles: every acknowledged ticket, application and rating is there afterwards, with its audit row', { timeout: 540_000 }, async () => {
    const db: ThrowawayPostgres = await startThrowawayPostgres(bin!);
    const client = new pg.Client({ connectionString: db.url });
    try {
      await client.connect();
      const engine: Engine = {
        env: { DATABASE_URL: db.url, DATA_DIR: path.join(tmp, 'pg-data') },
        read: (fn) => fn(async (text, params) => (await client.query(text, params)).rows),
      };
      await runCycles('PostgreSQL', engine, 20);
    } finally {
      await client.end().catch(() => undefined);
      await db.dispose();
    }
  });

  it('PGlite, 5 cycles: every acknowledged ticket, application and rating is there afterwards, with its audit row', { timeout: 540_000 }, async () => {
    const dataDir = path.join(tmp, 'pglite-data');
    const pgliteDir = path.join(dataDir, 'pglite');
    // the test run's demo template (seeded with the test secrets) instead of seeding on the first start
    const template = inject('banshiTemplate');
    if (template.kind === 'pglite') {
      fs.mkdirSync(pgliteDir, { recursive: true });
      const seeded = new PGlite(pgliteDir, { loadDataDir: new Blob([fs.readFileSync(template.dumpFile)]) });
      await seeded.waitReady;
      await seeded.close();
    }
    const engine: Engine = {
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      // the product's own opener: it takes the dead process's lock over, as the product does
      async read(fn) {
        const database = await openPglite({ dir: pgliteDir });
        const pglite = (database as unknown as { client: PGlite }).client;
        try {
          return await fn(async (text, params) => (await pglite.query<Record<string, unknown>>(text, params)).rows);
        } finally {
          await database.close();
        }
      },
    };
    await runCycles('PGlite', engine, 5);
  });
});

type Ack = { kind: Kind; requestId: string; id?: string; token?: string };
type Setup = { centerId: string; queueId: string; manager: string; clerk: string; subjects: string[]; before: { applications: string[]; ratings: string[] } };

async function runCycles(name: string, engine: Engine, cycles: number) {
  const started = Date.now();
  const setup = await prepare(engine);
  const acks: Ack[] = [];
  let inFlightAtKill = 0;
  const perCycleRatings = Math.floor(setup.subjects.length / cycles);
  for (let cycle = 0; cycle < cycles; cycle++) {
    const product = await startProduct(engine.env, START_MS);
    const burst = await writeUntilKilled(product, setup, setup.subjects.splice(0, perCycleRatings), crypto.randomInt(800));
    expect(burst.refused, `cycle ${cycle + 1}: answers other than 2xx before the kill`).toEqual([]);
    acks.push(...burst.acks);
    inFlightAtKill += burst.inFlight;
    // every write acknowledged so far, in every cycle, is still there
    const problems = await engine.read((query) => check(query, acks, setup));
    expect(problems, `${name}, cycle ${cycle + 1}`).toEqual([]);
  }
  const count = (kind: Kind) => acks.filter((a) => a.kind === kind).length;
  console.log(
    `kill -9 on ${name}: ${cycles} cycles, ${acks.length} writes acknowledged (tickets ${count('ticket')}, applications ${count('application')}, ratings ${count('rating')}), ` +
      `${inFlightAtKill} requests in flight at the kills, 0 lost, ${Math.round((Date.now() - started) / 1000)} s`,
  );
  for (const kind of Object.keys(CLIENTS) as Kind[]) expect(count(kind), kind).toBeGreaterThan(0);
  // the kills came while writes were under way, not between bursts
  expect(inFlightAtKill).toBeGreaterThanOrEqual(cycles);
}

/**
 * On PostgreSQL the first start loads the demo data (PGlite starts from the run's demo template);
 * then, through the API: tickets may be taken at any hour
 * from a queue of the test's own, the kiosk's limit is out of the way, and the demo's finished
 * visits stay rateable. Afterwards the product is stopped and the test notes what is there.
 */
async function prepare(engine: Engine): Promise<Setup> {
  const product = await startProduct(engine.env, FIRST_START_MS);
  const [manager, clerk] = [await login(product, 'manager'), await login(product, 'clerk')];
  const api = async <T>(method: 'GET' | 'POST' | 'PUT', p: string, cookie: string, body?: object): Promise<T> => {
    const res = await call(product, method, p, { cookie, body, timeoutMs: SETUP_REQUEST_TIMEOUT_MS });
    if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const centers = await api<{ id: string; name: string }[]>('GET', '/api/centers', manager);
  const centerId = centers.find((c) => c.name === CENTER_NAME)!.id;
  const { centerId: _c, hoursText: _h, ...settings } = await api<Record<string, unknown>>('GET', `/api/queue/centers/${centerId}/settings`, manager);
  await api('PUT', `/api/queue/centers/${centerId}/settings`, manager, {
    ...settings,
    serviceDays: 'every_day',
    openingPeriods: [{ start: '00:00', end: '24:00' }],
    lastTicketMinutes: 0,
    kioskTicketsPerMinute: 100_000,
  });
  const queue = await api<{ id: string }>('POST', `/api/queue/centers/${centerId}/queues`, manager, { name: '断电测试', prefix: 'KX', themes: [] });
  const { centerId: _e, updatedAt: _u, ...evaluation } = await api<Record<string, unknown>>('GET', '/api/evaluations/settings', manager);
  await api('PUT', '/api/evaluations/settings', manager, { ...evaluation, ratingPeriodDays: 90 });
  await product.stop();

  return engine.read(async (query) => {
    const ids = async (text: string, params?: unknown[]) => (await query(text, params)).map((r) => String(r.id));
    const subjects = await ids(
      `select s.id::text as id from rateable_subjects s
        where s.kind = 'visit' and s.center_id = $1 and s.finished_at > now() - interval '80 days'
          and not exists (select 1 from ratings r where r.ticket_id = s.id)`,
      [centerId],
    );
    return {
      centerId,
      queueId: queue.id,
      manager,
      clerk,
      subjects,
      before: { applications: await ids('select id::text as id from applications'), ratings: await ids('select id::text as id from ratings') },
    };
  });
}

/**
 * Clients writing back to back until the process is killed: `killAfterMs` after every kind of
 * write has been acknowledged once (the first requests of a fresh process are slow).
 */
async function writeUntilKilled(product: Product, setup: Setup, subjects: string[], killAfterMs: number) {
  const acks: Ack[] = [];
  const refused: string[] = [];
  let killed = false;
  let pending = 0;
  let inFlight = 0;
  const send = (kind: Kind): Promise<Result> | null => {
    switch (kind) {
      case 'ticket':
        return call(product, 'POST', `/api/queue/kiosk/${setup.centerId}/tickets`, { body: { queueId: setup.queueId } });
      case 'application':
        return call(product, 'POST', '/api/applications', { cookie: setup.clerk, body: INTAKE });
      case 'rating': {
        const subject = subjects.shift();
        if (!subject) return null;
        return call(product, 'POST', '/api/evaluations/phone/ratings', { cookie: setup.manager, body: { subject: { kind: 'visit', id: subject }, level: 5, tags: [], comment: '' } });
      }
    }
  };
  const client = async (kind: Kind) => {
    while (!killed) {
      const request = send(kind);
      if (!request) return;
      pending++;
      const res = await request;
      pending--;
      if (res.status === 0) return; // cut off by the kill
      if (res.status >= 300) {
        refused.push(`${kind}: ${res.status} ${JSON.stringify(res.body)}`);
        continue;
      }
      const body = res.body as { token?: string; id?: string; ratingId?: string };
      acks.push({ kind, requestId: res.requestId, id: body.ratingId ?? body.id, token: body.token });
    }
  };
  const clients = (Object.entries(CLIENTS) as [Kind, number][]).flatMap(([kind, n]) => Array.from({ length: n }, () => client(kind)));
  const kinds = Object.keys(CLIENTS).length - (subjects.length > 0 ? 0 : 1);
  const end = Date.now() + 30_000;
  while (new Set(acks.map((a) => a.kind)).size < kinds && refused.length === 0 && Date.now() < end) await sleep(20);
  await sleep(killAfterMs);
  inFlight = pending;
  killed = true;
  await product.kill();
  await Promise.all(clients);
  return { acks, refused, inFlight };
}

/** What is missing: an acknowledged write, its audit row, or the audit row of any write of the test's kinds. */
async function check(query: Query, acks: Ack[], setup: Setup): Promise<string[]> {
  const problems: string[] = [];
  const tickets = new Map(
    (await query('select token, id::text as id from tickets where token = any($1::text[])', [acks.flatMap((a) => (a.token ? [a.token] : []))])).map((r) => [
      String(r.token),
      String(r.id),
    ]),
  );
  const audit = new Map(
    (
      await query(`select request_id, action, object_type, object_id from audit_log where outcome = 'success' and request_id = any($1::text[])`, [acks.map((a) => a.requestId)])
    ).map((r) => [String(r.request_id), r]),
  );
  const present = new Set<string>();
  for (const kind of ['application', 'rating'] as const) {
    const ids = acks.filter((a) => a.kind === kind).map((a) => a.id!);
    for (const r of await query(`select id::text as id from ${AUDITED[kind].table} where id = any($1::uuid[])`, [ids])) present.add(String(r.id));
  }
  for (const ack of acks) {
    const id = ack.kind === 'ticket' ? tickets.get(ack.token!) : present.has(ack.id!) ? ack.id : undefined;
    if (!id) {
      problems.push(`acknowledged ${ack.kind} ${ack.token ?? ack.id} (request ${ack.requestId}) is gone`);
      continue;
    }
    const row = audit.get(ack.requestId);
    const expected = AUDITED[ack.kind];
    if (!row || row.action !== expected.action || row.object_type !== expected.objectType || row.object_id !== id) {
      problems.push(`acknowledged ${ack.kind} ${id} has no audit row of its request ${ack.requestId}`);
    }
  }
  // and no write of these kinds, acknowledged or cut off, committed without its audit row
  const unaudited = async (kind: Kind, text: string, params: unknown[]) => {
    for (const r of await query(text, params)) problems.push(`${kind} ${String(r.id)} has no audit row`);
  };
  const noAuditRow = (kind: Kind, alias: string) =>
    `not exists (select 1 from audit_log l where l.outcome = 'success' and l.action = '${AUDITED[kind].action}' and l.object_type = '${AUDITED[kind].objectType}' and l.object_id = ${alias}.id::text)`;
  await unaudited('ticket', `select t.id::text as id from tickets t where t.queue_id = $1 and ${noAuditRow('ticket', 't')}`, [setup.queueId]);
  await unaudited('application', `select a.id::text as id from applications a where not (a.id = any($1::uuid[])) and ${noAuditRow('application', 'a')}`, [setup.before.applications]);
  await unaudited('rating', `select r.id::text as id from ratings r where r.channel = 'phone' and not (r.id = any($1::uuid[])) and ${noAuditRow('rating', 'r')}`, [setup.before.ratings]);
  return problems;
}

type Result = { status: number; body: unknown; requestId: string };

async function call(product: Product, method: 'GET' | 'POST' | 'PUT', p: string, options: { cookie?: string; body?: object; timeoutMs?: number } = {}): Promise<Result> {
  try {
    const res = await fetch(product.base + p, {
      method,
      headers: { ...(options.body ? { 'content-type': 'application/json' } : {}), ...(options.cookie ? { cookie: options.cookie } : {}) },
      body: options.body ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
    });
    // an answer counts once the whole of it has arrived
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, requestId: res.headers.get('x-request-id') ?? '' };
  } catch {
    return { status: 0, body: null, requestId: '' };
  }
}

async function login(product: Product, username: string): Promise<string> {
  const res = await fetch(`${product.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    signal: AbortSignal.timeout(SETUP_REQUEST_TIMEOUT_MS),
  });
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

type Product = { base: string; kill(): Promise<void>; stop(): Promise<void> };

/** `banshi start` as a child process, on a port of its own (no connection of a killed one is reused). */
async function startProduct(env: Record<string, string>, timeoutMs: number): Promise<Product> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start', '--no-web'], {
    cwd: path.dirname(path.dirname(BIN)),
    env: { ...process.env, ...env, ...TEST_SECRETS, BANSHI_DEMO: '1', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited (${child.exitCode}):\n${output}`);
    if (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false)) break;
    if (Date.now() > end) {
      child.kill('SIGKILL');
      throw new Error(`the product did not answer /api/health within ${timeoutMs} ms:\n${output}`);
    }
    await sleep(100);
  }
  const endWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    children.delete(child);
  };
  return { base, kill: () => endWith('SIGKILL'), stop: () => endWith('SIGTERM') };
}
