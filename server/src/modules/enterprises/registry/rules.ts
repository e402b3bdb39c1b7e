import { explainUscc } from '../../../lib/uscc.ts';
import type { ErrorCode } from '../../../platform/errors.ts';
import type { EnterpriseType } from '../contract.ts';
import { lookupIndustry, type Industry } from '../industry/industry-codes.ts';
import { classifySize, INDICATOR_NAMES, sizeRuleFor, type SizeClass, type SizeIndicator } from '../size/size-class.ts';

/**
 * The rules every enterprise record meets, whether it comes from the form or from an import
 * row: pure functions that list every problem with its field and stable code.
 */

export type FieldProblem = { field: string; code: ErrorCode; message: string };

export type EnterpriseFieldsIn = {
  name: string;
  type: EnterpriseType;
  legalRepresentative: string;
  registeredAddress: string;
  districtCode: string;
  town: string;
  registrationDate: string | null;
  industryCode: string;
  employees: number | null;
  revenue: number | null;
  assets: number | null;
  tags: string[];
};

export type EnterpriseFields = EnterpriseFieldsIn & { industry: Industry; sizeClass: SizeClass | null; sizeReason: string };

/** The province-level prefixes of GB/T 2260. */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

export function checkUsccField(input: string): { ok: true; uscc: string } | { ok: false; problem: FieldProblem } {
  const explained = explainUscc(input);
  if (explained.valid) return { ok: true, uscc: explained.code };
  return { ok: false, problem: { field: 'uscc', code: 'USCC_INVALID', message: `统一社会信用代码不正确：${explained.reason}` } };
}

export function checkDistrictCode(code: string): FieldProblem | null {
  if (!/^[1-9]\d{5}$/.test(code) || !PROVINCES.has(code.slice(0, 2)) || code.endsWith('0000')) {
    return { field: 'districtCode', code: 'DISTRICT_INVALID', message: `行政区划代码“${code}”不是有效的 GB/T 2260 县级代码（6 位数字，如 440605）` };
  }
  return null;
}

/** Checks and normalizes the fields (not the code); `today` is the business date. */
export function checkEnterpriseFields(input: EnterpriseFieldsIn, today: string): { ok: true; value: EnterpriseFields } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const district = checkDistrictCode(input.districtCode);
  if (district) problems.push(district);
  const found = lookupIndustry(input.industryCode);
  if (!found.ok) problems.push({ field: 'industryCode', code: 'INDUSTRY_UNKNOWN', message: `行业代码不正确：${found.reason}` });
  for (const indicator of ['employees', 'revenue', 'assets'] as const) {
    const problem = checkIndicator(indicator, input[indicator]);
    if (problem) problems.push(problem);
  }
  if (input.registrationDate && input.registrationDate > today) {
    problems.push({ field: 'registrationDate', code: 'DATE_INVALID', message: `成立日期 ${input.registrationDate} 晚于今天` });
  }
  const tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  if (problems.length > 0 || !found.ok) return { ok: false, problems };
  const size = sizeOf(found.industry, input);
  return { ok: true, value: { ...input, tags, industryCode: found.industry.code, industry: found.industry, ...size } };
}

/** Employees are whole people; revenue and assets are 万元 with at most two decimals; none is negative. */
export function checkIndicator(indicator: SizeIndicator, value: number | null): FieldProblem | null {
  if (value === null) return null;
  const name = INDICATOR_NAMES[indicator];
  if (!Number.isFinite(value)) return { field: indicator, code: 'INDICATOR_INVALID', message: `${name}不是有效的数字` };
  if (value < 0) return { field: indicator, code: 'INDICATOR_INVALID', message: `${name}不能为负数` };
  if (indicator === 'employees' && !Number.isInteger(value)) return { field: indicator, code: 'INDICATOR_INVALID', message: `${name}应为整数` };
  if (indicator !== 'employees' && Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) {
    return { field: indicator, code: 'INDICATOR_INVALID', message: `${name}以万元为单位，最多两位小数` };
  }
  if (value > 1e12) return { field: indicator, code: 'INDICATOR_INVALID', message: `${name}过大` };
  return null;
}

/** The stored size class and its reason; when it cannot be classified, null and the reason why. */
export function sizeOf(industry: Industry, inputs: { employees: number | null; revenue: number | null; assets: number | null }): { sizeClass: SizeClass | null; sizeReason: string } {
  const selection = sizeRuleFor(industry);
  if (selection.kind !== 'rule') return { sizeClass: null, sizeReason: selection.reason };
  const result = classifySize(selection.rule, inputs);
  return result.ok ? { sizeClass: result.sizeClass, sizeReason: result.reason } : { sizeClass: null, sizeReason: `暂不能划型：${result.reason}` };
}
