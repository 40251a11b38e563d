// Appending to a dossier's audit chain locks the dossier row, then reads the
// chain's last event. The read must come after the lock (it must see events
// committed while the append waited), so it was a second round trip. A
// volatile PL/pgSQL function takes a fresh snapshot for each statement it
// runs: both go to the server in one call. No row: no such dossier; a row
// with a null seq: no event yet.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function lock_dossier_chain_head(dossier uuid, out seq integer, out hash text)
      returns setof record language plpgsql volatile as $$
      begin
        -- FOR NO KEY UPDATE serialises appends to the dossier without
        -- blocking inserts of rows that reference it.
        perform 1 from dossiers d where d.id = dossier for no key update;
        if not found then return; end if;
        select e.seq, e.hash into seq, hash from dossier_events e
         where e.dossier_id = dossier order by e.seq desc limit 1;
        return next;
      end $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function lock_dossier_chain_head(uuid)');
}
