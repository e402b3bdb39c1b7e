import { z } from 'zod';
import { isoDate, uscc, version } from '../../../platform/http/schemas.ts';

/** 跨域通办 (6.3.2): the directory, hand-overs, 多地联办 parts, export packages and imported results. */

const required = (max: number) => z.string().trim().min(1, '不能为空').max(max);
const regionCode = z.string().regex(/^[1-9][0-9]{5}$/, '行政区划代码应为 6 位数字');

export const CROSS_REGION_MODES = ['full_online', 'proxy', 'multi_site'] as const;
export type CrossRegionMode = (typeof CROSS_REGION_MODES)[number];
export const RETURN_METHODS = ['post', 'e_license'] as const;
export const HANDOVER_STATES = ['sent', 'returned', 'exported', 'result_imported', 'done'] as const;

export const directoryEntry = z.object({
  id: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  modes: z.array(z.enum(CROSS_REGION_MODES)),
  partnerRegions: z.array(z.object({ code: z.string(), name: z.string() })),
  note: z.string(),
  version: z.number(),
});
export type DirectoryEntryDto = z.infer<typeof directoryEntry>;

export const directoryInput = z.strictObject({
  itemCode: required(40),
  modes: z.array(z.enum(CROSS_REGION_MODES)).min(1, '请至少选择一种办理模式').max(3),
  partnerRegionCodes: z.array(regionCode).min(1, '请至少选择一个合作地区').max(100),
  note: z.string().trim().max(200).default(''),
});
export type DirectoryInput = z.infer<typeof directoryInput>;

export const handoverInput = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('proxy'),
    itemCode: required(40),
    competentRegionCode: regionCode,
    applicant: z.strictObject({ uscc, name: z.string().trim().max(100).default('') }),
    answers: z.record(z.string(), z.string()).default({}),
    contactPhone: z.string().trim().max(30).nullable().default(null),
    identityChecked: z.literal(true, '请先核验申请人身份'),
    materialsChecked: z.literal(true, '请先核对材料原件'),
    returnMethod: z.enum(RETURN_METHODS),
    postalAddress: z.string().trim().max(200).default(''),
  }),
  z.strictObject({
    mode: z.literal('multi_site'),
    itemCode: required(40),
    competentRegionCode: regionCode,
    applicant: z.strictObject({ uscc, name: z.string().trim().max(100).default('') }),
    identityChecked: z.literal(true, '请先核验申请人身份'),
    materialsChecked: z.literal(true, '请先核对材料原件'),
    returnMethod: z.enum(RETURN_METHODS),
    postalAddress: z.string().trim().max(200).default(''),
    parts: z.array(z.strictObject({ name: required(100), regionCode })).min(2, '多地联办至少有两个环节').max(10),
  }),
]);
export type HandoverInput = z.infer<typeof handoverInput>;

export const handoverListQuery = z.strictObject({ side: z.enum(['received', 'competent']).default('received') });

const part = z.object({ id: z.string(), position: z.number(), name: z.string(), regionCode: z.string(), regionName: z.string(), doneAt: z.string().nullable(), doneByName: z.string(), version: z.number() });

export const handoverDto = z.object({
  id: z.string(),
  mode: z.enum(['proxy', 'multi_site']),
  state: z.enum(HANDOVER_STATES),
  receivingCenterId: z.string(),
  receivingCenterName: z.string(),
  competentRegionCode: z.string(),
  competentRegionName: z.string(),
  competentCenterId: z.string().nullable(),
  competentCenterName: z.string().nullable(),
  /** the competent center's application (Banshi to Banshi): its number, state and due date in the competent region's working days */
  application: z.object({ id: z.string(), number: z.string(), state: z.string(), stateLabel: z.string(), dueDate: z.string().nullable() }).nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  uscc: z.string(),
  applicantName: z.string(),
  identityChecked: z.boolean(),
  materialsChecked: z.boolean(),
  receivedByName: z.string(),
  returnMethod: z.enum(RETURN_METHODS),
  postalAddress: z.string(),
  decision: z.enum(['approved', 'rejected']).nullable(),
  decisionOpinion: z.string(),
  decidedOn: z.string().nullable(),
  licenseNumber: z.string(),
  trackingNumber: z.string(),
  returnedAt: z.string().nullable(),
  returnedByName: z.string(),
  exportedAt: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), name: z.string() })),
  parts: z.array(part),
  createdAt: z.string(),
  version: z.number(),
});
export type HandoverDto = z.infer<typeof handoverDto>;

export const fileParams = z.strictObject({ id: z.uuid('编号格式不正确'), fileId: z.uuid('编号格式不正确') });
export const partParams = z.strictObject({ id: z.uuid('编号格式不正确'), partId: z.uuid('编号格式不正确') });
export const versionBody = z.strictObject({ version });

export const returnBody = z.strictObject({ version, trackingNumber: z.string().trim().max(40).default('') });

/** The result another system sends back for an export package, signed with the shared key. */
export const resultPackage = z.strictObject({
  format: z.literal('banshi-cross-region-result/1'),
  packageId: z.uuid(),
  decision: z.enum(['approved', 'rejected']),
  opinion: z.string().trim().max(500).default(''),
  decidedOn: isoDate,
  licenseNumber: z.string().trim().max(60).default(''),
  signature: z.string().regex(/^[0-9a-f]{64}$/, '签名格式不正确'),
});
export type ResultPackage = z.infer<typeof resultPackage>;
export const importBody = z.strictObject({ version, result: resultPackage });
