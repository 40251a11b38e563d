// Message correlation: by name and correlation key to open subscriptions (at
// most once per process instance), to message start events (one active
// instance per correlation key), and buffered for its TTL for later ones.
import type { Batch, LoadedInstance } from './batch.js';
import type { StoredDefinition } from './definitions.js';
import { EngineError } from './engine-error.js';
import { trigger } from './events.js';
import { createProcessInstance } from './flow.js';
import type { Statement } from './transaction.js';

export interface PublishedMessage {
  name: string;
  correlationKey: string;
  timeToLiveMs: number;
  messageId: string;
  variables: Record<string, unknown>;
}

export async function publishMessage(batch: Batch, message: PublishedMessage): Promise<string> {
  const { trx, now } = batch;
  const [, found] = await batch.sql.inOneTrip([
    correlationLock(message.name, message.correlationKey),
    {
      text: `select process_instance_key::text, element_instance_key::text, element_id
               from engine.message_subscriptions
              where message_name = $1 and correlation_key = $2 order by key`,
      values: [message.name, message.correlationKey],
    },
  ]);
  const subscriptions = found as {
    process_instance_key: string;
    element_instance_key: string;
    element_id: string;
  }[];
  // As Zeebe: a message id is unique per name and correlation key (the lock
  // above serialises publishes of the same name and key).
  const sameId = {
    name: message.name,
    correlation_key: message.correlationKey,
    message_id: message.messageId,
  };
  if (message.messageId) {
    const duplicate = await trx('engine.messages')
      .where(sameId)
      .where('expires_at', '>', now)
      .first('key');
    if (duplicate) {
      throw new EngineError(
        'ALREADY_EXISTS',
        `Expected to publish a new message with id '${message.messageId}', but a message with that id was already published`,
      );
    }
    // An expired message with the same id no longer counts.
    await trx('engine.messages').where(sameId).delete();
  }
  const key = await batch.key();
  const targets: string[] = [];

  const done = new Set<string>();
  for (const sub of subscriptions) {
    if (done.has(sub.process_instance_key)) continue;
    const instance = await batch.load(sub.process_instance_key);
    if (!instance) continue;
    if (
      await trigger(batch, instance, sub.element_instance_key, sub.element_id, message.variables)
    ) {
      done.add(sub.process_instance_key);
      targets.push(sub.process_instance_key);
    }
  }

  for (const definition of await batch.allLatest()) {
    const start = messageStarts(definition).find((s) => s.name === message.name);
    if (!start) continue;
    if (
      await startByMessage(batch, definition, start.id, message.correlationKey, message.variables)
    )
      targets.push(`process:${definition.bpmnProcessId}`);
  }

  if (message.timeToLiveMs > 0) {
    await trx('engine.messages').insert({
      key,
      name: message.name,
      correlation_key: message.correlationKey,
      message_id: message.messageId,
      variables: JSON.stringify(message.variables),
      expires_at: new Date(now.getTime() + message.timeToLiveMs),
      created_at: now,
    });
    if (targets.length) {
      await trx('engine.message_correlations').insert(
        targets.map((target) => ({ message_key: key, target })),
      );
    }
  }
  batch.record({
    key,
    value_type: 'MESSAGE',
    intent: 'PUBLISHED',
    process_instance_key: null,
    element_id: null,
    element_type: null,
    payload: { name: message.name, correlationKey: message.correlationKey, correlatedTo: targets },
  });
  return key;
}

/**
 * A publish and a subscription opening for the same name and key take turns
 * (until commit): otherwise each could commit without seeing the other, and
 * the message would be lost although buffered.
 */
function correlationLock(name: string, correlationKey: string): Statement {
  return {
    text: 'select pg_advisory_xact_lock(hashtext($1))',
    values: [`message:${name}:${correlationKey}`],
  };
}

function lockCorrelation(batch: Batch, name: string, correlationKey: string): Promise<unknown> {
  const { text, values } = correlationLock(name, correlationKey);
  return batch.sql.query(text, values);
}

/** A subscription just opened: correlate the oldest buffered message it has not had. */
export async function correlateBuffered(
  batch: Batch,
  processInstanceKey: string,
  ownerKey: string,
  elementId: string,
  name: string,
  correlationKey: string,
): Promise<void> {
  if (!batch.isLive(ownerKey)) return;
  const [, rows] = await batch.sql.inOneTrip([
    correlationLock(name, correlationKey),
    {
      text: `select m.key::text, m.variables from engine.messages m
              where m.name = $1 and m.correlation_key = $2 and m.expires_at > $3
                and not exists (select 1 from engine.message_correlations c
                                 where c.message_key = m.key and c.target = $4)
              order by m.key limit 1`,
      values: [name, correlationKey, batch.now, processInstanceKey],
    },
  ]);
  const message = rows![0] as { key: string; variables: Record<string, unknown> } | undefined;
  if (!message) return;
  const instance = await batch.load(processInstanceKey);
  if (!instance) return;
  if (await trigger(batch, instance, ownerKey, elementId, message.variables)) {
    await batch
      .trx('engine.message_correlations')
      .insert({ message_key: message.key, target: processInstanceKey });
  }
}

/** Buffered messages past their TTL are dropped. */
export async function expireMessages(batch: Batch): Promise<number> {
  const expired = await batch
    .trx('engine.messages')
    .where('expires_at', '<=', batch.now)
    .delete()
    .returning('key');
  if (expired.length) {
    await batch
      .trx('engine.message_correlations')
      .whereIn(
        'message_key',
        expired.map((r: { key: string }) => r.key),
      )
      .delete();
  }
  return expired.length;
}

/** The message start events of a process, with their message names. */
function messageStarts(definition: StoredDefinition): { id: string; name: unknown }[] {
  const process = definition.process;
  return process.scope.eventStartIds.flatMap((id) => {
    const node = process.elements.get(id);
    return node?.kind === 'startEvent' && node.event.kind === 'message'
      ? [{ id, name: node.event.message.name.evaluate({}) }]
      : [];
  });
}

/** Starts an instance by a message, unless one its correlation key started is still active. */
async function startByMessage(
  batch: Batch,
  definition: StoredDefinition,
  startId: string,
  correlationKey: string,
  variables: Record<string, unknown>,
): Promise<boolean> {
  const { trx } = batch;
  const lock = { bpmn_process_id: definition.bpmnProcessId, correlation_key: correlationKey };
  if (correlationKey && (await trx('engine.message_start_locks').where(lock).first())) return false;
  const instance = await createProcessInstance(
    batch,
    definition,
    {},
    { startElementId: startId, payload: variables },
  );
  if (correlationKey && batch.isLive(instance.key)) {
    await trx('engine.message_start_locks').insert({ ...lock, process_instance_key: instance.key });
  }
  return true;
}

/**
 * A process instance ended. If a keyed message started it, the next buffered
 * message with that key (which it held back) starts a new instance, as in Zeebe.
 */
export async function releaseMessageStart(batch: Batch, instance: LoadedInstance): Promise<void> {
  // Only an instance started by a message start event can hold a lock.
  if (messageStarts(instance.definition).length === 0) return;
  const { trx } = batch;
  const [lock] = await trx('engine.message_start_locks')
    .where('process_instance_key', instance.key)
    .delete()
    .returning<{ bpmn_process_id: string; correlation_key: string }[]>([
      'bpmn_process_id',
      'correlation_key',
    ]);
  if (!lock) return;
  const definition = await batch.latest(lock.bpmn_process_id);
  const starts = messageStarts(definition);
  // A message published meanwhile is either seen here or sees the lock gone.
  for (const start of starts)
    await lockCorrelation(batch, String(start.name), lock.correlation_key);
  const target = `process:${definition.bpmnProcessId}`;
  const message = await trx('engine.messages as m')
    .whereIn(
      'm.name',
      starts.map((s) => String(s.name)),
    )
    .where('m.correlation_key', lock.correlation_key)
    .where('m.expires_at', '>', batch.now)
    .whereNotExists((q) =>
      q
        .from('engine.message_correlations as c')
        .whereRaw('c.message_key = m.key')
        .where('c.target', target),
    )
    .orderBy('m.key')
    .first<{ key: string; name: string; variables: Record<string, unknown> } | undefined>(
      'm.key',
      'm.name',
      'm.variables',
    );
  const start = message && starts.find((s) => s.name === message.name);
  if (!message || !start) return;
  await startByMessage(batch, definition, start.id, lock.correlation_key, message.variables);
  await trx('engine.message_correlations').insert({ message_key: message.key, target });
}
