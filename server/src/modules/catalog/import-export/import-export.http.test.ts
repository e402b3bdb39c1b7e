import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApp } from '../../../../test/harness.ts';

let t: TestApp;
let admin: string;
let manager: string;
let demoCenterId: string;
let exported: Buffer;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  manager = await t.loginAs('manager');
  demoCenterId = (await get('/api/centers', admin)).json()[0].id;
  const res = await get(`/api/catalog/export?centerId=${demoCenterId}`, admin);
  expect(res.statusCode).toBe(200);
  exported = res.rawPayload;
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

const upload = (url: string, cookie: string, content: Buffer, filename = '目录.xlsx') => testApi(t).upload(url, cookie, { filename, content });

async function newCenter(name: string, regionCode: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/centers', headers: { cookie: admin }, payload: { name, level: 'county', regionCode } });
  return res.json().id;
}

async function edit(content: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The cell of an item's row in the 事项 sheet by column header. */
function itemCell(wb: ExcelJS.Workbook, code: string, header: string): ExcelJS.Cell {
  const ws = wb.getWorksheet('事项')!;
  let col = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (c.value === header) col = i;
  });
  let found: ExcelJS.Cell | null = null;
  ws.eachRow((row) => {
    if (row.getCell(1).value === code) found = row.getCell(col);
  });
  return found!;
}

describe('export', () => {
  it('writes the whole catalog as a workbook, one sheet per table', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '事项', '材料', '情形', '一件事', '一件事成员']);
    expect(wb.getWorksheet('事项')!.actualRowCount).toBe(64);
    expect(wb.getWorksheet('一件事')!.actualRowCount).toBe(11);
    expect(itemCell(wb, 'NH-SCJG-006', '告知承诺').value).toBe('是');
    expect(itemCell(wb, 'NH-SCJG-006', '实施部门').value).toBe('市场监督管理局');
  });

  it('needs the catalog permission', async () => {
    expect((await get(`/api/catalog/export?centerId=${demoCenterId}`, await t.loginAs('guide'))).statusCode).toBe(403);
  });
});

describe('import', () => {
  it('loads an exported catalog into an empty center, creating its departments', async () => {
    const centerId = await newCenter('导入测试中心', '440604');
    const res = await upload(`/api/catalog/import?centerId=${centerId}&createDepartments=true`, admin, exported);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 73, updated: 0, unchanged: 0 });
    expect(res.json().departmentsCreated).toHaveLength(23);
    const overview = (await get(`/api/portal/catalog?centerId=${centerId}`)).json();
    expect(overview.themes.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(63);
    const original = (await get(`/api/portal/bundles/NH-YJS-002?centerId=${demoCenterId}`)).json();
    const copy = (await get(`/api/portal/bundles/NH-YJS-002?centerId=${centerId}`)).json();
    expect(copy.materials).toEqual(original.materials);
    expect(copy.guide.situations).toEqual(original.guide.situations);
    const search = (await get(`/api/guidance/search?centerId=${centerId}&q=${encodeURIComponent('我想开一家奶茶店')}`)).json();
    expect(search.results[0].code).toBe('NH-YJS-002');
  });

  it('re-importing the same workbook changes nothing; an edited row becomes a new published version', async () => {
    const same = await upload(`/api/catalog/import?centerId=${demoCenterId}`, admin, exported);
    expect(same.json()).toMatchObject({ created: 0, updated: 0, unchanged: 73 });
    const changed = await edit(exported, (wb) => {
      itemCell(wb, 'NH-WJ-001', '承诺办结时限（工作日）').value = 3;
    });
    const res = await upload(`/api/catalog/import?centerId=${demoCenterId}`, manager, changed);
    expect(res.json()).toMatchObject({ created: 0, updated: 1, unchanged: 72 });
    const notice = (await get('/api/portal/items/NH-WJ-001')).json();
    expect(notice).toMatchObject({ versionNumber: 2, guide: { promisedLimitDays: 3 } });
  });

  it('a workbook with bad rows is refused whole, every error named by sheet, row and column', async () => {
    const centerId = await newCenter('导入失败测试中心', '440607');
    const bad = await edit(exported, (wb) => {
      itemCell(wb, 'NH-SCJG-002', '承诺办结时限（工作日）').value = '一天';
      itemCell(wb, 'NH-SCJG-006', '主题').value = '餐饮';
      wb.getWorksheet('材料')!.getRow(2).getCell(1).value = 'NH-NOPE-001';
    });
    const res = await upload(`/api/catalog/import?centerId=${centerId}&createDepartments=true`, admin, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_REJECTED');
    const fields = res.json().fields as { field: string; message: string }[];
    expect(fields).toHaveLength(3);
    expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(['材料!A2', expect.stringMatching(/^事项!N\d+$/), expect.stringMatching(/^事项!G\d+$/)]));
    expect(fields.find((f) => f.field.startsWith('事项!N'))!.message).toMatch(/^工作表“事项”第 \d+ 行“承诺办结时限（工作日）”（N 列）：“一天”不是非负整数$/);
    // nothing changed: no items, no departments
    expect((await get(`/api/catalog/items?centerId=${centerId}`, admin)).json()).toEqual([]);
    expect((await get(`/api/centers/${centerId}/departments`, admin)).json()).toEqual([]);
  });

  it('rule violations found after reading are located too, and nothing is written', async () => {
    const bad = await edit(exported, (wb) => {
      itemCell(wb, 'NH-SCJG-006', '容缺补正期限（工作日）').value = 30;
      itemCell(wb, 'NH-YC-001', '实施部门').value = '不存在的局';
    });
    const res = await upload(`/api/catalog/import?centerId=${demoCenterId}`, admin, bad);
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields as { field: string; message: string }[];
    expect(fields.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('容缺补正期限（30 个工作日）不能超过承诺办结时限（10 个工作日）'),
        expect.stringContaining('部门“不存在的局”未进驻本中心'),
      ]),
    );
    expect(fields.every((f) => /^事项![A-Z]+\d+$/.test(f.field))).toBe(true);
    expect((await get('/api/portal/items/NH-SCJG-006')).json().versionNumber).toBe(1);
  });

  it('a file that is not a workbook, or too large, is refused', async () => {
    const garbage = await upload(`/api/catalog/import?centerId=${demoCenterId}`, admin, Buffer.from('not a workbook at all'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().code).toBe('WORKBOOK_UNREADABLE');
    const huge = await upload(`/api/catalog/import?centerId=${demoCenterId}`, admin, Buffer.alloc(6 * 1024 * 1024, 1));
    expect(huge.statusCode).toBe(413);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('别的表');
    const wrongShape = await upload(`/api/catalog/import?centerId=${demoCenterId}`, admin, Buffer.from(await empty.xlsx.writeBuffer()));
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.json().fields.map((f: { field: string }) => f.field)).toContain('事项!A1');
  });

  it('creating departments needs the organisation permission', async () => {
    const res = await upload(`/api/catalog/import?centerId=${demoCenterId}&createDepartments=true`, manager, exported);
    expect(res.statusCode).toBe(403);
  });
});

describe('files', () => {
  it('uploads a template checked by its content', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const ok = await upload(`/api/catalog/files?centerId=${demoCenterId}`, manager, pdf, '申请书.pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ filename: '申请书.pdf', mediaType: 'application/pdf' });
    const exe = await upload(`/api/catalog/files?centerId=${demoCenterId}`, manager, Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), '申请书.pdf');
    expect(exe.statusCode).toBe(415);
  });
});
