import { z } from 'zod';
import { idParam, version } from '../../platform/http/schemas.ts';

/** Clause 4.1 zones, plus the agency (6.2.1.1) and briefing (6.2.4) areas the standard also asks for. */
export const ZONE_KINDS = [
  'guidance',
  'filing_assistance',
  'counters',
  'self_service',
  'back_office',
  'benefits',
  'agency',
  'briefing',
  'waiting',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const CENTER_LEVELS = ['city', 'county', 'town', 'village'] as const;
export type CenterLevel = (typeof CENTER_LEVELS)[number];
/** Town centers and village stations are nearby service points (6.3.5). */
export const isNearbyServicePoint = (level: CenterLevel) => level === 'town' || level === 'village';

/** What a counter is for (6.1.3, 6.2): comprehensive intake, delivery, and the specialised desks. */
export const COUNTER_PURPOSES = ['intake', 'delivery', 'policy', 'talent', 'agency', 'unresolved', 'department', 'cross_region'] as const;
export type CounterPurpose = (typeof COUNTER_PURPOSES)[number];

const name = z.string().trim().min(1).max(100);
const text = (max: number) => z.string().trim().max(max);

export const regionCode = z.string().regex(/^[1-9]\d{5}$/, '应为 6 位 GB/T 2260 行政区划代码');

export const region = z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() });
export const regionInput = z.strictObject({ code: regionCode, name, parentCode: regionCode.nullable().optional() });

export const center = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(CENTER_LEVELS),
  isNearbyServicePoint: z.boolean(),
  regionCode: z.string(),
  regionName: z.string(),
  parentId: z.string().nullable(),
  address: z.string(),
  phone: z.string(),
  openingHours: z.string(),
  isActive: z.boolean(),
  version: z.number(),
});
export type CenterDto = z.infer<typeof center>;

/** Fields as sent; defaults only on creation, so that a patch never blanks what it does not name. */
const centerFields = {
  name,
  level: z.enum(CENTER_LEVELS),
  regionCode,
  parentId: z.uuid().nullable().optional(),
  address: text(200),
  phone: text(50),
  openingHours: text(200),
};
export const centerInput = z.strictObject({
  ...centerFields,
  address: centerFields.address.default(''),
  phone: centerFields.phone.default(''),
  openingHours: centerFields.openingHours.default(''),
});
export const centerPatch = z.strictObject(centerFields).partial().extend({ version, isActive: z.boolean().optional() }).strict();

export const zone = z.object({
  id: z.string(),
  centerId: z.string(),
  kind: z.enum(ZONE_KINDS),
  name: z.string(),
  floor: z.string(),
  isActive: z.boolean(),
  version: z.number(),
});
export type ZoneDto = z.infer<typeof zone>;
const zoneFields = { kind: z.enum(ZONE_KINDS), name, floor: text(20) };
export const zoneInput = z.strictObject({ ...zoneFields, floor: zoneFields.floor.default('') });
export const zonePatch = z.strictObject(zoneFields).partial().extend({ version, isActive: z.boolean().optional() }).strict();

export const counter = z.object({
  id: z.string(),
  centerId: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  number: z.string(),
  name: z.string(),
  purpose: z.enum(COUNTER_PURPOSES),
  departmentId: z.string().nullable(),
  isActive: z.boolean(),
  version: z.number(),
});
export type CounterDto = z.infer<typeof counter>;
export const counterInput = z.strictObject({
  zoneId: z.uuid(),
  number: z.string().trim().regex(/^[0-9A-Za-z-]{1,10}$/, '窗口号为 1–10 位数字或字母'),
  name,
  purpose: z.enum(COUNTER_PURPOSES),
  departmentId: z.uuid().nullable().optional(),
});
export const counterPatch = counterInput.partial().extend({ version, isActive: z.boolean().optional() }).strict();

export const centerIdParam = idParam;
