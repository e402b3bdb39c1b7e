import type { DbOrTx } from '../../../platform/db/database.ts';
import * as repo from './repository.ts';

export type { DecidedRow } from './repository.ts';

/**
 * The processing results a center publishes (A.5: 办理结果公开): decided applications only, with
 * the number, item, applicant name as recorded, decision and date. The disclosure module masks the
 * name before anything leaves; nothing else of the application is read here.
 */
export async function listDecidedApplications(db: DbOrTx, centerId: string, q: { number?: string; limit: number; offset: number }) {
  return repo.listDecided(db, centerId, q);
}
