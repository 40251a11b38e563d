// Timers that fall due: start events create instances, others fire their
// event; cycles are scheduled again while repetitions remain.
import type { Batch, TimerRow } from './batch.js';
import { trigger } from './events.js';
import { createProcessInstance } from './flow.js';
import { nextFiring } from './timer-schedule.js';

export async function fireTimer(batch: Batch, timer: TimerRow): Promise<void> {
  batch.deleteTimer(timer.key, timer.element_instance_key);
  let stillWaiting = true;
  if (timer.element_instance_key === null) {
    const definition = await batch.definitions.byKey(timer.definition_key, batch.trx);
    await createProcessInstance(batch, definition, {}, { startElementId: timer.element_id });
  } else {
    const instance = await batch.load(timer.process_instance_key!);
    if (!instance) return;
    await trigger(batch, instance, timer.element_instance_key, timer.element_id, {});
    stillWaiting =
      batch.isLive(timer.element_instance_key) && instance.elements.has(timer.element_instance_key);
  }
  batch.record({
    key: timer.key,
    value_type: 'TIMER',
    intent: 'TRIGGERED',
    process_instance_key: timer.process_instance_key,
    element_id: timer.element_id,
    element_type: null,
    payload: { dueDate: timer.due_at },
  });
  if (stillWaiting && timer.repetitions !== 0) {
    batch.addTimer({
      ...timer,
      key: await batch.key(),
      due_at: nextFiring(
        new Date(timer.due_at),
        timer.interval_ms === null ? null : Number(timer.interval_ms),
        timer.cron,
      ),
      repetitions: timer.repetitions > 0 ? timer.repetitions - 1 : -1,
    });
  }
}
