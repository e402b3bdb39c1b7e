import type { FastifyReply, FastifyRequest } from 'fastify';
import { rateLimited } from '../errors.ts';
import { zhCN } from '../../locales/zh-CN.ts';
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

/** What a client refused a stream is told to wait (EventSource itself cannot read it; web/src/features/queue/use-event-stream.ts waits as long). */
export const STREAM_RETRY_SECONDS = 30;

/**
 * A server-sent event stream: `snapshot` first, then an `update` per event. The browser's
 * EventSource reconnects by itself; each connection starts with a new snapshot.
 *
 * Each stream holds a slot of the hub's caps (stream-slots.ts) until its connection closes: a
 * client over its cap gets 429 `RATE_LIMITED` with Retry-After, before anything is streamed.
 */
export async function streamEvents<S>(request: FastifyRequest, reply: FastifyReply, options: StreamOptions<S>): Promise<void> {
  const stream = openStream(request, reply, options.hub);
  try {
    let sequence = 0;
    const send = (event: string, data: unknown) => stream.write(sseFrame(event, data, ++sequence));
    // Events are handled one at a time, so updates reach the client in the order they happened.
    let queue = Promise.resolve();
    const stop = await options.hub.subscribe(options.channel, (payload) => {
      if (options.accepts && !options.accepts(payload)) return;
      queue = queue
        .then(async () => send('update', options.toMessage ? await options.toMessage(payload) : await options.snapshot()))
        .catch((err) => request.log.warn({ err }, 'event stream update failed'));
    });
    stream.onClose(stop);
    stream.write('retry: 2000\n\n');
    send('snapshot', await options.snapshot());
    stream.startHeartbeat(options.heartbeatMs);
  } catch (err) {
    // The 200 is sent: all that is left is to end the stream (the client reconnects) and free its slot.
    request.log.warn({ err }, 'event stream failed to start');
    stream.end();
  }
}

/** One server-sent event as written on the wire: made once (as a Buffer, encoded once too), it can be written to any number of streams. */
export function sseFrame(event: string, data: unknown, id: number | string): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Frames made elsewhere and shared by many streams (the calling displays of a zone): `attach`
 * registers the stream's writer and answers the function that detaches it. The first frame given
 * to `write` must be the stream's snapshot; `end` ends the stream (the client reconnects).
 */
export type FrameSource = {
  attach: (write: (frame: string | Buffer) => void, end: () => void) => () => void;
};

/**
 * A server-sent event stream fed by a shared source: the same slot caps, headers and heartbeat as
 * `streamEvents`, but no work per stream — the source serialises each frame once for all of them.
 */
export function streamFrames(request: FastifyRequest, reply: FastifyReply, options: { hub: EventHub; source: FrameSource; heartbeatMs?: number }): void {
  const stream = openStream(request, reply, options.hub);
  stream.write('retry: 2000\n\n');
  stream.onClose(options.source.attach(stream.write, stream.end));
  stream.startHeartbeat(options.heartbeatMs);
}

/** Takes a slot (429 when over a cap), then sends the headers of an event stream; all that follows is written raw. */
function openStream(request: FastifyRequest, reply: FastifyReply, hub: EventHub) {
  const release = hub.streams.take(request.principal ? { kind: 'signed_in' } : { kind: 'anonymous', address: request.ip });
  if (!release) throw rateLimited(zhCN.http.tooManyStreams, STREAM_RETRY_SECONDS);
  reply.hijack();
  const res = reply.raw;
  let closed = false;
  let heartbeat: NodeJS.Timeout | undefined;
  const cleanups: (() => void)[] = [];
  // The response's close: the client went away, or the stream was ended here.
  res.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
    for (const cleanup of cleanups) cleanup();
    release();
  });
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  return {
    write: (text: string | Buffer) => {
      if (!closed) res.write(text);
    },
    end: () => res.end(),
    /** runs `cleanup` when the stream closes, or now if it is closed already */
    onClose: (cleanup: () => void) => (closed ? cleanup() : cleanups.push(cleanup)),
    startHeartbeat: (ms = 15_000) => {
      if (!closed) heartbeat = setInterval(() => !closed && res.write(': keep-alive\n\n'), ms);
    },
  };
}
