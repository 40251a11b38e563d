// A Server-Sent Events response fed by a notification feed: subscribe
// first, then start (so that nothing changes unseen between the first read
// and the subscription), a comment every 25 s so that proxies keep the
// connection open, and an end when the client goes away or the server
// closes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeedSubscriber, Payload } from '../../../plugins/app/live/notification-feed.js';

const HEARTBEAT_MS = 25_000;

/** The route schema's part that says the answer is an event stream (OpenAPI). */
export const EVENT_STREAM_SCHEMA = {
  produces: ['text/event-stream'],
  response: {
    200: {
      description: 'text/event-stream',
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    },
  },
};

export interface EventStream {
  /** Sends one event (ignored once the stream has ended). */
  send(event: string, data: unknown, id?: string | number): void;
}

export async function serveEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  feed: {
    subscribe(subscriber: FeedSubscriber): Promise<() => void>;
    /** What the stream sends once it listens. */
    start(stream: EventStream): Promise<void>;
    /** A notification (its payload; null: something may have changed, re-read). */
    changed(payload: Payload | null, stream: EventStream): void;
  },
): Promise<void> {
  const raw = reply.raw;
  let ended = false;
  const write = (text: string) => {
    if (!ended) raw.write(text);
  };
  const stream: EventStream = {
    send: (event, data, id) =>
      write(
        `event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`,
      ),
  };

  let unsubscribe = () => undefined as void;
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    raw.end();
  };

  unsubscribe = await feed.subscribe({
    changed: (payload) => feed.changed(payload, stream),
    closing: end,
  });
  reply.hijack();
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx and similar proxies would otherwise buffer the stream.
    'x-accel-buffering': 'no',
  });
  // The response closes when the client goes away (or when end() ended it).
  raw.on('close', end);
  if (raw.destroyed) end();
  await feed.start(stream);
}
