import { z } from 'zod';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { ServiceDeps } from '../actions.ts';
import { applicationSummary } from '../contract.ts';
import { toSummary, viewOf } from '../summary.ts';
import * as reviewRepo from './repository.ts';

/** A.4: the department's list of commitments to verify, soonest due first. */

export const verificationEntry = z.object({
  dueDate: z.string(),
  state: z.enum(['pending', 'confirmed', 'false']),
  isOverdue: z.boolean(),
  application: applicationSummary,
});

export async function listVerificationTasks(deps: ServiceDeps, principal: StaffPrincipal, now = new Date()) {
  if (!principal.departmentId || !principal.centerId) return [];
  const view = await viewOf(deps.db, principal.centerId, now);
  const rows = await reviewRepo.listVerifications(deps.db, { departmentId: principal.departmentId, states: ['pending'] });
  return rows.map((r) => ({ dueDate: r.verification.dueDate, state: r.verification.state, isOverdue: r.verification.isOverdue, application: toSummary(r.application, view) }));
}

/** The pending commitments of a center's applications (the command center's count), soonest due first. */
export async function listCenterVerificationTasks(deps: ServiceDeps, centerId: string) {
  const rows = await reviewRepo.listVerifications(deps.db, { states: ['pending'] });
  return rows.filter((r) => r.application.centerId === centerId).map((r) => ({ dueDate: r.verification.dueDate, isOverdue: r.verification.isOverdue, departmentId: r.application.departmentId }));
}
