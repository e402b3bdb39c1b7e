import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { findPersonalData, maskingStream } from './log-masking.ts';
import { formatPrivacyReport, privacyReport } from './report.ts';

const ID = '110101199003071234';
const PHONE = '13812345678';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-privacy-'));
const logFile = path.join(dir, 'server.log');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { logger: pino({ level: 'info' }, maskingStream(pino.destination({ dest: logFile, sync: true }))) });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function columns(): Promise<string[]> {
  const result = (await t.db.execute(sql`select table_name || '.' || column_name as name from information_schema.columns where table_schema = 'public'`)) as unknown as {
    rows: { name: string }[];
  };
  return result.rows.map((r) => r.name);
}

describe('the personal data report', () => {
  it('lists every personal column the database has, and nothing it does not', async () => {
    const report = privacyReport(await columns(), []);
    expect(report.missing).toEqual([]);
    expect(report.unlisted).toEqual([]);
    expect(report.columns.find((c) => c.column === 'people.id_number_cipher')).toMatchObject({ stored: 'encrypted', inResponses: 'masked', excludedFromLogs: true });
    expect(report.plainNumbers).toEqual([]);
    expect(formatPrivacyReport(report)).toContain('people.id_number_cipher\t身份证号\t加密（SM4）\t脱敏\t是');
  });

  it('finds 0 unmasked ID or phone numbers in the logs of a run that put them in URLs and in a failed query', async () => {
    await t.app.inject({ method: 'GET', url: `/api/people?idNumber=${ID}&phone=${PHONE}` });
    await t.app.inject({ method: 'GET', url: `/api/no-such-route/${PHONE}` });
    const failed = await t.db.execute(sql`select ${PHONE}::int + ${ID}::int`).catch((err: unknown) => err);
    expect(String(failed)).toContain(PHONE);
    t.app.log.error({ err: failed, params: [PHONE, ID] }, `查询失败 ${PHONE}`);

    const text = fs.readFileSync(logFile, 'utf8');
    expect(text).toContain('/api/people?idNumber=1101**********1234&phone=138****5678');
    expect(text).toContain('查询失败 138****5678');
    const report = privacyReport(await columns(), [{ file: logFile, text }]);
    expect(report.logs[0]!.findings).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('the log check fails on an unmasked number', () => {
    const raw = JSON.stringify({ req: { url: `/api/people?idNumber=${ID}` }, msg: `+86${PHONE}` });
    expect(findPersonalData(raw)).toEqual([
      { kind: 'id_number', line: 1, masked: '1101**********1234' },
      { kind: 'phone', line: 1, masked: '138****5678' },
    ]);
    expect(privacyReport([], [{ file: 'x.log', text: raw }]).passed).toBe(false);
  });
});
