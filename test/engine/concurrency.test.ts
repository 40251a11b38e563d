// Concurrency: several workers (polling and streaming, both clients) on one
// job type never get a job twice within its timeout and lose no completion;
// short long polls lose no job; an instance's concurrent commands never
// interleave; a job completed or an incident resolved twice at once counts
// once; a message published while its subscription opens is not lost; a
// fresh engine serves more concurrent commands than it has connections.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ZBClient } from 'zeebe-node';
import { startEngine } from '../../engine/index.js';
import { createDb } from '../../server/plugins/external/database.js';
import {
  activate,
  closeStream,
  deploy,
  ended,
  noJob,
  sdkClient,
  start,
  uniqueId,
  useEngine,
  waitFor,
  waitForIncident,
  zeebeNodeClient,
  type Job,
} from './support.js';

const ctx = useEngine();
let zbc: ZBClient;
beforeAll(() => {
  zbc = zeebeNodeClient(ctx.engine.address);
});
afterAll(() => zbc.close());

const INSTANCES = 100;

async function startMany(count: number, create: (i: number) => Promise<string>): Promise<string[]> {
  const keys: string[] = [];
  // A few at a time, as callers would.
  for (let i = 0; i < count; i += 25) {
    const batch = Array.from({ length: Math.min(25, count - i) }, (_, j) => create(i + j));
    keys.push(...(await Promise.all(batch)));
  }
  return keys;
}

async function allCompleted(keys: string[]): Promise<void> {
  await waitFor(
    `${keys.length} instances to complete`,
    async () => {
      const rows = await ctx
        .db('engine.records')
        .whereIn('key', keys)
        // A root's records are its instance's: the view finds them by index.
        .whereIn('process_instance_key', keys)
        .where({ value_type: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED' })
        .count<{ count: string }[]>('* as count');
      return Number(rows[0]!.count) === keys.length;
    },
    30_000,
  );
}

describe('many workers on one job type', () => {
  it('hand each job to one worker once, and every completion counts', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const type = process.type('svc-a');
    const activations = new Map<string, string[]>();
    const handle = (worker: string, job: { key: string }) => {
      const seen = activations.get(job.key) ?? [];
      seen.push(worker);
      activations.set(job.key, seen);
      return { doneBy: worker };
    };
    const sdkWorkers = [1, 2, 3].map((i) =>
      ctx.zeebe.createWorker({
        taskType: type,
        id: `sdk-${i}`,
        pollInterval: 10,
        maxJobsToActivate: 8,
        timeout: 60_000,
        taskHandler: (job) => job.complete(handle(`sdk-${i}`, job)),
      }),
    );
    const stream = await ctx.zeebe.streamJobs({
      type,
      worker: 'stream',
      timeout: 60_000,
      tenantIds: ['<default>'],
      taskHandler: (job) => job.complete(handle('stream', job)),
    });
    const nodeWorker = zbc.createWorker({
      taskType: type,
      id: 'zeebe-node',
      pollInterval: 10,
      maxJobsToActivate: 8,
      timeout: 60_000,
      loglevel: 'NONE',
      taskHandler: (job) => job.complete(handle('zeebe-node', job)),
    });
    try {
      const keys = await startMany(INSTANCES, (n) => start(ctx.zeebe, process, { n }));
      await allCompleted(keys);
      const twice = [...activations].filter(([, workers]) => workers.length > 1);
      expect(twice).toEqual([]);
      expect(activations.size).toBe(INSTANCES);
      const workersUsed = new Set([...activations.values()].flat());
      expect(workersUsed.size).toBeGreaterThan(1);
      expect(await ctx.db('engine.jobs').where({ type })).toEqual([]);
    } finally {
      await closeStream(stream);
      await Promise.all([...sdkWorkers.map((w) => w.close()), nodeWorker.close()]);
    }
  });
});

describe('long polls', () => {
  it('that end while jobs are being activated for them lose no job', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const type = process.type('svc-a');
    const received = new Set<string>();
    let polling = true;
    // Very short long polls: many end just as new jobs are activated for them.
    const pollers = Array.from({ length: 4 }, async () => {
      while (polling) {
        const jobs = await ctx.zeebe.activateJobs({
          type,
          worker: 'short-poll',
          maxJobsToActivate: 5,
          timeout: 60_000,
          requestTimeout: 15,
        });
        for (const job of jobs) received.add(job.key);
      }
    });
    try {
      await startMany(100, () => start(ctx.zeebe, process));
      // A job lost to its poll would come back only after its 60 s timeout.
      await waitFor('every job to reach a worker', () => received.size === 100);
    } finally {
      polling = false;
      await Promise.all(pollers);
    }
  });
});

describe("one instance's commands", () => {
  it('never interleave: concurrent completions on parallel branches join exactly once', async () => {
    const process = await deploy(ctx.zeebe, 'parallel-gateway');
    const count = 40;
    const keys = await startMany(count, () => start(ctx.zeebe, process));
    const [as, bs] = await Promise.all([
      activate(ctx.zeebe, process.type('svc-a'), count),
      activate(ctx.zeebe, process.type('svc-b'), count),
    ]);
    const byInstance = (jobs: Job[]) => new Map(jobs.map((j) => [j.processInstanceKey, j]));
    const a = byInstance(as);
    const b = byInstance(bs);
    // Both branches of each instance complete at the same moment.
    await Promise.all(
      keys.flatMap((key) =>
        [a.get(key)!, b.get(key)!].map((job) =>
          ctx.zeebe.completeJob({ jobKey: job.key, variables: {} }),
        ),
      ),
    );
    const cs = await activate(ctx.zeebe, process.type('svc-c'), count);
    expect(new Set(cs.map((j) => j.processInstanceKey)).size).toBe(count);
    await Promise.all(cs.map((job) => ctx.zeebe.completeJob({ jobKey: job.key, variables: {} })));
    await allCompleted(keys);
    const joins = await ctx
      .db('engine.records')
      .whereIn('process_instance_key', keys)
      .where({ element_id: 'Gateway_Join', intent: 'ELEMENT_COMPLETED' })
      .count<{ count: string }[]>('* as count');
    expect(Number(joins[0]!.count)).toBe(count);
  });

  it('a job completed twice at the same moment completes once', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const key = await start(ctx.zeebe, process);
    const [job] = await activate(ctx.zeebe, process.type('svc-a'));
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        ctx.zeebe.completeJob({ jobKey: job!.key, variables: { attempt: i } }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as { code: number }).code).toBe(5);
    }
    expect(await ended(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });
});

describe('incidents', () => {
  it('resolved several times at once are resolved once', async () => {
    const process = await deploy(ctx.zeebe, 'multi-instance-parallel');
    const key = await start(ctx.zeebe, process, { items: 'not a list' });
    const incident = await waitForIncident(ctx.db, key);
    await ctx.zeebe.setVariables({
      elementInstanceKey: key,
      variables: { items: ['a', 'b'] },
      local: false,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, () => ctx.zeebe.resolveIncident({ incidentKey: incident.key })),
    );
    const codes = results.map((r) =>
      r.status === 'fulfilled' ? 'ok' : (r.reason as { code: number }).code,
    );
    expect(codes.sort()).toEqual([5, 5, 'ok']);
    // The collection was read once: one job per item, not one per resolve.
    const jobs = await activate(ctx.zeebe, process.type('svc-item'), 2);
    expect(jobs.map((j) => j.variables.item).sort()).toEqual(['a', 'b']);
    expect(await noJob(ctx.zeebe, process.type('svc-item'), 100)).toBe(true);
  });
});

describe('messages', () => {
  it('a message published while its subscription opens is correlated, not lost', async () => {
    const process = await deploy(ctx.zeebe, 'message-catch');
    const count = 40;
    const keys = await startMany(count, async () => {
      const requestId = uniqueId('race');
      const [key] = await Promise.all([
        start(ctx.zeebe, process, { requestId }),
        ctx.zeebe.publishMessage({
          name: 'approval',
          correlationKey: requestId,
          variables: { requestId },
          timeToLive: 60_000,
        }),
      ]);
      return key;
    });
    const jobs = await activate(ctx.zeebe, process.type('svc-a'), count);
    expect(new Set(jobs.map((j) => j.processInstanceKey))).toEqual(new Set(keys));
    await Promise.all(jobs.map((job) => ctx.zeebe.completeJob({ jobKey: job.key, variables: {} })));
    await allCompleted(keys);
  });
});

describe('a fresh engine with a small connection pool', () => {
  it('serves more concurrent commands than it has connections', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const db = createDb(inject('databaseUrl'), { max: 2 });
    // A new engine has no keys yet: every first command needs a block of them.
    const engine = await startEngine({ db, port: 0 });
    const zeebe = sdkClient(engine.address);
    try {
      const keys = await Promise.all(Array.from({ length: 10 }, () => start(zeebe, process)));
      expect(new Set(keys).size).toBe(10);
    } finally {
      await zeebe.close(1000);
      await engine.stop();
      await db.destroy();
    }
  });
});
