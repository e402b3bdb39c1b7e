import { z } from 'zod';
import { isoDate } from '../../../platform/http/schemas.ts';

/** Export of ratings in the field layout of a Guangdong evaluator record (FACTS §6), plus this system's own fields. */

export const EXPORT_FORMATS = ['json', 'xlsx'] as const;

export const exportQuery = z.strictObject({
  from: isoDate,
  to: isoDate,
  format: z.enum(EXPORT_FORMATS, { error: '导出格式为 json 或 xlsx' }).default('json'),
  departmentId: z.uuid('部门编号格式不正确').optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;

/** The unmasked export: the reason is written into the audit row. */
export const unmaskedExportInput = z.strictObject({
  from: isoDate,
  to: isoDate,
  format: z.enum(EXPORT_FORMATS, { error: '导出格式为 json 或 xlsx' }).default('json'),
  departmentId: z.uuid('部门编号格式不正确').optional(),
  reason: z.string().trim().min(2, '请说明导出完整电话号码的理由').max(200),
});
export type UnmaskedExportInput = z.infer<typeof unmaskedExportInput>;

export const evaluatorRecord = z.object({
  /** the unit's unified social credit code: the department's (the center has none) */
  departmentCode: z.string(),
  departmentName: z.string(),
  /** the hall: the center's administrative division code (6 digits) until the provincial hall code is configured */
  hallCode: z.string(),
  windowNo: z.string(),
  /** 工号 */
  workNo: z.string(),
  /** the application number, or the ticket's display number and business date (A012-20261125) */
  affairSerialNo: z.string(),
  affairCode: z.string(),
  affairName: z.string(),
  affairApplyTime: z.string(),
  affairDoneTime: z.string(),
  evalTime: z.string(),
  userName: z.string(),
  /** masked (139****5678) unless exported unmasked */
  contactPhone: z.string(),
  /** '0' person, '1' legal entity */
  userType: z.enum(['0', '1']),
  certificateType: z.string(),
  certificateNo: z.string(),
  /** '1' instant (即办件), '2' committed-deadline (承诺件); '' unknown */
  projectType: z.enum(['1', '2', '']),
  serviceName: z.string(),
  serviceTime: z.string(),
  // this system's own fields
  ratingId: z.string(),
  level: z.number(),
  levelName: z.string(),
  tags: z.array(z.string()),
  comment: z.string(),
  channel: z.string(),
  channelName: z.string(),
  isRealName: z.boolean(),
  isDefault: z.boolean(),
  isExcluded: z.boolean(),
});
export type EvaluatorRecord = z.infer<typeof evaluatorRecord>;

export const exportDto = z.object({
  from: z.string(),
  to: z.string(),
  isUnmasked: z.boolean(),
  count: z.number(),
  records: z.array(evaluatorRecord),
});
export type ExportDto = z.infer<typeof exportDto>;
