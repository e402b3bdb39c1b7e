import { z } from 'zod';
import { version } from '../../../platform/http/schemas.ts';

/**
 * Clause 4.2.2: the kinds of device and facility a center registers, as data: each kind says
 * whether it is an accessibility facility by default (the register may say otherwise per facility).
 */
export const FACILITY_KINDS = {
  id_card_reader: { accessibility: false },
  document_camera: { accessibility: false },
  printer: { accessibility: false },
  self_service_terminal: { accessibility: false },
  queue_kiosk: { accessibility: false },
  cctv: { accessibility: false },
  wheelchair_access: { accessibility: true },
  accessible_counter: { accessibility: true },
  accessible_toilet: { accessibility: true },
  hearing_loop: { accessibility: true },
  braille_guide: { accessibility: true },
  wheelchair: { accessibility: true },
  baby_room: { accessibility: true },
  first_aid_kit: { accessibility: false },
  aed: { accessibility: false },
  charging: { accessibility: false },
  water_dispenser: { accessibility: false },
  other: { accessibility: false },
} as const satisfies Record<string, { accessibility: boolean }>;
export type FacilityKind = keyof typeof FACILITY_KINDS;
export const FACILITY_KIND_NAMES = Object.keys(FACILITY_KINDS) as [FacilityKind, ...FacilityKind[]];

export const FACILITY_STATUSES = ['in_service', 'faulty', 'under_repair', 'retired'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`);
const optional = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 字`);

const facilityFields = {
  zoneId: z.uuid('区域编号格式不正确'),
  kind: z.enum(FACILITY_KIND_NAMES, { error: '请选择设施类型' }),
  name: text('设施名称', 100),
  locationNote: optional('具体位置', 200),
  assetNumber: optional('资产编号', 50),
  /** omitted: the kind's default */
  isAccessibility: z.boolean().optional(),
};
export const facilityInput = z.strictObject({ ...facilityFields, locationNote: facilityFields.locationNote.default(''), assetNumber: facilityFields.assetNumber.default('') });
export type FacilityInput = z.output<typeof facilityInput>;
export const facilityPatch = z.strictObject(facilityFields).partial().extend({ version }).strict();
export type FacilityPatch = z.output<typeof facilityPatch>;

export const versionBody = z.strictObject({ version });
export const faultReportInput = z.strictObject({ description: text('故障情况', 1000) });
export const repairStartInput = z.strictObject({ version, repairer: text('维修单位（人员）', 100) });
export const repairFinishInput = z.strictObject({ version, repairResult: text('维修结果', 1000) });

export const facilityListQuery = z.strictObject({
  status: z.enum(FACILITY_STATUSES, { error: '状态应为 in_service、faulty、under_repair 或 retired' }).optional(),
  zoneId: z.uuid('区域编号格式不正确').optional(),
  /** only facilities with an open fault */
  openFault: z.enum(['true', 'false']).optional(),
});

export const facilityDto = z.object({
  id: z.string(),
  centerId: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  kind: z.enum(FACILITY_KIND_NAMES),
  name: z.string(),
  locationNote: z.string(),
  assetNumber: z.string(),
  isAccessibility: z.boolean(),
  status: z.enum(FACILITY_STATUSES),
  /** the open fault: when it was first reported and how many reports it has */
  openFault: z.object({ id: z.string(), openedAt: z.string(), reports: z.number(), repairer: z.string() }).nullable(),
  version: z.number(),
});
export type FacilityDto = z.infer<typeof facilityDto>;

export const faultReportDto = z.object({ id: z.string(), reportedAt: z.string(), reportedByName: z.string(), description: z.string() });

export const faultDto = z.object({
  id: z.string(),
  openedAt: z.string(),
  reports: z.array(faultReportDto),
  repairStartedAt: z.string().nullable(),
  repairStartedByName: z.string(),
  repairer: z.string(),
  repairFinishedAt: z.string().nullable(),
  repairFinishedByName: z.string(),
  repairResult: z.string(),
  closedAt: z.string().nullable(),
  closedAs: z.enum(['repaired', 'retired']).nullable(),
});
export type FaultDto = z.infer<typeof faultDto>;

/** A facility with its history (faults, newest first). */
export const facilityDetail = facilityDto.extend({ faults: z.array(faultDto) });
export type FacilityDetail = z.infer<typeof facilityDetail>;

export const facilityFigures = z.object({
  byStatus: z.object({ in_service: z.number(), faulty: z.number(), under_repair: z.number(), retired: z.number() }),
  accessibilityInService: z.number(),
  openFaults: z.array(
    z.object({
      facilityId: z.string(),
      facilityName: z.string(),
      zoneName: z.string(),
      status: z.enum(FACILITY_STATUSES),
      openedAt: z.string(),
      /** whole days since the first report (Asia/Shanghai dates) */
      ageDays: z.number(),
      reports: z.number(),
    }),
  ),
});
export type FacilityFigures = z.infer<typeof facilityFigures>;

/** The portal: a center's accessibility facilities in service, by zone. */
export const accessibilityDto = z.object({
  centerId: z.string(),
  zones: z.array(
    z.object({
      zoneId: z.string(),
      zoneName: z.string(),
      floor: z.string(),
      facilities: z.array(z.object({ id: z.string(), kind: z.enum(FACILITY_KIND_NAMES), name: z.string(), locationNote: z.string() })),
    }),
  ),
});
export type AccessibilityDto = z.infer<typeof accessibilityDto>;
