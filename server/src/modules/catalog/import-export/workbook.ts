import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors.ts';
import { columnLetter, type Column } from './columns.ts';

/** Reading and writing the catalog workbook with exceljs; knows sheets and cells, not guides. */

export type SheetData = { name: string; columns: Column[]; rows: Record<string, string | number | null>[]; lists?: Record<string, string[]> };

export async function writeWorkbook(readme: string[], sheets: SheetData[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Banshi';
  workbook.created = new Date();
  const intro = workbook.addWorksheet('说明');
  intro.columns = [{ width: 110 }];
  readme.forEach((line, i) => (intro.addRow([line]).font = { bold: i === 0 }));
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.label, key: c.key, width: c.width ?? 14 }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    sheet.columns.forEach((c, i) => {
      if (c.note) header.getCell(i + 1).note = c.note;
    });
    for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => row[c.key] ?? null)).alignment = { vertical: 'top', wrapText: true };
    for (const [key, options] of Object.entries(sheet.lists ?? {})) {
      const index = sheet.columns.findIndex((c) => c.key === key) + 1;
      if (index === 0) continue;
      const letter = columnLetter(index);
      for (let r = 2; r <= Math.max(sheet.rows.length + 200, 500); r++) {
        ws.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${options.join(',')}"`] };
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type CellProblem = { sheet: string; row: number; column: string; label: string; message: string };
export type ParsedRow = { row: number; cells: Record<string, string> };

export const MAX_ROWS_PER_SHEET = 20_000;

/**
 * The rows of each expected sheet as text by column key. A file that is not a workbook is refused
 * as a whole; a missing sheet or header is a problem at row 1.
 */
export async function readWorkbook(content: Buffer, expected: { name: string; columns: Column[] }[]) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('WORKBOOK_UNREADABLE', '无法读取该文件，请上传由本系统导出或按其格式填写的 .xlsx 工作簿');
  }
  const problems: CellProblem[] = [];
  const sheets = new Map<string, ParsedRow[]>();
  for (const { name, columns } of expected) {
    const ws = workbook.getWorksheet(name);
    if (!ws) {
      problems.push({ sheet: name, row: 1, column: 'A', label: '', message: `缺少工作表“${name}”` });
      sheets.set(name, []);
      continue;
    }
    if (ws.rowCount > MAX_ROWS_PER_SHEET + 1) {
      throw new AppError('IMPORT_REJECTED', `工作表“${name}”超过 ${MAX_ROWS_PER_SHEET} 行，请分批导入`);
    }
    const headerIndex = new Map<string, number>();
    ws.getRow(1).eachCell((cell, col) => headerIndex.set(cellText(cell.value), col));
    const positions = new Map<string, number>();
    for (const c of columns) {
      const col = headerIndex.get(c.label);
      if (col === undefined) {
        if (c.isRequired) problems.push({ sheet: name, row: 1, column: 'A', label: c.label, message: `工作表“${name}”缺少“${c.label}”列` });
      } else positions.set(c.key, col);
    }
    const rows: ParsedRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: Record<string, string> = {};
      let isEmpty = true;
      for (const [key, col] of positions) {
        const text = cellText(row.getCell(col).value);
        cells[key] = text;
        if (text) isEmpty = false;
      }
      if (!isEmpty) rows.push({ row: rowNumber, cells });
    });
    sheets.set(name, rows);
    sheets.set(`${name}#columns`, [{ row: 0, cells: Object.fromEntries([...positions].map(([k, c]) => [k, columnLetter(c)])) }]);
  }
  return { sheets, problems };
}

/** The column letter of a key in a read sheet (A when the column is missing). */
export function letterOf(sheets: Map<string, ParsedRow[]>, sheet: string, key: string): string {
  return sheets.get(`${sheet}#columns`)?.[0]?.cells[key] ?? 'A';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return value.result === undefined || value.result === null ? '' : cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}
