// Message correlation: by name and correlation key to open subscriptions (at
// most once per process instance), to message start events (one active
// instance per correlation key), and buffered for its TTL for later ones.
import type { Batch } from './batch.js';
import { EngineError } from './engine-error.js';
import { trigger } from './events.js';
import { createProcessInstance } from './flow.js';

export interface PublishedMessage {
  name: string;
  correlationKey: string;
  timeToLiveMs: number;
  messageId: string;
  variables: Record<string, unknown>;
}

export async function publishMessage(batch: Batch, message: PublishedMessage): Promise<string> {
  const { trx, now } = batch;
  if (message.messageId) {
    const duplicate = await trx('engine.messages')
      .where({ name: message.name, message_id: message.messageId })
      .where('expires_at', '>', now)
      .first('key');
    if (duplicate) {
      throw new EngineError(
        'ALREADY_EXISTS',
        `Expected to publish a new message with id '${message.messageId}', but a message with that id was already published`,
      );
    }
    // An expired message with the same id no longer counts.
    await trx('engine.messages')
      .where({ name: message.name, message_id: message.messageId })
      .delete();
  }
  const key = await batch.key();
  const targets: string[] = [];

  const subscriptions = await trx('engine.message_subscriptions')
    .where({ message_name: message.name, correlation_key: message.correlationKey })
    .orderBy('key')
    .select<{ process_instance_key: string; element_instance_key: string; element_id: string }[]>();
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

  for (const definition of await batch.definitions.allLatest(trx)) {
    const process = definition.process;
    const start = process.scope.eventStartIds
      .map((id) => process.elements.get(id))
      .find(
        (node) =>
          node?.kind === 'startEvent' &&
          node.event.kind === 'message' &&
          node.event.message.name.evaluate({}) === message.name,
      );
    if (!start) continue;
    const target = `process:${definition.bpmnProcessId}`;
    if (message.correlationKey) {
      const active = await trx('engine.message_start_locks')
        .where({
          bpmn_process_id: definition.bpmnProcessId,
          correlation_key: message.correlationKey,
        })
        .first();
      if (active) continue;
    }
    const instance = await createProcessInstance(
      batch,
      definition,
      {},
      {
        startElementId: start.id,
        payload: message.variables,
      },
    );
    if (message.correlationKey && batch.isLive(instance.key)) {
      await trx('engine.message_start_locks').insert({
        bpmn_process_id: definition.bpmnProcessId,
        correlation_key: message.correlationKey,
        process_instance_key: instance.key,
      });
    }
    targets.push(target);
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
  const { rows } = await batch.trx.raw<{
    rows: { key: string; variables: Record<string, unknown> }[];
  }>(
    `select m.key, m.variables from engine.messages m
      where m.name = ? and m.correlation_key = ? and m.expires_at > ?
        and not exists (select 1 from engine.message_correlations c
                         where c.message_key = m.key and c.target = ?)
      order by m.key limit 1`,
    [name, correlationKey, batch.now, processInstanceKey],
  );
  const message = rows[0];
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
