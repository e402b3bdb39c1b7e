import { findPersonalData, type PersonalDataFinding } from './log-masking.ts';
import { LOOKS_PERSONAL, NOT_PERSONAL, PERSONAL_COLUMNS, type InResponses, type PersonalColumn } from './inventory.ts';

export type PrivacyReport = {
  columns: (PersonalColumn & { excludedFromLogs: true })[];
  /** listed columns the database does not have (the list is out of date) */
  missing: string[];
  /** columns that look personal and are not listed */
  unlisted: string[];
  /** listed ID or phone numbers kept in clear */
  plainNumbers: string[];
  logs: { file: string; findings: PersonalDataFinding[] }[];
  passed: boolean;
};

/**
 * The personal data report over the database's columns (`table.column`) and log files: every
 * personal column with how it is stored, masked in responses and kept out of logs (log lines
 * are masked as they are written, platform/personal-data/log-masking.ts), and every unmasked ID
 * or mobile number found in the logs. It passes when the list matches the database and the logs
 * hold no unmasked number.
 */
export function privacyReport(databaseColumns: readonly string[], logs: { file: string; text: string }[]): PrivacyReport {
  const present = new Set(databaseColumns);
  const listed = new Set(PERSONAL_COLUMNS.map((c) => c.column));
  const missing = PERSONAL_COLUMNS.filter((c) => !present.has(c.column)).map((c) => c.column);
  const unlisted = databaseColumns.filter((c) => LOOKS_PERSONAL.test(c.split('.')[1] ?? '') && !listed.has(c) && !NOT_PERSONAL.has(c)).sort();
  const plainNumbers = PERSONAL_COLUMNS.filter((c) => c.stored === 'plain' && (c.holds === '身份证号' || c.holds === '手机号')).map((c) => c.column);
  const scanned = logs.map((l) => ({ file: l.file, findings: findPersonalData(l.text) }));
  return {
    columns: PERSONAL_COLUMNS.map((c) => ({ ...c, excludedFromLogs: true })),
    missing,
    unlisted,
    plainNumbers,
    logs: scanned,
    passed: missing.length === 0 && unlisted.length === 0 && plainNumbers.length === 0 && scanned.every((l) => l.findings.length === 0),
  };
}

const IN_RESPONSES: Record<InResponses, string> = { masked: '脱敏', full: '完整', never: '不返回' };
const STORED: Record<PersonalColumn['stored'], string> = { encrypted: '加密（SM4）', hash: '密钥散列', masked: '已脱敏', plain: '明文' };

export function formatPrivacyReport(report: PrivacyReport): string {
  const yes = (b: boolean) => (b ? '是' : '否');
  const lines = ['个人信息字段', '字段\t内容\t存储\t响应中\t日志中脱敏'];
  for (const c of report.columns) lines.push(`${c.column}\t${c.holds}\t${STORED[c.stored]}\t${IN_RESPONSES[c.inResponses]}\t${yes(c.excludedFromLogs)}`);
  if (report.plainNumbers.length) lines.push('', `明文保存的号码（待加密）：${report.plainNumbers.join('、')}`);
  if (report.missing.length) lines.push('', `清单中有、数据库中没有的字段：${report.missing.join('、')}`);
  if (report.unlisted.length) lines.push('', `疑似个人信息但未列入清单的字段：${report.unlisted.join('、')}`);
  for (const l of report.logs) {
    lines.push('', `日志 ${l.file}：未脱敏的号码 ${l.findings.length} 处`);
    for (const f of l.findings.slice(0, 20)) lines.push(`  第 ${f.line} 行 ${f.kind === 'id_number' ? '身份证号' : '手机号'} ${f.masked}`);
  }
  lines.push('', report.passed ? '结论：通过' : '结论：未通过');
  return lines.join('\n');
}
