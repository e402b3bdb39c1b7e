import { z } from 'zod';
import { isoDate } from '../../../platform/http/schemas.ts';

/** 好差评 figures (clause 9.1, FACTS §6): what a manager reads to prove the 100 % callback and rectification. */

export const FIGURES_GROUPS = ['center', 'department', 'counter', 'staff', 'item', 'channel', 'day', 'month'] as const;
export type FiguresGroup = (typeof FIGURES_GROUPS)[number];

export const figuresQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  groupBy: z.enum(FIGURES_GROUPS, { error: '分组方式不正确' }).default('department'),
  departmentId: z.uuid('部门编号格式不正确').optional(),
});
export type FiguresQuery = z.infer<typeof figuresQuery>;

const rate = z.number().nullable();

export const figuresRow = z.object({
  /** ratings given in the period, not excluded (default 基本满意 included) */
  rated: z.number(),
  /** counts by level, 5 (非常满意) … 1 (非常不满意), excluded ratings left out */
  levels: z.object({ 5: z.number(), 4: z.number(), 3: z.number(), 2: z.number(), 1: z.number() }),
  /** levels 4–5 / rated */
  goodRate: rate,
  /** levels 1–2 / rated */
  badRate: rate,
  /** 主动评价好评率: levels 4–5 among the ratings actually given (not default) */
  activeGoodRate: rate,
  /** ratings left out by an upheld appeal (counted here, nowhere else) */
  excluded: z.number(),
  anonymousBad: z.number(),
  /** real-name bad reviews: the base of the callback and rectification rates (target 100 %) */
  realNameBad: z.number(),
  calledBack: z.number(),
  callbackRate: rate,
  rectified: z.number(),
  rectificationRate: rate,
  /** rating → first contact that reached the rater (else the attempt that counted as the callback made), in hours */
  avgCallbackHours: rate,
  /** services finished in the period (tickets done; applications delivered or decided) */
  finished: z.number(),
  /** of those, rated by the person served (not default, not excluded) */
  activelyRated: z.number(),
  /** activelyRated / finished */
  activeRate: rate,
  /** of those, recorded as 基本满意 by default */
  defaulted: z.number(),
  /** of those, no rating although the rating period is over (the default not yet written) */
  unratedPastPeriod: z.number(),
  /** of those, no rating yet and still inside the rating period */
  awaitingRating: z.number(),
  /** (defaulted + unratedPastPeriod) / finished */
  unratedRate: rate,
});
export type FiguresRow = z.infer<typeof figuresRow>;

export const PENDING_REASONS = ['no_callback', 'not_contacted', 'not_closed'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

/** One real-name bad review that keeps the callback or rectification rate below 100 %. */
export const pendingCallback = z.object({
  ratingId: z.string(),
  callbackId: z.string().nullable(),
  reason: z.enum(PENDING_REASONS),
  state: z.string().nullable(),
  level: z.number(),
  ratedAt: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  counterNumber: z.string(),
  itemName: z.string(),
  contactDueOn: z.string().nullable(),
  finishDueOn: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type PendingCallback = z.infer<typeof pendingCallback>;

export const figuresDto = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(FIGURES_GROUPS),
  /** false: a chief officer's figures, limited to the departments named */
  isCenterWide: z.boolean(),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  ratingPeriodDays: z.number(),
  /** the target of the callback and rectification rates: 1 = 100 % */
  target: z.literal(1),
  totals: figuresRow,
  rows: z.array(figuresRow.extend({ key: z.string().nullable(), label: z.string() })),
  /** what keeps the callback or rectification rate below 100 % */
  pending: z.array(pendingCallback),
});
export type FiguresDto = z.infer<typeof figuresDto>;
