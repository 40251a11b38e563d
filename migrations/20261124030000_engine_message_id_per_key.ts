// Zeebe keeps a message id unique per message name and correlation key, not
// per name alone: the same id may be used under another key.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    drop index engine.messages_name_message_id_idx;
    create unique index messages_name_key_message_id on engine.messages (name, correlation_key, message_id)
      where message_id <> '';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop index engine.messages_name_key_message_id;
    create unique index messages_name_message_id_idx on engine.messages (name, message_id) where message_id <> '';
  `);
}
