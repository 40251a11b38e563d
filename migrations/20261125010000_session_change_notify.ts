// Server processes keep recently resolved sessions in memory
// (server/plugins/app/accounts/session-cache.ts); these triggers tell every
// process, through `motcua_sessions`, which account to forget whenever one of
// its sessions ends or the account itself changes.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- The trigger's argument names the column that holds the account id.
    create function sessions_changed_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('motcua_sessions', to_jsonb(old) ->> tg_argv[0]);
        return null;
      end $$;
    create trigger sessions_changed_notify after delete on sessions
      for each row execute function sessions_changed_notify('account_id');
    create trigger accounts_changed_notify after update or delete on accounts
      for each row execute function sessions_changed_notify('id');
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop trigger accounts_changed_notify on accounts;
    drop trigger sessions_changed_notify on sessions;
    drop function sessions_changed_notify();
  `);
}
