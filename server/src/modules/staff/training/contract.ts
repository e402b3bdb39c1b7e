import { z } from 'zod';
import { ROLES } from '../../../platform/auth/roles.ts';
import { isoDate, isoMonth } from '../../../platform/http/schemas.ts';
import { COUNTER_PURPOSES } from '../../venue/contract.ts';
import { CONDUCT_ASPECTS, TRAINING_CATEGORIES } from './kinds.ts';

/** Staff training and qualification (5.2): courses, sessions, exams, certificates, rules, conduct. */

export { CONDUCT_ASPECTS, TRAINING_CATEGORIES };

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);
const staffId = z.uuid('人员编号格式不正确');
const kind = text('资格名称', 100);

export const courseInput = z.strictObject({
  title: text('课程名称', 200),
  category: z.enum(TRAINING_CATEGORIES, { error: '请选择课程类别' }),
  description: z.string().trim().max(2000, '课程简介不能超过 2000 字').default(''),
});

export const sessionInput = z.strictObject({
  heldOn: isoDate,
  trainer: text('授课人', 100),
  place: text('培训地点', 200),
  staffIds: z.array(staffId).min(1, '请选择参训人员').max(500),
});

export const examInput = z.strictObject({
  heldOn: isoDate,
  maxScore: z.number().int().min(1).max(1000).default(100),
  passMark: z.number().int().min(0).max(1000),
  /** the qualification a pass earns: a certificate is issued for it, valid for the months given */
  qualificationKind: kind.nullable().default(null),
  validityMonths: z.number().int().min(1).max(120).nullable().default(null),
  scores: z
    .array(z.strictObject({ staffId, score: z.number().int().min(0, '成绩不能为负').max(1000) }))
    .min(1, '请填写考试成绩')
    .max(500),
});

export const certificateInput = z.strictObject({
  staffId,
  kind,
  number: text('证书编号', 64),
  issuedOn: isoDate,
  expiresOn: isoDate,
});

export const ruleInput = z.strictObject({
  purpose: z.enum(COUNTER_PURPOSES, { error: '请选择窗口类型' }),
  role: z.enum(ROLES, { error: '请选择岗位角色' }),
  kind,
});

export const conductInput = z.strictObject({
  staffId,
  inspectedOn: isoDate,
  aspect: z.enum(CONDUCT_ASPECTS, { error: '请选择检查项目' }),
  finding: text('检查发现', 1000),
  pointsDeducted: z.number().int().min(0, '扣分不能为负').max(100, '扣分不能超过 100'),
});

export const certificateQuery = z.strictObject({ staffId: z.uuid('人员编号格式不正确').optional() });
export const expiringQuery = z.strictObject({ days: z.coerce.number().int().min(0).max(365).default(30) });
export const conductQuery = z.strictObject({ month: isoMonth.optional() });

const staffRef = { staffId: z.string(), staffName: z.string() };

export const courseSummary = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(TRAINING_CATEGORIES),
  description: z.string(),
  sessionCount: z.number(),
  examCount: z.number(),
  createdAt: z.string(),
});
export type CourseSummary = z.infer<typeof courseSummary>;

export const courseDetail = courseSummary.extend({
  sessions: z.array(z.object({ id: z.string(), heldOn: z.string(), trainer: z.string(), place: z.string(), attendees: z.array(z.object(staffRef)) })),
  exams: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string(),
      maxScore: z.number(),
      passMark: z.number(),
      qualificationKind: z.string().nullable(),
      validityMonths: z.number().nullable(),
      scores: z.array(z.object({ ...staffRef, score: z.number(), passed: z.boolean() })),
    }),
  ),
});
export type CourseDetail = z.infer<typeof courseDetail>;

export const CERTIFICATE_STATUSES = ['valid', 'expiring', 'expired', 'not_yet'] as const;
export const certificateDto = z.object({
  id: z.string(),
  ...staffRef,
  staffNumber: z.string().nullable(),
  kind: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  source: z.enum(['exam', 'manager']),
  status: z.enum(CERTIFICATE_STATUSES),
  /** days from today to the last valid day (negative once expired) */
  daysLeft: z.number(),
  recordedByName: z.string(),
});
export type CertificateDto = z.infer<typeof certificateDto>;

export const ruleDto = z.object({ id: z.string(), purpose: z.enum(COUNTER_PURPOSES), role: z.enum(ROLES), kind: z.string(), createdAt: z.string() });
export type RuleDto = z.infer<typeof ruleDto>;

export const conductDto = z.object({
  id: z.string(),
  ...staffRef,
  departmentName: z.string().nullable(),
  inspectedOn: z.string(),
  aspect: z.enum(CONDUCT_ASPECTS),
  finding: z.string(),
  pointsDeducted: z.number(),
  inspectorName: z.string(),
});
export type ConductDto = z.infer<typeof conductDto>;

const tally = { records: z.number(), points: z.number(), appearance: z.number(), language: z.number(), discipline: z.number() };
export const conductSummary = z.object({
  month: z.string(),
  departments: z.array(z.object({ departmentId: z.string().nullable(), departmentName: z.string().nullable(), staffCount: z.number(), ...tally })),
  staff: z.array(z.object({ ...staffRef, departmentName: z.string().nullable(), ...tally })),
});
export type ConductSummary = z.infer<typeof conductSummary>;
