// What the portal and the modeler need from the server: every BPMN the server
// deployed (the diagram of the exact version a dossier runs on, the modeler's
// history), the process definition each dossier runs on, the BPMN element of
// each finished job, ratings, the stored file of a result, and a notification
// on every appended audit event (live status over LISTEN/NOTIFY, across
// server processes).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table process_deployments (
      id uuid primary key default gen_random_uuid(),
      bpmn_process_id text not null,
      version integer not null,
      process_definition_key text not null unique,
      resource_name text not null,
      xml text not null,
      checksum text not null,
      source text not null check (source in ('file', 'modeler')),
      deployed_by uuid references accounts(id),
      deployed_at timestamptz not null,
      unique (bpmn_process_id, version)
    );

    alter table dossiers add column bpmn_process_id text;
    alter table dossiers add column process_definition_key text;
    alter table dossiers add column process_definition_version integer;

    alter table processed_jobs add column element_id text;
    alter table processed_jobs add column process_instance_key text;
    create index processed_jobs_dossier on processed_jobs (dossier_id);

    alter table dossier_results add column file_name text;
    alter table dossier_results add column content_type text;
    create index dossier_results_dossier on dossier_results (dossier_id);

    create table dossier_ratings (
      dossier_id uuid primary key references dossiers(id),
      rated_by uuid not null references accounts(id),
      score smallint not null check (score between 1 and 5),
      comment text,
      rated_at timestamptz not null
    );

    create function dossier_events_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('motcua_dossier_events',
          json_build_object('dossierId', new.dossier_id, 'seq', new.seq)::text);
        return null;
      end $$;
    create trigger dossier_events_notify after insert on dossier_events
      for each row execute function dossier_events_notify();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop trigger dossier_events_notify on dossier_events;
    drop function dossier_events_notify();
    drop table dossier_ratings;
    drop index dossier_results_dossier;
    alter table dossier_results drop column file_name, drop column content_type;
    drop index processed_jobs_dossier;
    alter table processed_jobs drop column element_id, drop column process_instance_key;
    alter table dossiers drop column bpmn_process_id, drop column process_definition_key,
      drop column process_definition_version;
    drop table process_deployments;
  `);
}
