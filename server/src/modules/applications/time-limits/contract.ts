import { z } from 'zod';
import { TIME_LIMIT_ALERT_KINDS } from './tables.ts';
import { isoDate } from '../../../platform/http/schemas.ts';

const date = isoDate;

export const ALERT_ROLES = ['reviewer', 'chief_officer', 'center_manager', 'region_manager'] as const;

export const timeLimitSettingsDto = z.object({ warningPercent: z.number(), escalationDays: z.number(), version: z.number() });
export type TimeLimitSettingsDto = z.infer<typeof timeLimitSettingsDto>;
export const timeLimitSettingsBody = z.strictObject({
  warningPercent: z.number().int().min(50).max(99),
  escalationDays: z.number().int().min(1).max(30),
  version: z.number().int().min(0),
});

export const alertDto = z.object({
  id: z.string(),
  kind: z.enum(TIME_LIMIT_ALERT_KINDS),
  level: z.number(),
  dueDate: z.string(),
  usedShare: z.number(),
  raisedOn: z.string(),
  raisedAt: z.string(),
  departmentName: z.string(),
  recipients: z.array(z.object({ staffId: z.string(), name: z.string(), role: z.enum(ALERT_ROLES) })),
});
export type AlertDto = z.infer<typeof alertDto>;

export const noticeDto = z.object({
  alert: alertDto.omit({ recipients: true }),
  role: z.enum(ALERT_ROLES),
  application: z.object({ id: z.string(), number: z.string(), name: z.string(), applicantName: z.string(), isOpen: z.boolean() }),
});
export const noticeQuery = z.object({ state: z.enum(['open', 'all']).default('open') });

export const supervisionDto = z.object({
  id: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  applicationName: z.string(),
  departmentName: z.string(),
  addresseeId: z.string(),
  addresseeName: z.string(),
  openedByName: z.string(),
  openedAt: z.string(),
  deadline: z.string(),
  request: z.string(),
  reply: z.string().nullable(),
  repliedByName: z.string(),
  repliedAt: z.string().nullable(),
  /** not replied and past the deadline, or replied after it */
  isOverdue: z.boolean(),
  canReply: z.boolean(),
  version: z.number(),
});
export type SupervisionDto = z.infer<typeof supervisionDto>;

export const supervisionBody = z.strictObject({
  deadline: date,
  request: z.string().trim().min(1).max(1000),
});
export const supervisionReplyBody = z.strictObject({ reply: z.string().trim().min(1).max(1000), version: z.number().int().min(1) });
export const supervisionListQuery = z.object({ scope: z.enum(['mine', 'center']).default('mine') });

export const timeLimitHistory = z.object({
  alerts: z.array(alertDto),
  supervisions: z.array(supervisionDto),
  canSupervise: z.boolean(),
});
export type TimeLimitHistory = z.infer<typeof timeLimitHistory>;

export const timeLimitFiguresQuery = z.object({ from: date, to: date });
export const timeLimitFigures = z.object({
  from: z.string(),
  to: z.string(),
  departments: z.array(
    z.object({ departmentId: z.string(), departmentName: z.string(), warnings: z.number(), overdue: z.number(), escalated: z.number(), supervisedOpen: z.number(), supervisedReplied: z.number() }),
  ),
});
export type TimeLimitFigures = z.infer<typeof timeLimitFigures>;

export const raiseReport = z.object({ warning: z.number(), overdue: z.number(), escalation: z.number() });
export type RaiseReport = z.infer<typeof raiseReport>;
