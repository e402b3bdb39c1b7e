import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';

/**
 * The OpenAPI fuzz (issue 18, 7c): every operation of the API document, as an administrator, an
 * enterprise and an anonymous caller, with generated bad input — NUL, lone surrogates, over-long
 * strings, integers past their column, impossible dates, wrong types, bad path and query values,
 * foreign content types and broken framings. No answer is a 5xx; every 4xx is in the product's
 * format (a stable code, a Chinese message); no bad request is accepted; and no table but the
 * ones that record refused requests (audit, rate limits, login throttle) changes.
 */

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  minLength?: number;
  pattern?: string;
  const?: unknown;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Case = { label: string; method: string; url: string; headers?: Record<string, string>; payload?: string };

/** Tables that record refused requests, or that logins used to set the test up change. */
const RECORDS_OF_REFUSALS = new Set(['audit_log', 'audit_anchors', 'rate_limits', 'login_throttle', 'sessions', 'enterprise_sessions']);
const CHINESE = /[\u4e00-\u9fff]/;
const LONG = 'x'.repeat(100_000);
const NUL = 'a\u0000b';

let t: TestApp;
const callers: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  t = await createTestApp();
  callers.admin = { cookie: await t.loginAs('admin') };
  const enterprise = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc: '91440605MA51XQ2D77', password: 'Demo1234' } });
  callers.enterprise = { cookie: enterprise.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
  callers.anonymous = {};
}, 120_000);
afterAll(() => t?.close());

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

/** Of `anyOf`/`oneOf`, the alternative that is not null (a nullable field's real type). */
function nonNullAlternative(schema: Schema): Schema | undefined {
  const alternatives = schema.anyOf ?? schema.oneOf;
  return alternatives?.length ? (alternatives.find((s) => s.type !== 'null') ?? alternatives[0]) : undefined;
}

function nonNullType(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
}

/** A small value the schema accepts, so that one broken field is what a request is refused for. */
function sample(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 4) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternative = nonNullAlternative(schema);
  if (alternative) return sample(alternative, depth + 1);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => sample(s, depth + 1) as object));
  switch (nonNullType(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key], depth + 1);
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'date') return '2026-06-01';
      if (schema.format === 'date-time') return '2026-06-01T08:00:00+08:00';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    default:
      return 'x';
  }
}

function typeOf(schema: Schema | undefined): string {
  if (!schema) return 'unknown';
  const alternative = nonNullAlternative(schema);
  if (alternative) return typeOf(alternative);
  return schema.enum ? 'enum' : (nonNullType(schema) ?? 'unknown');
}

/** Values that no field of this type may accept. */
function badValuesFor(schema: Schema | undefined): { label: string; json: string }[] {
  const type = typeOf(schema);
  const out: { label: string; json: string }[] = [{ label: 'wrong type (object)', json: '{"a":1}' }];
  if (type === 'string' || type === 'enum' || type === 'unknown') {
    out.push({ label: 'NUL', json: JSON.stringify(NUL) }, { label: 'lone surrogate', json: '"x\\ud83d"' }, { label: '100 000 characters', json: JSON.stringify(LONG) });
    if (schema?.format === 'date' || schema?.format === 'date-time') out.push({ label: 'year 0000', json: '"0000-01-01"' });
  }
  if (type === 'integer') out.push({ label: '2^31', json: '2147483648' }, { label: 'a fraction', json: '1.5' });
  if (type === 'integer' || type === 'number') out.push({ label: 'infinity', json: '1e400' }, { label: 'a string', json: '"1\\u0000"' });
  if (type === 'array') out.push({ label: 'array of NULs', json: JSON.stringify([NUL]) }, { label: '100 000 items', json: JSON.stringify(Array.from({ length: 100_000 }, () => 1)) });
  if (type === 'boolean') out.push({ label: 'a string', json: '"yes\\u0000"' });
  return out;
}

/** Path parameters: a plausible value each, or one replaced by a bad one. */
function fillPath(path: string, params: Parameter[], bad?: { name: string; value: string }): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (bad?.name === name) return bad.value;
    const schema = params.find((p) => p.in === 'path' && p.name === name)?.schema;
    return encodeURIComponent(String(sample(schema)));
  });
}

function casesFor(path: string, method: string, op: Operation): Case[] {
  const params = op.parameters ?? [];
  const m = method.toUpperCase();
  const cases: Case[] = [];
  const base = fillPath(path, params);
  for (const p of params.filter((x) => x.in === 'path')) {
    for (const value of ['a%00b', '%ED%A0%BD', 'x'.repeat(600), '..%2F..%2Fetc']) {
      cases.push({ label: `path ${p.name}=${value.slice(0, 12)}`, method: m, url: fillPath(path, params, { name: p.name, value }) });
    }
  }
  for (const p of params.filter((x) => x.in === 'query')) {
    const values = ['a%00b', 'x'.repeat(3000)];
    const type = typeOf(p.schema);
    if (type === 'integer' || type === 'number') values.push('2147483648', '-1e400', 'NaN');
    if (p.schema?.format === 'date' || /date|from|to|day|month/i.test(p.name)) values.push('0000-01-01', '2026-02-30', '99999-01-01');
    for (const value of values) cases.push({ label: `query ${p.name}=${value.slice(0, 12)}`, method: m, url: `${base}?${encodeURIComponent(p.name)}=${value}` });
  }
  const json = op.requestBody?.content?.['application/json']?.schema;
  if (json && m !== 'GET') {
    const valid = sample(json) as Record<string, unknown> | null;
    const properties = Object.entries(json.properties ?? {});
    for (const [name, schema] of properties) {
      for (const bad of badValuesFor(schema)) {
        const rest = { ...(valid ?? {}) };
        delete rest[name];
        const head = JSON.stringify(rest).slice(1, -1);
        cases.push({ label: `body ${name}: ${bad.label}`, method: m, url: base, headers: { 'content-type': 'application/json' }, payload: `{${head}${head ? ',' : ''}${JSON.stringify(name)}:${bad.json}}` });
      }
    }
    cases.push({ label: 'body: unknown field', method: m, url: base, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ ...(valid ?? {}), zzUnknown: NUL }) });
    cases.push({ label: 'body: an array', method: m, url: base, headers: { 'content-type': 'application/json' }, payload: '[]' });
    cases.push({ label: 'body: broken JSON', method: m, url: base, headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    cases.push({ label: 'body: deep nesting', method: m, url: base, headers: { 'content-type': 'application/json' }, payload: '['.repeat(5000) + ']'.repeat(5000) });
  }
  if (m !== 'GET' && m !== 'DELETE') {
    cases.push({ label: 'text/plain', method: m, url: base, headers: { 'content-type': 'text/plain' }, payload: NUL });
    cases.push({ label: 'form', method: m, url: base, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' });
    cases.push({ label: 'multipart without boundary', method: m, url: base, headers: { 'content-type': 'multipart/form-data' }, payload: '--x\r\n' });
  }
  return cases;
}

describe('the OpenAPI fuzz', () => {
  it('answers every operation’s bad input with a 4xx in the product’s format and changes nothing', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const all: Case[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        if (path === '/api/auth/logout') continue; // would end the callers' sessions (and takes no input)
        all.push(...casesFor(path, method, op));
      }
    }
    const before = await rowCounts();
    const findings: string[] = [];
    let sent = 0;
    for (const c of all) {
      for (const [who, headers] of Object.entries(callers)) {
        // the anonymous caller gets the content-type and path cases; the body cases are for callers who pass authentication
        if (who === 'anonymous' && c.label.startsWith('body ')) continue;
        const res = await t.app.inject({ method: c.method as 'GET', url: c.url, headers: { ...headers, ...c.headers }, payload: c.payload });
        sent += 1;
        const where = `${who} ${c.method} ${c.url.slice(0, 120)} [${c.label}] → ${res.statusCode}`;
        if (res.statusCode >= 500) {
          findings.push(`${where} ${res.body.slice(0, 200)}`);
          continue;
        }
        if (res.statusCode < 400) {
          // a read may answer a strange question (a search for '�', the check of a malformed code); a change may not
          if (c.method !== 'GET') findings.push(`${where} accepted`);
          continue;
        }
        let body: { code?: unknown; message?: unknown } = {};
        try {
          body = JSON.parse(res.body) as typeof body;
        } catch {
          findings.push(`${where} not JSON: ${res.body.slice(0, 80)}`);
          continue;
        }
        if (typeof body.code !== 'string' || typeof body.message !== 'string' || !CHINESE.test(body.message)) findings.push(`${where} not in the error format: ${res.body.slice(0, 160)}`);
      }
    }
    const after = await rowCounts();
    const changed = [...after].filter(([table, n]) => before.get(table) !== n).map(([table, n]) => `${table}: ${before.get(table)} → ${n}`);
    console.info(`OpenAPI fuzz: ${sent} requests over ${Object.keys(doc.paths).length} paths, ${findings.length} findings`);
    expect(sent).toBeGreaterThanOrEqual(5000);
    // the callers were who they said throughout
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: callers.admin })).statusCode).toBe(200);
    expect(findings).toEqual([]);
    expect(changed).toEqual([]);
  }, 900_000);
});
