// Durability: an engine stopped mid-process (timers pending, jobs activated,
// messages buffered) resumes everything when a new one starts on the same
// database; an engine process killed (SIGKILL) under load loses no
// acknowledged command, and after a restart every instance finishes.
import type { ChildProcess } from 'node:child_process';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../server/plugins/external/embedded-postgres.js';
import { createDb } from '../../server/plugins/external/database.js';
import { engineProcess } from '../support/engine-child.js';
import {
  activate,
  completeNext,
  deploy,
  frozenClock,
  noJob,
  ownDatabase,
  sdkClient,
  sleep,
  start,
  uniqueId,
  useEngine,
  waitFor,
  waitForEnd,
  type SdkClient,
} from './support.js';

const ctx = useEngine({ clock: frozenClock });

describe('stopping and starting the engine', () => {
  it('resumes pending timers, activated jobs and buffered messages', async () => {
    const timer = await deploy(ctx.zeebe, 'timer-catch');
    const task = await deploy(ctx.zeebe, 'one-service-task');
    const catcher = await deploy(ctx.zeebe, 'message-catch');
    const boundary = await deploy(ctx.zeebe, 'boundary-timer-interrupting');

    const waiting = await start(ctx.zeebe, timer);
    const working = await start(ctx.zeebe, task, { step: 1 });
    const [activated] = await activate(ctx.zeebe, task.type('svc-a'));
    const requestId = uniqueId('req');
    await ctx.zeebe.publishMessage({
      name: 'approval',
      correlationKey: requestId,
      variables: { approved: true },
      timeToLive: 3_600_000,
    });
    const racing = await start(ctx.zeebe, boundary);
    const [slow] = await activate(ctx.zeebe, boundary.type('svc-slow'));

    // While no engine runs, time passes: the timers are overdue at start.
    await ctx.restart(() => ctx.clock.advance(1_000));
    await ctx.engine.settle();

    // The job activated before the stop is still this worker's, and completes.
    expect(await noJob(ctx.zeebe, task.type('svc-a'), 50)).toBe(true);
    await ctx.zeebe.completeJob({ jobKey: activated!.key, variables: { step: 2 } });
    expect(await waitForEnd(ctx.db, working)).toBe('ELEMENT_COMPLETED');

    // The overdue timer fired on start.
    await completeNext(ctx.zeebe, timer.type('svc-a'));
    expect(await waitForEnd(ctx.db, waiting)).toBe('ELEMENT_COMPLETED');

    // The boundary timer interrupted the task whose job was activated.
    await completeNext(ctx.zeebe, boundary.type('svc-timeout'));
    expect(await waitForEnd(ctx.db, racing)).toBe('ELEMENT_COMPLETED');
    const late = await ctx.zeebe.completeJob({ jobKey: slow!.key, variables: {} }).catch((e) => e);
    expect((late as { code?: number }).code).toBe(5);

    // The buffered message waits for its subscription.
    const caught = await start(ctx.zeebe, catcher, { requestId });
    expect((await completeNext(ctx.zeebe, catcher.type('svc-a'))).variables.approved).toBe(true);
    expect(await waitForEnd(ctx.db, caught)).toBe('ELEMENT_COMPLETED');
  });

  it('keeps pending timers pending until they are due', async () => {
    const timer = await deploy(ctx.zeebe, 'timer-catch');
    const key = await start(ctx.zeebe, timer);
    await ctx.restart();
    await ctx.engine.settle();
    expect(await noJob(ctx.zeebe, timer.type('svc-a'), 50)).toBe(true);
    ctx.clock.advance(1_000);
    await ctx.engine.settle();
    await completeNext(ctx.zeebe, timer.type('svc-a'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });
});

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Completes jobs of a type until stopped; each completion the engine acknowledged is kept. */
async function workLoop(
  zeebe: SdkClient,
  type: string,
  running: () => boolean,
  acknowledged: Set<string>,
): Promise<void> {
  while (running()) {
    const jobs = await zeebe
      .activateJobs({
        type,
        worker: 'loop',
        maxJobsToActivate: 32,
        timeout: 1_000,
        requestTimeout: 100,
      })
      .catch(() => sleep(50).then(() => []));
    await Promise.all(
      jobs.map((job) =>
        zeebe.completeJob({ jobKey: job.key, variables: {} }).then(
          () => acknowledged.add(job.processInstanceKey),
          () => undefined,
        ),
      ),
    );
  }
}

async function liveInstances(db: Knex): Promise<number> {
  const [row] = await db('engine.element_instances').count<{ count: string }[]>('* as count');
  return Number(row!.count);
}

describe('killing the engine process', () => {
  it('loses no acknowledged command under load; every instance finishes after restart', async () => {
    const database = await ownDatabase();
    const db = createDb(database.url, { max: 2 });
    const port = await freePort();
    let child = await engineProcess(database.url, port);
    let zeebe = sdkClient(`127.0.0.1:${port}`);
    try {
      const process = await deploy(zeebe, 'one-service-task');
      const type = process.type('svc-a');
      const created = new Set<string>();
      const completed = new Set<string>();
      let loading = true;
      const creators = Array.from({ length: 6 }, async () => {
        while (loading) {
          await start(zeebe, process).then(
            (key) => created.add(key),
            () => sleep(20),
          );
        }
      });
      const worker = workLoop(zeebe, type, () => loading, completed);
      await waitFor('load to build up', () => created.size >= 40 && completed.size >= 15, 30_000);

      await kill(child, 'SIGKILL');
      await sleep(100);
      loading = false;
      await Promise.all([...creators, worker]);
      await zeebe.close(1000);
      const acknowledgedCreations = [...created];
      const acknowledgedCompletions = [...completed];

      // Every acknowledged completion is in the database already.
      const finished = await db('engine.records')
        .whereIn('key', acknowledgedCompletions)
        .where({ value_type: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED' })
        .count<{ count: string }[]>('* as count');
      expect(Number(finished[0]!.count)).toBe(acknowledgedCompletions.length);

      child = await engineProcess(database.url, port);
      zeebe = sdkClient(`127.0.0.1:${port}`);
      let draining = true;
      const drain = workLoop(zeebe, type, () => draining, completed);
      try {
        await waitFor(
          'every instance to finish',
          async () => (await liveInstances(db)) === 0,
          30_000,
        );
      } finally {
        draining = false;
        await drain;
      }
      const ends = await db('engine.records')
        .whereIn('key', acknowledgedCreations)
        .where({ value_type: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED' })
        .count<{ count: string }[]>('* as count');
      expect(Number(ends[0]!.count)).toBe(acknowledgedCreations.length);
    } finally {
      await zeebe.close(1000);
      if (child.exitCode === null && child.signalCode === null) await kill(child, 'SIGTERM');
      await db.destroy();
      await database.drop();
    }
  });
});
