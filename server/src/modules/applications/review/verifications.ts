import { z } from 'zod';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { loadCalendar } from '../../../platform/calendar/service.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import { listDepartments } from '../../staff/service.ts';
import type { ServiceDeps } from '../actions.ts';
import { applicationSummary } from '../contract.ts';
import { toSummary } from '../summary.ts';
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
  const view = {
    names: new Map((await listDepartments(deps.db, principal.centerId)).map((d) => [d.id, d.name])),
    today: businessToday(now),
    calendar: await loadCalendar(deps.db),
  };
  const rows = await reviewRepo.listVerifications(deps.db, { departmentId: principal.departmentId, states: ['pending'] });
  return rows.map((r) => ({ dueDate: r.verification.dueDate, state: r.verification.state, isOverdue: r.verification.isOverdue, application: toSummary(r.application, view) }));
}
