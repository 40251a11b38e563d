// The whole system as a person meets it: `npm start` on the embedded defaults
// (embedded PostgreSQL in a new data directory, embedded engine, seeded demo
// data), stopped with Ctrl-C at the end. The API benchmark starts it on a
// PostgreSQL server of its own instead (`databaseUrl`).
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { freePort } from '../../../server/plugins/external/embedded-postgres.js';
import { temporaryDataDir } from '../../support/test-database.js';

export interface RunningSystem {
  baseUrl: string;
  /** npm's pid, which is also the id of the process group of npm, the app and its PostgreSQL. */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

const READY_WITHIN_MS = 240_000;

export interface SystemOptions {
  /** A PostgreSQL database to run on instead of the embedded one. */
  databaseUrl?: string;
  logLevel?: string;
}

export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  const dataDir = await temporaryDataDir('motcua-e2e');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    ENGINE_PORT: String(await freePort()),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: options.logLevel ?? 'warn',
  };
  delete env.DATABASE_URL;
  delete env.ZEEBE_ADDRESS;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child = spawn('npm', ['start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(baseUrl, child, () => output);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return {
    baseUrl,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      await stopGroup(child);
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`npm start exited ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`npm start was not ready within ${READY_WITHIN_MS / 1000} s:\n${output()}`);
}

/** Ctrl-C to the whole process group (npm, the app, embedded PostgreSQL), then wait for it. */
async function stopGroup(child: ChildProcess) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGINT');
  const timeout = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 30_000);
  await exited;
  // npm may exit before the app has stopped the embedded PostgreSQL: wait
  // for the whole group to be gone before the data directory is removed.
  while (groupAlive(child.pid)) await new Promise((resolve) => setTimeout(resolve, 100));
  clearTimeout(timeout);
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
