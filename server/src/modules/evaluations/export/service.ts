import ExcelJS from 'exceljs';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { addDays } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { forbidden, invalidField } from '../../../platform/errors.ts';
import { decryptField, type PersonalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { figuresScope } from '../figures/scope.ts';
import { CHANNEL_LABELS } from '../figures/service.ts';
import { labelOfTag } from '../ratings/questions.ts';
import { listDepartments, listStaff } from '../../staff/service.ts';
import { getCenter, listCounters } from '../../venue/service.ts';
import type { EvaluatorRecord, ExportDto } from './contract.ts';
import * as repo from './repository.ts';

/**
 * 证件类型 of a legal entity identified by its unified social credit code. The Guangdong record
 * names "10" for the resident ID card; the code for a credit code could not be confirmed from a
 * published interface specification, so it is kept here, in one place, as "49" (其他法人证件).
 * A person's ID number is never stored with a rating, so a person's certificate fields stay empty.
 */
export const CERTIFICATE_TYPE_USCC = '49';

export const LEVEL_NAMES: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

/** The columns of the Guangdong evaluator record (FACTS §6), then this system's own. */
export const EXPORT_COLUMNS: { key: keyof EvaluatorRecord; label: string }[] = [
  { key: 'departmentCode', label: '部门统一社会信用代码' },
  { key: 'departmentName', label: '部门名称' },
  { key: 'hallCode', label: '大厅编码' },
  { key: 'windowNo', label: '窗口编号' },
  { key: 'workNo', label: '工号' },
  { key: 'affairSerialNo', label: '办件编号' },
  { key: 'affairCode', label: '事项编码' },
  { key: 'affairName', label: '事项名称' },
  { key: 'affairApplyTime', label: '申请时间' },
  { key: 'affairDoneTime', label: '办结时间' },
  { key: 'evalTime', label: '评价时间' },
  { key: 'userName', label: '评价人' },
  { key: 'contactPhone', label: '联系电话' },
  { key: 'userType', label: '评价人类型（0 自然人，1 法人）' },
  { key: 'certificateType', label: '证件类型' },
  { key: 'certificateNo', label: '证件号码' },
  { key: 'projectType', label: '办件类型（1 即办件，2 承诺件）' },
  { key: 'serviceName', label: '服务名称' },
  { key: 'serviceTime', label: '服务时间' },
  { key: 'ratingId', label: '评价编号' },
  { key: 'level', label: '评价等级' },
  { key: 'levelName', label: '满意程度' },
  { key: 'tags', label: '评价选项' },
  { key: 'comment', label: '评价内容' },
  { key: 'channel', label: '评价渠道代码' },
  { key: 'channelName', label: '评价渠道' },
  { key: 'isRealName', label: '实名评价' },
  { key: 'isDefault', label: '默认评价' },
  { key: 'isExcluded', label: '申诉剔除' },
];

/**
 * The ratings of a period as evaluator records, in the caller's scope (a chief officer: their
 * departments). Phones are masked; with `unmask` (person.unmask required, the route audits the
 * reason) they are decrypted — the provincial platform needs the full number to call back.
 * Excluded ratings are exported too, marked, so the record is complete.
 */
export async function exportRatings(
  db: Db,
  keys: PersonalDataKeys,
  principal: StaffPrincipal,
  q: { from: string; to: string; departmentId?: string },
  options: { unmask: boolean },
): Promise<ExportDto> {
  if (q.from > q.to) throw invalidField('from', '开始日期不能晚于结束日期');
  if (addDays(q.from, 366) < q.to) throw invalidField('from', '导出期间不能超过一年');
  if (options.unmask && !principal.permissions.has('person.unmask')) throw forbidden('导出完整电话号码需要“查看完整个人信息”权限');
  const scope = await figuresScope(db, principal, q.departmentId);
  const rows = await repo.ratingsForExport(db, { centerId: scope.centerId, from: q.from, to: q.to, departmentIds: scope.departmentIds });
  const [center, departments, counters, staff] = await Promise.all([
    getCenter(db, scope.centerId),
    listDepartments(db, scope.centerId),
    listCounters(db, scope.centerId),
    listStaff(db, { centerId: scope.centerId }),
  ]);
  const names: Names = {
    regionCode: center.regionCode,
    departments: new Map(departments.map((d) => [d.id, d])),
    counters: new Map(counters.map((c) => [c.id, c])),
    staffNumbers: new Map(staff.map((s) => [s.id, s.staffNumber])),
  };
  const records = rows.map((r) => recordOf(r, names, keys, options.unmask));
  return { from: q.from, to: q.to, isUnmasked: options.unmask, count: records.length, records };
}

export async function exportWorkbook(dto: ExportDto): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Banshi';
  const sheet = workbook.addWorksheet('评价记录', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ key: c.key, width: Math.max(12, Math.min(40, c.label.length * 2 + 4)) }));
  sheet.addRow(EXPORT_COLUMNS.map((c) => c.key));
  sheet.addRow(EXPORT_COLUMNS.map((c) => c.label));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { bold: true };
  for (const r of dto.records) {
    sheet.addRow(
      EXPORT_COLUMNS.map(({ key }) => {
        const value = r[key];
        if (Array.isArray(value)) return value.join('、');
        if (typeof value === 'boolean') return value ? '是' : '否';
        return value;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The center's departments, counters and staff numbers, from their modules' services. */
type Names = {
  regionCode: string;
  departments: Map<string, { uscc: string | null; name: string }>;
  counters: Map<string, { number: string; name: string }>;
  staffNumbers: Map<string, string | null>;
};

function recordOf(r: repo.ExportRow, names: Names, keys: PersonalDataKeys, unmask: boolean): EvaluatorRecord {
  const isEntity = r.raterUscc !== null && r.raterUscc !== '';
  const department = r.departmentId ? names.departments.get(r.departmentId) : undefined;
  const counter = r.counterId ? names.counters.get(r.counterId) : undefined;
  return {
    departmentCode: department?.uscc ?? '',
    departmentName: department?.name ?? '',
    hallCode: names.regionCode,
    windowNo: counter?.number ?? '',
    workNo: (r.staffId ? names.staffNumbers.get(r.staffId) : null) ?? '',
    affairSerialNo: r.applicationNumber ?? (r.ticketNumber ? `${r.ticketNumber}-${r.ticketDate}` : ''),
    affairCode: r.itemCode,
    affairName: r.itemName,
    affairApplyTime: timeOf(r.applicationReceivedAt ?? r.ticketIssuedAt),
    affairDoneTime: timeOf(r.serviceEndedAt),
    evalTime: timeOf(r.ratedAt),
    userName: r.isRealName ? r.raterName : '',
    contactPhone: phoneOf(r, keys, unmask),
    userType: isEntity ? '1' : '0',
    certificateType: isEntity ? CERTIFICATE_TYPE_USCC : '',
    certificateNo: isEntity ? r.raterUscc! : '',
    projectType: r.processingKind === 'instant' ? '1' : r.processingKind === 'committed' ? '2' : '',
    serviceName: r.itemName || (counter?.name ?? ''),
    serviceTime: timeOf(r.ticketStartedAt ?? r.applicationReceivedAt),
    ratingId: r.ratingId,
    level: r.level,
    levelName: LEVEL_NAMES[r.level] ?? '',
    tags: r.tags.map((code) => labelOfTag(r.questionSet, code)),
    comment: r.comment,
    channel: r.channel,
    channelName: CHANNEL_LABELS[r.channel] ?? r.channel,
    isRealName: r.isRealName,
    isDefault: r.isDefault,
    isExcluded: r.excludedAt !== null,
  };
}

function phoneOf(r: repo.ExportRow, keys: PersonalDataKeys, unmask: boolean): string {
  if (!unmask || !r.raterPhoneCipher) return r.raterPhoneMasked ?? '';
  try {
    return decryptField(keys, 'phone', r.raterPhoneCipher);
  } catch {
    return r.raterPhoneMasked ?? '';
  }
}

/** 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai, as the provincial records write times. */
function timeOf(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}
