import { z } from 'zod';
import { isoDate } from '../../platform/http/schemas.ts';
import { applicationStateDto, onlineAnswers, onlineMaterial } from '../applications/contract.ts';
import { material } from '../catalog/contract.ts';
import { ruleSchema } from './rules/rule.ts';

export const POLICY_KINDS = ['award', 'subsidy', 'loan_interest', 'reduction', 'qualification'] as const;
export const POLICY_STATUSES = ['draft', 'published', 'expired', 'withdrawn'] as const;
export const POLICY_MODES = ['apply', 'auto'] as const;
export const GRANT_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export const DISBURSEMENTS = ['not_started', 'in_progress', 'disbursed', 'failed'] as const;

const text = (max: number) => z.string().trim().max(max);
const money = z.number().min(0).max(1e10);

/** How much a qualifying enterprise gets (元): a fixed sum, per employee, or a share of a figure (万元), each with an optional cap. */
export const amountRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), amount: money }),
  z.strictObject({ kind: z.literal('per_employee'), perEmployee: money, cap: money.nullable().default(null) }),
  z.strictObject({ kind: z.literal('share'), figure: z.enum(['revenue', 'assets']), rate: z.number().gt(0).max(1), cap: money.nullable().default(null) }),
]);
export type AmountRule = z.infer<typeof amountRule>;

const policyFields = {
  title: z.string().trim().min(1, '请填写政策名称').max(200),
  issuingDepartment: text(100).default(''),
  kind: z.enum(POLICY_KINDS).default('subsidy'),
  legalBasisName: text(200).default(''),
  legalBasisNumber: text(100).default(''),
  summary: text(2000).default(''),
  interpretation: text(20000).default(''),
  validFrom: isoDate.nullable().default(null),
  validTo: isoDate.nullable().default(null),
  amountRule: amountRule.default({ kind: 'fixed', amount: 0 }),
  materials: z.array(material).max(60).default([]),
  mode: z.enum(POLICY_MODES).default('apply'),
  /** 承办部门: a department of the center that verifies grants; null: any chief officer of the center */
  departmentId: z.uuid('部门编号格式不正确').nullable().default(null),
  /** 兑现事项: the published catalog item enterprises apply under online (apply mode only) */
  itemId: z.uuid('事项编号格式不正确').nullable().default(null),
  /** checked in full by the service (rules/check.ts), which names the node of each problem */
  rule: ruleSchema,
};

/** A new policy (a draft). Keys not listed are ignored. */
export const policyInput = z.object({ ...policyFields, rule: z.unknown().meta({ description: '资格规则 {all|any|not|field,op,value}' }) });
export type PolicyInput = z.infer<typeof policyInput>;

export const policyPatch = z.object({
  ...Object.fromEntries(Object.entries(policyFields).map(([k, v]) => [k, (v as z.ZodType).optional()])),
  rule: z.unknown().optional(),
  version: z.number().int().positive(),
}) as unknown as z.ZodType<Partial<Omit<PolicyInput, 'rule'>> & { rule?: unknown; version: number }>;

export const policy = z.object({
  id: z.string(),
  regionCode: z.string(),
  title: z.string(),
  issuingDepartment: z.string(),
  kind: z.enum(POLICY_KINDS),
  legalBasisName: z.string(),
  legalBasisNumber: z.string(),
  summary: z.string(),
  interpretation: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  amountRule,
  /** the amount rule in words */
  amountText: z.string(),
  materials: z.array(material),
  mode: z.enum(POLICY_MODES),
  departmentId: z.string().nullable(),
  itemId: z.string().nullable(),
  rule: ruleSchema,
  status: z.enum(POLICY_STATUSES),
  publishedVersion: z.number(),
  publishedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  matchCount: z.number(),
});
export type PolicyDto = z.infer<typeof policy>;

export const policyListQuery = z.object({
  status: z.enum(POLICY_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const policyPage = z.object({ total: z.number(), items: z.array(policy) });

export const previewInput = z.object({ rule: z.unknown() });
export const previewResult = z.object({ count: z.number(), sample: z.array(z.object({ uscc: z.string() })) });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export const matchPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(z.object({ uscc: z.string(), enterpriseId: z.string(), name: z.string(), firstMatchedAt: z.string(), isPushed: z.boolean() })),
});

export const conditionExplanation = z.object({
  path: z.string(),
  field: z.string(),
  op: z.string(),
  value: z.unknown(),
  met: z.boolean(),
  seen: z.unknown(),
  negated: z.boolean(),
  text: z.string(),
});
export const explanation = z.object({
  policyId: z.string(),
  uscc: z.string(),
  name: z.string(),
  met: z.boolean(),
  inRegion: z.boolean(),
  conditions: z.array(conditionExplanation),
});
export type ExplanationDto = z.infer<typeof explanation>;

/** applied: enterprises that applied online (apply mode); granted: grants confirmed (auto-grant). */
export const pushFigures = z.object({ matched: z.number(), sent: z.number(), read: z.number(), applied: z.number(), granted: z.number(), optedOut: z.number() });

export const grant = z.object({
  id: z.string(),
  policyId: z.string(),
  policyTitle: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  amount: z.number(),
  amountBasis: z.string(),
  status: z.enum(GRANT_STATUSES),
  rejectReason: z.string(),
  verifiedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  disbursement: z.enum(DISBURSEMENTS),
  disbursedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type GrantDto = z.infer<typeof grant>;
export const grantQuery = z.object({
  policyId: z.uuid().optional(),
  status: z.enum(GRANT_STATUSES).optional(),
  /** mine: grants of the policies the caller's department verifies (and those no department is named for) */
  scope: z.enum(['all', 'mine']).default('all'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const grantPage = z.object({ total: z.number(), items: z.array(grant) });
const decision = z.enum(['confirm', 'reject']);
export const verifyInput = z.strictObject({ decision, reason: text(500).default('') });
export const bulkVerifyInput = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500), decision, reason: text(500).default('') });
export const disbursementInput = z.strictObject({ disbursement: z.enum(['in_progress', 'disbursed', 'failed']) });

export const inboxEntry = z.object({
  id: z.string(),
  policyId: z.string(),
  title: z.string(),
  issuingDepartment: z.string(),
  mode: z.enum(POLICY_MODES),
  validTo: z.string().nullable(),
  reasons: z.array(z.string()),
  sentAt: z.string(),
  readAt: z.string().nullable(),
  grant: grant.nullable(),
});
export const optOutInput = z.strictObject({ optedOut: z.boolean() });

export const publicPolicy = policy.omit({ rule: true, matchCount: true, version: true, status: true, departmentId: true, itemId: true }).extend({
  conditions: z.array(z.string()),
  isExpired: z.boolean(),
  /** how to apply online (apply mode with an item); null: auto-grant, or at the counter only */
  application: z
    .object({
      itemCode: z.string(),
      itemName: z.string(),
      departmentName: z.string(),
      promisedLimitDays: z.number(),
      /** what the item asks for (the policy's required materials when it names an item) */
      materials: z.array(z.object({ name: z.string(), importance: z.enum(['core', 'secondary']), notes: z.string() })),
    })
    .nullable(),
});
export type PublicPolicyDto = z.infer<typeof publicPolicy>;

/** What anyone may type into the calculator. */
export const calculatorInput = z.strictObject({
  industryCode: z.string().trim().max(5).default(''),
  sizeClass: z.enum(['large', 'medium', 'small', 'micro']).nullable().default(null),
  districtCode: z.string().trim().max(6).default(''),
  town: text(50).default(''),
  registrationDate: isoDate.nullable().default(null),
  employees: z.number().int().min(0).max(10_000_000).nullable().default(null),
  revenue: z.number().min(0).max(1e10).nullable().default(null),
  assets: z.number().min(0).max(1e10).nullable().default(null),
  tags: z.array(text(50)).max(20).default([]),
});
export const calculatorResult = z.object({
  qualifying: z.array(z.object({ policyId: z.string(), title: z.string(), mode: z.enum(POLICY_MODES), amount: z.number().nullable(), amountBasis: z.string() })),
  nearMisses: z.array(z.object({ policyId: z.string(), title: z.string(), missing: z.string() })),
});

/** The departments and items a policy may name (the policy officer's editor). */
export const policyOptions = z.object({
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), departmentId: z.string(), isOnline: z.boolean() })),
});

/** The portal's application form, pre-filled from the enterprise's registry record and e-licenses. */
export const applicationForm = z.object({
  policy: z.object({ id: z.string(), title: z.string(), issuingDepartment: z.string(), amountText: z.string() }),
  item: z.object({ code: z.string(), name: z.string(), departmentName: z.string(), promisedLimitDays: z.number() }),
  applicant: z.object({
    uscc: z.string(),
    name: z.string(),
    legalRepresentative: z.string(),
    address: z.string(),
    industry: z.string(),
    sizeClass: z.string().nullable(),
    employees: z.number().nullable(),
    revenue: z.number().nullable(),
    /** the registered contact phone, masked: used when no other is given */
    contactPhoneMasked: z.string().nullable(),
  }),
  /** what the application asks for, each with the applicant's valid e-license of its type, if any */
  materials: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      importance: z.enum(['core', 'secondary']),
      requirement: z.string(),
      licenseType: z.string().nullable(),
      license: z.object({ id: z.string(), number: z.string(), typeName: z.string(), validTo: z.string().nullable() }).nullable(),
    }),
  ),
  questions: z.array(z.object({ key: z.string(), text: z.string(), options: z.array(z.object({ key: z.string(), label: z.string() })) })),
  /** the enterprise's open or successful application for this policy, if any (it cannot apply again) */
  existing: applicationStateDto.nullable(),
});
export type ApplicationFormDto = z.infer<typeof applicationForm>;

export const applyBody = z.strictObject({
  answers: onlineAnswers,
  /** the phone progress messages go to; empty: the registered contact phone */
  contactPhone: z.string().trim().max(30).default(''),
  materials: z.array(onlineMaterial).max(60).default([]),
});
export type ApplyBody = z.infer<typeof applyBody>;

export const policyApplication = applicationStateDto.extend({
  policyId: z.string(),
  policyTitle: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  appliedAt: z.string(),
});
export type PolicyApplicationDto = z.infer<typeof policyApplication>;
export const policyApplicationPage = z.object({ total: z.number(), items: z.array(policyApplication) });
