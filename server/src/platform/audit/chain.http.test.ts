import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import { AUDIT_CHAIN_PARTS, appendAuditEntry, businessDayOf, type AuditEntryInput } from './chain.ts';
import { anchorFinishedDays, verifyAuditLog } from './verify.ts';

let t: TestApp;
let api: TestApi;
let key: Buffer;
const template = inject('banshiTemplate');

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  key = Buffer.from(t.config.AUDIT_KEY, 'hex');
});
afterAll(() => t.close());

/** Runs statements as the database's owner (on PostgreSQL the app's own role may not). */
async function asOwner(app: TestApp, statements: string[]): Promise<void> {
  if (template.kind === 'pglite') {
    for (const statement of statements) await app.db.execute(sql.raw(statement));
    return;
  }
  const client = new pg.Client({ connectionString: (app.database as unknown as { url: string }).url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Changes rows behind the trigger's back, as anyone with the owner's rights could. */
const tamper = (app: TestApp, statement: string) =>
  asOwner(app, [
    'alter table audit_log disable trigger audit_log_no_update_delete',
    statement,
    'alter table audit_log enable trigger audit_log_no_update_delete',
  ]);

const entry = (action: string): AuditEntryInput => ({
  actorType: 'system',
  actorId: 'job:test',
  actorName: '系统任务 test',
  roles: '',
  action,
  objectType: 'test',
  objectId: action,
  outcome: 'success',
  status: 200,
  detail: { n: 1.5, nested: { b: 'x', a: [1, null, '核验'] } },
  requestId: '',
  correlationId: '',
  clientIp: '',
  centerId: null,
});

describe('tamper-evident audit log', () => {
  it('seals every row in per-day chains that many writers extend at once without a gap', async () => {
    const admin = await t.loginAs('admin');
    await Promise.all(Array.from({ length: 24 }, (_, i) => t.db.transaction((tx) => appendAuditEntry(tx, key, entry(`test.parallel.${i}`), i % AUDIT_CHAIN_PARTS))));
    await api.ok('POST', '/api/auth/logout', admin);
    const report = await verifyAuditLog(t.db, key);
    expect(report.broken).toBeNull();
    expect(report.rows).toBeGreaterThanOrEqual(26);
  });

  it('finds a row edited with the trigger disabled, and names it', async () => {
    const id = await t.db.transaction((tx) => appendAuditEntry(tx, key, entry('test.to-edit'), 3));
    await appendAuditEntry(t.db, key, entry('test.after-edit'), 3);
    expect((await verifyAuditLog(t.db, key)).broken).toBeNull();
    await tamper(t, `update audit_log set detail = '{"reason":"改过的理由"}' where id = ${id}`);
    const report = await verifyAuditLog(t.db, key);
    expect(report.broken).toMatchObject({ id, problem: 'mac', part: 3 });
    expect(report.broken!.message).toContain(`第 ${id} 行`);
  });

  it('finds a row removed from the middle of a chain, a forged seal, and a row written around the application', async () => {
    const other = await createTestApp();
    try {
      const k = Buffer.from(other.config.AUDIT_KEY, 'hex');
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push(await appendAuditEntry(other.db, k, entry(`test.row.${i}`), 5));
      expect((await verifyAuditLog(other.db, k)).broken).toBeNull();
      // a seal made with another key does not pass
      const forged = await appendAuditEntry(other.db, Buffer.alloc(32, 7), entry('test.forged'), 6);
      expect((await verifyAuditLog(other.db, k)).broken).toMatchObject({ id: forged, problem: 'mac' });
    } finally {
      await other.close();
    }
    const third = await createTestApp();
    try {
      const k = Buffer.from(third.config.AUDIT_KEY, 'hex');
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push(await appendAuditEntry(third.db, k, entry(`test.row.${i}`), 5));
      await tamper(third, `delete from audit_log where id = ${ids[1]}`);
      expect((await verifyAuditLog(third.db, k)).broken).toMatchObject({ id: ids[2], problem: 'gap' });
      await asOwner(third, [`insert into audit_log (actor_type, action, outcome, status) values ('system', 'forged', 'success', 200)`]);
      expect((await verifyAuditLog(third.db, k)).broken).toMatchObject({ problem: 'unsealed' });
    } finally {
      await third.close();
    }
  });

  it("anchors each finished day; removing the day's last rows afterwards breaks the anchor", async () => {
    const other = await createTestApp();
    try {
      const k = Buffer.from(other.config.AUDIT_KEY, 'hex');
      const admin = await other.loginAs('admin');
      for (let i = 0; i < 3; i++) await appendAuditEntry(other.db, k, entry(`test.anchor.${i}`), 1);
      const today = businessDayOf(new Date());
      const tomorrow = new Date(Date.now() + 86_400_000 + 10 * 60_000);
      const anchors = await anchorFinishedDays(other.db, k, tomorrow);
      expect(anchors.map((a) => a.day)).toContain(today);
      expect(await anchorFinishedDays(other.db, k, tomorrow)).toEqual([]);
      const exported = (await other.app.inject({ method: 'GET', url: `/api/audit/anchors?from=${today}`, headers: { cookie: admin } })).json();
      expect(exported).toEqual([expect.objectContaining({ day: today, anchor: anchors.find((a) => a.day === today)!.anchor })]);
      // the last row of a chain removed: every remaining link holds, the anchor does not
      await tamper(other, `delete from audit_log where chain_part = 1 and chain_seq = (select max(chain_seq) from audit_log where chain_part = 1 and chain_day = '${today}')`);
      expect((await verifyAuditLog(other.db, k)).broken).toMatchObject({ day: today, problem: 'anchor' });
    } finally {
      await other.close();
    }
  });
});

describe.runIf(template.kind === 'postgres')("the application's database role", () => {
  it('may INSERT and SELECT the audit log, but not UPDATE, DELETE, TRUNCATE, ALTER it or drop its trigger function', async () => {
    const role = (await t.db.execute(sql`select current_user as u`)) as unknown as { rows: { u: string }[] };
    expect(role.rows[0]!.u).toBe('banshi_app');
    await appendAuditEntry(t.db, key, entry('test.role'), 0);
    for (const statement of [
      `update audit_log set action = 'forged'`,
      `delete from audit_log`,
      `truncate audit_log`,
      `alter table audit_log disable trigger audit_log_no_update_delete`,
      `drop function audit_log_refuse_change() cascade`,
      `update audit_anchors set anchor = ''`,
    ]) {
      await expect(t.db.execute(sql.raw(statement)), statement).rejects.toMatchObject({ cause: expect.objectContaining({ code: expect.stringMatching(/^(42501|42P01)$/) }) });
    }
  });
});
