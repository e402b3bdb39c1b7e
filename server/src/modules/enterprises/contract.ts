import { z } from 'zod';
import { INT4_MAX, isoDate, pageQuery, version } from '../../platform/http/schemas.ts';
import { SIZE_CLASSES } from './size/size-class.ts';

/** Enterprises, people and credit records: request and response schemas. */

export { SIZE_CLASSES, type SizeClass } from './size/size-class.ts';

/** Legal forms as registered by market regulation. */
export const ENTERPRISE_TYPES = [
  'limited_liability',
  'joint_stock',
  'sole_proprietorship',
  'partnership',
  'individual_business',
  'farmer_cooperative',
  'foreign_invested',
  'state_owned',
  'collective',
  'branch',
  'other',
] as const;
export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];

export const CONTACT_ROLES = ['legal_representative', 'agent', 'contact', 'applicant'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** FACTS §8: what bars commitment and deferred-material acceptance until repaired. */
export const CREDIT_KINDS = ['serious_bad_credit', 'false_commitment', 'dishonesty_list'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

// Domain checks (check characters, ID numbers, industry codes, negative numbers) are made by
// the services and answered with 422 and a specific code; the schemas only check shapes.
const text = (max: number) => z.string().trim().max(max);

export const industryRef = z.object({ code: z.string(), name: z.string(), path: z.array(z.string()) });

/** The fields as a change gives them: no defaults, so that a PATCH leaves absent fields alone. */
const enterpriseFieldShapes = {
  name: text(200).min(1),
  type: z.enum(ENTERPRISE_TYPES),
  legalRepresentative: text(50),
  registeredAddress: text(200),
  districtCode: text(12),
  town: text(50),
  registrationDate: isoDate.nullable(),
  industryCode: text(10),
  employees: z.number().int().min(0).max(INT4_MAX).nullable(),
  revenue: z.number().nullable(),
  assets: z.number().nullable(),
  tags: z.array(text(20).min(1)).max(20),
};

export const enterpriseInput = z.strictObject({
  uscc: text(40),
  ...enterpriseFieldShapes,
  legalRepresentative: enterpriseFieldShapes.legalRepresentative.default(''),
  registeredAddress: enterpriseFieldShapes.registeredAddress.default(''),
  town: enterpriseFieldShapes.town.default(''),
  registrationDate: enterpriseFieldShapes.registrationDate.default(null),
  employees: enterpriseFieldShapes.employees.default(null),
  revenue: enterpriseFieldShapes.revenue.default(null),
  assets: enterpriseFieldShapes.assets.default(null),
  tags: enterpriseFieldShapes.tags.default([]),
});
export type EnterpriseInput = z.output<typeof enterpriseInput>;
export const enterprisePatch = z.strictObject(enterpriseFieldShapes).partial().extend({ version }).strict();
export type EnterprisePatch = z.output<typeof enterprisePatch>;

export const enterprise = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  type: z.enum(ENTERPRISE_TYPES),
  legalRepresentative: z.string(),
  registeredAddress: z.string(),
  districtCode: z.string(),
  districtName: z.string().nullable(),
  town: z.string(),
  registrationDate: z.string().nullable(),
  industry: industryRef,
  employees: z.number().nullable(),
  revenue: z.number().nullable(),
  assets: z.number().nullable(),
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  sizeReason: z.string(),
  tags: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EnterpriseDto = z.infer<typeof enterprise>;

export const enterpriseSearch = z.strictObject({
  /** a name fragment or the start of a code */
  q: text(100).optional(),
  districtCode: text(12).optional(),
  town: text(50).optional(),
  /** any level: C, C13, C1311; matches the code and everything under it */
  industry: text(10).optional(),
  sizeClass: z.enum(SIZE_CLASSES).optional(),
  tag: text(20).optional(),
  ...pageQuery,
});
export type EnterpriseSearch = z.output<typeof enterpriseSearch>;

export const enterprisePage = z.object({ items: z.array(enterprise), total: z.number(), page: z.number(), pageSize: z.number() });
export type EnterprisePage = z.infer<typeof enterprisePage>;

export const creditDecision = z.object({ allowed: z.boolean(), reason: z.string().optional() });
export type CreditDecision = { allowed: true } | { allowed: false; reason: string };

export const creditRecord = z.object({
  id: z.string(),
  enterpriseId: z.string().nullable(),
  personId: z.string().nullable(),
  kind: z.enum(CREDIT_KINDS),
  source: z.string(),
  sourceReference: z.string(),
  description: z.string(),
  recordedOn: z.string(),
  repairedOn: z.string().nullable(),
  repairNote: z.string(),
  recordedBy: z.string(),
  isRepaired: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type CreditRecordDto = z.infer<typeof creditRecord>;

export const creditRecordInput = z.strictObject({
  kind: z.enum(CREDIT_KINDS),
  source: text(100).min(1),
  sourceReference: text(100).default(''),
  description: text(500).default(''),
  recordedOn: isoDate,
});
export const creditRepairInput = z.strictObject({ repairedOn: isoDate, note: text(500).min(1), version });

export const creditStatus = z.object({
  commitment: creditDecision,
  deferredMaterials: creditDecision,
  records: z.array(creditRecord),
});
export type CreditStatusDto = z.infer<typeof creditStatus>;

/** A person as lists show them: ID and phone numbers masked. */
export const person = z.object({
  id: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type PersonDto = z.infer<typeof person>;

export const personInput = z.strictObject({ name: text(50).min(1), idNumber: text(30), phone: text(30).nullable().default(null) });
export const personPatch = z.strictObject({ name: text(50).min(1), phone: text(30).nullable() }).partial().extend({ version }).strict();
/** The people list by name, in the query string; a look-up by ID or phone number goes in a POST body (`personLookup`), never in a URL. */
export const personSearch = z.strictObject({
  name: text(50).optional(),
  ...pageQuery,
});
export const personLookup = z.strictObject({
  name: text(50).optional(),
  /** exact, through the keyed hash */
  idNumber: text(30).optional(),
  phone: text(30).optional(),
  ...pageQuery,
});
export const unmaskInput = z.strictObject({ reason: text(200).min(4, '请说明查看的理由（至少 4 个字）') });
export const unmasked = z.object({ id: z.string(), name: z.string(), idNumber: z.string(), phone: z.string().nullable() });

export const contact = z.object({ id: z.string(), role: z.enum(CONTACT_ROLES), person });
export type ContactDto = z.infer<typeof contact>;
export const contactInput = z.strictObject({
  role: z.enum(CONTACT_ROLES),
  /** an existing person, or the person to find (by ID number) or create */
  personId: z.uuid().optional(),
  person: personInput.optional(),
});

export const enterpriseDetail = enterprise.extend({ contacts: z.array(contact), credit: creditStatus });
export type EnterpriseDetailDto = z.infer<typeof enterpriseDetail>;

export const personDetail = person.extend({
  enterprises: z.array(z.object({ contactId: z.string(), role: z.enum(CONTACT_ROLES), enterpriseId: z.string(), uscc: z.string(), name: z.string() })),
  credit: creditStatus,
});
export type PersonDetailDto = z.infer<typeof personDetail>;

// Public self-check tools
export const usccCheck = z.object({ valid: z.boolean(), reason: z.string(), code: z.string(), position: z.number().nullable() });
export const sizeQuery = z.strictObject({
  industry: text(10),
  employees: text(20).optional(),
  revenue: text(20).optional(),
  assets: text(20).optional(),
});
export const sizeAnswer = z.object({
  sizeClass: z.enum(SIZE_CLASSES),
  reason: z.string(),
  industry: industryRef,
  rule: z.object({ id: z.string(), name: z.string(), indicators: z.array(z.string()) }),
});
export type SizeAnswer = z.infer<typeof sizeAnswer>;

export type IndustryNode = { code: string; name: string; children?: IndustryNode[] };
export const industryNode: z.ZodType<IndustryNode> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), children: z.array(industryNode).optional() }),
);

export const importResult = z.object({ imported: z.number() });
