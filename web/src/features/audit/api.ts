import type { z } from 'zod';
import type { auditPage, auditQuery } from '@server/platform/audit/contract.ts';
import { api } from '../../lib/api.ts';

export type AuditPage = z.infer<typeof auditPage>;
export type AuditEntry = AuditPage['items'][number];
export type AuditFilter = z.infer<typeof auditQuery>;

export const searchAudit = (filter: AuditFilter) => api.get<AuditPage>('/api/audit', filter);
