import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { createVisitQrInvitation, ratingsOfTickets, rateVisit } from '../../evaluations/service.ts';
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
  deps: { db: Db; config: Config },
  counterId: string,
  deviceKey: string | undefined,
  input: { ticketId: string; level: number; tags: string[]; comment: string },
  now = new Date(),
) {
  const { ticket, counter } = await ratableHere(deps.db, counterId, deviceKey, input.ticketId, now);
  const rating = await rateVisit(deps.db, deps.config, { ticketId: ticket.id, channel: 'evaluator', level: input.level, tags: input.tags, comment: input.comment, now }, (tx) =>
    publishQueueEvent(tx, counter.centerId, { kind: 'ticket', action: 'rated', ticketId: ticket.id, counterId, zoneId: counter.zoneId }),
  );
  return { ratingId: rating.id, level: rating.level };
}

/** The QR code for the visitor's phone, shown with the rating request: a one-use link to the same rating. */
export async function inviteFromEvaluator(deps: { db: Db; config: Config }, counterId: string, deviceKey: string | undefined, ticketId: string, now = new Date()) {
  const { ticket } = await ratableHere(deps.db, counterId, deviceKey, ticketId, now);
  const invitation = await createVisitQrInvitation(deps.db, deps.config, { ticketId: ticket.id, centerId: ticket.centerId, finishedAt: ticket.serviceEndedAt! });
  return { ...invitation, qrUrl: `/api/evaluations/invitations/${encodeURIComponent(invitation.token)}/qr.svg` };
}

async function ratableHere(db: Db, counterId: string, deviceKey: string | undefined, ticketId: string, now: Date) {
  const counter = await getCounter(db, counterId);
  await requireEvaluator(db, counterId, deviceKey);
  const ticket = await findTicket(db, ticketId);
  const { ratingWindowMinutes } = await loadSettings(db, counter.centerId);
  const isRatable =
    ticket &&
    ticket.state === 'done' &&
    ticket.counterId === counterId &&
    ticket.serviceEndedAt &&
    now.getTime() - ticket.serviceEndedAt.getTime() <= ratingWindowMinutes * 60_000;
  if (!isRatable) throw new AppError('RATING_CLOSED', '这次服务已不在评价时间内，或不是在本窗口办理的');
  return { ticket, counter };
}
