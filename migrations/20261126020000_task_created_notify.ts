// A new worklist task notifies `motcua_tasks` on commit with its id, its
// agency and its candidate groups, so that each server process can tell the
// live worklist streams of that agency's officers (task-feed.plugin.ts)
// without a read for officers of other groups.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function tasks_notify_created() returns trigger language plpgsql as $$
      begin
        perform pg_notify('motcua_tasks', json_build_object(
          'taskId', new.id, 'agencyId', new.agency_id,
          'candidateGroups', new.candidate_groups, 'assigneeId', new.assignee_id)::text);
        return null;
      end $$;
    create trigger tasks_notify_created after insert on tasks
      for each row execute function tasks_notify_created();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop trigger tasks_notify_created on tasks;
    drop function tasks_notify_created();
  `);
}
