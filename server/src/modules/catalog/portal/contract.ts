import { z } from 'zod';
import {
  APPOINTMENT_MODES,
  CHANNELS,
  LIFE_STAGES,
  MATERIAL_FORMS,
  MATERIAL_IMPORTANCE,
  MATERIAL_MEDIA,
  PROCESSING_KINDS,
  THEMES,
  bundleGuide,
  catalogCode,
  itemGuide,

} from '../contract.ts';

/** Public (no login) views of a center's published catalog: the portal and the guidance desk. */

export const source = z.object({ code: z.string(), name: z.string() });
export type Source = z.infer<typeof source>;
const fileRef = z.object({ id: z.string(), filename: z.string() });

export const noticeMaterial = z.object({
  name: z.string(),
  importance: z.enum(MATERIAL_IMPORTANCE),
  form: z.enum(MATERIAL_FORMS),
  copies: z.number(),
  medium: z.enum(MATERIAL_MEDIA),
  licenseType: z.string().nullable(),
  templateFile: fileRef.nullable(),
  sampleFile: fileRef.nullable(),
  notes: z.string(),
  /** needed only when one of these answers is given ("是否涉及外资：是"); empty: always needed */
  onlyIf: z.array(z.string()),
  /** not needed when one of these answers is given */
  exemptIf: z.array(z.string()),
  /** may follow after acceptance (容缺受理) */
  isDeferrable: z.boolean(),
  /** the items that ask for it (in a bundle, several) */
  usedBy: z.array(source),
});
export type NoticeMaterial = z.infer<typeof noticeMaterial>;

export const noticeCondition = z.object({ text: z.string(), onlyIf: z.array(z.string()), usedBy: z.array(source) });
export type NoticeCondition = z.infer<typeof noticeCondition>;

export const noticeQuestion = z.object({
  key: z.string(),
  text: z.string(),
  options: z.array(z.object({ key: z.string(), label: z.string() })),
  answer: z.string().nullable(),
  askedBy: z.array(source),
});
export type NoticeQuestion = z.infer<typeof noticeQuestion>;

const published = {
  code: z.string(),
  versionId: z.string(),
  versionNumber: z.number(),
  publishedAt: z.string(),
  questions: z.array(noticeQuestion),
  materials: z.array(noticeMaterial),
  conditions: z.array(noticeCondition),
  /** every question answered: the list is exactly what this applicant brings */
  isComplete: z.boolean(),
};

/** An item's complete one-time notice (A.3), with the situation answers applied. */
export const itemNotice = z.object({
  ...published,
  kind: z.literal('item'),
  guide: itemGuide,
  departmentName: z.string(),
  jointReviewLeadName: z.string().nullable(),
  /** the other items of the same joint-review group */
  jointReviewPeers: z.array(source),
  bundles: z.array(source),
});
export type ItemNotice = z.infer<typeof itemNotice>;

export const bundleMemberView = z.object({
  kind: z.enum(['item', 'bundle']),
  code: z.string(),
  name: z.string(),
  stage: z.number(),
  departmentName: z.string(),
  promisedLimitDays: z.number(),
  processingKind: z.enum(PROCESSING_KINDS).nullable(),
  isSkipped: z.boolean(),
  /** the answer that makes it unnecessary */
  skippedBecause: z.string().nullable(),
  /** answers that would make it unnecessary, while unanswered */
  skipIf: z.array(z.string()),
});
export type BundleMemberView = z.infer<typeof bundleMemberView>;

export const bundleNotice = z.object({
  ...published,
  kind: z.literal('bundle'),
  guide: bundleGuide,
  leadDepartmentName: z.string(),
  members: z.array(bundleMemberView),
  /** follows from the members: parallel within a stage, stages one after another */
  promisedLimitDays: z.number(),
  visitsNeeded: z.number(),
  channels: z.array(z.enum(CHANNELS)),
});
export type BundleNotice = z.infer<typeof bundleNotice>;

export const itemCard = z.object({
  code: z.string(),
  name: z.string(),
  theme: z.enum(THEMES),
  departmentId: z.string(),
  departmentName: z.string(),
  processingKind: z.enum(PROCESSING_KINDS),
  promisedLimitDays: z.number(),
  visitsNeeded: z.number(),
  channels: z.array(z.enum(CHANNELS)),
  isCommitmentAllowed: z.boolean(),
  isDeferralAllowed: z.boolean(),
  jointReviewGroup: z.string().nullable(),
  appointmentMode: z.enum(APPOINTMENT_MODES),
});
export type ItemCard = z.infer<typeof itemCard>;

export const bundleCard = z.object({
  code: z.string(),
  name: z.string(),
  lifeStage: z.enum(LIFE_STAGES),
  leadDepartmentName: z.string(),
  description: z.string(),
  memberCount: z.number(),
  promisedLimitDays: z.number(),
});
export type BundleCard = z.infer<typeof bundleCard>;

export const portalOverview = z.object({
  center: z.object({ id: z.string(), name: z.string(), address: z.string(), phone: z.string(), openingHours: z.string() }),
  themes: z.array(z.object({ theme: z.enum(THEMES), count: z.number() })),
  departments: z.array(z.object({ id: z.string(), name: z.string(), count: z.number() })),
  lifeStages: z.array(z.object({ lifeStage: z.enum(LIFE_STAGES), count: z.number() })),
  bundles: z.array(bundleCard),
});
export type PortalOverview = z.infer<typeof portalOverview>;

const answerPair = /^[a-z0-9][a-z0-9_-]{0,39}:[a-z0-9][a-z0-9_-]{0,39}$/;
/** `answers=foreign_investment:no,premises_owned:yes` */
export const answersParam = z
  .string()
  .trim()
  .max(1000)
  .refine((s) => s === '' || s.split(',').every((p) => answerPair.test(p)), '格式应为 问题代码:选项代码，多个以逗号分隔');

export const centerQuery = { centerId: z.uuid().optional() };
export const itemsQuery = z.strictObject({ ...centerQuery, theme: z.enum(THEMES).optional(), departmentId: z.uuid().optional() });
export const bundlesQuery = z.strictObject({ ...centerQuery, lifeStage: z.enum(LIFE_STAGES).optional() });
export const noticeQuery = z.strictObject({ ...centerQuery, answers: answersParam.optional() });
export const codeParam = z.strictObject({ code: catalogCode });
