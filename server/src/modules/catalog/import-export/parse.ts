import type { BundleGuide, ItemGuide } from '../contract.ts';
import { BUNDLE_COLUMNS, ITEM_COLUMNS, MATERIAL_COLUMNS, MEMBER_COLUMNS, SHEETS, SITUATION_COLUMNS } from './columns.ts';
import { LABELS, readers, type Read } from './convert.ts';
import type { CatalogData } from './plan.ts';
import { letterOf, type CellProblem, type ParsedRow } from './workbook.ts';

/** Where each entry came from in the workbook, to name the cell of a problem found later. */
export type Locator = {
  items: { row: number; materials: number[]; situations: number[][] }[];
  bundles: { row: number; members: number[]; situations: number[][] }[];
};

/**
 * Rows → catalog data. Department fields hold department *names* here; the import resolves them
 * to ids (creating missing departments if asked). Cell-level problems are returned, not thrown.
 */
export function parseCatalogSheets(sheets: Map<string, ParsedRow[]>): { data: CatalogData; locator: Locator; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const at = (sheet: string, columns: { key: string; label: string }[], row: number, key: string, message: string) =>
    problems.push({ sheet, row, column: letterOf(sheets, sheet, key), label: columns.find((c) => c.key === key)?.label ?? '', message });
  const cell = <T>(sheet: string, columns: typeof ITEM_COLUMNS, r: ParsedRow, key: string, read: (s: string) => Read<T>, fallback: T): T => {
    const result = read(r.cells[key] ?? '');
    if ('problem' in result) {
      at(sheet, columns, r.row, key, result.problem);
      return fallback;
    }
    return result.value;
  };
  const required = (sheet: string, columns: typeof ITEM_COLUMNS, r: ParsedRow) => {
    for (const c of columns) if (c.isRequired && !(r.cells[c.key] ?? '')) at(sheet, columns, r.row, c.key, `“${c.label}”不能为空`);
  };

  const data: CatalogData = { items: [], bundles: [] };
  const locator: Locator = { items: [], bundles: [] };
  const itemIndex = new Map<string, number>();
  const bundleIndex = new Map<string, number>();

  const I = SHEETS.items;
  for (const r of sheets.get(I) ?? []) {
    required(I, ITEM_COLUMNS, r);
    const c = <T>(key: string, read: (s: string) => Read<T>, fallback: T) => cell(I, ITEM_COLUMNS, r, key, read, fallback);
    const code = (r.cells.code ?? '').toUpperCase();
    const guide: ItemGuide = {
      name: c('name', readers.text, ''),
      basicCode: c('basicCode', readers.text, ''),
      itemType: c('itemType', readers.label(LABELS.itemType), 'administrative_license'),
      departmentId: c('departmentId', readers.text, ''),
      theme: c('theme', readers.label(LABELS.theme), 'start_up'),
      serviceObjects: c('serviceObjects', readers.labels(LABELS.serviceObjects), []),
      legalBasis: c('legalBasis', readers.text, ''),
      conditions: c('conditions', readers.lines, []),
      steps: c('steps', readers.steps, []),
      channels: c('channels', readers.labels(LABELS.channels), []),
      legalLimitDays: c('legalLimitDays', readers.optionalInt, null),
      promisedLimitDays: c('promisedLimitDays', readers.int, 0),
      promisedLimitNote: c('promisedLimitNote', readers.text, ''),
      processingKind: c('processingKind', readers.label(LABELS.processingKind), 'committed'),
      visitsNeeded: c('visitsNeeded', readers.int, 0),
      isFeeCharged: c('isFeeCharged', readers.yesNo, false),
      feeDescription: c('feeDescription', readers.text, ''),
      feeBasis: c('feeBasis', readers.text, ''),
      place: c('place', readers.text, ''),
      hours: c('hours', readers.text, ''),
      enquiryPhone: c('enquiryPhone', readers.text, ''),
      complaintPhone: c('complaintPhone', readers.text, ''),
      onlineUrl: c('onlineUrl', readers.text, ''),
      keywords: c('keywords', readers.list, []),
      materials: [],
      commitment: {
        isAllowed: c('commitment.isAllowed', readers.yesNo, false),
        certificates: c('commitment.certificates', readers.lines, []),
        text: c('commitment.text', readers.text, ''),
      },
      deferral: {
        isAllowed: c('deferral.isAllowed', readers.yesNo, false),
        materialKeys: c('deferral.materialKeys', readers.list, []),
        supplementDays: c('deferral.supplementDays', readers.optionalInt, null),
      },
      jointReview: {
        group: c('jointReview.group', readers.text, '') || null,
        leadDepartmentId: c('jointReview.leadDepartmentId', readers.text, '') || null,
      },
      appointment: {
        mode: c('appointment.mode', readers.label(LABELS.appointmentMode), 'both'),
        walkInDailyQuota: c('appointment.walkInDailyQuota', readers.optionalInt, null),
      },
      situations: [],
    };
    const status = c('status', readers.label(LABELS.status), 'draft');
    if (itemIndex.has(code)) at(I, ITEM_COLUMNS, r.row, 'code', `编码“${code}”重复`);
    itemIndex.set(code, data.items.length);
    data.items.push({ code, status, guide });
    locator.items.push({ row: r.row, materials: [], situations: [] });
  }

  const B = SHEETS.bundles;
  for (const r of sheets.get(B) ?? []) {
    required(B, BUNDLE_COLUMNS, r);
    const c = <T>(key: string, read: (s: string) => Read<T>, fallback: T) => cell(B, BUNDLE_COLUMNS, r, key, read, fallback);
    const code = (r.cells.code ?? '').toUpperCase();
    const guide: BundleGuide = {
      name: c('name', readers.text, ''),
      lifeStage: c('lifeStage', readers.label(LABELS.lifeStage), 'start'),
      leadDepartmentId: c('leadDepartmentId', readers.text, ''),
      description: c('description', readers.text, ''),
      keywords: c('keywords', readers.list, []),
      members: [],
      situations: [],
      place: c('place', readers.text, ''),
      hours: c('hours', readers.text, ''),
      enquiryPhone: c('enquiryPhone', readers.text, ''),
      complaintPhone: c('complaintPhone', readers.text, ''),
    };
    const status = c('status', readers.label(LABELS.status), 'draft');
    if (bundleIndex.has(code) || itemIndex.has(code)) at(B, BUNDLE_COLUMNS, r.row, 'code', `编码“${code}”重复`);
    bundleIndex.set(code, data.bundles.length);
    data.bundles.push({ code, status, guide });
    locator.bundles.push({ row: r.row, members: [], situations: [] });
  }

  const MS = SHEETS.materials;
  for (const r of sheets.get(MS) ?? []) {
    required(MS, MATERIAL_COLUMNS, r);
    const c = <T>(key: string, read: (s: string) => Read<T>, fallback: T) => cell(MS, MATERIAL_COLUMNS, r, key, read, fallback);
    const index = itemIndex.get((r.cells.owner ?? '').toUpperCase());
    if (index === undefined) {
      at(MS, MATERIAL_COLUMNS, r.row, 'owner', `“事项”表中没有编码为“${r.cells.owner}”的事项`);
      continue;
    }
    data.items[index]!.guide.materials.push({
      key: c('key', readers.text, ''),
      name: c('name', readers.text, ''),
      importance: c('importance', readers.label(LABELS.importance), 'core'),
      form: c('form', readers.label(LABELS.form), 'original'),
      copies: c('copies', readers.int, 1),
      medium: c('medium', readers.label(LABELS.medium), 'either'),
      licenseType: c('licenseType', readers.text, '') || null,
      templateFileId: c('templateFileId', readers.text, '') || null,
      sampleFileId: c('sampleFileId', readers.text, '') || null,
      notes: c('notes', readers.text, ''),
    });
    locator.items[index]!.materials.push(r.row);
  }

  const MB = SHEETS.members;
  for (const r of sheets.get(MB) ?? []) {
    required(MB, MEMBER_COLUMNS, r);
    const c = <T>(key: string, read: (s: string) => Read<T>, fallback: T) => cell(MB, MEMBER_COLUMNS, r, key, read, fallback);
    const index = bundleIndex.get((r.cells.owner ?? '').toUpperCase());
    if (index === undefined) {
      at(MB, MEMBER_COLUMNS, r.row, 'owner', `“一件事”表中没有编码为“${r.cells.owner}”的一件事`);
      continue;
    }
    data.bundles[index]!.guide.members.push({
      kind: c('kind', readers.label(LABELS.memberKind), 'item'),
      code: c('code', readers.text, '').toUpperCase(),
      stage: c('stage', readers.int, 1),
    });
    locator.bundles[index]!.members.push(r.row);
  }

  const S = SHEETS.situations;
  for (const r of sheets.get(S) ?? []) {
    required(S, SITUATION_COLUMNS, r);
    const c = <T>(key: string, read: (s: string) => Read<T>, fallback: T) => cell(S, SITUATION_COLUMNS, r, key, read, fallback);
    const owner = (r.cells.owner ?? '').toUpperCase();
    const target = itemIndex.has(owner)
      ? { guide: data.items[itemIndex.get(owner)!]!.guide as ItemGuide | BundleGuide, loc: locator.items[itemIndex.get(owner)!]! }
      : bundleIndex.has(owner)
        ? { guide: data.bundles[bundleIndex.get(owner)!]!.guide, loc: locator.bundles[bundleIndex.get(owner)!]! }
        : null;
    if (!target) {
      at(S, SITUATION_COLUMNS, r.row, 'owner', `没有编码为“${r.cells.owner}”的事项或一件事`);
      continue;
    }
    const key = c('questionKey', readers.text, '');
    const isItem = 'materials' in target.guide;
    let qi = target.guide.situations.findIndex((q) => q.key === key);
    if (qi < 0) {
      qi = target.guide.situations.length;
      (target.guide.situations as { key: string; text: string; options: unknown[] }[]).push({ key, text: c('text', readers.text, ''), options: [] });
      target.loc.situations.push([]);
    }
    const base = { key: c('optionKey', readers.text, ''), label: c('label', readers.text, ''), addsConditions: c('addsConditions', readers.lines, []) };
    const option = isItem
      ? { ...base, addsMaterials: c('addsMaterials', readers.list, []), removesMaterials: c('removesMaterials', readers.list, []) }
      : { ...base, skipsMembers: c('skipsMembers', readers.list, []).map((x) => x.toUpperCase()) };
    (target.guide.situations[qi]!.options as unknown[]).push(option);
    target.loc.situations[qi]!.push(r.row);
  }
  return { data, locator, problems };
}
