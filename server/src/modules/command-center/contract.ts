import { z } from 'zod';
import { isoDate } from '../../platform/http/schemas.ts';

/** The targets of the standard the command center shows, in the order of its cards. */
export const TARGET_KEYS = [
  'callback_rate',
  'rectification_rate',
  'feedback_response_rate',
  'slot_within_3_days',
  'on_time_rate',
  'one_time_acceptance_rate',
  'deferred_overdue',
  'commitments_awaiting',
  'wait_today',
  'service_today',
] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

export const commandCenterQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  departmentId: z.uuid('部门编号格式不正确').optional(),
});
export type CommandCenterQuery = z.infer<typeof commandCenterQuery>;

export const targetDto = z.object({
  key: z.enum(TARGET_KEYS),
  /** rate: 0–1; count: a number of cases; minutes */
  unit: z.enum(['rate', 'count', 'minutes']),
  value: z.number().nullable(),
  /** the standard's target (rates 1 = 100 %, counts 0); for today's times the average of the last 30 days */
  target: z.number().nullable(),
  /** null: nothing to measure yet (no case in the period), counted as met */
  isMet: z.boolean(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type TargetDto = z.infer<typeof targetDto>;

const bar = z.object({ key: z.string(), label: z.string(), value: z.number().nullable(), count: z.number() });
export type Bar = z.infer<typeof bar>;

export const queueNowDto = z.object({ id: z.string(), name: z.string(), waiting: z.number(), countersOpen: z.number(), longestWaitMinutes: z.number().nullable() });

export const centerTargetsDto = z.object({ centerId: z.string(), centerName: z.string(), targets: z.array(targetDto) });

export const commandCenterDto = z.object({
  generatedAt: z.string(),
  from: z.string(),
  to: z.string(),
  scope: z.enum(['center', 'department']),
  centerId: z.string(),
  centerName: z.string(),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  targets: z.array(targetDto),
  now: z.object({ waiting: z.number(), countersOpen: z.number(), queues: z.array(queueNowDto) }),
  trends: z.object({
    days: z.array(z.object({ date: z.string(), goodRate: z.number().nullable(), callbackRate: z.number().nullable(), averageWaitMinutes: z.number().nullable(), tickets: z.number() })),
    months: z.array(z.object({ month: z.string(), rated: z.number(), goodRate: z.number().nullable(), callbackRate: z.number().nullable() })),
  }),
  /** 好评率 by department, item and channel; tickets done and the average wait by counter and clerk */
  breakdowns: z.object({ department: z.array(bar), counter: z.array(bar), clerk: z.array(bar), item: z.array(bar), channel: z.array(bar) }),
  /** a region's manager: every center of the region side by side (empty otherwise) */
  region: z.array(centerTargetsDto),
});
export type CommandCenterDto = z.infer<typeof commandCenterDto>;
