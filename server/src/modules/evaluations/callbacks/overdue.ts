import { businessToday } from '../../../platform/calendar/working-days.ts';
import { strictItems, type Items } from '../../../platform/jobs/job.ts';
import { normalizePhone } from '../../../platform/personal-data/personal-data.ts';
import { queueSms } from '../../../platform/notifications/service.ts';
import { getCenter } from '../../venue/service.ts';
import { getDepartment } from '../../staff/service.ts';
import * as repo from './repository.ts';
import type { ServiceDeps } from './scope.ts';
import { overdueOf } from './views.ts';

/**
 * The periodic check: a callback not contacted by its contact deadline, or not closed by its
 * finish deadline, alerts the department's chief officer once (overdue_alerted_at). The alert
 * shows on the callbacks page of everyone who answers for it; an SMS goes to the department's
 * mobile number when it has one (staff records carry no phone number).
 */
export async function runCallbackOverdueCheck(deps: ServiceDeps, now = new Date(), { each }: Items = strictItems): Promise<{ alerted: number }> {
  const today = businessToday(now);
  let alerted = 0;
  await each(
    await repo.listOverdueUnalerted(deps.db, today),
    async (found) => {
      const isNew = await deps.db.transaction(async (tx) => {
        if (!(await repo.markAlerted(tx, found.id, now))) return false;
        const what = overdueOf(found, today);
        const department = found.departmentId ? await getDepartment(tx, found.departmentId) : null;
        const phone = department ? normalizePhone(department.phone) : null;
        if (department && phone && /^1\d{10}$/.test(phone)) {
          // One connection per transaction: its queries go one after the other.
          const center = await getCenter(tx, found.centerId);
          const rating = await repo.findRating(tx, found.ratingId);
          await queueSms(tx, deps.config, {
            phone,
            template: 'callback_overdue',
            params: {
              center: center.name,
              department: department.name,
              item: rating?.itemName || '服务',
              what: what === 'contact' ? '逾期未回访' : '逾期未办结',
              due: what === 'contact' ? found.contactDueOn : found.finishDueOn,
            },
            related: { type: 'callback', id: found.id },
            centerId: found.centerId,
            dedupeKey: `callback:${found.id}:overdue`,
          });
        }
        return true;
      });
      if (isNew) alerted += 1;
    },
    (found) => `callback ${found.id}`,
  );
  return { alerted };
}
