// Signals: broadcast to every signal catch event and signal start event.
import type { Batch } from './batch.js';
import { trigger } from './events.js';
import { createProcessInstance } from './flow.js';

export async function broadcastSignal(
  batch: Batch,
  name: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const subscriptions = await batch
    .trx('engine.signal_subscriptions')
    .where('signal_name', name)
    .orderBy('key')
    .select<
      {
        element_instance_key: string | null;
        process_instance_key: string | null;
        element_id: string;
        definition_key: string;
      }[]
    >();
  for (const sub of subscriptions) {
    if (sub.element_instance_key === null) {
      const definition = await batch.definitions.byKey(sub.definition_key, batch.trx);
      await createProcessInstance(
        batch,
        definition,
        {},
        { startElementId: sub.element_id, payload: variables },
      );
      continue;
    }
    const instance = await batch.load(sub.process_instance_key!);
    if (instance)
      await trigger(batch, instance, sub.element_instance_key, sub.element_id, variables);
  }
}
