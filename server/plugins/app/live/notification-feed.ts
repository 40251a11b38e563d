// Tells live streams what changed, from PostgreSQL notifications: a trigger
// notifies a channel on commit, from whichever server process wrote, with a
// JSON payload; each server process listens on one connection of its own per
// channel, opened when the first stream subscribes, and hands each
// notification to the subscribers of the key it names (a dossier, an
// agency). After a lost connection it listens again and tells every
// subscriber to re-read, since notifications sent meanwhile are lost. On
// close the streams end first (an open stream would hold app.close()), then
// the connection.
import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import pg from 'pg';
import { Gauge } from 'prom-client';

const RECONNECT_MS = 1_000;

/** A notification's JSON payload. */
export type Payload = Record<string, unknown>;

export interface FeedSubscriber {
  /** Something changed (its notification's payload), or may have (null: re-read). */
  changed(payload: Payload | null): void;
  /** The server is closing: end the stream. */
  closing(): void;
}

export interface Feed {
  /** Resolves once notifications for the key are being received; returns the unsubscribe. */
  subscribe(key: string, subscriber: FeedSubscriber): Promise<() => void>;
}

export function createNotificationFeed(options: {
  databaseUrl: string;
  channel: string;
  /** The key whose subscribers a notification's payload is for. */
  keyOf(payload: Payload): unknown;
  name: string;
  log: FastifyBaseLogger;
}) {
  const { databaseUrl, channel, log, name } = options;
  const subscribers = new Map<string, Set<FeedSubscriber>>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;

  const everyone = () => [...subscribers.values()].flatMap((set) => [...set]);

  async function connect(): Promise<void> {
    const candidate = new pg.Client({ connectionString: databaseUrl });
    candidate.on('notification', (message) => {
      // Parsed once here, for every subscriber of its key.
      const payload = parsed(message.payload);
      const key = payload && options.keyOf(payload);
      if (typeof key !== 'string') return;
      for (const subscriber of subscribers.get(key) ?? []) subscriber.changed(payload);
    });
    candidate.on('error', (error) => {
      log.warn({ err: error }, `${name}: connection lost`);
      lost(candidate);
    });
    candidate.on('end', () => lost(candidate));
    await candidate.connect();
    await candidate.query(`listen ${channel}`);
    if (closed) await candidate.end();
    else client = candidate;
  }

  function listening(): Promise<void> {
    if (client) return Promise.resolve();
    connecting ??= connect().finally(() => (connecting = null));
    return connecting;
  }

  function lost(candidate: pg.Client): void {
    if (client !== candidate) return;
    client = null;
    candidate.end().catch(() => undefined);
    reconnectLater();
  }

  function reconnectLater(): void {
    if (closed || retry || subscribers.size === 0) return;
    retry = setTimeout(() => {
      retry = null;
      listening().then(
        () => everyone().forEach((s) => s.changed(null)),
        (error: unknown) => {
          log.warn({ err: error }, `${name}: cannot listen yet`);
          reconnectLater();
        },
      );
    }, RECONNECT_MS);
    retry.unref();
  }

  return {
    async subscribe(key: string, subscriber: FeedSubscriber): Promise<() => void> {
      if (closed) throw new Error(`${name}: closed`);
      let set = subscribers.get(key);
      if (!set) subscribers.set(key, (set = new Set()));
      set.add(subscriber);
      const unsubscribe = () => {
        set.delete(subscriber);
        if (set.size === 0 && subscribers.get(key) === set) subscribers.delete(key);
      };
      try {
        await listening();
      } catch (error) {
        unsubscribe();
        throw error;
      }
      return unsubscribe;
    },

    /** Open subscriptions (live streams). */
    size(): number {
      return everyone().length;
    },

    /** Ends every stream; no new one may subscribe. */
    endStreams(): void {
      closed = true;
      for (const subscriber of everyone()) subscriber.closing();
      subscribers.clear();
    },

    async close(): Promise<void> {
      closed = true;
      if (retry) clearTimeout(retry);
      await connecting?.catch(() => undefined);
      const open = client;
      client = null;
      await open?.end();
    },
  };
}

function parsed(text: string | undefined): Payload | null {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return value !== null && typeof value === 'object' ? (value as Payload) : null;
  } catch {
    return null;
  }
}

/** A plugin that decorates the app with a feed of `channel` and counts its open streams. */
export function feedPlugin(spec: {
  decorator: 'dossierFeed' | 'taskFeed';
  channel: string;
  keyOf(payload: Payload): unknown;
  /** The plugin's name, also in log messages. */
  name: string;
  metric: { name: string; help: string };
}) {
  return fp<{ databaseUrl: string }>(
    async (app, { databaseUrl }) => {
      const { channel, keyOf, name } = spec;
      const feed = createNotificationFeed({ channel, keyOf, name, databaseUrl, log: app.log });
      app.decorate(spec.decorator, { subscribe: feed.subscribe });
      new Gauge({
        ...spec.metric,
        registers: [app.metrics],
        collect() {
          this.set(feed.size());
        },
      });
      app.addHook('preClose', async () => feed.endStreams());
      app.addHook('onClose', async () => feed.close());
    },
    { name: spec.name, dependencies: ['metrics'] },
  );
}
