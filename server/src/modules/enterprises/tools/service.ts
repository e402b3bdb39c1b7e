import { AppError } from '../../../platform/errors.ts';
import type { SizeAnswer } from '../contract.ts';
import { lookupIndustry } from '../industry/industry-codes.ts';
import { classifySize, INDICATOR_NAMES, SIZE_INDICATORS, sizeRuleFor, type SizeIndicator } from '../size/size-class.ts';

/**
 * 企业规模自测: the size class of an industry and its indicators, for anyone (portal, other
 * systems). Bad input is a 422 naming the field: an unknown or too broad industry code, an
 * indicator that is not a number or is negative, or one the industry needs but is missing.
 */
export function selfCheckSize(query: { industry: string; employees?: string; revenue?: string; assets?: string }): SizeAnswer {
  const found = lookupIndustry(query.industry);
  if (!found.ok) throw new AppError('INDUSTRY_UNKNOWN', `行业代码不正确：${found.reason}`, [{ field: 'industry', message: found.reason }]);
  const selection = sizeRuleFor(found.industry);
  if (selection.kind === 'too-broad') throw new AppError('INDUSTRY_TOO_BROAD', selection.reason, [{ field: 'industry', message: selection.reason }]);
  if (selection.kind === 'not-applicable') throw new AppError('SIZE_NOT_APPLICABLE', selection.reason, [{ field: 'industry', message: selection.reason }]);

  const values: Partial<Record<SizeIndicator, number>> = {};
  for (const indicator of SIZE_INDICATORS) {
    const raw = query[indicator]?.trim();
    if (raw === undefined || raw === '') continue;
    const name = INDICATOR_NAMES[indicator];
    const value = /^[-+]?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    const problem = Number.isNaN(value)
      ? `${name}“${raw}”不是数字`
      : value < 0
        ? `${name}不能为负数`
        : indicator === 'employees' && !Number.isInteger(value)
          ? `${name}应为整数`
          : null;
    if (problem) throw new AppError('INDICATOR_INVALID', problem, [{ field: indicator, message: problem }]);
    values[indicator] = value;
  }
  const result = classifySize(selection.rule, values);
  if (!result.ok) {
    throw new AppError(
      'INDICATOR_MISSING',
      result.reason,
      result.missing.map((m) => ({ field: m, message: `${selection.rule.name}须提供${INDICATOR_NAMES[m]}` })),
    );
  }
  return {
    sizeClass: result.sizeClass,
    reason: result.reason,
    industry: { code: found.industry.code, name: found.industry.name, path: found.industry.path },
    rule: { id: selection.rule.id, name: selection.rule.name, indicators: selection.rule.indicators.map((i) => i.indicator) },
  };
}
