import { z } from 'zod';
import { INT4_MAX, isoMonth, text } from '../../platform/http/schemas.ts';
import { CHANNELS, PROCESSING_KINDS } from '../catalog/contract.ts';

/**
 * 信息公开 (A.5): what a center publishes on the portal, the kiosk and to the provincial
 * platform — its catalog with fees, limits and bases, the staff at its counters, the processing
 * results of decided applications (applicant masked) and the month's figures. No login, read only.
 */

export const centerQuery = z.strictObject({ centerId: z.uuid('服务中心编号格式不正确').optional() });
export const figuresQuery = centerQuery.extend({ month: isoMonth.optional() });
export const resultsQuery = centerQuery.extend({
  number: text.pipe(z.string().trim().max(24, '办件编号最多 24 个字符')).optional(),
  page: z.coerce.number().int().min(1, '页码应为正整数').max(INT4_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(50, '每页最多 50 条').default(20),
});
export const staffPhotoParams = z.strictObject({ staffId: z.uuid('编号格式不正确') });
/** `v`: the photo's version stamp, so that a replaced photo is fetched anew */
export const staffPhotoQuery = centerQuery.extend({ v: z.string().max(64).optional() });

const center = z.object({ id: z.string(), name: z.string() });

export const catalogEntry = z.object({
  code: z.string(),
  name: z.string(),
  departmentName: z.string(),
  processingKind: z.enum(PROCESSING_KINDS),
  legalLimitDays: z.number().nullable(),
  promisedLimitDays: z.number(),
  isFeeCharged: z.boolean(),
  feeDescription: z.string(),
  feeBasis: z.string(),
  legalBasis: z.string(),
  channels: z.array(z.enum(CHANNELS)),
});
export const catalogDisclosure = z.object({ center, items: z.array(catalogEntry) });
export type CatalogDisclosure = z.infer<typeof catalogDisclosure>;

export const staffOnDuty = z.object({
  staffId: z.string(),
  name: z.string(),
  staffNumber: z.string().nullable(),
  counterNumber: z.string(),
  counterName: z.string(),
  departmentName: z.string(),
  /** a counter session is open or paused now */
  isOnDuty: z.boolean(),
  hasPhoto: z.boolean(),
  photoVersion: z.string().nullable(),
});
export const staffDisclosure = z.object({ center, date: z.string(), staff: z.array(staffOnDuty) });
export type StaffDisclosure = z.infer<typeof staffDisclosure>;

export const processingResult = z.object({
  number: z.string(),
  itemName: z.string(),
  /** masked: see masking.ts */
  applicantName: z.string(),
  decision: z.enum(['approved', 'rejected']),
  decidedOn: z.string(),
});
export type ProcessingResult = z.infer<typeof processingResult>;
export const resultsPage = z.object({ center, total: z.number(), page: z.number(), pageSize: z.number(), results: z.array(processingResult) });
export type ResultsPage = z.infer<typeof resultsPage>;

export const monthlyFigures = z.object({
  center,
  month: z.string(),
  from: z.string(),
  to: z.string(),
  evaluations: z.object({ rated: z.number(), goodRate: z.number().nullable(), rectified: z.number() }),
  timeLimits: z.object({ decided: z.number(), decidedOnTime: z.number(), onTimeRate: z.number().nullable() }),
  /** A.6: appointment-only items bookable within 3 working days, as of today */
  appointments: z.object({ asOf: z.string(), meeting: z.number(), total: z.number(), share: z.number().nullable() }),
  /** 5.1.4: cases answered in time over those due (percent) */
  feedback: z.object({ received: z.number(), answeredInTime: z.number(), counted: z.number(), rate: z.number().nullable() }),
});
export type MonthlyFigures = z.infer<typeof monthlyFigures>;

/** The JSON feed for the provincial platform: the month's figures and the latest results. */
export const disclosureFeed = z.object({ center, generatedAt: z.string(), figures: monthlyFigures.omit({ center: true }), results: z.array(processingResult) });
export type DisclosureFeed = z.infer<typeof disclosureFeed>;
