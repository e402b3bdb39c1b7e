import { z } from 'zod';
import { isoDate, uscc, version } from '../../platform/http/schemas.ts';
import { REQUEST_STATES, STEP_ACTIONS } from './workflow.ts';

/** 企业人才服务 (6.2.3): talent profiles, the talent service ledger and its figures. */

/** Talent categories (佛山市人才分类): 高层次人才 A/B/C 类, 急需紧缺人才, 技能人才, 高校毕业生. */
export const TALENT_CATEGORIES = ['high_level_a', 'high_level_b', 'high_level_c', 'urgent_shortage', 'skilled', 'graduate'] as const;
export type TalentCategory = (typeof TALENT_CATEGORIES)[number];

/** The kinds of talent service and the working days each is due in. */
export const REQUEST_KINDS = ['housing_subsidy', 'schooling', 'household_registration', 'spouse_employment', 'medical_care', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const KIND_DUE_DAYS: Record<RequestKind, number> = { housing_subsidy: 20, schooling: 15, household_registration: 10, spouse_employment: 20, medical_care: 5, other: 10 };

export const PROFILE_STATES = ['pending', 'verified'] as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);

export const documentUploaded = z.object({ id: z.string(), filename: z.string(), size: z.number() });

export const profileInput = z
  .strictObject({
    person: z.strictObject({
      name: text('人才姓名', 50),
      idNumber: text('身份证号码', 18),
      phone: z.string().trim().max(20, '电话号码不能超过 20 位').nullable().default(null),
    }),
    /** the employing enterprise's code: linked when the enterprise is in the registry */
    uscc: uscc.nullable().default(null),
    employerName: z.string().trim().max(200, '工作单位不能超过 200 字').default(''),
    category: z.enum(TALENT_CATEGORIES, { error: '请选择人才类别' }),
    documentTitle: text('认定证明名称', 200),
    /** the certifying document, uploaded first to /api/talent/documents */
    documentFileId: z.uuid('请上传人才认定证明'),
    validFrom: isoDate,
    validUntil: isoDate,
  })
  .superRefine((p, ctx) => {
    if (p.validFrom > p.validUntil) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '有效期截止日期不能早于起始日期' });
    if (!p.uscc && p.employerName === '') ctx.addIssue({ code: 'custom', path: ['employerName'], message: '请填写工作单位或统一社会信用代码' });
  });
export type ProfileInput = z.output<typeof profileInput>;

export const profileDto = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  enterpriseId: z.string().nullable(),
  employerName: z.string(),
  category: z.enum(TALENT_CATEGORIES),
  documentTitle: z.string(),
  document: documentUploaded.nullable(),
  validFrom: z.string(),
  validUntil: z.string(),
  /** the document is valid today */
  isValid: z.boolean(),
  state: z.enum(PROFILE_STATES),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type ProfileDto = z.infer<typeof profileDto>;

export const profileQuery = z.strictObject({
  category: z.enum(TALENT_CATEGORIES, { error: '人才类别不正确' }).optional(),
  state: z.enum(PROFILE_STATES, { error: '状态不正确' }).optional(),
  q: z.string().trim().max(50, '姓名不能超过 50 字').optional(),
});

export const versionBody = z.strictObject({ version });

export const requestInput = z.strictObject({
  profileId: z.uuid('请选择人才'),
  kind: z.enum(REQUEST_KINDS, { error: '请选择服务类型' }),
  summary: text('服务内容', 1000),
});
export type RequestInput = z.output<typeof requestInput>;

export const stepBody = z.strictObject({
  action: z.enum(STEP_ACTIONS, { error: '办理步骤不正确' }),
  note: z.string().trim().max(1000, '办理说明不能超过 1000 字').default(''),
  /** the department coordinated with (required to coordinate) */
  departmentId: z.uuid('协调部门编号格式不正确').nullable().default(null),
  version,
});
export type StepBody = z.output<typeof stepBody>;

export const stepDto = z.object({ id: z.string(), action: z.string(), fromState: z.enum(REQUEST_STATES).nullable(), toState: z.enum(REQUEST_STATES), note: z.string(), staffName: z.string(), at: z.string() });

export const requestDto = z.object({
  id: z.string(),
  profileId: z.string(),
  personName: z.string(),
  category: z.enum(TALENT_CATEGORIES),
  kind: z.enum(REQUEST_KINDS),
  summary: z.string(),
  state: z.enum(REQUEST_STATES),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  submittedOn: z.string(),
  dueOn: z.string(),
  closedOn: z.string().nullable(),
  /** open past its due date, or closed after it */
  overdue: z.boolean(),
  actions: z.array(z.enum(STEP_ACTIONS)),
  createdAt: z.string(),
  version: z.number(),
});
export type RequestDto = z.infer<typeof requestDto>;
export const requestDetail = requestDto.extend({ steps: z.array(stepDto) });
export type RequestDetail = z.infer<typeof requestDetail>;

export const requestQuery = z.strictObject({
  state: z.enum(REQUEST_STATES, { error: '状态不正确' }).optional(),
  kind: z.enum(REQUEST_KINDS, { error: '服务类型不正确' }).optional(),
  profileId: z.uuid('人才编号格式不正确').optional(),
  overdue: z.enum(['true', 'false'], { error: '逾期筛选为 true 或 false' }).optional(),
});

export const talentFigures = z.object({
  profiles: z.array(z.object({ category: z.enum(TALENT_CATEGORIES), total: z.number(), verified: z.number() })),
  requests: z.array(z.object({ kind: z.enum(REQUEST_KINDS), state: z.enum(REQUEST_STATES), count: z.number() })),
  /** working days from submission to done, on average; null before any is done */
  averageDaysToDone: z.number().nullable(),
  overdue: z.number(),
});
export type TalentFigures = z.infer<typeof talentFigures>;

/** the talent officer's home card: today's new requests and the open ones due within two working days or overdue */
export const talentToday = z.object({ submittedToday: z.number(), open: z.number(), due: z.array(requestDto) });
export type TalentToday = z.infer<typeof talentToday>;
