import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { strictItems, type Items } from '../../../platform/jobs/job.ts';
import { listCenters } from '../../venue/service.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { dateText, sendBookingSms } from '../booking/messages.ts';
import * as bookings from '../booking/repository.ts';
import { loadSettings } from '../settings/service.ts';
import { nextState } from '../workflow/workflow.ts';
import { checkInVerdict } from '../check-in/window.ts';
import * as repo from './repository.ts';
import { blockFor, countingWindow } from './rules.ts';

/**
 * The no-show job: bookings still `booked` after their check-in window are marked no-show; an
 * applicant reaching the limit is blocked (one block at a time) and told by SMS, in the same
 * transaction. Returns how many bookings were marked.
 */
export async function markNoShows(db: Db, config: Config, now = new Date(), { each }: Items = strictItems): Promise<number> {
  const moment = businessClock(now);
  let marked = 0;
  for (const center of await listCenters(db)) {
    const settings = await loadSettings(db, center.id);
    const due = (await bookings.listAppointments(db, { centerId: center.id, toDate: moment.date, states: ['booked'] }, 5000)).filter((b) => {
      const verdict = checkInVerdict(b, moment, settings).kind;
      return verdict === 'late' || verdict === 'expired';
    });
    await each(
      due,
      async (b) => {
        const done = await db.transaction(async (tx) => {
          const row = await bookings.lockById(tx, b.id);
          if (!row || row.state !== 'booked') return false;
          const to = nextState(row.state, 'mark_no_show', 'system');
          await bookings.updateAppointment(tx, row.id, { state: to, noShowAt: now });
          await bookings.insertEvent(tx, { appointmentId: row.id, action: 'mark_no_show', fromState: row.state, toState: to, actor: 'system', at: now });
          if (await repo.findActiveBlock(tx, row.centerId, row.applicantKey, moment.date)) return true;
          const count = await repo.countNoShows(tx, { centerId: row.centerId, applicantKey: row.applicantKey, ...countingWindow(moment.date, settings) });
          const block = blockFor(count, moment.date, settings);
          if (block) {
            const created = await repo.insertBlock(tx, {
              centerId: row.centerId,
              applicantKey: row.applicantKey,
              applicantLabel: row.uscc ?? row.phoneMasked,
              ...block,
              noShows: count,
            });
            await sendBookingSms(tx, config, row, {
              template: 'appointment_blocked',
              params: { center: center.name, days: settings.noShowWindowDays, count, until: dateText(block.endsOn) },
              dedupeKey: `appointment-block:${created.id}`,
            });
          }
          return true;
        });
        if (done) marked += 1;
      },
      (b) => `appointment ${b.id}`,
    );
  }
  return marked;
}
