// Tells live streams that a dossier changed. A trigger notifies
// `motcua_dossier_events` when an audit event is appended (on commit, from
// whichever server process wrote it); each server process listens on one
// connection of its own, opened when the first stream subscribes. After a
// lost connection it listens again and tells every subscriber to re-read,
// since notifications sent meanwhile are lost. On close the streams end
// first (an open stream would hold app.close()), then the connection.
import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import pg from 'pg';
import { Gauge } from 'prom-client';

export const DOSSIER_EVENTS_CHANNEL = 'motcua_dossier_events';
const RECONNECT_MS = 1_000;

export interface FeedSubscriber {
  /** The dossier changed (or may have: re-read it). */
  changed(): void;
  /** The server is closing: end the stream. */
  closing(): void;
}

export interface DossierFeed {
  /** Resolves once notifications for the dossier are being received; returns the unsubscribe. */
  subscribe(dossierId: string, subscriber: FeedSubscriber): Promise<() => void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    dossierFeed: DossierFeed;
  }
}

export function createDossierFeed(databaseUrl: string, log: FastifyBaseLogger) {
  const subscribers = new Map<string, Set<FeedSubscriber>>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;

  const everyone = () => [...subscribers.values()].flatMap((set) => [...set]);

  async function connect(): Promise<void> {
    const candidate = new pg.Client({ connectionString: databaseUrl });
    candidate.on('notification', (message) => {
      const dossierId = parseDossierId(message.payload);
      for (const subscriber of subscribers.get(dossierId ?? '') ?? []) subscriber.changed();
    });
    candidate.on('error', (error) => {
      log.warn({ err: error }, 'dossier feed connection lost');
      lost(candidate);
    });
    candidate.on('end', () => lost(candidate));
    await candidate.connect();
    await candidate.query(`listen ${DOSSIER_EVENTS_CHANNEL}`);
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
        () => everyone().forEach((s) => s.changed()),
        (error: unknown) => {
          log.warn({ err: error }, 'dossier feed cannot listen yet');
          reconnectLater();
        },
      );
    }, RECONNECT_MS);
    retry.unref();
  }

  return {
    async subscribe(dossierId: string, subscriber: FeedSubscriber): Promise<() => void> {
      if (closed) throw new Error('the dossier feed is closed');
      let set = subscribers.get(dossierId);
      if (!set) subscribers.set(dossierId, (set = new Set()));
      set.add(subscriber);
      const unsubscribe = () => {
        set.delete(subscriber);
        if (set.size === 0 && subscribers.get(dossierId) === set) subscribers.delete(dossierId);
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

function parseDossierId(payload: string | undefined): string | undefined {
  try {
    const { dossierId } = JSON.parse(payload ?? '') as { dossierId?: unknown };
    return typeof dossierId === 'string' ? dossierId : undefined;
  } catch {
    return undefined;
  }
}

export default fp<{ databaseUrl: string }>(
  async (app, { databaseUrl }) => {
    const feed = createDossierFeed(databaseUrl, app.log);
    app.decorate('dossierFeed', { subscribe: feed.subscribe });
    new Gauge({
      name: 'motcua_dossier_streams',
      help: 'Open live dossier streams (Server-Sent Events)',
      registers: [app.metrics],
      collect() {
        this.set(feed.size());
      },
    });
    app.addHook('preClose', async () => feed.endStreams());
    app.addHook('onClose', async () => feed.close());
  },
  { name: 'dossier-feed', dependencies: ['metrics'] },
);
