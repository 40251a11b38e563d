// The engine in a process of its own (test/engine/engine-process.ts, as
// `npm run engine` runs it), for restart, kill and ZEEBE_ADDRESS tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENGINE_PROCESS = fileURLToPath(new URL('../engine/engine-process.ts', import.meta.url));

/** Starts the engine process on a database and resolves once it listens. */
export async function engineProcess(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENGINE_PROCESS], {
    env: { ...process.env, DATABASE_URL: databaseUrl, ENGINE_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`engine process exited with ${code}`)));
  });
  return child;
}
