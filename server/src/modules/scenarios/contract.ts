import { z } from 'zod';
import { uscc, version } from '../../platform/http/schemas.ts';
import { FINAL_OUTCOMES, OUTCOMES, PROVIDER_DECISIONS, PROVIDER_STATES } from './workflow.ts';

/** 一类事 (6.3.6): professional service providers, scenarios, referrals and ratings. */

export const PROVIDER_KINDS = ['legal', 'finance', 'intellectual_property', 'human_resources', 'other'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);

export const providerInput = z.strictObject({
  name: text('机构名称', 100),
  kind: z.enum(PROVIDER_KINDS, { error: '请选择服务类别' }),
  uscc,
  contactName: text('联系人', 50),
  servicePhone: z
    .string({ error: '请填写服务电话' })
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '服务电话应为 11 位手机号码或带区号的固定电话'),
  services: text('服务内容', 1000),
});
export type ProviderInput = z.output<typeof providerInput>;

export const providerDecision = z.strictObject({
  decision: z.enum(PROVIDER_DECISIONS, { error: '审核结果不正确' }),
  note: z.string().trim().max(500, '审核意见不能超过 500 字').default(''),
  version,
});
export type ProviderDecisionBody = z.output<typeof providerDecision>;

export const providerFigures = z.object({ referrals: z.number(), served: z.number(), ratings: z.number(), averageRating: z.number().nullable() });

export const providerDto = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  uscc: z.string(),
  contactName: z.string(),
  servicePhone: z.string(),
  services: z.string(),
  state: z.enum(PROVIDER_STATES),
  decisionNote: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  figures: providerFigures,
});
export type ProviderDto = z.infer<typeof providerDto>;

export const providerQuery = z.strictObject({
  state: z.enum(PROVIDER_STATES, { error: '状态不正确' }).optional(),
  kind: z.enum(PROVIDER_KINDS, { error: '服务类别不正确' }).optional(),
});

/** what the portal shows of an approved provider */
export const publicProvider = providerDto.pick({ id: true, name: true, kind: true, contactName: true, servicePhone: true, services: true, figures: true });
export type PublicProvider = z.infer<typeof publicProvider>;

export const ENTRY_KINDS = ['item', 'bundle'] as const;
export const entryRef = z.strictObject({ kind: z.enum(ENTRY_KINDS, { error: '请选择事项或一件事' }), code: text('事项编码', 50) });

export const scenarioInput = z.strictObject({
  title: text('场景名称', 100),
  description: text('场景说明', 2000),
  entries: z.array(entryRef).min(1, '请至少选择一个政务服务事项').max(20, '政务服务事项不能超过 20 个'),
  serviceKinds: z.array(z.enum(PROVIDER_KINDS, { error: '服务类别不正确' })).min(1, '请至少选择一类专业服务').max(5),
  providerIds: z.array(z.uuid('服务机构编号格式不正确')).max(20, '服务机构不能超过 20 家'),
  published: z.boolean().default(false),
});
export type ScenarioInput = z.output<typeof scenarioInput>;
export const scenarioUpdate = scenarioInput.extend({ version });
export type ScenarioUpdate = z.output<typeof scenarioUpdate>;

export const scenarioEntry = z.object({ kind: z.enum(ENTRY_KINDS), code: z.string(), name: z.string() });

export const scenarioDto = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  entries: z.array(scenarioEntry),
  serviceKinds: z.array(z.enum(PROVIDER_KINDS)),
  providers: z.array(providerDto.pick({ id: true, name: true, kind: true, state: true })),
  published: z.boolean(),
  updatedAt: z.string(),
  version: z.number(),
});
export type ScenarioDto = z.infer<typeof scenarioDto>;

export const publicScenario = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  entries: z.array(scenarioEntry),
  serviceKinds: z.array(z.enum(PROVIDER_KINDS)),
  providers: z.array(publicProvider),
});
export type PublicScenario = z.infer<typeof publicScenario>;
export const publicQuery = z.strictObject({ centerId: z.uuid('服务中心编号格式不正确').optional() });

export const portalReferralInput = z.strictObject({
  providerId: z.uuid('请选择服务机构'),
  scenarioId: z.uuid('场景编号格式不正确').nullable().default(null),
  need: text('服务需求', 1000),
});
export type PortalReferralInput = z.output<typeof portalReferralInput>;
export const staffReferralInput = portalReferralInput.extend({ uscc });
export type StaffReferralInput = z.output<typeof staffReferralInput>;

export const outcomeInput = z.strictObject({
  outcome: z.enum(FINAL_OUTCOMES, { error: '请选择对接结果' }),
  source: z.enum(['staff', 'provider'], { error: '请选择结果来源' }),
  note: z.string().trim().max(1000, '对接情况不能超过 1000 字').default(''),
  version,
});
export type OutcomeInput = z.output<typeof outcomeInput>;

export const ratingInput = z.strictObject({
  rating: z.number({ error: '请选择评分' }).int('评分为 1 到 5 的整数').min(1, '评分为 1 到 5 分').max(5, '评分为 1 到 5 分'),
  comment: z.string().trim().max(500, '评价意见不能超过 500 字').default(''),
});
export type RatingInput = z.output<typeof ratingInput>;

export const referralDto = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  providerKind: z.enum(PROVIDER_KINDS),
  scenarioId: z.string().nullable(),
  scenarioTitle: z.string().nullable(),
  enterpriseName: z.string(),
  need: z.string(),
  channel: z.enum(['portal', 'staff']),
  outcome: z.enum(OUTCOMES),
  outcomeNote: z.string(),
  outcomeSource: z.enum(['staff', 'provider']).nullable(),
  outcomeAt: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type ReferralDto = z.infer<typeof referralDto>;
/** the enterprise's own referral: whether it may rate it now */
export const ownReferral = referralDto.omit({ enterpriseName: true }).extend({ canRate: z.boolean() });
export type OwnReferral = z.infer<typeof ownReferral>;

export const referralQuery = z.strictObject({
  outcome: z.enum(OUTCOMES, { error: '对接结果不正确' }).optional(),
  providerId: z.uuid('服务机构编号格式不正确').optional(),
});
