import type { z } from 'zod';
import type {
  CalendarOverrideDto,
  dueDateResponse,
  monthResponse,
  OverrideInput,
  workingDaysResponse,
} from '@server/platform/calendar/contract.ts';
import { api } from '../../lib/api.ts';

export type MonthView = z.infer<typeof monthResponse>;
export type DayInfo = MonthView['days'][number];

/** month: YYYY-MM */
export const fetchMonth = (month: string) => api.get<MonthView>('/api/calendar/month', { month });

/** The date `workingDays` working days after `from` (day 0). */
export const fetchDueDate = (from: string, workingDays: number) =>
  api.get<z.infer<typeof dueDateResponse>>('/api/calendar/due-date', { from, workingDays });

/** Working days after `from` up to and including `to`. */
export const fetchWorkingDayCount = (from: string, to: string) =>
  api.get<z.infer<typeof workingDaysResponse>>('/api/calendar/working-days', { from, to });

export const listOverrides = () => api.get<CalendarOverrideDto[]>('/api/calendar/overrides');

export const setOverride = (date: string, input: OverrideInput) =>
  api.put<CalendarOverrideDto>(`/api/calendar/overrides/${date}`, input);

export const removeOverride = (date: string) => api.delete<{ ok: true }>(`/api/calendar/overrides/${date}`);
