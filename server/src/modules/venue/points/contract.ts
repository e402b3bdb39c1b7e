import { z } from 'zod';
import { version } from '../../../platform/http/schemas.ts';

/** Nearby service points (就近办, 6.3.5): a government town/village center, or a partner's point. */
export const POINT_KINDS = ['government', 'industrial_park', 'bank_branch', 'post_office'] as const;
export type PointKind = (typeof POINT_KINDS)[number];
export const DELEGATION_STATES = ['delegated', 'published', 'revoked'] as const;

export const servicePoint = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['town', 'village']),
  kind: z.enum(POINT_KINDS),
  /** 0 until the kind was first set */
  kindVersion: z.number(),
  parentId: z.string().nullable(),
  address: z.string(),
  phone: z.string(),
  openingHours: z.string(),
  /** items published at the point: delegated ones and its own */
  publishedItemCount: z.number(),
});
export type ServicePointDto = z.infer<typeof servicePoint>;

export const pointKindInput = z.strictObject({ kind: z.enum(POINT_KINDS), version: z.number().int().min(0) });

export const delegation = z.object({
  id: z.string(),
  centerId: z.string(),
  ownerCenterId: z.string(),
  itemId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  state: z.enum(DELEGATION_STATES),
  createdByName: z.string(),
  createdAt: z.string(),
  publishedByName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number(),
});
export type DelegationDto = z.infer<typeof delegation>;

export const delegationInput = z.strictObject({ itemId: z.uuid() });
export const publishInput = z.strictObject({ itemId: z.uuid() });
export const versionBody = z.strictObject({ version });

export const pointFigures = z.object({
  centerId: z.string(),
  from: z.string(),
  tickets: z.number(),
  applications: z.number(),
  byItem: z.array(z.object({ code: z.string(), name: z.string(), applications: z.number() })),
});
export type PointFiguresDto = z.infer<typeof pointFigures>;
export const figuresQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(366).default(30) });

/** The portal: where an item can be done — the competent center and the points that publish it. */
export const itemPlace = z.object({
  centerId: z.string(),
  name: z.string(),
  level: z.enum(['city', 'county', 'town', 'village']),
  kind: z.enum(POINT_KINDS),
  /** the town the place is in (itself for a town center) */
  townId: z.string().nullable(),
  address: z.string(),
  phone: z.string(),
  openingHours: z.string(),
  /** how the place does the item: the competent center, a delegated intake, or the point's own item */
  how: z.enum(['competent', 'delegated', 'own']),
});
export const itemPlaces = z.object({
  code: z.string(),
  name: z.string(),
  towns: z.array(z.object({ id: z.string(), name: z.string() })),
  places: z.array(itemPlace),
});
export type ItemPlacesDto = z.infer<typeof itemPlaces>;
export const placesQuery = z.strictObject({ centerId: z.uuid().optional(), townId: z.uuid().optional() });
export const codeParam = z.strictObject({ code: z.string().trim().min(1).max(40) });
