// A process instance's revision, on its root element instance: every command
// that changes a live instance counts it up. An engine process that kept an
// instance's state in memory after its own command checks, under the
// instance's lock, that the revision is still the one it kept.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'alter table engine.element_instances add column revision integer not null default 0',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table engine.element_instances drop column revision');
}
