// What running procedures need: jobs a worker has done (at-least-once
// delivery must not repeat an effect), the officers' worklist, the national
// forms issued for a dossier (Mẫu 01–05) and its result documents.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table processed_jobs (
      job_key text primary key,
      job_type text not null,
      dossier_id uuid references dossiers(id),
      result jsonb not null,
      processed_at timestamptz not null
    );

    create table tasks (
      id uuid primary key default gen_random_uuid(),
      -- A job that times out and comes back is the same task: matched by this key.
      element_instance_key text not null unique,
      job_key text not null,
      process_instance_key text not null,
      element_id text not null,
      dossier_id uuid not null references dossiers(id),
      agency_id uuid not null references agencies(id),
      name text not null,
      form_key text,
      candidate_groups text[] not null default '{}',
      assignee_id uuid references accounts(id),
      due_at timestamptz,
      follow_up_at timestamptz,
      priority integer not null default 50,
      status text not null check (status in ('open', 'completed', 'cancelled')),
      data jsonb,
      created_at timestamptz not null,
      claimed_at timestamptz,
      completed_at timestamptz,
      completed_by uuid references accounts(id),
      -- The deadline watcher warns once.
      warned_at timestamptz
    );
    create index tasks_open on tasks (agency_id, due_at) where status = 'open';
    create index on tasks (dossier_id);

    create table task_comments (
      id uuid primary key default gen_random_uuid(),
      task_id uuid not null references tasks(id),
      author_id uuid not null references accounts(id),
      body text not null,
      created_at timestamptz not null
    );
    create index on task_comments (task_id);

    -- Mẫu 01 (receipt), 02 (supplement request), 03 (refusal), 04 (apology), 05 (hand-over).
    create table dossier_forms (
      id uuid primary key default gen_random_uuid(),
      dossier_id uuid not null references dossiers(id),
      form_no text not null check (form_no in ('01', '02', '03', '04', '05')),
      issued_at timestamptz not null,
      data jsonb not null
    );
    create index on dossier_forms (dossier_id);

    create table dossier_results (
      id uuid primary key default gen_random_uuid(),
      dossier_id uuid not null references dossiers(id),
      number text not null unique,
      issued_at timestamptz not null,
      signer text not null,
      approved boolean not null,
      storage_key text
    );

    alter table dossiers add column paused_at timestamptz;
    alter table dossiers add column paused_intervals jsonb not null default '[]';
    alter table dossiers add column fees_due jsonb;
    -- Set once by the deadline watcher when the appointment date passed unmet.
    alter table dossiers add column overdue_at timestamptz;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table dossiers drop column paused_at, drop column paused_intervals, drop column fees_due,
      drop column overdue_at;
    drop table dossier_results, dossier_forms, task_comments, tasks, processed_jobs;
  `);
}
