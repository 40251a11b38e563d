// The engine's commands, as the gateway offers them. Each runs in one
// transaction through the processor; rejections are EngineErrors.
import type { Batch, LoadedInstance, TimerRow } from './batch.js';
import { EngineError } from './engine-error.js';
import {
  completeElement,
  createProcessInstance,
  runActivation,
  terminate,
  throwError,
} from './flow.js';
import { raiseIncident } from './incidents.js';
import { activateJobs, type ActivatedJob, type ActivationRequest } from './job-activation.js';
import { publishMessage, expireMessages, type PublishedMessage } from './messages.js';
import type { Processor } from './processor.js';
import { inTransaction } from './transaction.js';
import { broadcastSignal } from './signals.js';
import { schedule } from './timer-schedule.js';
import { fireTimer } from './timers.js';
import { propagate, setLocal } from './variables.js';
import type { DeployedProcess, StoredDefinition } from './definitions.js';

interface JobRecord {
  key: string;
  type: string;
  state: string;
  retries: number;
  deadline: Date | null;
  worker: string;
  custom_headers: Record<string, string>;
  process_instance_key: string;
  element_instance_key: string;
  element_id: string;
  bpmn_process_id: string;
  definition_key: string;
  version: number;
  scope_path: string[];
}

export class Commands {
  constructor(private readonly processor: Processor) {}

  get clock() {
    return this.processor.clock;
  }

  deploy(
    resources: { name: string; content: string }[],
  ): Promise<{ key: string; processes: DeployedProcess[] }> {
    const deployed = this.processor.run(async (batch) => {
      const deploymentKey = await batch.key();
      const processes: DeployedProcess[] = [];
      for (const resource of resources) {
        const result = await batch.definitions.deploy(
          batch.trx,
          resource.name,
          resource.content,
          deploymentKey,
          () => batch.key(),
          batch.now,
        );
        processes.push(...result.processes);
        for (const definition of result.definitions) await openStartEvents(batch, definition);
      }
      batch.record({
        key: deploymentKey,
        value_type: 'DEPLOYMENT',
        intent: 'CREATED',
        process_instance_key: null,
        element_id: null,
        element_type: null,
        payload: { resources: resources.map((r) => r.name), processes },
      });
      return { key: deploymentKey, processes };
    });
    // Committed: the next command reads the latest versions again.
    return deployed.finally(() => this.processor.definitions.forgetLatest());
  }

  createProcessInstance(
    request: {
      bpmnProcessId: string;
      processDefinitionKey: string;
      version: number;
      variables: Record<string, unknown>;
    },
    expect?: (processInstanceKey: string) => void,
  ): Promise<{ definition: StoredDefinition; processInstanceKey: string }> {
    return this.processor.run(async (batch) => {
      const { definitions, trx } = batch;
      let definition: StoredDefinition;
      if (request.processDefinitionKey && request.processDefinitionKey !== '0') {
        definition = await definitions.byKey(request.processDefinitionKey, trx);
      } else if (!request.bpmnProcessId) {
        throw new EngineError(
          'INVALID_ARGUMENT',
          'Expected either a bpmnProcessId or a processDefinitionKey, but none given',
        );
      } else if (request.version > 0) {
        definition = await definitions.version(request.bpmnProcessId, request.version, trx);
      } else {
        definition = await batch.latest(request.bpmnProcessId);
      }
      const instance = await createProcessInstance(batch, definition, request.variables);
      expect?.(instance.key);
      return { definition, processInstanceKey: instance.key };
    });
  }

  /** Creates an instance and waits for its end; `expect` marks it as awaited before commit. */
  async createProcessInstanceWithResult(
    request: Parameters<Commands['createProcessInstance']>[0],
    expect: (processInstanceKey: string) => void,
    wait: (processInstanceKey: string) => Promise<Record<string, unknown>>,
  ): Promise<{
    definition: StoredDefinition;
    processInstanceKey: string;
    result: Record<string, unknown>;
  }> {
    const created = await this.createProcessInstance(request, expect);
    return { ...created, result: await wait(created.processInstanceKey) };
  }

  cancelProcessInstance(key: string): Promise<void> {
    return this.processor.run(async (batch) => {
      const instance = await batch.load(key);
      const root = instance?.elements.get(key);
      if (!instance || !root) {
        throw new EngineError(
          'NOT_FOUND',
          `Expected to cancel a process instance with key '${key}', but no such process was found`,
        );
      }
      if (root.parentElementInstanceKey) {
        throw new EngineError(
          'FAILED_PRECONDITION',
          `Expected to cancel a process instance with key '${key}', but it is created by a parent process instance. Cancel the root process instance '${root.parentElementInstanceKey}' instead.`,
        );
      }
      await terminate(batch, instance, root);
    });
  }

  /** Activates up to `max` jobs of a type (SKIP LOCKED: many workers never share one). */
  activateJobs(request: ActivationRequest): Promise<ActivatedJob[]> {
    return this.processor.run((batch) => activateJobs(batch, request));
  }

  /** Puts activated jobs back (a stream could not deliver them). */
  yieldJobs(keys: string[]): Promise<void> {
    return this.processor.run(async (batch) => {
      await batch
        .trx('engine.jobs')
        .whereIn('key', keys)
        .where('state', 'activated')
        .update({ state: 'activatable', deadline: null });
      batch.effects.jobTypes.add('*');
    });
  }

  completeJob(jobKey: string, variables: Record<string, unknown>): Promise<void> {
    return this.withJob(
      jobKey,
      'complete',
      async (batch, instance, job) => {
        if (job.state === 'failed' || job.state === 'error_thrown') {
          throw new EngineError(
            'FAILED_PRECONDITION',
            `Expected to complete job with key '${jobKey}', but it is in state '${job.state === 'failed' ? 'FAILED' : 'ERROR_THROWN'}'`,
          );
        }
        const element = instance.elements.get(job.element_instance_key)!;
        batch.deleteJob(jobKey, job.element_instance_key);
        batch.record(jobRecord(job, 'COMPLETED', variables));
        element.data.payload = variables;
        batch.touch(element);
        await completeElement(batch, instance, element);
      },
      // The only job command that may work from the instance cache: the
      // one on every job's path.
      { cached: true },
    );
  }

  failJob(request: {
    jobKey: string;
    retries: number;
    errorMessage: string;
    retryBackOffMs: number;
    variables: Record<string, unknown>;
  }): Promise<void> {
    return this.withJob(request.jobKey, 'fail', async (batch, instance, job) => {
      if (job.state !== 'activated') {
        throw new EngineError(
          'FAILED_PRECONDITION',
          `Expected to fail job with key '${request.jobKey}', but it is not activated`,
        );
      }
      setLocal(batch, instance, job.element_instance_key, request.variables);
      const retries = Math.max(request.retries, 0);
      const backoff =
        request.retryBackOffMs > 0 ? new Date(batch.now.getTime() + request.retryBackOffMs) : null;
      await batch
        .trx('engine.jobs')
        .where('key', request.jobKey)
        .update({
          retries,
          state: retries > 0 ? 'activatable' : 'failed',
          deadline: null,
          backoff_until: backoff,
          error_message: request.errorMessage,
        });
      batch.record(jobRecord(job, 'FAILED', { retries, errorMessage: request.errorMessage }));
      if (retries > 0) {
        batch.effects.jobTypes.add(job.type);
        if (backoff) batch.effects.timersChanged = true;
        return;
      }
      const element = instance.elements.get(job.element_instance_key)!;
      await raiseIncident(
        batch,
        instance,
        element,
        'JOB_NO_RETRIES',
        request.errorMessage || 'No more retries left.',
        null,
        job.key,
      );
    });
  }

  throwError(request: {
    jobKey: string;
    errorCode: string;
    errorMessage: string;
    variables: Record<string, unknown>;
  }): Promise<void> {
    return this.withJob(request.jobKey, 'throw an error for', async (batch, instance, job) => {
      const element = instance.elements.get(job.element_instance_key)!;
      batch.record(jobRecord(job, 'ERROR_THROWN', { errorCode: request.errorCode }));
      const caught = await throwError(
        batch,
        instance,
        element,
        request.errorCode,
        request.errorMessage,
        request.variables,
      );
      if (caught) {
        await batch.trx('engine.jobs').where('key', job.key).delete();
        return;
      }
      await batch
        .trx('engine.jobs')
        .where('key', job.key)
        .update({ state: 'error_thrown', error_message: request.errorMessage });
      await raiseIncident(
        batch,
        instance,
        element,
        'UNHANDLED_ERROR_EVENT',
        `Expected to throw an error event with the code '${request.errorCode}' with message '${request.errorMessage}', but it was not caught. No error events are available in the scope.`,
        null,
        job.key,
      );
    });
  }

  updateJobRetries(jobKey: string, retries: number): Promise<void> {
    if (retries < 1) {
      return Promise.reject(
        new EngineError(
          'INVALID_ARGUMENT',
          `Expected retries to be greater than zero, but was '${retries}'`,
        ),
      );
    }
    return this.withJob(jobKey, 'update retries of', async (batch, _instance, job) => {
      await batch.trx('engine.jobs').where('key', job.key).update({ retries });
    });
  }

  updateJobTimeout(jobKey: string, timeoutMs: number): Promise<void> {
    return this.withJob(jobKey, 'update the timeout of', async (batch, _instance, job) => {
      if (job.state !== 'activated') {
        throw new EngineError(
          'NOT_FOUND',
          `Expected to update the timeout of job with key '${jobKey}', but it is not active`,
        );
      }
      await batch
        .trx('engine.jobs')
        .where('key', job.key)
        .update({ deadline: new Date(batch.now.getTime() + timeoutMs) });
    });
  }

  publishMessage(message: PublishedMessage): Promise<string> {
    return this.processor.run((batch) => publishMessage(batch, message));
  }

  broadcastSignal(name: string, variables: Record<string, unknown>): Promise<string> {
    return this.processor.run(async (batch) => {
      const key = await batch.key();
      await broadcastSignal(batch, name, variables);
      return key;
    });
  }

  setVariables(
    elementInstanceKey: string,
    variables: Record<string, unknown>,
    local: boolean,
  ): Promise<string> {
    return this.processor.run(async (batch) => {
      const instance = await this.instanceOf(batch, elementInstanceKey);
      if (!instance?.elements.has(elementInstanceKey)) {
        throw new EngineError(
          'NOT_FOUND',
          `Expected to update variables for element with key '${elementInstanceKey}', but no such element was found`,
        );
      }
      if (local) setLocal(batch, instance, elementInstanceKey, variables);
      else propagate(batch, instance, elementInstanceKey, variables);
      return batch.key();
    });
  }

  resolveIncident(incidentKey: string): Promise<void> {
    return this.processor.run(async (batch) => {
      // Locked: a concurrent resolve of the same incident waits, then finds it resolved.
      const incident = await batch
        .trx('engine.incidents')
        .where({ key: incidentKey, state: 'active' })
        .forUpdate()
        .first();
      if (!incident) {
        throw new EngineError(
          'NOT_FOUND',
          `Expected to resolve incident with key '${incidentKey}', but no such incident was found`,
        );
      }
      const instance = await batch.load(String(incident.process_instance_key));
      const element = instance?.elements.get(String(incident.element_instance_key));
      await batch
        .trx('engine.incidents')
        .where('key', incidentKey)
        .update({ state: 'resolved', resolved_at: batch.now });
      batch.record({
        key: incidentKey,
        value_type: 'INCIDENT',
        intent: 'RESOLVED',
        process_instance_key: String(incident.process_instance_key),
        element_id: String(incident.element_id),
        element_type: null,
        payload: null,
      });
      if (!instance || !element) return;
      if (incident.job_key) {
        const job = await batch.trx('engine.jobs').where('key', incident.job_key).first();
        if (!job) return;
        if (job.retries > 0) {
          await batch
            .trx('engine.jobs')
            .where('key', job.key)
            .update({ state: 'activatable', deadline: null, backoff_until: null });
          batch.effects.jobTypes.add(job.type);
        } else {
          // As Zeebe: resolving without new retries fails the job again at once.
          await raiseIncident(
            batch,
            instance,
            element,
            incident.error_type,
            incident.error_message,
            null,
            job.key,
          );
        }
        return;
      }
      const phase = element.data.incidentPhase;
      delete element.data.incidentPhase;
      batch.touch(element);
      if (phase === 'complete') await completeElement(batch, instance, element);
      else await runActivation(batch, instance, element);
    });
  }

  /**
   * Fires up to `limit` timers due by the engine clock (SKIP LOCKED: those
   * another engine process fires are left to it), and drops expired buffered
   * messages when asked to; returns how many timers fired.
   */
  async fireDueTimers(expire: boolean, limit = 100): Promise<number> {
    return this.processor.run(async (batch) => {
      const timers = await batch.sql.query<TimerRow>(
        `select key::text, due_at, element_id, definition_key::text, element_instance_key::text,
                process_instance_key::text, repetitions, interval_ms::text, cron
           from engine.timers where due_at <= $1
          order by due_at limit $2 for update skip locked`,
        [batch.now, limit],
      );
      for (const timer of timers) await fireTimer(batch, timer);
      if (expire) await expireMessages(batch);
      return timers.length;
    });
  }

  /**
   * When the next timer and the next buffered message's expiry are due, and
   * the next job back-off or deadline after `after` (those passed before were
   * announced to workers then).
   */
  async nextDue(
    after: Date,
  ): Promise<{ timer: Date | null; message: Date | null; job: Date | null }> {
    // A named prepared statement (read runs no BEGIN): planned once per connection, not per poll.
    const [due] = await inTransaction(this.processor.db, (tx) =>
      tx.read<{ timer: Date | null; message: Date | null; job: Date | null }>(NEXT_DUE, [after]),
    );
    return due ?? { timer: null, message: null, job: null };
  }

  private async instanceOf(
    batch: Batch,
    elementInstanceKey: string,
  ): Promise<LoadedInstance | null> {
    const row = await batch
      .trx('engine.element_instances')
      .where('key', elementInstanceKey)
      .first('process_instance_key');
    return row ? batch.load(String(row.process_instance_key)) : null;
  }

  /**
   * Locks the job's process instance, then the job, and checks both still
   * exist; `cached`: from the instance cache when they are in it (the guard
   * then locks and checks them).
   */
  private withJob(
    jobKey: string,
    action: string,
    work: (batch: Batch, instance: LoadedInstance, job: JobRecord) => Promise<void>,
    options: { cached: boolean } = { cached: false },
  ): Promise<void> {
    return this.processor.run(async (batch) => {
      const notFound = () =>
        new EngineError(
          'NOT_FOUND',
          `Expected to ${action} job with key '${jobKey}', but no such job was found`,
        );
      if (!/^\d+$/.test(jobKey)) throw notFound();
      const loaded =
        (options.cached && batch.takeCachedJob(jobKey)) ||
        (await batch.loadWithJob<JobRecord>(jobKey));
      if (!loaded?.job || !loaded.instance.elements.has(loaded.job.element_instance_key)) {
        throw notFound();
      }
      await work(batch, loaded.instance, loaded.job);
    });
  }
}

function jobRecord(job: JobRecord, intent: string, payload: unknown) {
  return {
    key: job.key,
    value_type: 'JOB',
    intent,
    process_instance_key: job.process_instance_key,
    element_id: job.element_id,
    element_type: null,
    payload,
  };
}

/** Timer and signal start events of a new version replace the previous version's. */
async function openStartEvents(batch: Batch, definition: StoredDefinition): Promise<void> {
  const { trx } = batch;
  const older = trx('engine.process_definitions')
    .select('key')
    .where('bpmn_process_id', definition.bpmnProcessId)
    .whereNot('key', definition.key);
  await trx('engine.timers')
    .whereNull('element_instance_key')
    .whereIn('definition_key', older)
    .delete();
  await trx('engine.signal_subscriptions')
    .whereNull('element_instance_key')
    .whereIn('definition_key', older.clone())
    .delete();
  const process = definition.process;
  for (const id of process.scope.eventStartIds) {
    const node = process.elements.get(id);
    if (node?.kind !== 'startEvent') continue;
    if (node.event.kind === 'timer') {
      const plan = schedule(
        node.event.timer.kind,
        String(node.event.timer.value.evaluate({}, { now: batch.now })),
        batch.now,
      );
      batch.addTimer({
        key: await batch.key(),
        due_at: plan.dueAt,
        element_id: id,
        definition_key: definition.key,
        element_instance_key: null,
        process_instance_key: null,
        repetitions: plan.repetitions,
        interval_ms: plan.intervalMs,
        cron: plan.cron,
      });
    } else if (node.event.kind === 'signal') {
      batch.addSignalSubscription({
        key: await batch.key(),
        signal_name: String(node.event.name.evaluate({})),
        element_id: id,
        definition_key: definition.key,
        element_instance_key: null,
        process_instance_key: null,
      });
    }
  }
}

const NEXT_DUE = `
select (select min(due_at) from engine.timers) as timer,
       (select min(expires_at) from engine.messages) as message,
       least(
         (select min(backoff_until) from engine.jobs
           where state = 'activatable' and backoff_until > $1::timestamptz),
         (select min(deadline) from engine.jobs
           where state = 'activated' and deadline > $1::timestamptz)) as job`;
