import { z } from 'zod';
import { pageQuery } from '../http/schemas.ts';

export const auditQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  objectType: z.string().trim().max(50).optional(),
  objectId: z.string().trim().max(100).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
  requestId: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.enum(['staff', 'enterprise', 'anonymous', 'system']),
  actorId: z.string().nullable(),
  actorName: z.string(),
  roles: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  outcome: z.enum(['success', 'failure']),
  status: z.number(),
  detail: z.unknown(),
  requestId: z.string(),
  correlationId: z.string(),
  clientIp: z.string(),
});
export type AuditEntryDto = z.infer<typeof auditEntry>;

export const auditPage = z.object({ items: z.array(auditEntry), total: z.number() });

export const auditAnchorQuery = z.strictObject({
  from: z.iso.date().optional(),
});

export const auditAnchor = z.object({
  day: z.string(),
  anchor: z.string(),
  rows: z.number(),
  /** [part, last seq, last MAC] of each chain of the day */
  chains: z.array(z.tuple([z.number(), z.number(), z.string()])),
});
