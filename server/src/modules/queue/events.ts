import crypto from 'node:crypto';
import type { DbOrTx } from '../../platform/db/database.ts';
import { publishEvent } from '../../platform/events/bus.ts';
import type { TicketAction } from './contract.ts';

/**
 * The queue's real-time events: one channel per center, published inside the transaction of the
 * change (delivered after commit, to every process). Streams turn them into fresh snapshots.
 */
export const queueChannel = (centerId: string) => `queue_${centerId.replace(/-/g, '')}`;

export type QueueEvent = {
  /** the same for every receiver of one event */
  eventId: string;
  kind: 'ticket' | 'counter' | 'settings';
  action: TicketAction | 'issue' | 'rated' | 'open' | 'pause' | 'resume' | 'close' | 'changed';
  ticketId?: string;
  queueId?: string;
  counterId?: string;
  zoneId?: string;
  displayNumber?: string;
  counterNumber?: string;
};

export async function publishQueueEvent(tx: DbOrTx, centerId: string, event: Omit<QueueEvent, 'eventId'>): Promise<void> {
  await publishEvent(tx, queueChannel(centerId), { eventId: crypto.randomUUID(), ...event });
}

export function asQueueEvent(payload: Record<string, unknown>): QueueEvent {
  return payload as QueueEvent;
}
