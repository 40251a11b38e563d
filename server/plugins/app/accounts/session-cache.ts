// Sessions resolved recently, so that most requests need not ask the
// database who their caller is. Triggers notify `motcua_sessions` with the
// account id whenever one of its sessions ends or the account changes, from
// whichever server process did it (migration 20261125010000); the cache
// listens on a connection of its own and forgets that account's sessions.
// It serves nothing while it is not listening (before the connection is up,
// after it is lost), so a revoked session is never honoured from memory, and
// an entry lives a minute at most.
import pg from 'pg';
import type { AccountRow } from './account.service.js';

export const SESSIONS_CHANNEL = 'motcua_sessions';
const TTL_MS = 60_000;
const MAX_ENTRIES = 50_000;
const RECONNECT_MS = 1_000;

interface Entry {
  account: AccountRow;
  until: number;
}

export interface SessionCache {
  /** Taken before reading a session from the database; `remember` needs it back. */
  mark(): number;
  lookup(tokenHash: string, now: Date): AccountRow | undefined;
  /** Keeps a session read since `mark`, unless a change was heard in between. */
  remember(tokenHash: string, account: AccountRow, expiresAt: Date, mark: number, now: Date): void;
  forgetAccount(accountId: string): void;
  forgetToken(tokenHash: string): void;
  close(): Promise<void>;
}

export function createSessionCache(options: {
  databaseUrl: string;
  onError(error: unknown): void;
}): SessionCache {
  const entries = new Map<string, Entry>();
  const tokensOf = new Map<string, Set<string>>();
  // Bumped by every change heard: a read that began before it may be stale.
  let generation = 0;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;

  function forgetToken(tokenHash: string): void {
    generation++;
    const entry = entries.get(tokenHash);
    if (!entry) return;
    entries.delete(tokenHash);
    const tokens = tokensOf.get(entry.account.id);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) tokensOf.delete(entry.account.id);
  }

  function forgetAccount(accountId: string): void {
    generation++;
    for (const tokenHash of tokensOf.get(accountId) ?? []) entries.delete(tokenHash);
    tokensOf.delete(accountId);
  }

  function forgetAll(): void {
    generation++;
    entries.clear();
    tokensOf.clear();
  }

  async function listen(): Promise<void> {
    const candidate = new pg.Client({ connectionString: options.databaseUrl });
    candidate.on('notification', (message) => forgetAccount(message.payload ?? ''));
    candidate.on('error', (error) => {
      options.onError(error);
      lost(candidate);
    });
    candidate.on('end', () => lost(candidate));
    try {
      await candidate.connect();
      await candidate.query(`listen ${SESSIONS_CHANNEL}`);
    } catch (error) {
      options.onError(error);
      candidate.end().catch(() => undefined);
      listenLater();
      return;
    }
    if (closed) await candidate.end();
    else client = candidate;
  }

  function lost(candidate: pg.Client): void {
    if (client !== candidate) return;
    client = null;
    // Changes made while nobody listened were not heard: start empty.
    forgetAll();
    candidate.end().catch(() => undefined);
    listenLater();
  }

  function listenLater(): void {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void listen();
    }, RECONNECT_MS);
    retry.unref();
  }

  void listen();

  return {
    mark: () => generation,

    lookup(tokenHash, now) {
      if (!client) return undefined;
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (entry.until > now.getTime()) return entry.account;
      forgetToken(tokenHash);
      return undefined;
    },

    remember(tokenHash, account, expiresAt, mark, now) {
      if (!client || mark !== generation) return;
      if (entries.size >= MAX_ENTRIES) forgetAll();
      entries.set(tokenHash, {
        account,
        until: Math.min(now.getTime() + TTL_MS, expiresAt.getTime()),
      });
      let tokens = tokensOf.get(account.id);
      if (!tokens) tokensOf.set(account.id, (tokens = new Set()));
      tokens.add(tokenHash);
    },

    forgetAccount,
    forgetToken,

    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const open = client;
      client = null;
      forgetAll();
      await open?.end();
    },
  };
}
