// `npm start` as a process: configuration errors, a busy port, Ctrl-C.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { temporaryDataDir } from '../support/test-database.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../server/plugins/external/embedded-postgres.js';
import { run } from '../support/run.js';
import { postgresProcesses } from '../support/processes.js';

const start = (env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    LOG_LEVEL: 'warn',
    ENGINE_PORT: '0',
    ...env,
  });

/** Holds a port on 127.0.0.1 until `close`. */
async function occupy(port: number): Promise<Server> {
  const blocker = createServer();
  await new Promise<void>((done) => blocker.listen(port, '127.0.0.1', done));
  return blocker;
}

describe('npm start', () => {
  it('DATABASE_URL=nonsense prints one line naming the variable and exits 1', async () => {
    const result = await start({ DATABASE_URL: 'nonsense' });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DATABASE_URL');
  });

  it('a port already in use gives a clear one-line message, not a stack trace', async () => {
    const port = await freePort();
    const blocker = await occupy(port);
    try {
      const result = await start({ DATABASE_URL: inject('databaseUrl'), PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('an engine port already in use names ENGINE_PORT', async () => {
    const port = await freePort();
    const blocker = await occupy(port);
    try {
      const result = await start({
        DATABASE_URL: inject('databaseUrl'),
        ENGINE_PORT: String(port),
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`ENGINE_PORT ${port} is already in use`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  describe('on the embedded database', () => {
    let dataDir = '';
    afterAll(() => rm(dataDir, { recursive: true, force: true }));

    it('becomes ready, and SIGINT stops the app and PostgreSQL', async () => {
      dataDir = await temporaryDataDir('motcua-start');
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: '',
          DATA_DIR: dataDir,
          PORT: String(port),
          LOG_LEVEL: 'warn',
        },
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((done) => child.on('exit', done));
      let ready = 0;
      for (let i = 0; i < 120 && ready !== 200; i++) {
        await new Promise((done) => setTimeout(done, 250));
        ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
          (r) => r.status,
          () => 0,
        );
      }
      expect(ready).toBe(200);
      expect(postgresProcesses(join(dataDir, 'postgres'))).toHaveLength(1);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(postgresProcesses(join(dataDir, 'postgres'))).toEqual([]);
    });
  });
});
