import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISES, DEMO_PASSWORD } from '../../src/demo/data.ts';
import { PDF } from '../../src/modules/applications/testing.ts';
import { cookieOf, createTestApp, multipartFile, type TestApp } from '../harness.ts';

/**
 * The second half of the authorization matrix (issue 18, 7d): every enterprise-owned resource read
 * and changed across two enterprises, generated from the route table. Enterprise A's ids are
 * harvested from every list it may read; enterprise B then calls every route an enterprise may
 * reach that takes a path parameter, with each of A's ids that fits, and every change whose body
 * names a record, with A's ids in the body. No change succeeds, no read shows A's data, and A's
 * lists and the tables are the same afterwards. A reading its own ids shows the harvest is real.
 */

type Json = unknown;
type Route = { method: string; url: string; access: string };
type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  minLength?: number;
  pattern?: string;
  const?: unknown;
};
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Party = { cookie: string; uscc: string; markers: string[]; created: string[] };

/** Tables that record refused requests, or that the sign-ins change. */
const RECORDS_OF_REFUSALS = new Set(['audit_log', 'audit_anchors', 'rate_limits', 'login_throttle', 'sessions', 'enterprise_sessions']);
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** path parameters that name a record by something other than its UUID */
const CODE_PARAMS = new Set(['code', 'token']);
const [B_ENTERPRISE, A_ENTERPRISE] = DEMO_ENTERPRISES.map((e) => e.uscc) as [string, string];

let t: TestApp;
let routes: Route[];
let operations: Record<string, Record<string, Operation>>;
const parties: Record<'A' | 'B', Party> = {} as never;
let requests = 0;

/** One request from its own client address, so that no rate limit cuts the probe short. */
function call(method: string, url: string, cookie: string | undefined, payload?: unknown): Promise<LightMyRequestResponse> {
  requests += 1;
  const n = requests;
  return t.app.inject({
    method: method as 'GET',
    url,
    remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    headers: cookie ? { cookie } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function ok(method: string, url: string, cookie: string, payload?: unknown): Promise<Json> {
  const res = await call(method, url, cookie, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.statusCode === 204 ? null : (res.json() as Json);
}

function parse(res: LightMyRequestResponse): Json {
  return (res.headers['content-type'] ?? '').toString().includes('json') ? (JSON.parse(res.body) as Json) : null;
}

/** Every UUID in a JSON answer. */
function uuidsIn(body: Json): Set<string> {
  return new Set((JSON.stringify(body ?? null).match(UUID) ?? []).map((s) => s.toLowerCase()));
}

/** The values of fields named like a record's code or token (`code`, `token`, `…Code`, `…Token`). */
function codesIn(body: Json, out = new Set<string>()): Set<string> {
  if (Array.isArray(body)) body.forEach((x) => codesIn(x, out));
  else if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string' && /^(code|token)$|(Code|Token)$/.test(key) && /^[A-Za-z0-9_-]{4,}$/.test(value)) out.add(value);
      else codesIn(value, out);
    }
  }
  return out;
}

/** The values of fields named `key` (material keys, the second parameter of the material routes). */
function keysIn(body: Json, out = new Set<string>()): Set<string> {
  if (Array.isArray(body)) body.forEach((x) => keysIn(x, out));
  else if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (key === 'key' && typeof value === 'string') out.add(value);
      else keysIn(value, out);
    }
  }
  return out;
}

/** A list as JSON without what changes by itself as time passes (a grant code's seconds left). */
const stable = (body: Json) => JSON.stringify(body, (key, value: unknown) => (key === 'secondsLeft' ? undefined : value));
const paramsOf = (url: string) => [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
const prefixOf = (url: string) => url.slice(0, url.indexOf('/:'));
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');
const fill = (url: string, values: string[]) => {
  let i = 0;
  return url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(values[i++]!));
};

/** Strings that fit the patterns the contracts use (times, dates, phone numbers, material keys). */
const PATTERNED = ['09:00', '2026-12-31', '13800138000', 'application', 'x'];

/**
 * A small body the route's schema accepts, every field that names a record (a UUID, a `code` or
 * `token`) set to `record`, every other field plausible.
 */
function sample(schema: Schema | undefined, record: string, depth = 0, key = ''): unknown {
  if (!schema || depth > 5) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return sample(alternatives.find((s) => s.type !== 'null') ?? alternatives[0], record, depth + 1, key);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      let named = false;
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        // of the optional fields only the first that names a record (file or licence, not both), so that the record is what is judged
        if (schema.required?.includes(name)) out[name] = sample(property, record, depth + 1, name);
        else if (!named && namesRecord(property, name)) {
          out[name] = sample(property, record, depth + 1, name);
          named = true;
        }
      }
      return out;
    }
    case 'array':
      return namesRecord(schema.items, key) ? [sample(schema.items, record, depth + 1, key)] : [];
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid' || CODE_FIELDS.test(key)) return record;
      if (schema.format === 'date') return '2026-12-31';
      if (schema.pattern) return PATTERNED.find((v) => new RegExp(schema.pattern!).test(v)) ?? 'x';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    default:
      return undefined;
  }
}

const CODE_FIELDS = /^(code|token)$/;

/** Whether a body field names a record: a UUID, or a string called `code` or `token`. */
function namesRecord(schema: Schema | undefined, key = '', depth = 0): boolean {
  if (!schema || depth > 5) return false;
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (schema.format === 'uuid' || (type === 'string' && CODE_FIELDS.test(key))) return true;
  return [
    ...Object.entries(schema.properties ?? {}).map(([k, s]) => namesRecord(s, k, depth + 1)),
    namesRecord(schema.items, key, depth + 1),
    ...(schema.anyOf ?? []).map((s) => namesRecord(s, key, depth + 1)),
    ...(schema.oneOf ?? []).map((s) => namesRecord(s, key, depth + 1)),
  ].some(Boolean);
}

/** The same body once for each value of the enum beside a UUID field (`subject: { kind, id }`). */
function bodies(schema: Schema | undefined, id: string): unknown[] {
  const base = sample(schema, id);
  const out = [base];
  const visit = (s: Schema | undefined, path: string[]) => {
    if (!s?.properties) return;
    const uuidSibling = Object.values(s.properties).some((p) => p.format === 'uuid');
    for (const [key, property] of Object.entries(s.properties)) {
      if (uuidSibling && property.enum && property.enum.length > 1) {
        for (const value of property.enum.slice(1)) {
          const copy = structuredClone(base) as Record<string, unknown>;
          let at: Record<string, unknown> = copy;
          for (const step of path) at = at[step] as Record<string, unknown>;
          at[key] = value;
          out.push(copy);
        }
      }
      visit(property, [...path, key]);
    }
  };
  visit(schema, []);
  return out;
}

function bodySchema(route: Route): Schema | undefined {
  return operations[openApiPath(route.url)]?.[route.method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}

async function rowCounts(): Promise<Map<string, number>> {
  const tables = (await t.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`)) as unknown as { rows: { tablename: string }[] };
  const counts = new Map<string, number>();
  for (const { tablename } of tables.rows) {
    if (RECORDS_OF_REFUSALS.has(tablename)) continue;
    const res = (await t.db.execute(sql.raw(`select count(*)::int as n from "${tablename}"`))) as unknown as { rows: { n: number }[] };
    counts.set(tablename, res.rows[0]!.n);
  }
  return counts;
}

async function signIn(uscc: string): Promise<Party> {
  const res = await call('POST', '/api/auth/enterprise-login', undefined, { uscc, password: DEMO_PASSWORD });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = cookieOf(res);
  const me = (await ok('GET', '/api/auth/me', cookie)) as { id: string; name: string };
  const enterprise = (await ok('GET', '/api/portal/enterprise', cookie)) as { id: string; contacts: { id: string; person: { id: string; name: string } }[] };
  const markers = [uscc, me.id, me.name, enterprise.id, ...enterprise.contacts.flatMap((c) => [c.id, c.person.id, c.person.name])];
  return { cookie, uscc, markers, created: [] };
}

/**
 * What every demo enterprise should own besides the demo's bookings, visits, licences and pushes:
 * a grant code, an upload, a policy application, a rating. Answers their ids.
 */
async function giveRecords(party: Party): Promise<string[]> {
  const licenses = (await ok('GET', '/api/portal/licenses', party.cookie)) as { status: string; type: { id: string } }[];
  const grant = (await ok('POST', '/api/portal/license-grants', party.cookie, { typeIds: [licenses.find((l) => l.status === 'valid')!.type.id] })) as { id: string };
  const form = multipartFile({ filename: 'material.pdf', content: PDF, type: 'application/pdf' });
  const upload = async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/portal/application-uploads', payload: form.payload, headers: { cookie: party.cookie, ...form.headers } });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const ids = [grant.id, await upload()];

  // the first policy it qualifies for that takes online applications, every material given
  const calculator = (await ok('GET', '/api/portal/policy-calculator', party.cookie)) as { qualifying: { policyId: string; mode: string }[] };
  for (const { policyId } of calculator.qualifying.filter((p) => p.mode === 'apply')) {
    const res = await call('GET', `/api/portal/policies/${policyId}/application-form`, party.cookie);
    if (res.statusCode !== 200 || (res.json() as { existing: unknown }).existing) continue;
    const answers = Object.fromEntries((res.json() as { questions: { key: string; options: { key: string }[] }[] }).questions.map((q) => [q.key, q.options[0]!.key]));
    const query = Object.entries(answers).map(([k, v]) => `${k}:${v}`).join(',');
    const shown = (await ok('GET', `/api/portal/policies/${policyId}/application-form?answers=${query}`, party.cookie)) as { materials: { key: string; license: { id: string } | null }[] };
    const materials: { key: string; licenseId?: string; fileId?: string }[] = [];
    for (const m of shown.materials) materials.push(m.license ? { key: m.key, licenseId: m.license.id } : { key: m.key, fileId: await upload() });
    const created = await call('POST', `/api/portal/policies/${policyId}/applications`, party.cookie, { answers, materials });
    if (created.statusCode !== 201) continue;
    ids.push((created.json() as { applicationId: string }).applicationId, ...materials.flatMap((m) => (m.fileId ? [m.fileId] : [])));
    break;
  }
  expect(ids.length, 'an online policy application').toBeGreaterThan(2);

  const evaluations = (await ok('GET', '/api/portal/evaluations', party.cookie)) as { toRate: { kind: string; id: string }[] };
  const subject = evaluations.toRate[0]!;
  const rating = (await ok('POST', '/api/portal/evaluations', party.cookie, { subject: { kind: subject.kind, id: subject.id }, level: 4, comment: '办理顺利' })) as { ratingId: string };
  return [...ids, rating.ratingId];
}

beforeAll(async () => {
  t = await createTestApp();
  routes = t.app.routeAccess.filter((r) => r.url !== '/api/auth/logout' && !r.url.endsWith('/stream'));
  operations = ((await call('GET', '/api/docs/json', undefined)).json() as { paths: typeof operations }).paths;
  parties.A = await signIn(A_ENTERPRISE);
  parties.B = await signIn(B_ENTERPRISE);
  parties.A.created = await giveRecords(parties.A);
  parties.B.created = await giveRecords(parties.B);
}, 180_000);
afterAll(() => t?.close());

/** Routes an enterprise may reach and that read a list of its own (no path parameter). */
const listRoutes = () => routes.filter((r) => r.method === 'GET' && !r.url.includes(':') && (r.access === 'enterprise' || r.access === 'authenticated'));
/**
 * Routes that name a record in the path: what an enterprise may reach, and the public ones that
 * name a record by id, code or token (they look at the signed-in enterprise too).
 */
const recordRoutes = () =>
  routes.filter((r) => r.url.includes(':') && (r.access === 'enterprise' || r.access === 'authenticated' || (r.access === 'public' && ['id', ...CODE_PARAMS].includes(paramsOf(r.url)[0]!))));
/** Changes that name a record in the body: what an enterprise may reach, and the public ones without a path parameter. */
const bodyRoutes = () =>
  routes.filter((r) => r.method !== 'GET' && (r.access === 'enterprise' || r.access === 'authenticated' || (r.access === 'public' && !r.url.includes(':'))) && namesRecord(bodySchema(r)));

async function readLists(party: Party): Promise<Map<string, Json>> {
  const lists = new Map<string, Json>();
  for (const route of listRoutes()) {
    const res = await call('GET', route.url, party.cookie);
    if (res.statusCode === 200) lists.set(route.url, parse(res));
  }
  return lists;
}

/** What anybody may see: the ids and codes of the public lists (policies, items, centers). */
async function publicRecords(): Promise<{ ids: Set<string>; codes: Set<string> }> {
  const ids = new Set<string>();
  const codes = new Set<string>();
  for (const route of routes.filter((r) => r.method === 'GET' && r.access === 'public' && r.url.startsWith('/api/') && !r.url.includes(':'))) {
    const res = await call('GET', route.url, undefined);
    if (res.statusCode !== 200) continue;
    uuidsIn(parse(res)).forEach((id) => ids.add(id));
    codesIn(parse(res)).forEach((c) => codes.add(c));
  }
  return { ids, codes };
}

type Harvest = {
  /** the party's record ids by the list they came from; `(created)` and `(one level down)` besides */
  ids: Map<string, Set<string>>;
  codes: Set<string>;
  /** the party's own reads that answered 2xx: `route id` → body */
  reads: Map<string, Json>;
  all(): Set<string>;
  /** the ids a route with a path parameter is tried with: from the list of its prefix, or else every one */
  candidates(route: Route): string[];
};

/**
 * A party's records: every id and code in its lists that is not also in `others` (the other
 * party's lists and the public ones), the records it created, and what its own reads of those
 * show one level down.
 */
async function harvestOf(party: Party, lists: Map<string, Json>, others: { ids: Set<string>; codes: Set<string> }): Promise<Harvest> {
  const ids = new Map<string, Set<string>>();
  const codes = new Set<string>();
  for (const [url, body] of lists) {
    ids.set(url, new Set([...uuidsIn(body)].filter((id) => !others.ids.has(id))));
    codesIn(body).forEach((c) => !others.codes.has(c) && codes.add(c));
  }
  ids.set('(created)', new Set(party.created));
  const all = () => new Set([...ids.values()].flatMap((s) => [...s]));
  const candidates = (route: Route) => (CODE_PARAMS.has(paramsOf(route.url)[0]!) ? [...codes] : [...(ids.get(prefixOf(route.url)) ?? all())]);
  const reads = new Map<string, Json>();
  const below = new Set<string>();
  for (const route of recordRoutes().filter((r) => r.method === 'GET' && paramsOf(r.url).length === 1 && r.access !== 'public')) {
    for (const id of candidates(route)) {
      const res = await call('GET', fill(route.url, [id]), party.cookie);
      if (res.statusCode >= 300) continue;
      reads.set(`${route.url} ${id}`, parse(res));
      for (const more of uuidsIn(parse(res))) if (!others.ids.has(more)) below.add(more);
    }
  }
  ids.set('(one level down)', new Set([...below].filter((id) => !all().has(id))));
  return { ids, codes, reads, all, candidates };
}

/** Values for a second path parameter: material keys, or ids, from the owner's own reads of the first. */
function secondValues(owner: Harvest, id: string, param: string, shared: Set<string>): string[] {
  const own = [...owner.reads].filter(([key]) => key.endsWith(` ${id}`)).map(([, body]) => body);
  const values = param === 'key' ? own.flatMap((b) => [...keysIn(b)]) : own.flatMap((b) => [...uuidsIn(b)].filter((x) => x !== id && !shared.has(x)));
  return values.length ? [...new Set(values)] : [param === 'key' ? 'application' : '00000000-0000-4000-8000-000000000000'];
}

describe('two enterprises', () => {
  it('cannot read or change each other’s records through any route', async () => {
    const { A, B } = parties;
    const listsOfA = await readLists(A);
    const listsOfB = await readLists(B);
    const visible = await publicRecords();
    const union = (...sets: Set<string>[]) => new Set(sets.flatMap((x) => [...x]));
    const idsIn = (lists: Map<string, Json>) => union(...[...lists.values()].map(uuidsIn));
    const codesOf = (lists: Map<string, Json>) => union(...[...lists.values()].map((b) => codesIn(b)));
    // what B or anybody sees is not A's (policies, items, centers, licence types), and the other way round
    const a = await harvestOf(A, listsOfA, { ids: union(visible.ids, idsIn(listsOfB)), codes: union(visible.codes, codesOf(listsOfB)) });
    const b = await harvestOf(B, listsOfB, { ids: union(visible.ids, idsIn(listsOfA)), codes: union(visible.codes, codesOf(listsOfA)) });
    const shared = union(visible.ids, idsIn(listsOfA), idsIn(listsOfB));
    for (const id of a.all()) shared.delete(id);

    const beforeLists = await readLists(A);
    const beforeCounts = await rowCounts();

    // B's own lists show nothing of A (else A's records would pass for shared ones below)
    const findings = [...listsOfB].flatMap(([url, body]) => A.markers.filter((m) => JSON.stringify(body).includes(m)).map((m) => `B GET ${url}: shows A's ${m}`));
    let probes = 0;
    let refusedChanges = 0;
    const judge = (route: Route, url: string, res: LightMyRequestResponse, body?: unknown) => {
      probes += 1;
      const where = `B ${route.method} ${url}${body === undefined ? '' : ` ${JSON.stringify(body).slice(0, 100)}`} (${route.access}) → ${res.statusCode}`;
      if (res.statusCode === 429) findings.push(`${where}: rate limited, so not tested`);
      if (res.statusCode >= 500) findings.push(`${where}: ${res.body.slice(0, 200)}`);
      if (route.method !== 'GET') {
        if (res.statusCode < 300) findings.push(`${where}: changed A's record`);
        // refused by the handler, past the schema: the record itself was judged
        else if (res.statusCode !== 400 || (parse(res) as { code?: string }).code !== 'VALIDATION_FAILED') refusedChanges += 1;
        return;
      }
      if (res.statusCode < 300) {
        // A's name, credit code, people, or any of A's records or codes (but the one B typed in the path)
        const shown = [...A.markers, ...a.all(), ...[...a.codes].filter((c) => !url.includes(c))].filter((m) => res.body.includes(m));
        if (shown.length) findings.push(`${where}: shows A's ${shown.join(', ')}`);
      }
    };
    const send = async (route: Route, url: string, body?: unknown) => judge(route, url, await call(route.method, url, B.cookie, body), body);

    // B names A's records in the path
    for (const route of recordRoutes()) {
      const params = paramsOf(route.url);
      const schema = bodySchema(route);
      for (const id of a.candidates(route)) {
        for (const values of params.length === 1 ? [[id]] : secondValues(a, id, params[1]!, shared).map((second) => [id, second])) {
          const url = fill(route.url, values);
          if (route.method === 'GET') await send(route, url);
          else for (const body of [{}, ...(schema ? bodies(schema, id) : [])]) await send(route, url, body);
        }
      }
    }
    // B names A's records in the body of a change to its own records (or to none)
    for (const route of bodyRoutes()) {
      const params = paramsOf(route.url);
      // B's own records that a read with the same prefix showed it, a few of them
      const own = new Set([...b.reads.keys()].filter((k) => params.length > 0 && k.startsWith(`${prefixOf(route.url)}/`)).map((k) => k.split(' ')[1]!));
      const targets = params.length === 0 ? [[]] : [...own].slice(0, 5).map((id) => [id, ...params.slice(1).flatMap((p) => secondValues(b, id, p, shared).slice(0, 1))]);
      for (const values of targets) {
        const url = fill(route.url, values);
        for (const record of [...a.all(), ...a.codes]) for (const body of bodies(bodySchema(route), record)) await send(route, url, body);
      }
    }

    const afterCounts = await rowCounts();
    const changed = [...afterCounts].filter(([table, n]) => beforeCounts.get(table) !== n).map(([table, n]) => `${table}: ${beforeCounts.get(table)} → ${n}`);
    const ownReadRoutes = new Set([...a.reads.keys()].map((k) => k.split(' ')[0]));
    console.info(
      `cross-enterprise: ${a.all().size} of A's ids from ${listsOfA.size} lists, ${a.codes.size} codes; ${a.reads.size} own reads on ${ownReadRoutes.size} routes; ` +
        `${probes} probes by B, ${refusedChanges} changes refused past the schema; ${findings.length} findings`,
    );
    expect(findings).toEqual([]);
    expect(changed).toEqual([]);
    const afterLists = await readLists(A);
    expect([...beforeLists.keys()].filter((url) => stable(afterLists.get(url)) !== stable(beforeLists.get(url)))).toEqual([]);
    // the test can fail: A reads its own records, through every portal route that reads one from a list
    expect(a.reads.size).toBeGreaterThan(0);
    expect([...ownReadRoutes].sort()).toEqual(expect.arrayContaining(['/api/portal/applications/:id/progress', '/api/portal/license-grants/:id', '/api/portal/licenses/:id/document']));
    expect(a.all().size).toBeGreaterThan(30);
    expect(a.codes.size).toBeGreaterThan(0);
    expect(probes).toBeGreaterThan(2000);
    expect(refusedChanges).toBeGreaterThan(500);
    // B was B throughout
    expect(((await ok('GET', '/api/auth/me', B.cookie)) as { uscc: string }).uscc).toBe(B.uscc);
  }, 300_000);
});
