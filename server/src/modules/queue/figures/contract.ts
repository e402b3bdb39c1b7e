import { z } from 'zod';
import { isoDate } from '../../../platform/http/schemas.ts';

const minutes = z.number().nullable();

export const liveFigures = z.object({
  generatedAt: z.string(),
  businessDate: z.string(),
  totals: z.object({
    waiting: z.number(),
    longestWaitMinutes: minutes,
    countersOpen: z.number(),
    countersPaused: z.number(),
    issuedToday: z.number(),
    doneToday: z.number(),
    noShowToday: z.number(),
    averageWaitMinutes: minutes,
    averageServiceMinutes: minutes,
  }),
  queues: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      prefix: z.string(),
      isOpen: z.boolean(),
      waiting: z.number(),
      longestWaitMinutes: minutes,
      countersOpen: z.number(),
      issuedToday: z.number(),
      doneToday: z.number(),
      averageWaitMinutes: minutes,
      averageServiceMinutes: minutes,
    }),
  ),
  counters: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      name: z.string(),
      state: z.enum(['open', 'paused', 'closed']),
      staffName: z.string().nullable(),
      currentDisplayNumber: z.string().nullable(),
      doneToday: z.number(),
    }),
  ),
});
export type LiveFigures = z.infer<typeof liveFigures>;

export const HISTORY_GROUPS = ['day', 'queue', 'counter', 'clerk'] as const;
export type HistoryGroup = (typeof HISTORY_GROUPS)[number];

export const historyQuery = z.strictObject({ from: isoDate, to: isoDate, by: z.enum(HISTORY_GROUPS).default('day') });

export const historyRow = z.object({
  key: z.string(),
  label: z.string(),
  /** tickets issued (by day, queue) or handled (by counter, clerk) */
  tickets: z.number(),
  done: z.number(),
  noShow: z.number(),
  cancelled: z.number(),
  averageWaitMinutes: minutes,
  maxWaitMinutes: minutes,
  averageServiceMinutes: minutes,
});
export const historyFigures = z.object({ from: z.string(), to: z.string(), by: z.enum(HISTORY_GROUPS), rows: z.array(historyRow), total: historyRow });
export type HistoryFigures = z.infer<typeof historyFigures>;
