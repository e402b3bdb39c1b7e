import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../platform/auth/principal.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { EventHub } from '../../platform/events/bus.ts';
import { streamEvents } from '../../platform/events/sse.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Config } from '../../config.ts';
import type { CallDto, SignalDto } from './contract.ts';
import * as repo from './repository.ts';
import { announce, sessionOfEnterprise, sessionOfStaff, toDtos, videoChannel } from './video.ts';
import { videoWorkflow } from './workflow.ts';

/**
 * The call's signalling over HTTP and server-sent events: each side POSTs its offer, answer and
 * ICE candidates; they are kept (video_signals) and the other side's stream carries them — all
 * so far in its snapshot (a late or reconnected page catches up), then each new one. Only the
 * session's enterprise and the assistant who started it may join: anyone else gets 404.
 */

type Side = 'staff' | 'enterprise';

/** The side this principal takes in the session, or 404. */
export async function joinAs(db: DbOrTx, principal: Principal | null | undefined, id: string, options: { lock?: boolean } = {}): Promise<{ side: Side; session: repo.SessionView }> {
  if (principal?.type === 'enterprise') return { side: 'enterprise', session: await sessionOfEnterprise(db, principal, id, options) };
  if (principal?.type === 'staff' && principal.permissions.has('assistance.record')) {
    const session = await sessionOfStaff(db, principal, id, options);
    if (session.assistantId === principal.id) return { side: 'staff', session };
  }
  throw notFound('视频辅导');
}

const other = (side: Side): Side => (side === 'staff' ? 'enterprise' : 'staff');
const toSignal = (s: repo.SignalRow): SignalDto => ({ id: s.id, side: s.side, kind: s.kind, payload: s.payload });

async function callOf(db: DbOrTx, config: Config, side: Side, sessionId: string, signals: repo.SignalRow[]): Promise<CallDto> {
  const [session] = await toDtos(db, [(await repo.findSession(db, sessionId))!]);
  return { session: session!, side, iceServers: config.WEBRTC_ICE_SERVERS, signals: signals.map(toSignal) };
}

export async function streamCall(deps: { db: DbOrTx; config: Config; events: EventHub }, request: FastifyRequest, reply: FastifyReply, id: string): Promise<void> {
  const { side, session } = await joinAs(deps.db, request.principal, id);
  if (session.state === 'ended' || session.state === 'cancelled') throw new AppError('INVALID_STATE', '该视频辅导已结束', [{ field: 'state', message: '已结束' }]);
  await streamEvents(request, reply, {
    hub: deps.events,
    channel: videoChannel,
    accepts: (p) => p.sessionId === id && p.side !== side,
    snapshot: async () => callOf(deps.db, deps.config, side, id, await repo.signalsFrom(deps.db, id, other(side))),
    toMessage: async (p) => {
      const signal = typeof p.signalId === 'number' ? await repo.findSignal(deps.db, p.signalId) : undefined;
      return callOf(deps.db, deps.config, side, id, signal ? [signal] : []);
    },
  });
}

export async function sendSignal(db: DbOrTx, principal: Principal | null | undefined, id: string, input: { kind: repo.SignalRow['kind']; payload: Record<string, unknown> }): Promise<{ id: number }> {
  const { side, session } = await joinAs(db, principal, id);
  videoWorkflow.require(session.state, 'signal', side === 'staff' ? 'assistant' : 'enterprise', (r) => new AppError(r.code, r.message, [{ field: 'state', message: r.message }]));
  if ((input.kind === 'offer' && side !== 'staff') || (input.kind === 'answer' && side !== 'enterprise')) {
    throw new AppError('VALIDATION_FAILED', '辅导人员发起连线，企业应答', [{ field: 'kind', message: '信令类型与参加方不符' }]);
  }
  const signal = await repo.insertSignal(db, { sessionId: id, side, kind: input.kind, payload: input.payload });
  await announce(db, id, signal);
  return { id: signal.id };
}

/** A side reports the call connected: the first report starts the session's length. */
export async function reportConnected(db: DbOrTx, principal: Principal | null | undefined, id: string, now = new Date()): Promise<{ connectedAt: string }> {
  return db.transaction(async (tx) => {
    const { side, session } = await joinAs(tx, principal, id, { lock: true });
    videoWorkflow.require(session.state, 'signal', side === 'staff' ? 'assistant' : 'enterprise', (r) => new AppError(r.code, r.message, [{ field: 'state', message: r.message }]));
    if (session.connectedAt) return { connectedAt: session.connectedAt.toISOString() };
    await repo.updateSession(tx, id, { connectedAt: now });
    await announce(tx, id);
    return { connectedAt: now.toISOString() };
  });
}
