import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { getCounter } from '../../venue/service.ts';
import { findLiveSession } from '../counters/service.ts';
import { findPhotoStamp } from '../photos/service.ts';
import { getCenterOrThrow, loadSettings } from '../settings/service.ts';
import { requireEvaluator } from '../settings/devices.ts';
import { lastFinishedAtCounter } from '../live/repository.ts';
import { findTicket } from '../tickets/repository.ts';
import type { EvaluatorSnapshot } from './contract.ts';

/**
 * The evaluator (评价器) bound to one counter: the clerk on duty, the ticket in service, and —
 * once the clerk finishes — the invitation to rate that visit (一次一评), until evaluations
 * reports it rated (`rating.recorded`). The rating itself is evaluations' (ratings/evaluator.ts).
 */
export async function getEvaluatorSnapshot(db: Db, counterId: string, now = new Date()): Promise<EvaluatorSnapshot> {
  const counter = await getCounter(db, counterId);
  const center = await getCenterOrThrow(db, counter.centerId);
  const session = await findLiveSession(db, counterId);
  const current = session?.currentTicketId ? await findTicket(db, session.currentTicketId) : undefined;
  let ratingRequest: EvaluatorSnapshot['ratingRequest'] = null;
  if (!current) {
    const { ratingWindowMinutes } = await loadSettings(db, counter.centerId);
    const last = await lastFinishedAtCounter(db, counterId, new Date(now.getTime() - ratingWindowMinutes * 60_000));
    if (last && !last.ratedAt) {
      ratingRequest = {
        ticketId: last.id,
        displayNumber: last.displayNumber,
        finishedAt: last.serviceEndedAt!.toISOString(),
        ratingUntil: new Date(last.serviceEndedAt!.getTime() + ratingWindowMinutes * 60_000).toISOString(),
      };
    }
  }
  const photo = session ? await findPhotoStamp(db, session.staffId) : null;
  return {
    centerName: center.name,
    counter: { id: counter.id, number: counter.number, name: counter.name },
    clerk: session ? { name: session.staffName, staffNumber: session.staffNumber, hasPhoto: photo !== null, photoVersion: photo } : null,
    sessionState: session?.state ?? 'closed',
    current: current ? { displayNumber: current.displayNumber, state: current.state } : null,
    ratingRequest,
  };
}

/**
 * The evaluator's key and the visit it may take a rating for (evaluations records the rating): the
 * device must hold this counter's key; the rating window is the queue's setting.
 */
export async function authorizeEvaluator(db: DbOrTx, counterId: string, deviceKey: string | undefined): Promise<{ ratingWindowMinutes: number }> {
  const counter = await getCounter(db as Db, counterId);
  await requireEvaluator(db, counterId, deviceKey);
  const { ratingWindowMinutes } = await loadSettings(db, counter.centerId);
  return { ratingWindowMinutes };
}
