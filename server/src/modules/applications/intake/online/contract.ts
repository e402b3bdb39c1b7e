import { z } from 'zod';
import { version } from '../../../../platform/http/schemas.ts';
import { applicationSummary, onlineAnswers, onlineMaterial } from '../../contract.ts';

/** 网上申报 of any item offered online: the form, drafts, the submission, and the online review center's list. */

/** an item, or a bundle (一件事) of items offered online */
export const onlineKind = z.enum(['item', 'bundle']);

export const itemCodeParam = z.strictObject({ code: z.string().trim().min(1).max(40) });
export const formQuery = z.strictObject({
  /** answers so far, `key:option,key:option` */
  answers: z.string().max(2000).default(''),
  centerId: z.uuid().optional(),
});

const providedDto = z.object({ key: z.string(), fileId: z.string().nullable(), filename: z.string().nullable(), licenseId: z.string().nullable() });

export const onlineDraftDto = z.object({
  id: z.string(),
  kind: onlineKind,
  /** the item's code, or the bundle's */
  itemCode: z.string(),
  itemName: z.string(),
  answers: z.record(z.string(), z.string()),
  materials: z.array(providedDto),
  version: z.number(),
  updatedAt: z.string(),
});
export type OnlineDraftDto = z.infer<typeof onlineDraftDto>;

export const onlineForm = z.object({
  centerId: z.string(),
  kind: onlineKind,
  /** the item, or the bundle (its lead department, its promised limit over its stages) */
  item: z.object({ code: z.string(), name: z.string(), departmentName: z.string(), promisedLimitDays: z.number() }),
  /** pre-filled from the enterprise's registered profile */
  applicant: z.object({ uscc: z.string(), name: z.string(), legalRepresentative: z.string(), address: z.string(), contactPhoneMasked: z.string().nullable() }),
  questions: z.array(z.object({ key: z.string(), text: z.string(), options: z.array(z.object({ key: z.string(), label: z.string() })) })),
  /** what is asked for under the answers given, each with the enterprise's valid e-license of its type, if any */
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
  /** the saved draft of this item, if any: the page resumes from it */
  draft: onlineDraftDto.nullable(),
});
export type OnlineFormDto = z.infer<typeof onlineForm>;

const draftFields = {
  answers: onlineAnswers,
  materials: z.array(onlineMaterial).max(60).default([]),
};
export const draftCreateBody = z.strictObject({ kind: onlineKind.default('item'), itemCode: z.string().trim().min(1, '请选择事项').max(40), centerId: z.uuid().optional(), ...draftFields });
export const draftUpdateBody = z.strictObject({ ...draftFields, version });

export const submitBody = z.strictObject({
  kind: onlineKind.default('item'),
  itemCode: z.string().trim().min(1, '请选择事项').max(40),
  centerId: z.uuid().optional(),
  ...draftFields,
  /** the phone progress messages go to; empty: the registered contact phone */
  contactPhone: z.string().trim().max(30).default(''),
  /** 承诺: the materials are true and complete */
  declaration: z.literal(true, { error: '请阅读并勾选申报承诺' }),
});
export type SubmitBody = z.infer<typeof submitBody>;
export const submitted = z.object({ applicationId: z.string(), number: z.string() });

/** 网上审核中心: an online application waiting for the check, with how many materials it still owes. */
export const onlineReviewEntry = applicationSummary.extend({ owedMaterials: z.number(), suppliedSinceNotice: z.boolean() });
export type OnlineReviewEntry = z.infer<typeof onlineReviewEntry>;
