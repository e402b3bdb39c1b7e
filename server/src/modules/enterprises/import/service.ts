import type { Db } from '../../../platform/db/database.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import * as repo from '../registry/repository.ts';
import { checkEnterpriseFields, checkUsccField, type EnterpriseFieldsIn } from '../registry/rules.ts';
import { toWrite } from '../registry/service.ts';
import { columnOfHeading, ENTERPRISE_TYPE_NAMES, IMPORT_COLUMNS, parseEnterpriseType, type ImportColumn } from './columns.ts';
import { readSheet, type Sheet } from './parse.ts';

/** Listed at most; the message says how many more there are. */
const MAX_LISTED = 200;

/**
 * Imports enterprises from an .xlsx or CSV file. Every bad row is listed with its row number
 * and reason, and then nothing is imported; otherwise all rows go in, in one transaction.
 */
export async function importEnterprises(db: Db, file: { filename: string; content: Buffer }): Promise<{ imported: number }> {
  const sheet = await readSheet(file);
  const { rows, problems } = checkSheet(sheet, businessToday());
  const taken = await repo.existingUsccs(db, rows.map((r) => r.uscc));
  for (const row of rows) {
    if (taken.has(row.uscc)) problems.push({ field: `rows.${row.rowNumber}.uscc`, message: `第 ${row.rowNumber} 行：统一社会信用代码 ${row.uscc} 已登记` });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => rowOf(a) - rowOf(b));
    const rowsWithProblems = new Set(problems.map(rowOf)).size;
    const more = problems.length > MAX_LISTED ? `，以下列出前 ${MAX_LISTED} 处` : '';
    throw new AppError('IMPORT_INVALID', `有 ${rowsWithProblems} 行共 ${problems.length} 处错误${more}，未导入任何企业；请改正后重新导入`, problems.slice(0, MAX_LISTED));
  }
  if (rows.length === 0) throw new AppError('IMPORT_INVALID', '文件中除标题行外没有数据', [{ field: 'file', message: '没有数据行' }]);
  await db.transaction(async (tx) => {
    await repo.insertEnterprises(tx, rows.map((r) => ({ uscc: r.uscc, ...r.write })));
  });
  return { imported: rows.length };
}

type CheckedRow = { rowNumber: number; uscc: string; write: repo.EnterpriseWrite };

/** Pure: reads the headings and checks every row; problems are keyed `rows.<row number>.<field>`. */
export function checkSheet(sheet: Sheet, today: string): { rows: CheckedRow[]; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const columnIndex = new Map<ImportColumn, number>();
  sheet.headings.forEach((heading, i) => {
    const column = columnOfHeading(heading);
    if (column && !columnIndex.has(column)) columnIndex.set(column, i);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.isRequired && !columnIndex.has(c.key));
  if (missing.length > 0) {
    throw new AppError('IMPORT_INVALID', `第 1 行缺少必需的列：${missing.map((c) => c.heading).join('、')}（请使用导入模板）`, [
      { field: 'file', message: `缺少列：${missing.map((c) => c.heading).join('、')}` },
    ]);
  }
  const rows: CheckedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { rowNumber, cells } of sheet.rows) {
    const cell = (key: ImportColumn) => {
      const i = columnIndex.get(key);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const rowProblems: FieldError[] = [];
    const add = (field: string, message: string) => rowProblems.push({ field: `rows.${rowNumber}.${field}`, message: `第 ${rowNumber} 行：${message}` });

    const code = checkUsccField(cell('uscc'));
    if (!code.ok) {
      // Excel turns a long all-digit code into a rounded number unless the column is text.
      const hint = /^[\d.]+(E\+?\d+)?$/i.test(cell('uscc')) ? '（该列在 Excel 中请设为文本格式，以免长数字被改写）' : '';
      add('uscc', `${code.problem.message}${hint}`);
    }
    else if (firstRowOf.has(code.uscc)) add('uscc', `统一社会信用代码与第 ${firstRowOf.get(code.uscc)} 行重复`);
    else firstRowOf.set(code.uscc, rowNumber);

    const name = cell('name');
    if (!name) add('name', '企业名称为空');
    else if (name.length > 200) add('name', '企业名称超过 200 字');
    const type = parseEnterpriseType(cell('type'));
    if (!type) add('type', `企业类型“${cell('type')}”不认识，应为：${Object.values(ENTERPRISE_TYPE_NAMES).join('、')}`);
    const date = readDate(cell('registrationDate'));
    if (date === undefined) add('registrationDate', `成立日期“${cell('registrationDate')}”应为 YYYY-MM-DD`);
    const numbers = { employees: readNumber(cell('employees')), revenue: readNumber(cell('revenue')), assets: readNumber(cell('assets')) };
    for (const [key, value] of Object.entries(numbers)) {
      if (value === undefined) add(key, `${IMPORT_COLUMNS.find((c) => c.key === key)!.heading}“${cell(key as ImportColumn)}”不是数字`);
    }
    // The other fields are checked too, so that one pass lists everything wrong with the row.
    const fields: EnterpriseFieldsIn = {
      name,
      type: type ?? 'other',
      legalRepresentative: cell('legalRepresentative').slice(0, 50),
      registeredAddress: cell('registeredAddress').slice(0, 200),
      districtCode: cell('districtCode'),
      town: cell('town').slice(0, 50),
      registrationDate: date ?? null,
      industryCode: cell('industryCode'),
      employees: numbers.employees ?? null,
      revenue: numbers.revenue ?? null,
      assets: numbers.assets ?? null,
      tags: cell('tags').split(/[,，、;；]/).map((t) => t.trim()).filter(Boolean).slice(0, 20),
    };
    const checked = checkEnterpriseFields(fields, today);
    if (!checked.ok) for (const p of checked.problems) add(p.field, p.message);
    else if (code.ok && rowProblems.length === 0) rows.push({ rowNumber, uscc: code.uscc, write: toWrite(checked.value) });
    problems.push(...rowProblems);
  }
  return { rows, problems };
}

/** '' → null; a number (thousands separators allowed) → the number; anything else → undefined. */
function readNumber(text: string): number | null | undefined {
  if (text === '') return null;
  const plain = text.replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}

/** '' → null; 2019-03-08, 2019/3/8 or 2019.3.8 → '2019-03-08'; anything else → undefined. */
function readDate(text: string): string | null | undefined {
  if (text === '') return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

function rowOf(problem: FieldError): number {
  return Number(problem.field.split('.')[1] ?? 0);
}

/** The template's heading row and one example row, as CSV with a BOM so that Excel opens it as UTF-8. */
export function importTemplateCsv(): string {
  const example = ['914403001922038216', '示例科技有限公司', '有限责任公司', '张三', '佛山市南海区桂城街道示例路 1 号', '440605', '桂城街道', '2019-03-08', 'C3489', '120', '3500', '2800', '高新技术企业、专精特新'];
  const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  return `\uFEFF${line(IMPORT_COLUMNS.map((c) => c.heading))}\r\n${line(example)}\r\n`;
}
