import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { encryptField, maskPhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { RATER_NAME, RATER_PHONE, RATER_USCC, seedKnownSet, type KnownSet } from '../figures/testing.ts';
import type { ExportDto } from './contract.ts';
import { EXPORT_COLUMNS } from './service.ts';

/** Export of ratings in the Guangdong evaluator-record layout: JSON fields, the .xlsx read back, masking and scope. */

let t: TestApp;
let set: KnownSet;
let manager: string;
let chief: string;

beforeAll(async () => {
  t = await createTestApp();
  const keys = personalDataKeys(t.config);
  set = await seedKnownSet(t.db, { cipher: encryptField(keys, 'phone', RATER_PHONE), masked: maskPhone(RATER_PHONE) });
  [manager, chief] = await Promise.all([t.loginAs('manager'), t.loginAs('chief')]);
});
afterAll(() => t.close());

const PERIOD = 'from=2020-06-01&to=2020-06-10';
const MASKED = maskPhone(RATER_PHONE);

describe('export of ratings', () => {
  it('gives every field of the evaluator record, phones masked, excluded and default ratings marked', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/evaluation-export?${PERIOD}`, headers: { cookie: manager } });
    expect(res.statusCode, res.body).toBe(200);
    const dto: ExportDto = res.json();
    expect(dto).toMatchObject({ from: '2020-06-01', to: '2020-06-10', isUnmasked: false, count: 10 });
    const t2 = dto.records.find((r) => r.ratingId === set.ratingIds.t2)!;
    expect(t2).toMatchObject({
      departmentCode: expect.stringMatching(/^11440605[0-9A-Z]{10}$/),
      departmentName: '市场监督管理局',
      hallCode: '440605',
      windowNo: '1',
      workNo: 'NH0201',
      affairSerialNo: 'A002-20200602',
      affairCode: 'NH-SCJG-006',
      affairApplyTime: '2020-06-02 09:02:00',
      affairDoneTime: '2020-06-02 09:12:00',
      evalTime: '2020-06-02 09:13:00',
      userName: RATER_NAME,
      contactPhone: MASKED,
      userType: '1',
      certificateType: '49',
      certificateNo: RATER_USCC,
      serviceTime: '2020-06-02 09:04:00',
      level: 5,
      levelName: '非常满意',
      channel: 'qr',
      channelName: '扫码评价',
      isRealName: true,
      isDefault: false,
      isExcluded: false,
    });
    expect(t2.affairName).toContain('食品经营许可');
    expect(['1', '2']).toContain(t2.projectType);
    expect(dto.records.find((r) => r.ratingId === set.ratingIds.t1)).toMatchObject({ userName: '', userType: '0', certificateType: '', contactPhone: '', tags: ['热情耐心'] });
    expect(dto.records.find((r) => r.ratingId === set.ratingIds.t4)).toMatchObject({ isDefault: true, level: 3, channel: 'default' });
    expect(dto.records.find((r) => r.ratingId === set.ratingIds.t9)).toMatchObject({ isExcluded: true, level: 1 });
    expect(dto.records.filter((r) => r.contactPhone === RATER_PHONE)).toEqual([]);
  });

  it('writes the same records to an .xlsx workbook that reads back', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/evaluation-export?${PERIOD}&format=xlsx`, headers: { cookie: manager } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('评价记录')!;
    expect(sheet.rowCount).toBe(12);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.key));
    expect((sheet.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['部门统一社会信用代码', '部门名称']);
    const col = (key: string) => EXPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    const rows = Array.from({ length: 10 }, (_, i) => sheet.getRow(i + 3));
    const t2 = rows.find((r) => r.getCell(col('ratingId')).value === set.ratingIds.t2)!;
    expect(t2.getCell(col('contactPhone')).value).toBe(MASKED);
    expect(t2.getCell(col('affairSerialNo')).value).toBe('A002-20200602');
    expect(t2.getCell(col('isExcluded')).value).toBe('否');
    const t6 = rows.find((r) => r.getCell(col('ratingId')).value === set.ratingIds.t6)!;
    expect(t6.getCell(col('tags')).value).toBe('告知不清、反复补材料、态度生硬');
    expect(t6.getCell(col('level')).value).toBe(1);
  });

  it('gives full phone numbers only to a holder of person.unmask, with a reason that is audited', async () => {
    const body = { from: '2020-06-01', to: '2020-06-10', reason: '报送省平台' };
    const refused = await t.app.inject({ method: 'POST', url: '/api/evaluation-export/unmasked', headers: { cookie: manager }, payload: body });
    expect(refused.statusCode).toBe(403);
    const noReason = await t.app.inject({ method: 'POST', url: '/api/evaluation-export/unmasked', headers: { cookie: chief }, payload: { ...body, reason: '' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].field).toBe('reason');
    const res = await t.app.inject({ method: 'POST', url: '/api/evaluation-export/unmasked', headers: { cookie: chief }, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    const dto: ExportDto = res.json();
    expect(dto.isUnmasked).toBe(true);
    // the chief officer's scope: 市场监督管理局 only
    expect(dto.count).toBe(9);
    expect(dto.records.every((r) => r.departmentName === '市场监督管理局')).toBe(true);
    expect(dto.records.find((r) => r.ratingId === set.ratingIds.t2)!.contactPhone).toBe(RATER_PHONE);
    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?action=evaluation.export_unmasked', headers: { cookie: manager } });
    const entries = audit.json().items as { outcome: string; detail: { reason?: string; count?: number } | null }[];
    expect(entries.find((e) => e.outcome === 'success')?.detail).toMatchObject({ reason: '报送省平台', count: 9 });
    expect(JSON.stringify(entries)).not.toContain(RATER_PHONE);
  });

  it('refuses staff without evaluation.figures and a reversed period', async () => {
    const clerk = await t.loginAs('clerk');
    expect((await t.app.inject({ method: 'GET', url: `/api/evaluation-export?${PERIOD}`, headers: { cookie: clerk } })).statusCode).toBe(403);
    const reversed = await t.app.inject({ method: 'GET', url: '/api/evaluation-export?from=2020-06-10&to=2020-06-01', headers: { cookie: manager } });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'from' }] });
  });
});
