// A dossier event's notification carries the dossier's status and update
// time as the appending transaction has them (it holds the dossier's lock),
// so a live dossier stream sends them without reading the dossier again.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create or replace function dossier_events_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('motcua_dossier_events', (
          select json_build_object('dossierId', new.dossier_id, 'seq', new.seq,
                                   'status', d.status, 'updatedAt', d.updated_at)::text
            from dossiers d where d.id = new.dossier_id));
        return null;
      end $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    create or replace function dossier_events_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('motcua_dossier_events',
          json_build_object('dossierId', new.dossier_id, 'seq', new.seq)::text);
        return null;
      end $$;
  `);
}
