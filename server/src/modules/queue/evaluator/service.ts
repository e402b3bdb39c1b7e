import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { ratingsOfTickets, rateVisit } from '../../evaluations/service.ts';
import type { RatingLevel } from '../../evaluations/contract.ts';
import { getCounter } from '../../venue/service.ts';
import { findLiveSession } from '../counters/service.ts';
import { publishQueueEvent } from '../events.ts';
import { findPhotoStamp } from '../photos/service.ts';
import { getCenterOrThrow, loadSettings } from '../settings/service.ts';
import { requireEvaluator } from '../settings/devices.ts';
import { lastFinishedAtCounter } from '../live/repository.ts';
import { findTicket } from '../tickets/repository.ts';
import type { EvaluatorSnapshot } from './contract.ts';

/**
 * The evaluator (评价器) bound to one counter: the clerk on duty, the ticket in service, and —
 * once the clerk finishes — the invitation to rate that visit (一次一评).
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
    if (last && !(await ratingsOfTickets(db, [last.id])).has(last.id)) {
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
 * A rating from the evaluator: the device must hold this counter's key, and the ticket must have
 * been finished here within the rating window and not yet rated.
 */
export async function rateAtEvaluator(
  db: Db,
  counterId: string,
  deviceKey: string | undefined,
  input: { ticketId: string; level: number; comment: string },
  now = new Date(),
) {
  const counter = await getCounter(db, counterId);
  await requireEvaluator(db, counterId, deviceKey);
  const ticket = await findTicket(db, input.ticketId);
  const { ratingWindowMinutes } = await loadSettings(db, counter.centerId);
  const isRatable =
    ticket &&
    ticket.state === 'done' &&
    ticket.counterId === counterId &&
    ticket.serviceEndedAt &&
    now.getTime() - ticket.serviceEndedAt.getTime() <= ratingWindowMinutes * 60_000;
  if (!isRatable) throw new AppError('RATING_CLOSED', '这次服务已不在评价时间内，或不是在本窗口办理的');
  const rating = await db.transaction(async (tx) => {
    const saved = await rateVisit(tx, {
      centerId: counter.centerId,
      ticketId: ticket.id,
      level: input.level as RatingLevel,
      channel: 'evaluator',
      isRealName: ticket.uscc !== null || ticket.phone !== null,
      staffId: ticket.staffId,
      counterId,
      comment: input.comment,
    });
    await publishQueueEvent(tx, counter.centerId, { kind: 'ticket', action: 'rated', ticketId: ticket.id, counterId, zoneId: counter.zoneId });
    return saved;
  });
  return { ratingId: rating.id, level: rating.level };
}
