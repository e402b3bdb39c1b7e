import type { DbOrTx } from '../../../platform/db/database.ts';
import type { AppointmentMode, Theme } from '../contract.ts';
import { loadPublishedCatalog } from './cache.ts';

/** What other modules (the queue, appointments) need to know about a center's published items. */
export type PublishedItemFacts = {
  id: string;
  code: string;
  name: string;
  theme: Theme;
  departmentId: string;
  /** 即办件 or 承诺件 */
  processingKind: string;
  appointmentMode: AppointmentMode;
  /** walk-in tickets per business day (A.6); null: no limit */
  walkInDailyQuota: number | null;
};

/** The center's published items, in code order, from the published-catalog cache. */
export async function listPublishedItemFacts(db: DbOrTx, centerId: string): Promise<PublishedItemFacts[]> {
  const catalog = await loadPublishedCatalog(db, centerId);
  return [...catalog.items.values()].map((i) => ({
    id: i.id,
    code: i.code,
    name: i.guide.name,
    theme: i.guide.theme,
    departmentId: i.guide.departmentId,
    processingKind: i.guide.processingKind,
    appointmentMode: i.guide.appointment.mode,
    walkInDailyQuota: i.guide.appointment.walkInDailyQuota,
  }));
}
