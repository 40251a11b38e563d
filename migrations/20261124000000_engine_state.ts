// The embedded engine's state, in its own schema `engine`. Keys are int64
// (bigint), handed out in blocks from one sequence.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create schema engine;

    -- Keys look like Zeebe's (partition 1); each engine process takes blocks of 1000.
    create sequence engine.keys start with 2251799813685249 increment by 1000;

    create table engine.process_definitions (
      key bigint primary key,
      bpmn_process_id text not null,
      version integer not null,
      resource_name text not null,
      checksum text not null,
      deployment_key bigint not null,
      xml text not null,
      created_at timestamptz not null,
      unique (bpmn_process_id, version)
    );

    create table engine.element_instances (
      key bigint primary key,
      process_instance_key bigint not null,
      definition_key bigint not null,
      element_id text not null,
      -- null for a process instance's own root.
      flow_scope_key bigint,
      -- Runtime data of this instance: multi-instance counters, gateway joins, ...
      data jsonb not null default '{}',
      -- A called process instance points at the call activity that started it.
      parent_element_instance_key bigint,
      created_at timestamptz not null
    );
    -- Only live element instances are kept; their history is in engine.records.
    create index on engine.element_instances (process_instance_key);

    create table engine.variables (
      scope_key bigint not null,
      name text not null,
      value jsonb,
      process_instance_key bigint not null,
      primary key (scope_key, name)
    );
    create index on engine.variables (process_instance_key);

    create table engine.jobs (
      key bigint primary key,
      type text not null,
      state text not null check (state in ('activatable', 'activated', 'failed', 'error_thrown')),
      retries integer not null,
      deadline timestamptz,
      backoff_until timestamptz,
      worker text not null default '',
      error_message text not null default '',
      custom_headers jsonb not null,
      process_instance_key bigint not null,
      element_instance_key bigint not null,
      element_id text not null,
      bpmn_process_id text not null,
      definition_key bigint not null,
      version integer not null,
      -- The variable scopes visible to the job, innermost first.
      scope_path bigint[] not null,
      created_at timestamptz not null
    );
    create index on engine.jobs (type, key) where state in ('activatable', 'activated');
    create index on engine.jobs (element_instance_key);

    create table engine.timers (
      key bigint primary key,
      due_at timestamptz not null,
      element_id text not null,
      definition_key bigint not null,
      -- Null for a timer start event of a process.
      element_instance_key bigint,
      process_instance_key bigint,
      -- Remaining repetitions of a cycle (-1: unbounded) and its interval.
      repetitions integer not null default 0,
      interval_ms bigint,
      cron text
    );
    create index on engine.timers (due_at);
    create index on engine.timers (element_instance_key);

    create table engine.message_subscriptions (
      key bigint primary key,
      message_name text not null,
      correlation_key text not null,
      element_id text not null,
      element_instance_key bigint not null,
      process_instance_key bigint not null,
      created_at timestamptz not null
    );
    create index on engine.message_subscriptions (message_name, correlation_key);
    create index on engine.message_subscriptions (element_instance_key);

    create table engine.messages (
      key bigint primary key,
      name text not null,
      correlation_key text not null,
      message_id text not null default '',
      variables jsonb not null,
      expires_at timestamptz not null,
      created_at timestamptz not null
    );
    create index on engine.messages (name, correlation_key);
    create unique index on engine.messages (name, message_id) where message_id <> '';

    -- A buffered message correlates at most once per process instance and
    -- starts at most one instance per process.
    create table engine.message_correlations (
      message_key bigint not null,
      target text not null,
      primary key (message_key, target)
    );

    -- One active instance per correlation key for message start events.
    create table engine.message_start_locks (
      bpmn_process_id text not null,
      correlation_key text not null,
      process_instance_key bigint not null,
      primary key (bpmn_process_id, correlation_key)
    );

    create table engine.signal_subscriptions (
      key bigint primary key,
      signal_name text not null,
      element_id text not null,
      definition_key bigint not null,
      -- Null for a signal start event of a process.
      element_instance_key bigint,
      process_instance_key bigint
    );
    create index on engine.signal_subscriptions (signal_name);
    create index on engine.signal_subscriptions (element_instance_key);

    create table engine.incidents (
      key bigint primary key,
      state text not null check (state in ('active', 'resolved')),
      error_type text not null,
      error_message text not null,
      process_instance_key bigint not null,
      element_instance_key bigint not null,
      element_id text not null,
      job_key bigint,
      created_at timestamptz not null,
      resolved_at timestamptz
    );
    create index on engine.incidents (process_instance_key);

    -- Append-only history of every element's lifecycle and every command.
    create table engine.records (
      position bigserial primary key,
      key bigint not null,
      value_type text not null,
      intent text not null,
      process_instance_key bigint,
      element_id text,
      element_type text,
      payload jsonb,
      created_at timestamptz not null
    );
    create index on engine.records (process_instance_key);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop schema engine cascade');
}
