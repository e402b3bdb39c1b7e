import { z } from 'zod';
import { version } from '../../platform/http/schemas.ts';

/** The themes of clause 6.1.3 (plus 不动产登记, 人才服务 and 惠企政策 — the items policy applications are made under, 6.2.2 — as Guangdong's centers publish them). */
export const THEMES = ['start_up', 'operating_permits', 'construction', 'tax', 'utilities', 'real_estate', 'talent', 'benefits'] as const;
export type Theme = (typeof THEMES)[number];

/** Clause 6.3.1: the stages of an enterprise's life cycle a bundle belongs to. */
export const LIFE_STAGES = ['start', 'operation', 'construction', 'real_estate', 'exit'] as const;
export type LifeStage = (typeof LIFE_STAGES)[number];

/** 事项类型 on the national platform. */
export const ITEM_TYPES = [
  'administrative_license',
  'administrative_confirmation',
  'administrative_filing',
  'public_service',
  'other_power',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** 服务对象. */
export const SERVICE_OBJECTS = ['legal_person', 'individual_business', 'other_organization', 'natural_person'] as const;

/** Clause 7 and 6.3.2/6.3.5: how an item can be handled. */
export const CHANNELS = ['counter', 'online', 'kiosk', 'video', 'cross_region', 'nearby'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 办件类型: 即办件 (decided on the spot) or 承诺件 (decided within the promised limit). */
export const PROCESSING_KINDS = ['instant', 'committed'] as const;
export type ProcessingKind = (typeof PROCESSING_KINDS)[number];

/** Clause A.6: walk in and take a ticket, appointment only, or either. */
export const APPOINTMENT_MODES = ['walk_in', 'appointment_only', 'both'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

export const MATERIAL_IMPORTANCE = ['core', 'secondary'] as const;
export const MATERIAL_FORMS = ['original', 'copy', 'original_and_copy'] as const;
export const MATERIAL_MEDIA = ['paper', 'electronic', 'either'] as const;

export const CATALOG_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type CatalogStatus = (typeof CATALOG_STATUSES)[number];
export const VERSION_STATES = ['draft', 'published', 'superseded'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
/** A key inside one guide (material, question, option): lower-case letters, digits, - and _. */
export const localKey = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, '应为 1–40 位小写字母、数字、- 或 _');
/** 实施编码 of an item or code of a bundle: stable, upper-case, e.g. NH-SCJG-001. */
export const catalogCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, '应为 3–40 位大写字母、数字或 -，例如 NH-SCJG-001');
/** An e-license type by code ('business_license'); the license module owns the list. */
export const licenseTypeCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,49}$/, '电子证照类型代码应为小写字母、数字和下划线，例如 business_license');
const uniqueBy = <T>(items: T[], keyOf: (item: T) => string) => new Set(items.map(keyOf)).size === items.length;

export const material = z.strictObject({
  key: localKey,
  name: required(100),
  importance: z.enum(MATERIAL_IMPORTANCE),
  form: z.enum(MATERIAL_FORMS),
  copies: z.number().int().min(1).max(20),
  medium: z.enum(MATERIAL_MEDIA),
  licenseType: licenseTypeCode.nullable(),
  templateFileId: z.uuid().nullable(),
  sampleFileId: z.uuid().nullable(),
  notes: text(500),
});
export type Material = z.infer<typeof material>;

export const situationOption = z.strictObject({
  key: localKey,
  label: required(50),
  /** materials (by key) needed only when this answer is given */
  addsMaterials: z.array(localKey).max(30),
  /** materials (by key) not needed when this answer is given */
  removesMaterials: z.array(localKey).max(30),
  addsConditions: z.array(required(300)).max(10),
});
export const situationQuestion = z.strictObject({
  key: localKey,
  text: required(100),
  options: z
    .array(situationOption)
    .min(2)
    .max(6)
    .refine((o) => uniqueBy(o, (x) => x.key), '选项代码不能重复'),
});
export type SituationQuestion = z.infer<typeof situationQuestion>;

export const step = z.strictObject({ name: required(50), description: text(500) });

/** The whole guide of an item: what one version holds. */
export const itemGuide = z.strictObject({
  name: required(100),
  basicCode: text(50),
  itemType: z.enum(ITEM_TYPES),
  departmentId: z.uuid(),
  theme: z.enum(THEMES),
  serviceObjects: z.array(z.enum(SERVICE_OBJECTS)).min(1).max(4),
  legalBasis: text(2000),
  conditions: z.array(required(500)).max(30),
  steps: z.array(step).max(20),
  channels: z
    .array(z.enum(CHANNELS))
    .min(1)
    .refine((c) => uniqueBy(c, (x) => x), '办理渠道不能重复'),
  legalLimitDays: z.number().int().min(0).max(365).nullable(),
  promisedLimitDays: z.number().int().min(0).max(365),
  promisedLimitNote: text(200),
  processingKind: z.enum(PROCESSING_KINDS),
  visitsNeeded: z.number().int().min(0).max(5),
  isFeeCharged: z.boolean(),
  feeDescription: text(500),
  feeBasis: text(500),
  place: text(200),
  hours: text(200),
  enquiryPhone: text(50),
  complaintPhone: text(50),
  onlineUrl: z.union([z.literal(''), z.url().max(300)]),
  keywords: z.array(required(20)).max(30),
  materials: z.array(material).max(60),
  commitment: z.strictObject({
    isAllowed: z.boolean(),
    /** the certificates the applicant's written promise replaces */
    certificates: z.array(required(100)).max(10),
    text: text(3000),
  }),
  deferral: z.strictObject({
    isAllowed: z.boolean(),
    /** secondary materials (by key) that may follow after acceptance */
    materialKeys: z.array(localKey).max(30),
    supplementDays: z.number().int().min(1).max(365).nullable(),
  }),
  jointReview: z.strictObject({ group: text(50).nullable(), leadDepartmentId: z.uuid().nullable() }),
  appointment: z.strictObject({
    mode: z.enum(APPOINTMENT_MODES),
    walkInDailyQuota: z.number().int().min(1).max(10000).nullable(),
  }),
  situations: z.array(situationQuestion).max(10),
});
export type ItemGuide = z.infer<typeof itemGuide>;

export const bundleMember = z.strictObject({
  kind: z.enum(['item', 'bundle']),
  code: catalogCode,
  /** members with the same stage are handled in parallel; stages follow one another */
  stage: z.number().int().min(1).max(10),
});
export type BundleMember = z.infer<typeof bundleMember>;

export const bundleOption = z.strictObject({
  key: localKey,
  label: required(50),
  /** members (by code) not needed when this answer is given */
  skipsMembers: z.array(catalogCode).max(30),
  addsConditions: z.array(required(300)).max(10),
});
export const bundleQuestion = z.strictObject({
  key: localKey,
  text: required(100),
  options: z
    .array(bundleOption)
    .min(2)
    .max(6)
    .refine((o) => uniqueBy(o, (x) => x.key), '选项代码不能重复'),
});
export type BundleQuestion = z.infer<typeof bundleQuestion>;

export const bundleGuide = z.strictObject({
  name: required(100),
  lifeStage: z.enum(LIFE_STAGES),
  leadDepartmentId: z.uuid(),
  description: text(2000),
  keywords: z.array(required(20)).max(30),
  members: z.array(bundleMember).max(30),
  situations: z.array(bundleQuestion).max(10),
  place: text(200),
  hours: text(200),
  enquiryPhone: text(50),
  complaintPhone: text(50),
});
export type BundleGuide = z.infer<typeof bundleGuide>;

/** Who did something to a version. */
export const actorStamp = z.object({ id: z.string().nullable(), name: z.string(), at: z.string() });

export const versionMeta = z.object({
  id: z.string(),
  number: z.number(),
  state: z.enum(VERSION_STATES),
  note: z.string(),
  created: actorStamp,
  updated: actorStamp,
  published: actorStamp.nullable(),
});
export type VersionMeta = z.infer<typeof versionMeta>;

export const catalogEntrySummary = z.object({
  id: z.string(),
  kind: z.enum(['item', 'bundle']),
  code: z.string(),
  name: z.string(),
  status: z.enum(CATALOG_STATUSES),
  hasDraft: z.boolean(),
  publishedNumber: z.number().nullable(),
  /** theme of an item, life-cycle stage of a bundle */
  group: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type CatalogEntrySummary = z.infer<typeof catalogEntrySummary>;

export const itemDetail = z.object({
  id: z.string(),
  centerId: z.string(),
  code: z.string(),
  status: z.enum(CATALOG_STATUSES),
  withdrawnReason: z.string(),
  version: z.number(),
  published: z.object({ meta: versionMeta, guide: itemGuide }).nullable(),
  draft: z.object({ meta: versionMeta, guide: itemGuide }).nullable(),
});
export type ItemDetail = z.infer<typeof itemDetail>;

export const bundleDetail = z.object({
  id: z.string(),
  centerId: z.string(),
  code: z.string(),
  status: z.enum(CATALOG_STATUSES),
  withdrawnReason: z.string(),
  version: z.number(),
  published: z.object({ meta: versionMeta, guide: bundleGuide }).nullable(),
  draft: z.object({ meta: versionMeta, guide: bundleGuide }).nullable(),
});
export type BundleDetail = z.infer<typeof bundleDetail>;

/** What applications store and show: one version of one item's guide, forever. */
export const guideVersion = z.object({
  id: z.string(),
  itemId: z.string(),
  centerId: z.string(),
  code: z.string(),
  meta: versionMeta,
  guide: itemGuide,
});
export type GuideVersion = z.infer<typeof guideVersion>;

export const bundleVersion = z.object({
  id: z.string(),
  bundleId: z.string(),
  centerId: z.string(),
  code: z.string(),
  meta: versionMeta,
  guide: bundleGuide,
});
export type BundleVersion = z.infer<typeof bundleVersion>;

/** One field's change between a version and the one before it. */
export const guideChange = z.object({
  field: z.string(),
  kind: z.enum(['changed', 'added', 'removed']),
  /** for list entries (materials, conditions…): the entry's name */
  entry: z.string().optional(),
  before: z.string().optional(),
  after: z.string().optional(),
  /** for a changed list entry: which of its fields changed */
  subfields: z.array(z.string()).optional(),
});
export type GuideChange = z.infer<typeof guideChange>;
export const historyEntry = z.object({ meta: versionMeta, changes: z.array(guideChange) });
export type HistoryEntry = z.infer<typeof historyEntry>;

// Requests

export const listQuery = z.strictObject({
  centerId: z.uuid(),
  q: z.string().trim().max(50).optional(),
  status: z.enum(CATALOG_STATUSES).optional(),
});
export const createItemBody = z.strictObject({ centerId: z.uuid(), code: catalogCode, guide: itemGuide });
export const createBundleBody = z.strictObject({ centerId: z.uuid(), code: catalogCode, guide: bundleGuide });
export const saveItemDraftBody = z.strictObject({ version, guide: itemGuide, note: text(200).default('') });
export const saveBundleDraftBody = z.strictObject({ version, guide: bundleGuide, note: text(200).default('') });
export const versionBody = z.strictObject({ version });
export const withdrawBody = z.strictObject({ version, reason: required(200) });
export const versionIdParam = z.strictObject({ versionId: z.uuid('编号格式不正确') });
