import { z } from 'zod';
import { isoDate } from '../http/schemas.ts';
import { DAY_KINDS } from './working-days.ts';

export const OVERRIDE_KINDS = ['holiday', 'workday'] as const;

/** Dates the calendar answers for: wide enough for any case, narrow enough that sums stay cheap. */
const FIRST_DATE = '1900-01-01';
const LAST_DATE = '2199-12-31';
const inRange = (date: string) => date >= FIRST_DATE && date <= LAST_DATE;
const outOfRange = '日期应在 1900 年至 2199 年之间';

export const calendarDate = isoDate.refine(inRange, outOfRange);

/** A public endpoint walks the range day by day, so its length is capped (about ten years). */
export const MAX_RANGE_DAYS = 3700;

export const dueDateQuery = z.strictObject({
  from: calendarDate,
  // Query values arrive as text; digits only, so that '' or '1e2' is not taken for a number.
  workingDays: z
    .string()
    .regex(/^\d{1,4}$/, '应为 0 到 1000 之间的整数')
    .transform(Number)
    .pipe(z.number().max(1000, '应为 0 到 1000 之间的整数')),
});
export const dueDateResponse = z.object({ dueDate: z.string() });

export const workingDaysQuery = z
  .strictObject({ from: calendarDate, to: calendarDate })
  .refine(({ from, to }) => daysBetween(from, to) <= MAX_RANGE_DAYS, {
    path: ['to'],
    message: `起止日期相隔不能超过 ${MAX_RANGE_DAYS} 天`,
  });
export const workingDaysResponse = z.object({ count: z.number().int() });

export const monthQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .refine((m) => inRange(`${m}-01`), outOfRange),
});

export const dayInfo = z.object({
  date: z.string(),
  isWorkingDay: z.boolean(),
  kind: z.enum(DAY_KINDS),
  name: z.string().nullable(),
  override: z.object({ kind: z.enum(OVERRIDE_KINDS), note: z.string() }).nullable(),
});
export const monthResponse = z.object({ month: z.string(), days: z.array(dayInfo) });

export const overrideParams = z.strictObject({ date: calendarDate });
export const overrideInput = z.strictObject({
  kind: z.enum(OVERRIDE_KINDS),
  note: z.string().trim().max(200).default(''),
});
export type OverrideInput = z.infer<typeof overrideInput>;

export const calendarOverride = z.object({
  date: z.string(),
  kind: z.enum(OVERRIDE_KINDS),
  note: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type CalendarOverrideDto = z.infer<typeof calendarOverride>;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
