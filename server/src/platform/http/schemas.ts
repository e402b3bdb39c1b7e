import { z } from 'zod';
import { checkUscc, USCC_PROBLEM_MESSAGES } from '../../lib/uscc.ts';

/** Building blocks shared by the modules' contracts. */

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, '不是有效的日期');

export const uscc = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = checkUscc(value);
    if (problem) ctx.addIssue({ code: 'custom', message: USCC_PROBLEM_MESSAGES[problem] });
  });

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

export const version = z.number().int().positive();

export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string(),
});

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const ok = z.object({ ok: z.literal(true) });
