import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type TestApp } from '../../../../test/harness.ts';
import { entityCheckCharacter, usccCheckCharacter } from '../../../lib/uscc.ts';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

/** A valid code with the given 8-character entity body (not used by the demo data). */
function code(body: string): string {
  const first17 = `91440605${body}${entityCheckCharacter(body)}`;
  return first17 + usccCheckCharacter(first17);
}

const HEADINGS = ['统一社会信用代码', '企业名称', '企业类型', '法定代表人', '注册地址', '行政区划代码', '镇街', '成立日期', '行业代码', '从业人员', '营业收入（万元）', '资产总额（万元）', '标签'];

const multipart = (filename: string, content: Buffer, type: string) => multipartFile({ filename, content, type });

const upload = (filename: string, content: Buffer, contentType = 'text/csv', cookie = admin) => {
  const form = multipart(filename, content, contentType);
  return t.app.inject({ method: 'POST', url: '/api/enterprises/import', headers: { ...form.headers, cookie }, payload: form.payload });
};
const total = async (q: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/enterprises?q=${encodeURIComponent(q)}`, headers: { cookie: admin } })).json().total as number;

const csv = (rows: string[][]) => Buffer.from(`\uFEFF${[HEADINGS, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`);

describe('importing enterprises', () => {
  it('imports every row of a good CSV file, with size classes worked out', async () => {
    const res = await upload(
      'good.csv',
      csv([
        [code('MPRT0001'), '导入测试甲五金有限公司', '有限责任公司', '王五', '南海区桂城街道', '440605', '桂城街道', '2020-05-06', 'C3389', '35', '800', '500', '高新技术企业、专精特新'],
        [code('MPRT0002'), '导入测试乙餐饮店', '个体工商户', '', '', '440605', '', '2021/7/1', 'H6291', '3', '', '', ''],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    const found = (await t.app.inject({ method: 'GET', url: `/api/enterprises?q=${code('MPRT0001')}`, headers: { cookie: admin } })).json().items[0];
    expect(found).toMatchObject({ name: '导入测试甲五金有限公司', sizeClass: 'small', tags: ['高新技术企业', '专精特新'], registrationDate: '2020-05-06' });
  });

  it('lists every bad row with its row number and reason, and imports nothing', async () => {
    const res = await upload(
      'bad.csv',
      csv([
        [code('MPRT0003'), '导入测试丙有限公司', '有限责任公司', '', '', '440605', '', '', 'C3389', '10', '100', '', ''],
        ['914406051922038217', '导入测试丁有限公司', '有限责任公司', '', '', '440605', '', '', 'C3389', '10', '100', '', ''],
        [code('MPRT0005'), '导入测试戊有限公司', '有限公司', '', '', '440605', '', '', 'O79', '-4', '100', '', ''],
        [code('MPRT0003'), '导入测试丙重复', '有限责任公司', '', '', '440605', '', '2020-02-30', 'C3389', '10', 'abc', '', ''],
        [code('MPRT0001'), '已登记的企业', '有限责任公司', '', '', '440605', '', '', 'C3389', '10', '100', '', ''],
      ]),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    const fields = body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['rows.3.uscc', 'rows.4.industryCode', 'rows.4.employees', 'rows.5.uscc', 'rows.5.registrationDate', 'rows.5.revenue', 'rows.6.uscc']),
    );
    expect(fields.some((f: string) => f.startsWith('rows.2.'))).toBe(false);
    expect(body.fields.find((f: { field: string }) => f.field === 'rows.3.uscc').message).toContain('第 3 行');
    expect(body.fields.find((f: { field: string }) => f.field === 'rows.5.uscc').message).toContain('与第 2 行重复');
    expect(body.fields.find((f: { field: string }) => f.field === 'rows.6.uscc').message).toContain('已登记');
    expect(body.message).toContain('未导入任何企业');
    expect(await total('导入测试丙')).toBe(0);
  });

  it('imports an .xlsx workbook, dates and numbers as Excel stores them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业');
    sheet.addRow(HEADINGS);
    sheet.addRow([code('MPRT0011'), '导入测试己科技有限公司', '有限责任公司', '赵六', '南海区狮山镇', '440605', '狮山镇', new Date(Date.UTC(2019, 2, 8)), 'I6513', 60, 1500.5, 900, '']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload('企业.xlsx', content, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode, res.body).toBe(200);
    const found = (await t.app.inject({ method: 'GET', url: `/api/enterprises?q=${code('MPRT0011')}`, headers: { cookie: admin } })).json().items[0];
    expect(found).toMatchObject({ registrationDate: '2019-03-08', employees: 60, revenue: 1500.5, sizeClass: 'small', industry: { code: 'I6513' } });
  });

  it('refuses a workbook that inflates past the limit, before reading it, and changes nothing', async () => {
    // a few hundred KB on the wire, 80 MB of sheet once inflated: the parts are counted as they inflate
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('企业').addRow(HEADINGS);
    const parts = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    parts['xl/worksheets/sheet1.xml'] = strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${' '.repeat(80 * 1024 * 1024)}</sheetData></worksheet>`);
    const bomb = Buffer.from(zipSync(parts, { level: 9 }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await total('');
    const res = await upload('bomb.xlsx', bomb, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IMPORT_INVALID', fields: [{ field: 'file' }] });
    expect(res.json().message).toContain('解压后超过');
    expect(await total('')).toBe(before);
  });

  it('stops reading a workbook at the row limit', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业');
    sheet.addRow(HEADINGS);
    for (let i = 0; i < 10_002; i++) sheet.addRow([code('MPRT0001'), `超限企业${i}`]);
    const res = await upload('big.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IMPORT_INVALID', fields: [{ field: 'file' }] });
    expect(res.json().message).toContain('一次最多导入 10000 行');
    expect(await total('超限企业')).toBe(0);
  });

  it('reads a CSV saved by Excel in GBK', async () => {
    const text = `${HEADINGS.join(',')}\r\n${code('MPRT0021')},导入测试庚贸易有限公司,有限责任公司,,,440605,,,F5174,8,1200,,\r\n`;
    const encoded = encodeGbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encoded)).toThrow();
    const res = await upload('gbk.csv', encoded);
    expect(res.statusCode, res.body).toBe(200);
    expect(await total('导入测试庚')).toBe(1);
  });

  it('refuses missing columns, empty files, old .xls files and readers without the permission', async () => {
    const missing = await upload('x.csv', Buffer.from('企业名称\r\n某公司\r\n'));
    expect(missing.json()).toMatchObject({ code: 'IMPORT_INVALID' });
    expect(missing.json().message).toContain('统一社会信用代码');
    expect((await upload('x.csv', Buffer.alloc(0))).json().code).toBe('IMPORT_INVALID');
    expect((await upload('x.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]))).json().message).toContain('.xls');
    const clerk = await t.loginAs('clerk');
    expect((await upload('good.csv', csv([]), 'text/csv', clerk)).statusCode).toBe(403);
  });

  it('offers a template whose headings the import reads', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/enterprises/import-template.csv', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADINGS.join(','));
  });
});

/** GBK bytes of a string: Node decodes GBK but has no encoder, so the table is built by decoding every pair. */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
