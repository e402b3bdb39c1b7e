import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import { AppError } from '../../../platform/errors.ts';

/** A sheet as text: the heading row and every non-empty row with its row number in the file. */
export type Sheet = { headings: string[]; rows: { rowNumber: number; cells: string[] }[] };

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
/** What a workbook's parts may inflate to: a 5 MB file of 10,000 rows needs far less; a zip bomb stops here. */
export const MAX_IMPORT_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** Reads an .xlsx workbook (first sheet) or a CSV file (UTF-8, or GBK as Excel saves it on Chinese Windows). */
export async function readSheet(file: { filename: string; content: Buffer }): Promise<Sheet> {
  if (file.content.length === 0) throw unreadable('文件是空的');
  if (file.content.length > MAX_IMPORT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '导入文件不能超过 5 MB');
  const isZip = file.content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (isZip) return readWorkbook(file.content);
  if (/\.xls$/i.test(file.filename) || file.content.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw unreadable('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  }
  return readCsv(file.content);
}

/**
 * Reads the first sheet row by row (the streaming reader), after checking what the file inflates
 * to, and stops at the row limit: neither a zip bomb nor a huge sheet is ever loaded whole.
 */
async function readWorkbook(content: Buffer): Promise<Sheet> {
  checkUnzippedSize(content);
  const all: { rowNumber: number; cells: string[] }[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells = (row.values as unknown[]).slice(1).map(cellText);
        if (!cells.some((c) => c !== '')) continue;
        all.push({ rowNumber: row.number, cells });
        // the heading row and one row past the limit are enough to refuse
        if (all.length > MAX_IMPORT_ROWS + 1) throw tooManyRows();
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable('无法读取该 Excel 文件，请确认是 .xlsx 格式');
  }
  if (all.length === 0) throw unreadable('工作簿中没有内容');
  return split(all);
}

/** Inflates every part of the workbook once, counting the bytes as they come and keeping none, whatever the zip's directory claims. */
function checkUnzippedSize(content: Buffer): void {
  let total = 0;
  let isTooBig = false;
  let isBroken = false;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (error) isBroken = true;
      total += chunk?.length ?? 0;
      if (total > MAX_IMPORT_UNZIPPED_BYTES && !isTooBig) {
        isTooBig = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const CHUNK = 64 * 1024;
  try {
    for (let at = 0; at < content.length && !isTooBig; at += CHUNK) unzip.push(content.subarray(at, at + CHUNK), at + CHUNK >= content.length);
  } catch {
    isBroken = true;
  }
  if (isTooBig) throw unreadable(`该 Excel 文件解压后超过 ${MAX_IMPORT_UNZIPPED_BYTES / 1024 / 1024} MB，请拆分后再导入`);
  if (isBroken) throw unreadable('无法读取该 Excel 文件，请确认是 .xlsx 格式');
}

function readCsv(content: Buffer): Sheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    text = new TextDecoder('gbk').decode(content);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw unreadable(`CSV 格式有误：${(error as Error).message}`);
  }
  return split(records.map((r) => ({ rowNumber: r.info.lines, cells: r.record })).filter((r) => r.cells.some((c) => c !== '')));
}

function split(all: { rowNumber: number; cells: string[] }[]): Sheet {
  const [head, ...rows] = all;
  if (!head) throw unreadable('文件中没有内容');
  if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
  return { headings: head.cells.map((c) => c.trim()), rows };
}

/** A cell as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: string };
    if ('result' in v) return cellText(v.result);
    if (v.richText) return v.richText.map((r) => r.text).join('').trim();
    if (typeof v.text === 'string') return v.text.trim();
  }
  return String(value).trim();
}

function tooManyRows(): AppError {
  return unreadable(`一次最多导入 ${MAX_IMPORT_ROWS} 行，文件超过了这个数，请拆分后再导入`);
}

function unreadable(message: string): AppError {
  return new AppError('IMPORT_INVALID', message, [{ field: 'file', message }]);
}
