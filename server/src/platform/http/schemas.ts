import { z } from 'zod';
import { checkUscc, USCC_PROBLEM_MESSAGES } from '../../lib/uscc.ts';
import { zhCN } from '../../locales/zh-CN.ts';

/** Building blocks shared by the modules' contracts. */

/**
 * Characters PostgreSQL refuses to store: NUL (in text and JSON) and UTF-16 surrogates that are
 * not paired (JSON columns reject them; text columns would silently get U+FFFD).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasForbiddenCharacter(value: string): boolean {
  return FORBIDDEN_CHARACTER.test(value);
}

/**
 * The one string schema: every string a request carries is held to it. The app checks every
 * string of every body, query and path before the route's own schema runs
 * (platform/http/input-guard.ts), so a contract's `z.string()` is covered; use `text` where a
 * schema is parsed outside a request (imports, CLI).
 */
export const text = z.string().refine((s) => !hasForbiddenCharacter(s), zhCN.validation.forbiddenCharacter);

/** PostgreSQL `integer` */
export const INT4_MAX = 2_147_483_647;
export const int4 = z.number().int().min(-INT4_MAX - 1).max(INT4_MAX);

/** Business dates stay within years the calendar, the database and `Date` all handle. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;
const saneYear = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(saneYear, zhCN.validation.yearOutOfRange(MIN_YEAR, MAX_YEAR))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, '不是有效的日期');

export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .refine(saneYear, zhCN.validation.yearOutOfRange(MIN_YEAR, MAX_YEAR));

export const uscc = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = checkUscc(value);
    if (problem) ctx.addIssue({ code: 'custom', message: USCC_PROBLEM_MESSAGES[problem] });
  });

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

export const version = z.number().int().positive().max(INT4_MAX);
/** a version in a form that may still be new (0) */
export const versionOrNew = z.number().int().min(0).max(INT4_MAX);

export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string(),
});

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(INT4_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const ok = z.object({ ok: z.literal(true) });
