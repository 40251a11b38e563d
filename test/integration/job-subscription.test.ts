// The job workers' subscription (server/workers/job-subscription.ts) on an
// engine of its own, through the app's Zeebe client: a job is pushed to the
// worker by the command that creates it, with no activation statement of its
// own; after the engine restarts, the stream is reopened and new jobs are
// pushed again; a handler that throws is logged, never left to crash Node.
import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import { createDb } from '../../server/plugins/external/database.js';
import { createZeebeClient, type ZeebeClient } from '../../server/plugins/external/zeebe-client.js';
import { subscribeJobs, type StreamedJob } from '../../server/workers/job-subscription.js';
import { SqlCounter } from '../bench/sql-counter.js';
import {
  deploy,
  ownDatabase,
  start,
  waitFor,
  waitForEnd,
  type Database,
  type Deployed,
} from '../engine/support.js';

// No safety-net poll during a test, unless it asks for one.
const NEVER = 3_600_000;
const quietEngine = () => undefined;

let database: Database;
let db: Knex;
let engine: RunningEngine;
let zeebe: ZeebeClient;

beforeAll(async () => {
  database = await ownDatabase();
  db = createDb(database.url, { max: 4 });
  engine = await startEngine({ db, port: 0, log: quietEngine });
  zeebe = createZeebeClient(engine.address);
});
afterAll(async () => {
  await zeebe?.close();
  await engine?.stop();
  await db?.destroy();
  await database?.drop();
});

function logger() {
  return { error: vi.fn(), warn: vi.fn() } as unknown as FastifyBaseLogger & {
    error: ReturnType<typeof vi.fn>;
    warn: ReturnType<typeof vi.fn>;
  };
}

function completing(seen: StreamedJob[]) {
  return async (job: StreamedJob) => {
    seen.push(job);
    return { kind: 'complete' as const, variables: {} };
  };
}

/** Runs an instance of the process to its end; resolves once its job was done. */
async function runOnce(process: Deployed): Promise<string> {
  const key = await start(zeebe, process);
  expect(await waitForEnd(db, key, 20_000)).toBe('ELEMENT_COMPLETED');
  return key;
}

describe('job subscription', () => {
  it('is handed a job by the command that creates it, with no activation of its own', async () => {
    const process = await deploy(zeebe, 'one-service-task');
    const seen: StreamedJob[] = [];
    const stop = subscribeJobs(zeebe, logger(), {
      type: process.type('svc-a'),
      timeoutMs: 60_000,
      maxInFlight: 4,
      safetyNetMs: NEVER,
      handle: completing(seen),
    });
    const counter = new SqlCounter(new URL(database.url).pathname.slice(1), true);
    try {
      // The first instance may find the stream still opening (the open polls once).
      await runOnce(process);
      counter.reset();
      const key = await runOnce(process);
      const activations = [...counter.bySql.entries()]
        .filter(([sql]) => sql.startsWith('with activated as'))
        .reduce((sum, [, e]) => sum + e.count, 0);
      expect(activations).toBe(0);
      expect(seen.map((job) => job.processInstanceKey)).toContain(key);
    } finally {
      counter.dispose();
      await stop();
    }
  });

  it('reopens its stream after the engine restarts, and new jobs are pushed again', async () => {
    const process = await deploy(zeebe, 'one-service-task');
    const type = process.type('svc-a');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const stop = subscribeJobs(zeebe, logger(), {
      type,
      timeoutMs: 60_000,
      // Room for every held job: a full worker skips its safety-net poll.
      maxInFlight: 10_000,
      safetyNetMs: 100,
      // Jobs are held until the end, so that the test reads them as the engine stored them.
      handle: async () => {
        await held;
        return { kind: 'complete', variables: {} };
      },
    });
    // The engine cancels the open streams as it stops; the SDK prints that with console.error.
    const print = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await engine.stop();
      engine = await startEngine({ db, port: engine.port, log: quietEngine });
      await waitFor(
        'a job stored activated for the stream by the command that created it',
        async () => {
          // The client's first calls may find the engine's port still closed.
          const key = await start(zeebe, process).catch(() => null);
          if (!key) return false;
          const job = await db('engine.jobs').where('process_instance_key', key).first();
          return job?.state === 'activated' && job.worker === 'motcua';
        },
        20_000,
      );
    } finally {
      print.mockRestore();
      release();
      await stop();
    }
  });

  it('logs a handler that throws, and the job comes back after its timeout', async () => {
    const process = await deploy(zeebe, 'one-service-task');
    const log = logger();
    let calls = 0;
    const stop = subscribeJobs(zeebe, log, {
      type: process.type('svc-a'),
      timeoutMs: 500,
      maxInFlight: 4,
      safetyNetMs: 100,
      handle: async () => {
        if (++calls === 1) throw new Error('a bug in a handler');
        return { kind: 'complete', variables: {} };
      },
    });
    try {
      await runOnce(process);
      expect(calls).toBe(2);
      expect(log.error).toHaveBeenCalledWith(
        expect.objectContaining({
          err: expect.objectContaining({ message: 'a bug in a handler' }),
        }),
        'job handler failed',
      );
    } finally {
      await stop();
    }
  });
});
