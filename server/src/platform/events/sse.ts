import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventHub } from './bus.ts';

export type StreamOptions<S> = {
  hub: EventHub;
  channel: string;
  /** which events of the channel concern this stream */
  accepts?: (payload: Record<string, unknown>) => boolean;
  /** the full current state: sent first, and again after every reconnect, so a client always catches up */
  snapshot: () => Promise<S>;
  /** turns an event into what the client receives; by default the client gets a fresh snapshot */
  toMessage?: (payload: Record<string, unknown>) => Promise<unknown>;
  heartbeatMs?: number;
};

/**
 * A server-sent event stream: `snapshot` first, then an `update` per event. The browser's
 * EventSource reconnects by itself; each connection starts with a new snapshot.
 */
export async function streamEvents<S>(request: FastifyRequest, reply: FastifyReply, options: StreamOptions<S>): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  let sequence = 0;
  let closed = false;
  const send = (event: string, data: unknown) => {
    if (closed) return;
    res.write(`id: ${++sequence}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  // Events are handled one at a time, so updates reach the client in the order they happened.
  let queue = Promise.resolve();
  const unsubscribe = await options.hub.subscribe(options.channel, (payload) => {
    if (options.accepts && !options.accepts(payload)) return;
    queue = queue
      .then(async () => send('update', options.toMessage ? await options.toMessage(payload) : await options.snapshot()))
      .catch((err) => request.log.warn({ err }, 'event stream update failed'));
  });
  res.write('retry: 2000\n\n');
  send('snapshot', await options.snapshot());
  const heartbeat = setInterval(() => !closed && res.write(': keep-alive\n\n'), options.heartbeatMs ?? 15_000);
  request.raw.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
  });
}
