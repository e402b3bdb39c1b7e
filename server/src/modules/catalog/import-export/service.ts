import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { createDepartment, listDepartments } from '../../staff/service.ts';
import { getCenter } from '../../venue/service.ts';
import { assertCanEdit, type Editor } from '../editor.ts';
import { bundleRepository } from '../bundles/repository.ts';
import { itemRepository } from '../items/repository.ts';
import { loadCatalog, type LoadSummary } from './apply.ts';
import { BUNDLE_COLUMNS, ITEM_COLUMNS, MATERIAL_COLUMNS, MEMBER_COLUMNS, README_LINES, SHEETS, SITUATION_COLUMNS, type Column } from './columns.ts';
import { bundleRow, COLUMN_LISTS, itemRow, materialRow, MEMBER_KIND_LABELS, situationRows } from './convert.ts';
import { parseCatalogSheets, type Locator } from './parse.ts';
import type { CatalogData, EntryProblem } from './plan.ts';
import { letterOf, readWorkbook, writeWorkbook, type CellProblem, type ParsedRow } from './workbook.ts';

export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

/** The whole catalog of a center as one workbook: what `importCatalog` reads back. */
export async function exportCatalog(db: Db, centerId: string): Promise<{ filename: string; content: Buffer }> {
  const center = await getCenter(db, centerId);
  const [items, bundles, departments] = await Promise.all([
    itemRepository.listExportGuides(db, centerId),
    bundleRepository.listExportGuides(db, centerId),
    listDepartments(db, centerId),
  ]);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const departmentName = (id: string | null) => (id ? (names.get(id) ?? '') : '');
  const content = await writeWorkbook(README_LINES, [
    { name: SHEETS.items, columns: ITEM_COLUMNS, rows: items.map((i) => itemRow(i.code, i.status, i.guide, departmentName)), lists: COLUMN_LISTS.items },
    { name: SHEETS.materials, columns: MATERIAL_COLUMNS, rows: items.flatMap((i) => i.guide.materials.map((m) => materialRow(i.code, m))), lists: COLUMN_LISTS.materials },
    {
      name: SHEETS.situations,
      columns: SITUATION_COLUMNS,
      rows: [...items.flatMap((i) => situationRows(i.code, i.guide.situations)), ...bundles.flatMap((b) => situationRows(b.code, b.guide.situations))],
    },
    { name: SHEETS.bundles, columns: BUNDLE_COLUMNS, rows: bundles.map((b) => bundleRow(b.code, b.status, b.guide, departmentName)), lists: COLUMN_LISTS.bundles },
    {
      name: SHEETS.members,
      columns: MEMBER_COLUMNS,
      rows: bundles.flatMap((b) => b.guide.members.map((m) => ({ owner: b.code, kind: MEMBER_KIND_LABELS[m.kind], code: m.code, stage: m.stage }))),
      lists: COLUMN_LISTS.members,
    },
  ]);
  return { filename: `${center.name}事项目录.xlsx`, content };
}

/**
 * Reads a workbook into a center: refused whole, with every problem named by sheet, row and
 * column, if anything is wrong; otherwise loaded in one transaction.
 */
export async function importCatalog(
  db: Db,
  centerId: string,
  content: Buffer,
  options: { createDepartments: boolean },
  editor: Editor,
): Promise<LoadSummary & { departmentsCreated: string[] }> {
  assertCanEdit(editor, centerId);
  await getCenter(db, centerId);
  if (content.length > MAX_WORKBOOK_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '工作簿不能超过 5 MB');
  const expected = [
    { name: SHEETS.items, columns: ITEM_COLUMNS },
    { name: SHEETS.materials, columns: MATERIAL_COLUMNS },
    { name: SHEETS.situations, columns: SITUATION_COLUMNS },
    { name: SHEETS.bundles, columns: BUNDLE_COLUMNS },
    { name: SHEETS.members, columns: MEMBER_COLUMNS },
  ];
  const { sheets, problems: sheetProblems } = await readWorkbook(content, expected);
  if (sheetProblems.length > 0) throw rejection(sheetProblems);
  const { data, locator, problems } = parseCatalogSheets(sheets);
  if (problems.length > 0) throw rejection(problems);
  if (data.items.length + data.bundles.length === 0) throw new AppError('IMPORT_REJECTED', '工作簿中没有事项或一件事');

  const departmentsCreated: string[] = [];
  const summary = await loadCatalog(db, centerId, data, editor, {
    beforeCheck: async (tx) => {
      const known = new Map((await listDepartments(tx, centerId)).map((d) => [d.name, d.id]));
      const wanted = new Set(departmentNamesOf(data));
      for (const name of wanted) {
        if (known.has(name) || !options.createDepartments) continue;
        known.set(name, (await createDepartment(tx, centerId, { name, settlement: 'items', phone: '' })).id);
        departmentsCreated.push(name);
      }
      return resolveDepartments(data, known);
    },
    onProblems: (found) => rejection(found.map((p) => locate(p, locator, sheets))),
  });
  return { ...summary, departmentsCreated };
}

function departmentNamesOf(data: CatalogData): string[] {
  return [
    ...data.items.flatMap((i) => [i.guide.departmentId, i.guide.jointReview.leadDepartmentId ?? '']),
    ...data.bundles.map((b) => b.guide.leadDepartmentId),
  ].filter(Boolean);
}

/** Department names → ids, reporting names that are not departments of the center. */
function resolveDepartments(data: CatalogData, known: Map<string, string>): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const idOf = (kind: 'item' | 'bundle', index: number, field: string, name: string) => {
    const id = known.get(name);
    if (id) return id;
    problems.push({ kind, index, field, message: `部门“${name}”未进驻本中心（可选择自动创建缺少的部门）` });
    return NO_DEPARTMENT;
  };
  data.items.forEach((i, index) => {
    i.guide.departmentId = idOf('item', index, 'guide.departmentId', i.guide.departmentId);
    const lead = i.guide.jointReview.leadDepartmentId;
    if (lead) i.guide.jointReview.leadDepartmentId = idOf('item', index, 'guide.jointReview.leadDepartmentId', lead);
  });
  data.bundles.forEach((b, index) => {
    b.guide.leadDepartmentId = idOf('bundle', index, 'guide.leadDepartmentId', b.guide.leadDepartmentId);
  });
  return problems;
}

/** Stands in for an unknown department while the rest of the row is checked. */
const NO_DEPARTMENT = '00000000-0000-4000-8000-000000000000';

const SITUATION_KEYS: Record<string, string> = { key: 'optionKey', text: 'text', label: 'label' };

/** The cell a planning problem belongs to. */
function locate(p: EntryProblem, locator: Locator, sheets: Map<string, ParsedRow[]>): CellProblem {
  const isItem = p.kind === 'item';
  const loc = isItem ? locator.items[p.index]! : locator.bundles[p.index]!;
  const mainSheet = isItem ? SHEETS.items : SHEETS.bundles;
  const mainColumns = isItem ? ITEM_COLUMNS : BUNDLE_COLUMNS;
  const parts = p.field.replace(/^guide\./, '').split('.');
  const cellOf = (sheet: string, columns: Column[], row: number, key: string): CellProblem => ({
    sheet,
    row,
    column: letterOf(sheets, sheet, key),
    label: columns.find((c) => c.key === key)?.label ?? '',
    message: p.message,
  });
  const [head, index, ...rest] = parts;
  if (head === 'materials' && isItem && index !== undefined && /^\d+$/.test(index)) {
    const row = (loc as Locator['items'][number]).materials[Number(index)] ?? loc.row;
    return cellOf(SHEETS.materials, MATERIAL_COLUMNS, row, MATERIAL_COLUMNS.some((c) => c.key === rest[0]) ? rest[0]! : 'key');
  }
  if (head === 'members' && !isItem && index !== undefined && /^\d+$/.test(index)) {
    const row = (loc as Locator['bundles'][number]).members[Number(index)] ?? loc.row;
    return cellOf(SHEETS.members, MEMBER_COLUMNS, row, MEMBER_COLUMNS.some((c) => c.key === rest[0]) ? rest[0]! : 'code');
  }
  if (head === 'situations' && index !== undefined && /^\d+$/.test(index)) {
    const q = Number(index);
    const isOption = rest[0] === 'options' && rest[1] !== undefined;
    const row = loc.situations[q]?.[isOption ? Number(rest[1]) : 0] ?? loc.row;
    const field = isOption ? rest[2] : rest[0] === 'key' ? 'questionKey' : rest[0];
    const key = field && SITUATION_COLUMNS.some((c) => c.key === field) ? field : field ? (SITUATION_KEYS[field] ?? 'questionKey') : 'questionKey';
    return cellOf(SHEETS.situations, SITUATION_COLUMNS, row, key);
  }
  // the longest dotted prefix that is a column of the main sheet
  const words = parts.filter((x) => !/^\d+$/.test(x));
  for (let n = words.length; n > 0; n--) {
    const key = words.slice(0, n).join('.');
    if (mainColumns.some((c) => c.key === key)) return cellOf(mainSheet, mainColumns, loc.row, key);
  }
  if (head === 'members') return cellOf(mainSheet, mainColumns, loc.row, 'code');
  return cellOf(mainSheet, mainColumns, loc.row, 'code');
}

function rejection(problems: CellProblem[]): AppError {
  const sorted = [...problems].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.column.localeCompare(b.column));
  const fields = sorted.map((p) => ({
    field: `${p.sheet}!${p.column}${p.row}`,
    message: `工作表“${p.sheet}”第 ${p.row} 行${p.label ? `“${p.label}”` : ''}（${p.column} 列）：${p.message}`,
  }));
  return new AppError('IMPORT_REJECTED', `工作簿有 ${fields.length} 处错误，未导入任何内容。${fields[0]!.message}`, fields);
}
